// The package claims browsers: its ES module build, loaded with no bundler (an import map in a plain page, and in a
// module Web Worker), gives exactly the results it gives in Node, to the last bit.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { build } from "tsup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import configs from "../../tsup.config.js";
import { launch, ORIGIN, ROOT, type Site, site } from "./harness.js";

const ZOD = join(ROOT, "node_modules", "zod");
const IMPORT_MAP = { imports: { "cx-metrics": "/esm/index.js", zod: "/zod/index.js", "zod/mini": "/zod/mini/index.js" } };

/**
 * Math.exp, Math.log and Math.pow of the Chromium under test and of Node's V8 may differ in the last bit (newer V8
 * versions changed their implementations): the share of sampled inputs where they differ, computed in both places.
 */
function mathProbe(): string {
  let s = 12345;
  const u = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const v: number[] = [];
  for (let i = 0; i < 3000; i++) v.push(Math.exp(u() * 40 - 20), Math.log(u() * 1000), Math.pow(u() * 50, u() * 6 - 3));
  return JSON.stringify(v);
}

/** The computations run in both places; `cx` is the module namespace. Returned as JSON text, so bits compare. */
const PROGRAM = `
export async function compute(cx, data) {
  const out = {
    nps: cx.nps(data.scores),
    npsWeighted: cx.nps(data.scores, { weights: data.weights, decimals: 2, interval: "adjusted-wald" }),
    npsTyped: cx.nps(Uint8Array.from(data.scores)),
    csat: cx.csat(data.ratings),
    csatCounts: cx.csat({ satisfied: 81, total: 97 }, { confidence: 0.9 }),
    firstResponseTime: cx.firstResponseTime(data.tickets, { unit: "minutes" }),
    firstResponseBusiness: cx.firstResponseTime(data.tickets, { unit: "hours", businessHours: data.calendar }),
    fitBgNbd: cx.fitBgNbd(data.customers),
  };
  try { cx.nps([11]); } catch (e) { out.error = { name: e.name, code: e.code, message: e.message }; }
  return JSON.stringify(out);
}`;

function csvRows(text: string): string[][] {
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
}

function inputs() {
  const survey = csvRows(readFileSync(join(ROOT, "examples/data/survey-responses.csv"), "utf8"));
  const tickets = csvRows(readFileSync(join(ROOT, "examples/data/tickets.csv"), "utf8"));
  const customers = csvRows(readFileSync(join(ROOT, "test/fixtures/cdnow/cdnow_customers_summary.csv"), "utf8"));
  return {
    scores: survey.map((r) => Number(r[3])),
    weights: survey.map((_, i) => 0.5 + (i % 7) / 3),
    ratings: survey.map((r) => Number(r[4])),
    tickets: tickets.map((r) => ({ createdAt: r[3], firstResponseAt: r[4] === "" ? null : r[4] })),
    calendar: JSON.parse(readFileSync(join(ROOT, "examples/data/business-hours.json"), "utf8")),
    customers: customers.map((r) => ({ frequency: Number(r[1]), recency: Number(r[2]), T: Number(r[3]) })),
  };
}

let browser: Browser;
let esm: string;
let nodeResults: string;
const data = inputs();

beforeAll(async () => {
  // The ES module build exactly as the package's tsup configuration makes it, into a scratch folder.
  esm = mkdtempSync(join(tmpdir(), "cx-esm-"));
  const [library] = configs as unknown as Array<Record<string, unknown>>;
  await build({ ...library, dts: false, sourcemap: false, outDir: esm, silent: true, config: false });
  const cx = await import(pathToFileURL(join(esm, "index.js")).href);
  const program = await import(`data:text/javascript,${encodeURIComponent(PROGRAM)}`);
  nodeResults = await program.compute(cx, data);
  browser = await launch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(esm, { recursive: true, force: true });
});

