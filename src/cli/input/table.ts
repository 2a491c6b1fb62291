/** One record of the input, where it sits in the file, and what made it unreadable (if anything). */
export interface Row {
  /** The line the record starts on; the CSV header is line 1. */
  readonly line: number;
  /** The record: an array of CSV fields, or a JSON object. */
  readonly cells: unknown;
  /** Set when the record as a whole cannot be read (wrong number of fields, invalid JSON). */
  readonly invalid?: string;
  /** Set for elements of a JSON array: their index. */
  readonly index?: number;
}

/** Reads one column's value out of a row. */
export type Field = (row: Row) => unknown;

/** How a metric names the columns it reads: the column and the option that named it. */
export interface ColumnRequest {
  readonly column: string;
  readonly option: string;
  /** Columns of optional values (a response time, an end date, a weight) may be absent from JSON records. */
  readonly optional?: boolean;
}

/** Records with named columns, whatever the input format. */
export interface Table {
  /** The accessor of a column; an InputError when the input has no such column. */
  field(request: ColumnRequest): Field;
  /** The records, in order, header excluded. */
  rows(): AsyncIterable<Row>;
  /** Checks made once every record is read (an optional JSON column that never appeared). */
  finish(): void;
}

/** Where a row sits, for messages: `line 5` or `line 5 (element [3])`. */
export function locate(row: Row): string {
  return row.index === undefined ? `line ${row.line}` : `line ${row.line} (element [${row.index}])`;
}
