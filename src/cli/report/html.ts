// The report page: one HTML file with everything inline (styles, SVG charts), no script, no font, no link out, so it
// opens offline, passes any content-security policy and prints on plain paper.
import type { Entry } from "../aggregate.js";
import { roundTo } from "../../internal/round.js";
import { escapeXml } from "../render/svg.js";
import type { Observed } from "./observe.js";

/** What the page holds beyond the run itself. */
export interface Page {
  readonly title: string;
  readonly version: string;
  readonly generatedAt: string;
  /** The command line, as typed after the program name. */
  readonly command: string;
  /** Rendered charts: SVG markup and the description a reader gets in words. */
  readonly charts: ReadonlyArray<{ svg: string; title: string; description: string }>;
  /** The metric's definition, as its help gives it. */
  readonly definition: string;
  /** Why a chart is missing, when it is. */
  readonly notes: ReadonlyArray<string>;
}

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1a1a1a; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ccc; }
.meta { color: #444; margin: 0; } code { font-size: .9em; }
table { border-collapse: collapse; margin: .5rem 0; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #ddd; padding: .2rem .7rem .2rem 0; text-align: right; vertical-align: top; }
th:first-child, td:first-child, th.text, td.text { text-align: left; }
.wide { overflow-x: auto; } caption { text-align: left; font-weight: 600; }
figure { margin: 1.5rem 0; break-inside: avoid; page-break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: #333; font-size: .9rem; max-width: 50rem; }
@media print { .wide { overflow: visible; } table { width: 100%; table-layout: fixed; font-size: 8pt; } th, td { padding: .1rem .3rem .1rem 0; overflow-wrap: anywhere; } body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; } table { break-inside: auto; } tr { break-inside: avoid; } }
`;

/** Numbers as the page shows them: at most two decimals (the JSON output keeps every digit). */
function num(x: number): string {
  return String(roundTo(x, 2));
}

/** `promoterPercent` as a header: `promoter percent`. */
function words(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function cell(value: unknown): string {
  if (typeof value === "number") return num(value);
  if (typeof value === "string") return escapeXml(value);
  if (Array.isArray(value)) return escapeXml(value.join(", "));
  if (value !== null && typeof value === "object") {
    const ci = value as { lower?: unknown; upper?: unknown; level?: unknown };
    if (typeof ci.lower === "number" && typeof ci.upper === "number") {
      return `${num(ci.lower)} to ${num(ci.upper)}${typeof ci.level === "number" ? ` (${num(ci.level * 100)}%)` : ""}`;
    }
    return escapeXml(JSON.stringify(value));
  }
  return "";
}

/** The results as tables: one row per group; nested rows (cohorts) become their own table. */
function resultTables(entries: ReadonlyArray<Entry>, seen: Observed): string {
  const groupHeads = [
    ...(seen.grouping.by === undefined ? [] : [seen.grouping.by]),
    ...(seen.grouping.period === undefined ? [] : [seen.grouping.period.period]),
  ];
  const keys: string[] = [];
  const nested: string[] = [];
  for (const e of entries) {
    for (const [k, v] of Object.entries(e.result)) {
      if (k === "metric") continue;
      const target = Array.isArray(v) && v.some((x) => x !== null && typeof x === "object") ? nested : keys;
      if (!target.includes(k)) target.push(k);
    }
  }
  const groupCells = (e: Entry) => {
    const cells: unknown[] = [];
    if (seen.grouping.by !== undefined) cells.push(e.key);
    if (seen.grouping.period !== undefined) cells.push(seen.grouping.by === undefined ? e.key : e.period);
    return cells.map((c) => `<td class="text">${cell(c)}</td>`).join("");
  };
  let html = "";
  if (keys.length > 0) {
    html += `<div class="wide"><table><thead><tr>${[...groupHeads, ...keys].map((h, i) => `<th scope="col"${i < groupHeads.length ? ' class="text"' : ""}>${escapeXml(words(h))}</th>`).join("")}</tr></thead><tbody>`;
    for (const e of entries) {
      html += `<tr>${groupCells(e)}${keys.map((k) => `<td>${cell(e.result[k])}</td>`).join("")}</tr>`;
    }
    html += "</tbody></table></div>";
  }
  for (const k of nested) {
    for (const e of entries) {
      const rows = e.result[k] as Array<Record<string, unknown>>;
      const heads = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      html += `<div class="wide"><table><caption>${escapeXml([k, e.key, e.period].filter((x) => x !== undefined).join(": "))}</caption><thead><tr>${heads.map((h) => `<th scope="col">${escapeXml(words(h))}</th>`).join("")}</tr></thead><tbody>`;
      for (const r of rows) html += `<tr>${heads.map((h) => `<td>${cell(r[h])}</td>`).join("")}</tr>`;
      html += "</tbody></table></div>";
    }
  }
  return html;
}

/** The coverage of the data: rows read, used and left out, and the periods the results span. */
function coverage(seen: Observed): string {
  const { tally } = seen;
  const used = tally.rows - tally.missing - tally.skipped - tally.filtered;
  const rows: Array<[string, string]> = [
    ["Input", escapeXml(seen.source)],
    ["Rows read", String(tally.rows)],
    ["Rows used", String(used)],
    ["Rows without a value", String(tally.missing)],
    [
      "Invalid rows skipped",
      tally.skipped === 0
        ? "0"
        : `${tally.skipped} (${tally.skippedPlaces.join(", ")}${tally.skipped > tally.skippedPlaces.length ? ", …" : ""})`,
    ],
  ];
  if (tally.filtered > 0) rows.push(["Rows left out by --where", String(tally.filtered)]);
  if (tally.empty.length > 0) rows.push(["Groups left out", escapeXml(tally.empty.map((g) => `${g.name}: ${g.reason}`).join("; "))]);
  if (seen.grouping.period !== undefined) {
    const labels = [...new Set(seen.entries.map((e) => (seen.grouping.by === undefined ? e.key : e.period) as string))].sort();
    rows.push([
      "Periods",
      `${escapeXml(labels[0]!)} to ${escapeXml(labels[labels.length - 1]!)} (${labels.length} ${seen.grouping.period.period}${labels.length === 1 ? "" : "s"}, by “${escapeXml(seen.grouping.period.dateColumn)}” in ${escapeXml(seen.grouping.period.timeZone)})`,
    ]);
  }
  if (seen.grouping.by !== undefined) {
    rows.push(["Segments", `${new Set(seen.entries.map((e) => e.key)).size}, by “${escapeXml(seen.grouping.by)}”`]);
  }
  return `<table>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td class="text">${v}</td></tr>`).join("")}</table>`;
}

/** The whole page. */
export function reportHtml(seen: Observed, page: Page): string {
  const charts = page.charts
    .map(
      (c, i) =>
        `<figure aria-labelledby="chart-${i}-title" aria-describedby="chart-${i}-desc"><h3 id="chart-${i}-title" hidden>${escapeXml(c.title)}</h3>${c.svg}<figcaption id="chart-${i}-desc">${escapeXml(c.description)}</figcaption></figure>`,
    )
    .join("\n");
  const definitions = `<p>${escapeXml(page.definition)}</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeXml(page.title)}</h1>
<p class="meta">${escapeXml(seen.metric)} from ${escapeXml(seen.source)}, made by cx-metrics ${escapeXml(page.version)} on ${escapeXml(page.generatedAt)}</p>
<p class="meta"><code>cx-metrics ${escapeXml(page.command)}</code></p>
</header>
<main>
<section aria-labelledby="coverage"><h2 id="coverage">Data coverage</h2>${coverage(seen)}</section>
${page.charts.length + page.notes.length === 0 ? "" : `<section aria-labelledby="charts"><h2 id="charts">Charts</h2>${charts}${page.notes.map((n) => `<p>${escapeXml(n)}</p>`).join("")}</section>`}
<section aria-labelledby="results"><h2 id="results">Results</h2>${resultTables(seen.entries, seen)}</section>
<section aria-labelledby="definitions"><h2 id="definitions">Definitions</h2>${definitions}<p>Percentages are computed once from exact counts and rounded half away from zero. Every figure here comes from the same calculators as the cx-metrics library.</p></section>
</main>
</body>
</html>
`;
}
