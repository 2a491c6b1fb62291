/** One record of the input, where it sits in the file, and what made it unreadable (if anything). */
export interface Row {
  /** The line the record starts on; the CSV header is line 1. */
  readonly line: number;
  /** The record: a CSV record (read through the table's fields), or a JSON object. */
  readonly cells: unknown;
  /** Set when the record as a whole cannot be read (wrong number of fields, a stray quote, invalid JSON). */
  readonly invalid?: string | undefined;
  /** Set for elements of a JSON array: their index. */
  readonly index?: number | undefined;
}

/**
 * Reads one column's value out of a row. A reader over bytes may also read a column's instants without making its text:
 * `instant` gives the epoch milliseconds, or NaN when the cell is not of the shape it reads (the text then goes to the
 * full date parser); `digits` the value of a cell of one or two ASCII digits, or -1 for any other cell; `key` the
 * text of the cell, faster where values repeat.
 */
export type Field = ((row: Row) => unknown) & {
  readonly instant?: (row: Row) => number;
  readonly digits?: (row: Row) => number;
  /** The cell as text, as the field itself reads it, for columns whose values repeat (segment keys). */
  readonly key?: (row: Row) => string;
};

/** How a metric names the columns it reads: the column and the option that named it. */
export interface ColumnRequest {
  readonly column: string;
  readonly option: string;
  /** Columns of optional values (a response time, an end date, a weight) may be absent from JSON records. */
  readonly optional?: boolean;
}

/**
 * Records with named columns, whatever the input format. `scan` calls `visit` for every record, synchronously within
 * each chunk of input (no await per record); the row passed may be reused for the next record, so `visit` keeps
 * nothing of it but what it copies out.
 */
export interface Table {
  /** The accessor of a column; an InputError when the input has no such column. */
  field(request: ColumnRequest): Field;
  /** Visits the records, in order, header excluded. */
  scan(visit: (row: Row) => void): Promise<void>;
  /** Checks made once every record is read (an optional JSON column that never appeared). */
  finish(): void;
}

/** Where a row sits, for messages: `line 5` or `line 5 (element [3])`. */
export function locate(row: Row): string {
  return row.index === undefined ? `line ${row.line}` : `line ${row.line} (element [${row.index}])`;
}

/** How a skipped row is listed: `5` for a line, `[3]` for a JSON array element. */
export function placeOf(row: Row): string {
  return row.index === undefined ? String(row.line) : `[${row.index}]`;
}

/** How the reader treats text that is not UTF-8: refuse the row (the default) or read it with U+FFFD. */
export type InvalidUtf8 = "refuse" | "replace";

/** The limits and text handling every reader applies. */
export interface ReadLimits {
  /** The largest record (CSV record, NDJSON line) in bytes. */
  readonly maxRecordBytes: number;
  /** The largest JSON document, read whole. */
  readonly maxJsonBytes: number;
  readonly invalidUtf8: InvalidUtf8;
}
