import { InputError } from "../errors.js";
import { firstInvalidUtf8, listNames, quoteText } from "../text.js";
import type { Source } from "./source.js";
import type { ColumnRequest, Field, ReadLimits, Row, Table } from "./table.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const NOT_AN_OBJECT = "the record is not a JSON object";
const NOT_UTF8 = "the record is not UTF-8 text (--invalid-utf8 replace reads it with U+FFFD)";

/** Records that are JSON objects, from an NDJSON stream or a JSON array: columns are their keys. */
function objectTable(source: Source, first: Row | undefined, scanRest: (visit: (row: Row) => void) => Promise<void>): Table {
  const seen = new Map<string, { request: ColumnRequest; seen: boolean }>();
  let any = false;
  return {
    field(request: ColumnRequest): Field {
      const { column, option } = request;
      if (request.optional === true) {
        const entry = { request, seen: false };
        seen.set(column, entry);
        return (row) => {
          const value = Object.hasOwn(row.cells as object, column) ? (row.cells as Record<string, unknown>)[column] : undefined;
          if (value !== undefined) entry.seen = true;
          return value;
        };
      }
      if (first !== undefined && isRecord(first.cells) && !Object.hasOwn(first.cells, column)) {
        const keys = Object.keys(first.cells);
        throw new InputError(
          `column ${quoteText(column)} (${option}) not found in ${source.name}: the first record (line ${first.line}) has ${keys.length === 0 ? "no keys" : `keys ${listNames(keys)}`}`,
        );
      }
      return (row) => (Object.hasOwn(row.cells as object, column) ? (row.cells as Record<string, unknown>)[column] : undefined);
    },
    async scan(visit) {
      if (first === undefined) return;
      any = true;
      visit(first);
      await scanRest(visit);
    },
    finish() {
      if (!any) return;
      for (const { request, seen: found } of seen.values()) {
        if (!found) throw new InputError(`column ${quoteText(request.column)} (${request.option}) not found in any record of ${source.name}`);
      }
    },
  };
}

/** One NDJSON line as a row: an object, or an invalid row saying why not. */
function ndjsonRow(bytes: Buffer, start: number, end: number, line: number, limits: ReadLimits): Row | undefined {
  if (limits.invalidUtf8 === "refuse" && firstInvalidUtf8(bytes, start, end) !== -1) return { line, cells: {}, invalid: NOT_UTF8 };
  let text = bytes.toString("utf8", start, end);
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") return undefined;
  try {
    const cells: unknown = JSON.parse(text);
    return isRecord(cells) ? { line, cells } : { line, cells: {}, invalid: NOT_AN_OBJECT };
  } catch (error) {
    return { line, cells: {}, invalid: `the record is not valid JSON (${(error as Error).message.slice(0, 80)})` };
  }
}

/** NDJSON: one JSON object per line (LF or CRLF); blank lines are skipped. Each line is limited to maxRecordBytes. */
export async function ndjsonTable(source: Source, limits: ReadLimits): Promise<Table> {
  const chunks = source.chunks();
  let carry: Buffer[] = [];
  let carried = 0;
  let line = 0;
  let ended = false;
  const ready: Row[] = [];

  const tooLong = () =>
    new InputError(`${source.name}, line ${line + 1}: the line is longer than ${limits.maxRecordBytes} bytes (--max-record-bytes raises the limit)`);

  /** Splits one chunk into lines, handing each finished line's row to `visit`. */
  const split = (chunk: Buffer, visit: (row: Row) => void) => {
    let from = 0;
    for (;;) {
      const at = chunk.indexOf(0x0a, from);
      if (at === -1) break;
      let bytes = chunk;
      let start = from;
      let stop = at;
      if (carried > 0) {
        carry.push(chunk.subarray(from, at));
        bytes = Buffer.concat(carry);
        start = 0;
        stop = bytes.length;
        carry = [];
        carried = 0;
      }
      if (stop - start > limits.maxRecordBytes) throw tooLong();
      line++;
      const row = ndjsonRow(bytes, start, stop, line, limits);
      if (row !== undefined) visit(row);
      from = at + 1;
    }
    if (from < chunk.length) {
      carry.push(Buffer.from(chunk.subarray(from)));
      carried += chunk.length - from;
      if (carried > limits.maxRecordBytes) throw tooLong();
    }
  };

  const pump = async (visit: (row: Row) => void, until: () => boolean) => {
    while (!ended && !until()) {
      const step = await chunks.next();
      if (step.done === true) {
        ended = true;
        if (carried > 0) {
          const bytes = Buffer.concat(carry);
          carry = [];
          carried = 0;
          line++;
          const row = ndjsonRow(bytes, 0, bytes.length, line, limits);
          if (row !== undefined) visit(row);
        }
        return;
      }
      split(step.value, visit);
    }
  };

  await pump((row) => ready.push(row), () => ready.length > 0);
  const first = ready.shift();
  return objectTable(source, first, async (visit) => {
    for (const row of ready) visit(row);
    ready.length = 0;
    await pump(visit, () => false);
  });
}

/** A JSON document holding an array of objects. It is read whole, up to maxJsonBytes; rows carry their index. */
export async function jsonTable(source: Source, limits: ReadLimits): Promise<Table> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = source.chunks();
  for (let step = await iterator.next(); step.done !== true; step = await iterator.next()) {
    const chunk = step.value;
    size += chunk.length;
    if (size > limits.maxJsonBytes) {
      throw new InputError(
        `${source.name} is larger than ${limits.maxJsonBytes} bytes, the limit of a JSON document read whole (--max-json-bytes raises it; NDJSON streams any size)`,
      );
    }
    chunks.push(Buffer.from(chunk));
  }
  const bytes = Buffer.concat(chunks);
  const bad = limits.invalidUtf8 === "refuse" ? firstInvalidUtf8(bytes, 0, bytes.length) : -1;
  if (bad !== -1) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (bytes[i] === 0x0a) line++;
    throw new InputError(`${source.name}, line ${line}: the document is not UTF-8 text (--invalid-utf8 replace reads it with U+FFFD)`);
  }
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === "") throw new InputError(`${source.name} is empty: expected a JSON array of records`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${source.name} is not valid JSON: ${(error as Error).message.slice(0, 120)}`);
  }
  if (!Array.isArray(data)) throw new InputError(`${source.name} is not a JSON array of records`);
  const lines = elementLines(text);
  const rows: Row[] = data.map((cells: unknown, index) => {
    const line = lines[index] ?? 1;
    return isRecord(cells) ? { line, index, cells } : { line, index, cells: {}, invalid: NOT_AN_OBJECT };
  });
  return objectTable(source, rows[0], async (visit) => {
    for (let i = 1; i < rows.length; i++) visit(rows[i]!);
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