/**
 * nps, csat and firstResponseTime (and the error) must match Node's bit for bit. fitBgNbd must too when the two engines'
 * Math functions agree; when they do not, the optimiser walks a different path from the first differing bit, and the
 * fit must agree to the optimiser's tolerance instead.
 */
async function expectNodeResults(browserJson: string, browserMath: string): Promise<void> {
  const { fitBgNbd: webFit, ...web } = JSON.parse(browserJson);
  const { fitBgNbd: nodeFit, ...node } = JSON.parse(nodeResults);
  expect(JSON.stringify(web)).toBe(JSON.stringify(node));
  if (browserMath === mathProbe()) {
    expect(JSON.stringify(webFit)).toBe(JSON.stringify(nodeFit));
    return;
  }
  expect(webFit.converged).toBe(true);
  expect(webFit.logLikelihood).toBeCloseTo(nodeFit.logLikelihood, 6);
  for (const key of ["r", "alpha", "a", "b"]) {
    expect(Math.abs(webFit.params[key] / nodeFit.params[key] - 1)).toBeLessThan(1e-6);
  }
}

/** Opens the site's page, waits for the results it computes, and holds them to Node's; no request left the site. */
async function expectPageResults(s: Site): Promise<void> {
  const page = await s.context.newPage();
  await page.goto(`${ORIGIN}/`);
  const results = await page.waitForFunction(() => (globalThis as unknown as { results?: string }).results).then((h) => h.jsonValue());
  await expectNodeResults(results as string, await page.evaluate(mathProbe));
  expect(s.outside).toEqual([]);
  expect(s.errors).toEqual([]);
  await s.context.close();
}

describe("the ES module build in Chromium", () => {
  it("computes in Node what the comparison expects (the inputs are real)", () => {
    const results = JSON.parse(nodeResults);
    expect(results.nps.total).toBe(240);
    expect(results.firstResponseTime.answered).toBeGreaterThan(5);
    expect(results.fitBgNbd.params.r).toBeCloseTo(0.243, 3);
    expect(results.error.code).toBe("OUT_OF_RANGE");
  });

  it("gives Node's results in a plain page with an import map (bit for bit where the engines' Math agrees), with no network request and no console error", async () => {
    const s = await site(
      browser,
      {
        "/": `<!doctype html><meta charset="utf-8"><title>cx-metrics</title>
<script type="importmap">${JSON.stringify(IMPORT_MAP)}</script>
<script type="module">
import * as cx from "cx-metrics";
import { compute } from "/program.js";
const data = await (await fetch("/data.json")).json();
window.results = await compute(cx, data);
</script>`,
        "/program.js": PROGRAM,
        "/data.json": JSON.stringify(data),
      },
      { "/esm/": esm, "/zod/": ZOD },
    );
    await expectPageResults(s);
  });

  it("gives Node's results in a module Web Worker (bit for bit where the engines' Math agrees)", async () => {
    // Module workers do not read import maps (Chromium 156); the server maps the bare specifiers the same way instead.
    const mapped = (_path: string, text: string) =>
      Object.entries(IMPORT_MAP.imports).reduce((t, [bare, url]) => t.replaceAll(`from "${bare}"`, `from "${url}"`), text);
    const s = await site(
      browser,
      {
        "/": `<!doctype html><meta charset="utf-8"><title>cx-metrics worker</title>
<script type="module">
const worker = new Worker("/worker.js", { type: "module" });
worker.onmessage = (event) => { window.results = event.data; };
worker.onerror = (event) => { window.results = "worker error: " + event.message; };
worker.postMessage(await (await fetch("/data.json")).json());
</script>`,
        "/worker.js": `import * as cx from "/esm/index.js";
import { compute } from "/program.js";
self.onmessage = async (event) => { self.postMessage(await compute(cx, event.data)); };`,
        "/program.js": PROGRAM,
        "/data.json": JSON.stringify(data),
      },
      { "/esm/": esm, "/zod/": ZOD },
      mapped,
    );
    await expectPageResults(s);
  });
});
