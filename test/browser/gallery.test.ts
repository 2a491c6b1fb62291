// The pictures in docs/images are the real output: regenerated from the chart functions, they must equal the files.
// Loaded in Chromium, each is an SVG holding its marks; a screenshot of each lands in reports/browser/.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VegaLiteSpec } from "../../src/charts/index.js";
import { renderSvg } from "../../src/cli/render/svg.js";
import { gallery } from "../../scripts/chart-gallery.js";
import { ARTIFACTS, launch, ORIGIN, ROOT, site } from "./harness.js";

const specs = gallery();
const rows = (name: string) => (specs[name] as VegaLiteSpec & { data: { values: unknown[] } }).data.values.length;

/** The marks each picture must hold, from its spec's data. */
const expected: Record<string, Record<string, number>> = {
  "nps-distribution": { rect: rows("nps-distribution") },
  "nps-breakdown": { rect: rows("nps-breakdown") },
  trend: { area: 1, line: 1, symbol: rows("trend") },
  "cohort-heatmap": { rect: rows("cohort-heatmap"), text: rows("cohort-heatmap") },
  "response-time-histogram": { rect: rows("response-time-histogram"), rule: 3 },
  "calibration-holdout": { line: 2, symbol: rows("calibration-holdout") },
  "probability-alive": { rect: rows("probability-alive") },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe("docs/images", () => {
  it("has a picture of every chart function", () => {
    expect(Object.keys(specs).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))("%s.svg is what the chart function draws today (npm run docs:images)", async (name) => {
    expect(readFileSync(join(ROOT, "docs/images", `${name}.svg`), "utf8")).toBe(await renderSvg(specs[name]!));
  });

  it.each(Object.keys(expected))("%s.svg holds its marks in Chromium", async (name) => {
    const svg = readFileSync(join(ROOT, "docs/images", `${name}.svg`), "utf8");
    const s = await site(browser, { "/": `<!doctype html><meta charset="utf-8"><title>${name}</title><body style="margin:0">${svg}</body>` });
    const page = await s.context.newPage();
    try {
      await page.goto(`${ORIGIN}/`);
      for (const [type, n] of Object.entries(expected[name]!)) {
        const tag = type === "rule" ? "line" : type === "text" ? "text" : "path";
        expect([type, await page.locator(`g.mark-${type}.role-mark > ${tag}`).count()]).toEqual([type, n]);
      }
      expect(await page.locator("svg").getAttribute("aria-label")).toBe(specs[name]!.title.text);
      await page.locator("svg").screenshot({ path: join(ARTIFACTS, `chart-${name}.png`) });
      expect(s.outside).toEqual([]);
      expect(s.errors).toEqual([]);
    } finally {
      await s.context.close();
    }
  });
});
