import { createInterface } from "node:readline";
import { InputError } from "../errors.js";
import type { Source } from "./source.js";
import type { ColumnRequest, Field, Row, Table } from "./table.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const NOT_AN_OBJECT = "the record is not a JSON object";

/** Records that are JSON objects, from an NDJSON stream or a JSON array: columns are their keys. */
function objectTable(source: Source, first: Row | undefined, rest: AsyncIterable<Row>): Table {
  const seen = new Map<string, { request: ColumnRequest; seen: boolean }>();
  let any = false;
  return {
    field(request: ColumnRequest): Field {
      const { column, option } = request;
      if (request.optional === true) {
        const entry = { request, seen: false };
        seen.set(column, entry);
        return (row) => {
          const value = (row.cells as Record<string, unknown>)[column];
          if (value !== undefined) entry.seen = true;
          return value;
        };
      }
      if (first !== undefined && isRecord(first.cells) && !Object.hasOwn(first.cells, column)) {
        const keys = Object.keys(first.cells).map((k) => `"${k}"`);
        throw new InputError(
          `column "${column}" (${option}) not found in ${source.name}: the first record (line ${first.line}) has ${keys.length === 0 ? "no keys" : `keys ${keys.join(", ")}`}`,
        );
      }
      return (row) => (row.cells as Record<string, unknown>)[column];
    },
    async *rows(): AsyncIterable<Row> {
      if (first === undefined) return;
      any = true;
      yield first;
      yield* rest;
    },
    finish() {
      if (!any) return;
      for (const { request, seen: found } of seen.values()) {
        if (!found) throw new InputError(`column "${request.column}" (${request.option}) not found in any record of ${source.name}`);
      }
    },
  };
}

/** NDJSON: one JSON object per line; blank lines are skipped. */
export async function ndjsonTable(source: Source): Promise<Table> {
  const lines = createInterface({ input: source.stream, crlfDelay: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]();
  let line = 0;
  async function next(): Promise<Row | undefined> {
    for (;;) {
      let step: IteratorResult<string>;
      try {
        step = await lines.next();
      } catch (error) {
        throw error instanceof InputError ? error : new InputError(`cannot read ${source.name}: ${String(error)}`);
      }
      if (step.done === true) return undefined;
      line++;
      const text = line === 1 && step.value.charCodeAt(0) === 0xfeff ? step.value.slice(1) : step.value;
      if (text.trim() === "") continue;
      try {
        const cells: unknown = JSON.parse(text);
        return isRecord(cells) ? { line, cells } : { line, cells: {}, invalid: NOT_AN_OBJECT };
      } catch (error) {
        return { line, cells: {}, invalid: `the record is not valid JSON (${(error as Error).message})` };
      }
    }
  }
  const first = await next();
  return objectTable(source, first, {
    async *[Symbol.asyncIterator]() {
      for (let row = await next(); row !== undefined; row = await next()) yield row;
    },
  });
}

/** A JSON document holding an array of objects. It is read whole; line numbers are those the elements start on. */
export async function jsonTable(source: Source): Promise<Table> {
  const chunks: Buffer[] = [];
  for await (const chunk of source.stream) chunks.push(chunk as Buffer);
  let text = Buffer.concat(chunks).toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new InputError(`${source.name} is empty: expected a JSON array of records`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source.name} is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new InputError(`${source.name} is not a JSON array of records`);
  const lines = elementLines(text);
  const rows: Row[] = data.map((cells: unknown, index) => {
    const line = lines[index] ?? 1;
    return isRecord(cells) ? { line, index, cells } : { line, index, cells: {}, invalid: NOT_AN_OBJECT };
  });
  return objectTable(source, rows[0], {
    async *[Symbol.asyncIterator]() {
      yield* rows.slice(1);
    },
  });
}

/** The line each element of a top-level JSON array starts on (the text is known to be valid JSON). */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r" || c === "\n") continue;
    if (depth === 1 && expectValue && c !== "]") {
      lines.push(line);
      expectValue = false;
    }
    if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (c === "]" || c === "}") depth--;
    else if (c === "," && depth === 1) expectValue = true;
  }
  return lines;
}
