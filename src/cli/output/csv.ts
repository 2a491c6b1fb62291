import type { Entry } from "../aggregate.js";
import type { View } from "../metrics/types.js";
import { explodeEntries } from "./table.js";

/**
 * One row per group (per cohort for cohort retention): the key columns, then every result field flattened to `field`
 * or `parent.child`.
 */
export function formatCsv(grouped: ReadonlyArray<Entry>, isGrouped: boolean, view: View): string {
  const entries = explodeEntries(grouped, view);
  const rows = entries.map((entry) => {
    const row = new Map<string, unknown>();
    if (isGrouped) row.set("key", entry.key);
    if (entry.period !== undefined) row.set("period", entry.period);
    flatten(entry.result, "", row);
    return row;
  });
  const header: string[] = [];
  const known = new Set<string>();
  for (const row of rows) {
    for (const name of row.keys()) {
      if (!known.has(name)) {
        known.add(name);
        header.push(name);
      }
    }
  }
  const lines = [header.map(csvCell), ...rows.map((row) => header.map((name) => csvCell(row.get(name))))];
  return `${lines.map((cells) => cells.join(",")).join("\n")}\n`;
}

/** Nested objects and arrays become columns named by their path: `confidenceInterval.lower`, `retention.3`. */
function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (typeof value === "object" && value !== null) {
    for (const [name, inner] of Object.entries(value)) flatten(inner, prefix === "" ? name : `${prefix}.${name}`, into);
  } else {
    into.set(prefix, value);
  }
}

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
