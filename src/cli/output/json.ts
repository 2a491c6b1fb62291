import type { Entry } from "../aggregate.js";

/** One JSON document: the result, or with groups an array of `{ key, result }` (`{ key, period, result }` with both). */
export function formatJson(entries: ReadonlyArray<Entry>, grouped: boolean): string {
  const document = grouped ? entries : entries[0]!.result;
  return `${JSON.stringify(document, null, 2)}\n`;
}
