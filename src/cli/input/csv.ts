import { InputError, RowError } from "../errors.js";
import { firstInvalidUtf8, listNames, quoteText, showBytes } from "../text.js";
import { isoInstantAt } from "./instant.js";
import type { Source } from "./source.js";
import type { ColumnRequest, Field, ReadLimits, Row, Table } from "./table.js";

// A CSV scanner of our own, over bytes. It finds where each field starts and ends and decodes only the fields a metric
// reads, chunk by chunk, without an await per record. RFC 4180 with the leniencies exports need: LF, CRLF and a lone
// CR all end a line (mixed in one file too), a UTF-8 BOM is dropped, the last line may lack its line end. What it does
// not guess about: a quote inside an unquoted field or text after a closing quote makes the row invalid (skippable);
// a quote never closed ends the read, naming where the field started; a record longer than the limit ends the read.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const CLOSING = 3;

const MIB = 1_048_576;

function bytesText(n: number): string {
  return n % MIB === 0 ? `${n / MIB} MiB` : `${n} bytes`;
}

/** Node's Buffer methods behind `toString("latin1" | "utf8", start, end)`. */
type FastSlices = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

/** One record as the scanner found it: the bytes holding it and the range of each field. */
export class CsvRecord {
  buf: Buffer = Buffer.alloc(0);
  /** Added to a field's range to index `buf`. */
  shift = 0;
  count = 0;
  line = 1;
  starts = new Float64Array(64);
  ends = new Float64Array(64);
  /** 1 for a quoted field holding doubled quotes. */
  escaped = new Uint8Array(64);
  problem: string | undefined = undefined;

  constructor(private readonly invalidUtf8: ReadLimits["invalidUtf8"]) {}

  push(start: number, end: number, escaped: number): void {
    const k = this.count;
    if (k === this.starts.length) this.grow();
    this.starts[k] = start;
    this.ends[k] = end;
    this.escaped[k] = escaped;
    this.count = k + 1;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Float64Array(size);
    const ends = new Float64Array(size);
    const escaped = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    escaped.set(this.escaped);
    this.starts = starts;
    this.ends = ends;
    this.escaped = escaped;
  }

  /** Whether the record is a blank line: one empty, unquoted field. */
  blank(): boolean {
    return this.count === 1 && this.starts[0] === this.ends[0];
  }

  /** The instant in field `i` read from its bytes when it has the common ISO shape ({@link isoInstantAt}), else NaN. */
  instant(i: number): number {
    if (this.escaped[i] === 1) return Number.NaN;
    return isoInstantAt(this.buf, this.starts[i]! - this.shift, this.ends[i]! - this.shift);
  }

  /** The value of field `i` when it is one or two ASCII digits (quoted or not), else -1. */
  digits(i: number): number {
    const start = this.starts[i]! - this.shift;
    const n = this.ends[i]! - this.shift - start;
    const buf = this.buf;
    const a = buf[start]! - 48;
    if (n === 1) return a >= 0 && a <= 9 ? a : -1;
    const b = buf[start + 1]! - 48;
    return n === 2 && a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
  }

