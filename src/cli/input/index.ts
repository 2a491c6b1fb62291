import type { Readable } from "node:stream";
import { UsageError } from "../errors.js";
import { csvTable } from "./csv.js";
import { jsonTable, ndjsonTable } from "./json.js";
import { openSource, type Source } from "./source.js";
import type { Table } from "./table.js";

export type InputFormat = "csv" | "ndjson" | "json";
export const INPUT_FORMATS: ReadonlyArray<InputFormat> = ["csv", "ndjson", "json"];

/** The format of a path by its extension (after a `.gz`); standard input and unknown extensions are CSV. */
export function formatOf(path: string): InputFormat {
  const lower = path.toLowerCase().replace(/\.gz$/, "");
  if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return "ndjson";
  if (lower.endsWith(".json")) return "json";
  return "csv";
}

/** A delimiter option: one character, or `tab`/`\t`; by default a tab for `.tsv` files and a comma otherwise. */
export function readDelimiter(value: string | undefined, path: string): string {
  if (value === undefined) return /\.tsv(\.gz)?$/i.test(path) ? "\t" : ",";
  if (value === "tab" || value === "\\t") return "\t";
  if ([...value].length !== 1) throw new UsageError(`--delimiter is "${value}", expected one character (or "tab")`);
  return value;
}

/** Opens the input and reads as far as its column names. */
export async function openTable(
  path: string,
  format: InputFormat,
  delimiter: string,
  stdin: Readable,
): Promise<{ source: Source; table: Table }> {
  const source = await openSource(path, stdin);
  const table =
    format === "csv" ? await csvTable(source, delimiter) : format === "ndjson" ? await ndjsonTable(source) : await jsonTable(source);
  return { source, table };
}

export { locate } from "./table.js";
export type { ColumnRequest, Field, Row, Table } from "./table.js";
export type { Source } from "./source.js";
