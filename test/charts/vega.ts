// Checks a spec the way its users' tools will read it: valid against the Vega-Lite 6 JSON schema, compiled by
// vega-lite without a warning, and rendered by vega to SVG (headless).
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import * as vega from "vega";
import { compile } from "vega-lite";
import type { VegaLiteSpec } from "../../src/charts/index.js";

// The package's exports map hides its schema file; it ships in the package all the same.
const schema = JSON.parse(readFileSync(new URL("../../node_modules/vega-lite/build/vega-lite-schema.json", import.meta.url), "utf8")) as object;
let validator: ReturnType<Ajv["compile"]> | undefined;

/** Schema errors of a spec (empty when valid). */
export function schemaErrors(spec: VegaLiteSpec): string[] {
  validator ??= new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  return validator(spec) ? [] : (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** What vega-lite says while compiling a spec: its warnings and errors. */
export function compileMessages(spec: VegaLiteSpec): string[] {
  const messages: string[] = [];
  const note = (kind: string) => (...m: unknown[]) => {
    messages.push(`${kind}: ${m.join(" ")}`);
    return logger;
  };
  const logger: Record<string, unknown> = { level: () => logger, error: note("error"), warn: note("warn"), info: () => logger, debug: () => logger };
  compile(spec as never, { logger: logger as never });
  return messages;
}

/** The spec rendered to SVG by vega with no renderer (as the command line does). */
export async function svgOf(spec: VegaLiteSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec as never).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** How many items a mark of the given Vega mark type draws in the SVG (`rect`, `symbol`, `area`, `line`, `rule`). */
export function markCount(svg: string, type: string): number {
  const groups = [...svg.matchAll(new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>(.*?)</g>`, "gs"))];
  const tag = type === "rect" ? "path" : type === "symbol" ? "path" : type === "text" ? "text" : type === "rule" ? "line" : "path";
  return groups.reduce((n, g) => n + [...g[1]!.matchAll(new RegExp(`<${tag}\\b`, "g"))].length, 0);
}
