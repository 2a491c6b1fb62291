import type { Readable } from "node:stream";
import { UsageError } from "../errors.js";
import { csvTable } from "./csv.js";
import { jsonTable, ndjsonTable } from "./json.js";
import { openSource, type Source } from "./source.js";
import type { ReadLimits, Table } from "./table.js";

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
  if (value.length !== 1 || value.charCodeAt(0) > 0x7e || value === '"' || value === "\n" || value === "\r") {
    throw new UsageError(`--delimiter is ${JSON.stringify(value)}, expected one ASCII character other than a quote or line end (or "tab")`);
  }
  return value;
}

/** Opens the input and reads as far as its column names. */
export async function openTable(
  path: string,
  format: InputFormat,
  delimiter: string,
  stdin: Readable,
  limits: ReadLimits & { readonly maxDecompressedBytes: number },
): Promise<{ source: Source; table: Table }> {
  const source = await openSource(path, stdin, limits.maxDecompressedBytes);
  const table =
    format === "csv"
      ? await csvTable(source, delimiter, limits)
      : format === "ndjson"
        ? await ndjsonTable(source, limits)
        : await jsonTable(source, limits);
  return { source, table };
}

export { locate, placeOf } from "./table.js";
export type { ColumnRequest, Field, InvalidUtf8, ReadLimits, Row, Table } from "./table.js";
export type { Source } from "./source.js";
