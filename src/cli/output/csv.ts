import type { Entry } from "../aggregate.js";
import type { View } from "../metrics/types.js";
import { isDecimal } from "../values.js";
import { explodeEntries } from "./table.js";

/**
 * One row per group (per cohort for cohort retention): the key columns, then every result field flattened to `field`
 * or `parent.child`. Produced row by row.
 */
export function* formatCsv(grouped: ReadonlyArray<Entry>, isGrouped: boolean, view: View): Generator<string> {
  const entries = explodeEntries(grouped, view);
  const rowOf = (entry: Entry) => {
    const row = new Map<string, unknown>();
    if (isGrouped) row.set("key", entry.key);
    if (entry.period !== undefined) row.set("period", entry.period);
    flatten(entry.result, "", row);
    return row;
  };
  const header: string[] = [];
  const known = new Set<string>();
  for (const entry of entries) {
    for (const name of rowOf(entry).keys()) {
      if (!known.has(name)) {
        known.add(name);
        header.push(name);
      }
    }
  }
  yield `${header.map(csvCell).join(",")}\n`;
  for (const entry of entries) {
    const row = rowOf(entry);
    yield `${header.map((name) => csvCell(row.get(name))).join(",")}\n`;
  }
}

/** Nested objects and arrays become columns named by their path: `confidenceInterval.lower`, `retention.3`. */
function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (typeof value === "object" && value !== null) {
    for (const [name, inner] of Object.entries(value)) flatten(inner, prefix === "" ? name : `${prefix}.${name}`, into);
  } else {
    into.set(prefix, value);
  }
}

// A spreadsheet runs a cell starting with one of these as a formula (tab and carriage return start one too in some).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. Text that a spreadsheet would
 * run as a formula is prefixed with an apostrophe, which shows it as text; numbers (and text spelling a decimal number,
 * such as a segment "-5") are left as they are.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA_START.test(text) && !isDecimal(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
