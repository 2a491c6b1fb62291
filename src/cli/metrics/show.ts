import { roundTo } from "../../internal/round.js";
import type { Result, TableColumn } from "./types.js";

// Small helpers the metric views share to turn result fields into table cells.

/** Decimals shown in tables when --decimals is not given. */
export const TABLE_DECIMALS = 1;

/** A number with a fixed count of decimals (default {@link TABLE_DECIMALS}). */
export function fixed(value: unknown, decimals: number | undefined): string {
  if (typeof value !== "number") return "";
  const d = decimals ?? TABLE_DECIMALS;
  // Half away from zero on the shortest decimal spelling, as the calculators round: 34.925 shows as 34.93.
  return roundTo(value, d).toFixed(d);
}

/** A count: an integer as is, a weighted sum with two decimals at most. */
export function count(value: unknown): string {
  if (typeof value !== "number") return "";
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** A column showing one numeric field. */
export function numberColumn(header: string, field: string, decimals: number | undefined, suffix = ""): TableColumn {
  return {
    header,
    cell: (r: Result) => {
      const text = fixed(r[field], decimals);
      return text === "" ? "" : `${text}${suffix}`;
    },
  };
}

/** A column showing a count field. */
export function countColumn(header: string, field: string): TableColumn {
  return { header, cell: (r: Result) => count(r[field]) };
}

/** The confidence interval next to the score, `[41.2, 58.8]`, headed by its level; empty when the result has none. */
export function intervalColumn(decimals: number | undefined, confidence: number | undefined): TableColumn {
  const level = confidence ?? 0.95;
  return {
    header: `${trimNumber(level * 100)}% CI`,
    cell: (r: Result) => {
      const ci = r.confidenceInterval as { lower?: unknown; upper?: unknown } | undefined;
      if (ci === undefined || typeof ci.lower !== "number" || typeof ci.upper !== "number") return "";
      return `[${fixed(ci.lower, decimals)}, ${fixed(ci.upper, decimals)}]`;
    },
  };
}

/** "small sample" where the result is flagged `smallSample` (fewer than 30 responses); the column is left out otherwise. */
export const SMALL_SAMPLE_COLUMN: TableColumn = {
  header: "note",
  cell: (r: Result) => (r.smallSample === true ? "small sample" : ""),
  left: true,
};

function trimNumber(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
