// `cx-metrics report` and `--chart`, checked in Chromium: each report loads offline with no console error and no
// request, every chart is an SVG holding its marks, its words are there for screen readers, it prints on A4 without
// overflowing, and a screenshot of every chart lands in reports/browser/ for a person to look at.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, cli, ensureBuilt } from "../cli/helpers.js";
import { ARTIFACTS, launch, ORIGIN, ROOT, site } from "./harness.js";

const SURVEY = join(ROOT, "examples/data/survey-responses.csv");
const TICKETS = join(ROOT, "examples/data/tickets.csv");

let browser: Browser;
let dir: string;

/** A subscription export built from the CDNOW transactions: active from the first purchase to the last. */
function subscriptionsCsv(): string {
  const spans = new Map<string, [string, string]>();
  for (const line of readFileSync(join(ROOT, "test/fixtures/cdnow/CDNOW_sample.txt"), "utf8").trim().split("\n")) {
    const [id, , d] = line.trim().split(/\s+/) as [string, string, string];
    const at = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T00:00:00Z`;
    const span = spans.get(id);
    if (span === undefined) spans.set(id, [at, at]);
    else if (at > span[1]) span[1] = at;
  }
  return `customer,started,ended\n${[...spans].map(([id, [s, e]]) => `${id},${s},${e}`).join("\n")}\n`;
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "cx-report-"));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(html: string): Promise<{ page: Page; outside: string[]; errors: string[]; close(): Promise<void> }> {
  browser ??= await launch();
  const s = await site(browser, { "/": html });
  const page = await s.context.newPage();
  await page.goto(`${ORIGIN}/`);
  await page.waitForLoadState("load");
  return { page, outside: s.outside, errors: s.errors, close: () => s.context.close() };
}

/** Marks a chart draws, counted in the DOM: Vega's SVG puts each mark item under a `mark-<type> role-mark` group. */
async function marks(page: Page, figure: number, type: string): Promise<number> {
  const tag = type === "rule" ? "line" : type === "text" ? "text" : "path";
  return page.locator(`figure >> nth=${figure}`).locator(`g.mark-${type}.role-mark > ${tag}`).count();
}

interface Case {
  name: string;
  args: string[];
  /** Per figure: the chart's title prefix and the marks it must hold. */
  figures: Array<{ title: RegExp; marks: Record<string, number> }>;
  /** Text the coverage section must show. */
  coverage: string[];
}

const cases: Case[] = [
  {
    name: "nps-by-channel",
    args: [SURVEY, "--metric", "nps", "--column", "nps", "--by", "channel"],
    figures: [
      { title: /^NPS 10 from 240 responses$/, marks: { rect: 11 } },
      { title: /^Detractors, passives and promoters by segment$/, marks: { rect: 9 } },
    ],
    coverage: ["Rows read240", "Rows used240", "Segments3, by “channel”"],
  },
  {
    name: "csat-by-week",
    args: [SURVEY, "--metric", "csat", "--column", "csat", "--period", "week", "--date-column", "submittedAt"],
    figures: [{ title: /^CSAT by period$/, marks: { area: 1, line: 1, symbol: 5 } }],
    coverage: ["Periods2026-W40 to 2026-W44 (5 weeks, by “submittedAt” in UTC)"],
  },
  {
    name: "first-response-time",
    args: [TICKETS, "--metric", "first-response-time", "--created-column", "created_at", "--responded-column", "first_reply_at"],
    // 11 answered tickets: Sturges' rule gives ⌈log2 11⌉ + 1 = 5 bins.
    figures: [{ title: /^First response time: median 53 min/, marks: { rect: 5, rule: 2 } }],
    coverage: ["Rows read12"],
  },
];

describe("cx-metrics report in Chromium", () => {
  it.each(cases)("$name: loads offline, every chart an SVG with its marks and words, printable", async ({ name, args, figures, coverage }) => {
    const out = join(dir, `${name}.html`);
    const run = cli(["report", ...args, "--out", out]);
    expect(run.stderr).toBe(`cx-metrics: wrote ${out} (${figures.length} chart${figures.length === 1 ? "" : "s"}, ${run.stderr.match(/, (\d+) result/)![1]} result${run.stderr.includes(" 1 result)") ? "" : "s"})\n`);
    expect(run.status).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).not.toMatch(/<script|<link|@import|url\(|https?:\/\/(?!www\.w3\.org\/)/i);
    const { page, outside, errors, close } = await open(html);
    try {
      expect(await page.locator("figure svg").count()).toBe(figures.length);
      for (const [i, figure] of figures.entries()) {
        const svg = page.locator("figure svg").nth(i);
        expect(await svg.getAttribute("aria-label")).toMatch(figure.title);
        for (const [type, n] of Object.entries(figure.marks)) expect([type, await marks(page, i, type)]).toEqual([type, n]);
        // What a screen reader gets: the chart's role and name, and the description as the figure's caption.
        const description = await svg.locator("desc").textContent();
        expect(description!.length).toBeGreaterThan(60);
        expect(await page.locator("figcaption").nth(i).textContent()).toBe(description);
        expect(await page.locator("figure").nth(i).ariaSnapshot()).toContain(description!.slice(0, 40));
        await svg.screenshot({ path: join(ARTIFACTS, `report-${name}-${i + 1}.png`) });
      }
      const coverageText = (await page.locator("section", { hasText: "Data coverage" }).locator("tr").allTextContents()).join("\n");
      for (const line of coverage) expect(coverageText).toContain(line);
      expect((await page.locator("section", { hasText: "Definitions" }).textContent())!.length).toBeGreaterThan(80);
      // Printing: on an A4 page (210 mm at 96 dpi, no margins) no chart or table is wider than the paper.
      await page.emulateMedia({ media: "print" });
      await page.setViewportSize({ width: 794, height: 1123 });
      const widths = await page.locator("figure svg, table").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
      for (const right of widths) expect(right).toBeLessThanOrEqual(794);
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("cohorts: one heatmap cell per cohort and period", async () => {
    const csv = join(dir, "subscriptions.csv");
    writeFileSync(csv, subscriptionsCsv());
    const out = join(dir, "cohorts.html");
    const run = cli(["report", csv, "--metric", "cohorts", "--customer-column", "customer", "--start-column", "started", "--end-column", "ended", "--period", "month", "--as-of", "1998-06-30T00:00:00Z", "--out", out]);
    expect(run.status, run.stderr).toBe(0);
    const { page, outside, errors, close } = await open(readFileSync(out, "utf8"));
    try {
      const cells = await page.locator("table caption", { hasText: "cohorts" }).locator("xpath=..").locator("tbody tr").count();
      expect(cells).toBe(3);
      const expected = (await page.locator("table caption", { hasText: "cohorts" }).locator("xpath=..").locator("tbody tr td:last-child").allTextContents())
        .map((t) => t.split(", ").length)
        .reduce((a, b) => a + b, 0);
      expect(await marks(page, 0, "rect")).toBe(expected);
      expect(await marks(page, 0, "text")).toBe(expected);
      await page.locator("figure svg").first().screenshot({ path: join(ARTIFACTS, "report-cohorts-1.png") });
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("--chart writes one chart as a standalone SVG with its title and description", () => {
    const out = join(dir, "nps.svg");
    const run = cli(["nps", SURVEY, "--column", "nps", "--format", "json", "--chart", out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe(`cx-metrics: wrote ${out}\n`);
    expect(JSON.parse(run.stdout).score).toBe(10);
    const svg = readFileSync(out, "utf8");
    expect(svg).toMatch(/^<svg [^>]*role="graphics-document document"[^>]*aria-label="NPS 10 from 240 responses"><title>NPS 10 from 240 responses<\/title><desc>Bar chart of 240 answers/);
    expect(svg.match(/aria-roledescription="bar"/g)).toHaveLength(11);
  });

  it("names the install command when vega and vega-lite are missing", () => {
    const alone = mkdtempSync(join(tmpdir(), "cx-alone-"));
    try {
      // The package's own dependencies are there, the optional peers are not.
      copyFileSync(CLI, join(alone, "cli.mjs"));
      mkdirSync(join(alone, "node_modules"));
      symlinkSync(join(ROOT, "node_modules", "zod"), join(alone, "node_modules", "zod"), "dir");
      const result = spawnAlone(join(alone, "cli.mjs"), ["nps", SURVEY, "--column", "nps", "--chart", join(alone, "x.svg")]);
      expect(result.stderr).toBe(
        "cx-metrics: charts are drawn with vega and vega-lite, which are not installed; install them with: npm install vega@^6 vega-lite@^6\n",
      );
      expect(result.status).toBe(2);
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  });
});

/** Runs a copy of the CLI from a folder with no node_modules above it. */
function spawnAlone(script: string, args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8", cwd: tmpdir() });
  return { status: r.status, stderr: r.stderr };
}
