import type { Entry } from "../aggregate.js";
import { BAR, type View } from "../metrics/types.js";
import { escapeControls } from "../text.js";

const BAR_WIDTH = 24;

/** Headers naming the group columns: the --by column and the period length. */
export interface GroupHeaders {
  readonly key?: string;
  readonly period?: string;
}

/**
 * A table readable at a glance: one line per group, columns aligned (text left, numbers right), the interval next to
 * the score, the sample size, and a bar for the headline value. Columns empty in every row are left out.
 */
export function* formatTable(grouped: ReadonlyArray<Entry>, view: View, headers: GroupHeaders): Generator<string> {
  const entries = explodeEntries(grouped, view);
  const allColumns = typeof view.columns === "function" ? view.columns(entries.map((e) => e.result)) : view.columns;
  const header: string[] = [];
  const leftAligned: boolean[] = [];
  if (headers.key !== undefined) {
    header.push(escapeControls(headers.key));
    leftAligned.push(true);
  }
  if (headers.period !== undefined) {
    header.push(headers.period);
    leftAligned.push(true);
  }
  const bars = view.bar === undefined ? undefined : drawBars(entries, view.bar);
  const shown = allColumns.filter((c) => c === BAR || entries.some((e) => c.cell(e.result) !== ""));
  const columns = bars === undefined || shown.includes(BAR) ? shown : [...shown, BAR];
  for (const c of columns) {
    if (c === BAR && bars === undefined) continue;
    header.push(c.header);
    leftAligned.push(c === BAR || c.left === true);
  }
  const rows = entries.map((entry, i) => {
    const cells: string[] = [];
    if (headers.key !== undefined) cells.push(entry.key === "" ? "(empty)" : escapeControls(entry.key ?? ""));
    if (headers.period !== undefined) cells.push(entry.period ?? escapeControls(entry.key ?? ""));
    for (const c of columns) {
      if (c === BAR) {
        if (bars !== undefined) cells.push(bars[i]!);
      } else cells.push(escapeControls(c.cell(entry.result)));
    }
    return cells;
  });
  // A loop, not Math.max(...): spreading a hundred thousand rows into one call overflows the stack.
  const widths = header.map((h) => width(h));
  for (const r of rows) {
    for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i]!, width(r[i]!));
  }
  const line = (cells: ReadonlyArray<string>) =>
    cells
      .map((cell, i) => (leftAligned[i] ? cell + " ".repeat(widths[i]! - width(cell)) : " ".repeat(widths[i]! - width(cell)) + cell))
      .join("  ")
      .trimEnd();
  yield `${line(header)}\n`;
  for (const r of rows) yield `${line(r)}\n`;
}

/** One entry per row to show: a result that holds several rows (cohorts) becomes several entries with the same key. */
export function explodeEntries(entries: ReadonlyArray<Entry>, view: View): Entry[] {
  const explode = view.explode;
  if (explode === undefined) return [...entries];
  return entries.flatMap((entry) => explode(entry.result).map((result) => ({ ...entry, result })));
}

/** The columns a text takes: code points (escaped controls are already printable). */
function width(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** Bars of equal scale; a range below zero draws negative values left of the axis and positive ones right of it. */
function drawBars(entries: ReadonlyArray<Entry>, bar: NonNullable<View["bar"]>): string[] {
  const values = entries.map((e) => bar.value(e.result));
  let max = bar.max ?? 0;
  if (bar.max === undefined) for (const v of values) if (v > max) max = v;
  if (bar.min < 0) {
    const half = BAR_WIDTH / 2;
    return values.map((v) => {
      const n = Math.round((Math.abs(v) / Math.max(max, -bar.min)) * half);
      return v < 0
        ? `${"░".repeat(half - n)}${"█".repeat(n)}│${"░".repeat(half)}`
        : `${"░".repeat(half)}│${"█".repeat(n)}${"░".repeat(half - n)}`;
    });
  }
  return values.map((v) => {
    const n = max <= bar.min ? 0 : Math.round(((v - bar.min) / (max - bar.min)) * BAR_WIDTH);
    return "█".repeat(n) + "░".repeat(BAR_WIDTH - n);
  });
}
