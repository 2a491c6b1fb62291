import type { Entry } from "../aggregate.js";

/**
 * One JSON document: the result, or with groups an array of `{ key, result }` (`{ key, period, result }` with both),
 * produced entry by entry so that no single string holds the whole output.
 */
export function* formatJson(entries: ReadonlyArray<Entry>, grouped: boolean): Generator<string> {
  if (!grouped) {
    yield `${JSON.stringify(entries[0]!.result, null, 2)}\n`;
    return;
  }
  if (entries.length === 0) {
    yield "[]\n";
    return;
  }
  yield "[\n";
  for (let i = 0; i < entries.length; i++) {
    // Strings in JSON hold no raw line break, so indenting every line of an element is safe.
    const element = JSON.stringify(entries[i], null, 2).replaceAll("\n", "\n  ");
    yield `  ${element}${i === entries.length - 1 ? "\n" : ",\n"}`;
  }
  yield "]\n";
}
