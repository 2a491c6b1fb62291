// Renders chart specs to SVG text with vega-lite (compile) and vega (headless view, no renderer, toSVG). Both are
// optional peer dependencies of the command line: loaded on first use, with the install command when missing.
import type { VegaLiteSpec } from "../../charts/spec.js";
import { InputError } from "../errors.js";

interface Renderer {
  compile(spec: VegaLiteSpec): { spec: unknown };
  parse(spec: unknown): unknown;
  View: new (runtime: unknown, options: { renderer: "none" }) => { toSVG(): Promise<string>; finalize(): void };
}

/** The packages the charts need, as `npm install` takes them. */
export const RENDERER_PACKAGES = "vega@^6 vega-lite@^6";

let loading: Promise<Renderer> | undefined;

async function load(): Promise<Renderer> {
  let vega: Record<string, unknown>;
  let vegaLite: Record<string, unknown>;
  try {
    // Literal specifiers keep the bundler from inlining them: the packages are external, resolved at run time.
    [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND") {
      throw new InputError(
        `charts are drawn with vega and vega-lite, which are not installed; install them with: npm install ${RENDERER_PACKAGES}`,
      );
    }
    throw error;
  }
  return {
    compile: vegaLite.compile as Renderer["compile"],
    parse: vega.parse as Renderer["parse"],
    View: vega.View as Renderer["View"],
  };
}

/** The renderer, loaded once per process. */
function renderer(): Promise<Renderer> {
  loading ??= load();
  return loading;
}

/** Text made safe for XML and HTML: in an element or in a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/**
 * One chart as a standalone SVG document. Vega labels each mark and axis for screen readers; the document itself gets
 * the spec's title and description (`<title>`, `<desc>`, and the ARIA role of a chart).
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  const r = await renderer();
  const view = new r.View(r.parse(r.compile(spec).spec), { renderer: "none" });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const open = svg.indexOf(">", svg.indexOf("<svg")) + 1;
  const head = svg.slice(0, open - 1);
  return (
    `${head} role="graphics-document document" aria-roledescription="chart" aria-label="${escapeXml(spec.title.text)}">` +
    `<title>${escapeXml(spec.title.text)}</title><desc>${escapeXml(spec.description)}</desc>${svg.slice(open)}`
  );
}