  /** The text of field `i`; a RowError naming `column` when it is not UTF-8 (unless told to replace). */
  text(i: number, column: string): string {
    const start = this.starts[i]! - this.shift;
    const end = this.ends[i]! - this.shift;
    if (start === end) return "";
    const buf = this.buf;
    let ascii = true;
    for (let k = start; k < end; k++) {
      if (buf[k]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    let text: string;
    // Buffer's own slicers, without toString's argument checks: this runs for every field read.
    if (ascii) text = (buf as FastSlices).latin1Slice(start, end);
    else {
      if (this.invalidUtf8 === "refuse" && firstInvalidUtf8(buf, start, end) !== -1) {
        throw new RowError(column, showBytes(buf, start, end), "which is not UTF-8 text (--invalid-utf8 replace reads it with U+FFFD)");
      }
      text = (buf as FastSlices).utf8Slice(start, end);
    }
    return this.escaped[i] === 1 ? text.replaceAll('""', '"') : text;
  }
}

/** The byte-level state machine; `push` takes each chunk, `end` the end of input. */
export class CsvScanner {
  private state = START;
  private line = 1;
  private lineStart = 0;
  private recordStart = 0;
  private fieldStart = 0;
  private contentEnd = 0;
  private escapedField = 0;
  private quoteLine = 1;
  private quoteColumn = 1;
  private base = 0;
  private lastByte = -1;
  private carry: Buffer[] = [];
  readonly record: CsvRecord;

  constructor(
    private readonly delimiter: number,
    private readonly maxRecordBytes: number,
    invalidUtf8: ReadLimits["invalidUtf8"],
    private readonly name: string,
  ) {
    this.record = new CsvRecord(invalidUtf8);
  }

  /** Set by `emit` to stop after the current record (the header); `resume` goes on from there. */
  stop = false;
  private paused: { chunk: Buffer; from: number } | undefined;

  /** Goes on with the chunk a stop left, if any. */
  resume(emit: (record: CsvRecord) => void): void {
    const paused = this.paused;
    this.paused = undefined;
    if (paused !== undefined) this.push(paused.chunk, emit, paused.from);
  }

  /** Scans one chunk from `from`, calling `emit` for each record that ends in it. */
  push(b: Buffer, emit: (record: CsvRecord) => void, from = 0): void {
    const n = b.length;
    const delim = this.delimiter;
    const base = this.base;
    const record = this.record;
    let state = this.state;
    for (let i = from; i < n; i++) {
      let c = b[i]!;
      if (state === UNQUOTED) {
        while (c !== delim && c !== LF && c !== CR && c !== QUOTE) {
          if (++i === n) break;
          c = b[i]!;
        }
        if (i === n) break;
        if (c === delim) {
          record.push(this.fieldStart, base + i, 0);
          this.fieldStart = base + i + 1;
          state = START;
        } else if (c === QUOTE) {
          record.problem ??= `a quote inside an unquoted field (field ${record.count + 1}, column ${base + i - this.lineStart + 1}); quote the whole field and double the quote`;
        } else {
          record.push(this.fieldStart, base + i, 0);
          this.endRecord(b, i, emit);
          state = START;
          if (this.stop) {
            this.pause(b, i);
            return;
          }
        }
      } else if (state === START) {
        if (c === QUOTE) {
          state = QUOTED;
          this.fieldStart = base + i + 1;
          this.escapedField = 0;
          this.quoteLine = this.line;
          this.quoteColumn = base + i - this.lineStart + 1;
        } else if (c === delim) {
          record.push(base + i, base + i, 0);
          this.fieldStart = base + i + 1;
        } else if (c === LF || c === CR) {
          if (c === LF && record.count === 0 && (i > 0 ? b[i - 1] : this.lastByte) === CR && this.recordStart === base + i) {
            // The LF of a CRLF whose CR ended the record.
            this.lineStart = base + i + 1;
            this.recordStart = base + i + 1;
            this.fieldStart = base + i + 1;
          } else {
            record.push(base + i, base + i, 0);
            this.endRecord(b, i, emit);
            if (this.stop) {
            this.pause(b, i);
            return;
          }
          }
        } else {
          state = UNQUOTED;
          this.fieldStart = base + i;
        }
      } else if (state === QUOTED) {
        while (c !== QUOTE) {
          if (c === LF || c === CR) this.newLine(b, i, c);
          if (++i === n) break;
          c = b[i]!;
        }
        if (i === n) break;
        state = CLOSING;
        this.contentEnd = base + i;
      } else {
        // CLOSING: the quote just seen ends the field, or is the first of a doubled quote.
        if (c === QUOTE) {
          this.escapedField = 1;
          state = QUOTED;
        } else if (c === delim) {
          record.push(this.fieldStart, this.contentEnd, this.escapedField);
          this.fieldStart = base + i + 1;
          state = START;
        } else if (c === LF || c === CR) {
          record.push(this.fieldStart, this.contentEnd, this.escapedField);
          this.endRecord(b, i, emit);
          state = START;
          if (this.stop) {
            this.pause(b, i);
            return;
          }
        } else {
          record.problem ??= `text after the closing quote of field ${record.count + 1} (column ${base + i - this.lineStart + 1})`;
          state = UNQUOTED;
          i--;
        }
      }
    }
    this.state = state;
    if (n > 0) this.lastByte = b[n - 1]!;
    const end = base + n;
    if (this.recordStart < end) {
      const from = Math.max(0, this.recordStart - base);
      // A copy: the chunk's buffer is read into again for the next chunk.
      this.carry.push(Buffer.from(b.subarray(from)));
      this.checkSize(end);
    }
    this.base = end;
  }

  private pause(b: Buffer, i: number): void {
    this.stop = false;
    this.state = START;
    this.paused = { chunk: b, from: i + 1 };
    if (i + 1 === b.length) this.resume(() => {});
  }

  /** Ends the input: the last record may lack its line end; a quote still open is an error. */
  end(emit: (record: CsvRecord) => void): void {
    const record = this.record;
    const at = this.base;
    if (this.state === QUOTED) {
      throw new InputError(
        `${this.name}, line ${this.quoteLine}, column ${this.quoteColumn}: a quoted field starts here and is never closed (the input ends inside it)`,
      );
    }
    if (this.state === UNQUOTED) record.push(this.fieldStart, at, 0);
    else if (this.state === CLOSING) record.push(this.fieldStart, this.contentEnd, this.escapedField);
    else if (record.count > 0) record.push(at, at, 0);
    else return;
    this.finishRecord(Buffer.alloc(0), 0, emit);
  }

  private newLine(b: Buffer, i: number, c: number): void {
    const at = this.base + i;
    if (!(c === LF && (i > 0 ? b[i - 1] : this.lastByte) === CR)) this.line++;
    this.lineStart = at + 1;
  }

  private endRecord(b: Buffer, i: number, emit: (record: CsvRecord) => void): void {
    this.finishRecord(b, i, emit);
    this.newLine(b, i, b[i]!);
    this.recordStart = this.base + i + 1;
    this.fieldStart = this.recordStart;
    this.record.line = this.line;
  }

  /** Emits the record ending at `b[i]` (exclusive), then clears it. */
  private finishRecord(b: Buffer, i: number, emit: (record: CsvRecord) => void): void {
    const record = this.record;
    const end = this.base + i;
    this.checkSize(end);
    if (this.carry.length === 0) {
      record.buf = b;
      record.shift = this.base;
    } else {
      this.carry.push(b.subarray(0, i));
      record.buf = Buffer.concat(this.carry);
      record.shift = this.recordStart;
      this.carry = [];
    }
    try {
      emit(record);
    } finally {
      record.count = 0;
      record.problem = undefined;
    }
  }

  private checkSize(end: number): void {
    if (end - this.recordStart <= this.maxRecordBytes) return;
    const open = this.state === QUOTED ? `; a quoted field opened at line ${this.quoteLine}, column ${this.quoteColumn} may be unclosed` : "";
    throw new InputError(
      `${this.name}, line ${this.record.line}: the record is longer than ${bytesText(this.maxRecordBytes)} (--max-record-bytes raises the limit)${open}`,
    );
  }
}

/** How many distinct texts of a column {@link recentTexts} remembers. */
const RECENT_TEXTS = 16;

/**
 * The text of a column's field, taken from the last few distinct texts when the field's bytes equal one of theirs:
 * segment columns hold a few values over millions of rows, each of which would otherwise be a new string. A column
 * whose values seldom repeat stops looking after a while.
 */
function recentTexts(index: number, column: string): (row: Row) => string {
  const bytes: Buffer[] = [];
  const texts: string[] = [];
  let next = 0;
  let hits = 0;
  let misses = 0;
  return (row) => {
    const record = row.cells as CsvRecord;
    if (misses > 4096 && misses > hits) return record.text(index, column);
    const buf = record.buf;
    const start = record.starts[index]! - record.shift;
    const n = record.ends[index]! - record.shift - start;
    for (let k = 0; k < bytes.length; k++) {
      const known = bytes[k]!;
      if (known.length !== n) continue;
      let i = 0;
      while (i < n && known[i] === buf[start + i]) i++;
      // Equal bytes are an equal text: a quote among them is doubled in a quoted field, and refused anywhere else.
      if (i === n) {
        hits++;
        return texts[k]!;
      }
    }
    misses++;
    const text = record.text(index, column);
    bytes[next] = Buffer.from(buf.subarray(start, start + n));
    texts[next] = text;
    next = (next + 1) % RECENT_TEXTS;
    return text;
  };
}

/**
 * Reads CSV with {@link CsvScanner}. The first record is the header; a column named twice is refused when a metric asks
 * for it. Blank lines are skipped (they still count as lines).
 */
export async function csvTable(source: Source, delimiter: string, limits: ReadLimits): Promise<Table> {
  const scanner = new CsvScanner(delimiter.charCodeAt(0), limits.maxRecordBytes, limits.invalidUtf8, source.name);
  const chunks = source.chunks();
  let header: string[] | undefined;
  let bomChecked = false;
  let rowVisit: (record: CsvRecord) => void = () => {};

  const readHeader = (record: CsvRecord) => {
    if (header !== undefined) {
      rowVisit(record);
      return;
    }
    if (record.problem !== undefined) throw new InputError(`${source.name}, line ${record.line} (the header): ${record.problem}`);
    const names: string[] = [];
    for (let i = 0; i < record.count; i++) {
      try {
        names.push(record.text(i, `${i + 1}`));
      } catch {
        throw new InputError(`${source.name}, line ${record.line}: the header's column ${i + 1} is not UTF-8 text`);
      }
    }
    header = names;
    scanner.stop = true;
  };

  let ended = false;
  /** Feeds chunks to the scanner until `until()` holds or the input ends. */
  const feed = async (until: () => boolean): Promise<void> => {
    while (!until()) {
      const step = await chunks.next();
      if (step.done === true) {
        ended = true;
        scanner.end(readHeader);
        return;
      }
      let chunk = step.value;
      if (!bomChecked) {
        // The BOM is three bytes; a first chunk shorter than that is rare enough to take as it is.
        bomChecked = true;
        if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      scanner.push(chunk, readHeader);
    }
  };

  await feed(() => header !== undefined || ended);
  if (header === undefined) throw new InputError(`${source.name} is empty: expected a header line naming the columns`);
  const columns = header;
  const width = columns.length;

  const row: { line: number; cells: CsvRecord; invalid: string | undefined } = {
    line: 0,
    cells: scanner.record,
    invalid: undefined,
  };
  let visitor: (row: Row) => void = () => {};
  const visitRecord = (record: CsvRecord) => {
    if (record.blank() && width > 1) return;
    row.line = record.line;
    row.cells = record;
    row.invalid =
      record.problem ??
      (record.count === width ? undefined : `the record has ${record.count} field${record.count === 1 ? "" : "s"}, the header has ${width}`);
    visitor(row);
  };

  return {
    field({ column, option }: ColumnRequest): Field {
      const index = columns.indexOf(column);
      if (index === -1) {
        throw new InputError(`column ${quoteText(column)} (${option}) not found in ${source.name}; its columns are ${listNames(columns)}`);
      }
      const again = columns.indexOf(column, index + 1);
      if (again !== -1) {
        throw new InputError(
          `column ${quoteText(column)} (${option}) is named twice in the header of ${source.name}: columns ${index + 1} and ${again + 1}`,
        );
      }
      const field = (r: Row) => (r.cells as CsvRecord).text(index, column);
      return Object.assign(field, {
        key: recentTexts(index, column),
        instant: (r: Row) => (r.cells as CsvRecord).instant(index),
        digits: (r: Row) => (r.cells as CsvRecord).digits(index),
      });
    },
    async scan(visit) {
      visitor = visit;
      rowVisit = visitRecord;
      scanner.resume(readHeader);
      if (!ended) await feed(() => false);
    },
    finish() {},
  };
}
