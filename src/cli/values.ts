import { DAY_MS, daysFromCivil, daysInMonth, fromWallMs, MAX_EPOCH_MS } from "../internal/date.js";
import { RowError } from "./errors.js";
import type { Field, Row } from "./input/index.js";

// Cells arrive as text (CSV) or as JSON values (NDJSON, JSON). These readers turn one cell into the number, instant or
// key a metric needs, or throw a RowError naming the column and the value. An empty cell is a missing value: they
// return undefined and the metric decides what missing means.

/** True for a cell that holds no value: an empty CSV field, a JSON null or an absent key. */
export function isMissing(cell: unknown): cell is undefined | null | "" {
  return cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "");
}

// Only decimal notation is a number: "0x9", "0b1010", "0o12", "Infinity", "1_000" and "" are not, though Number()
// reads most of them.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Whether a text is a number in decimal notation (surrounding spaces allowed). */
export function isDecimal(text: string): boolean {
  return DECIMAL.test(text.trim());
}

/** A finite number written in decimal notation, or undefined when the cell is empty. */
export function readNumber(cell: unknown, column: string): number | undefined {
  if (isMissing(cell)) return undefined;
  const value = typeof cell === "number" ? cell : typeof cell === "string" && isDecimal(cell) ? Number(cell) : Number.NaN;
  if (!Number.isFinite(value)) throw new RowError(column, cell, "expected a decimal number");
  return value;
}

/** An integer within [min, max], or undefined when the cell is empty. */
export function readInteger(cell: unknown, column: string, min: number, max: number): number | undefined {
  // The common case, one or two plain digits, without the regular expression.
  if (typeof cell === "string" && cell.length > 0 && cell.length < 3) {
    const a = cell.charCodeAt(0) - 48;
    const b = cell.length === 2 ? cell.charCodeAt(1) - 48 : 0;
    if (a >= 0 && a <= 9 && b >= 0 && b <= 9) {
      const value = cell.length === 2 ? a * 10 + b : a;
      if (value < min || value > max) throw new RowError(column, cell, `outside ${min}-${max}`);
      return value;
    }
  }
  const value = readNumber(cell, column);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value)) throw new RowError(column, cell, "expected an integer");
  if (value < min || value > max) throw new RowError(column, cell, `outside ${min}-${max}`);
  return value;
}

/**
 * The reader of a column of integers within [min, max]: the field's own reading of one or two digits when it has one,
 * {@link readInteger} of the cell for everything else (and for the error of a value out of range).
 */
export function integerReader(field: Field, column: string, min: number, max: number): (row: Row) => number | undefined {
  const fast = field.digits;
  if (fast === undefined) return (row) => readInteger(field(row), column, min, max);
  return (row) => {
    const value = fast(row);
    return value >= min && value <= max ? value : readInteger(field(row), column, min, max);
  };
}

/** The largest weight or amount a row may carry: its square and a sum of millions of them stay finite and exact enough. */
export const MAX_WEIGHT = 1e15;

/** A non-negative number up to {@link MAX_WEIGHT} (a weight), or undefined when the cell is empty. */
export function readWeight(cell: unknown, column: string): number | undefined {
  const value = readNumber(cell, column);
  if (value !== undefined && (value < 0 || value > MAX_WEIGHT)) throw new RowError(column, cell, `outside 0-${MAX_WEIGHT}`);
  return value;
}

/** How numeric timestamps are read: `s` or `ms` as the user says, or undefined for the documented rule. */
export type EpochUnit = "s" | "ms";
export const EPOCH_UNITS: ReadonlyArray<EpochUnit> = ["s", "ms"];

/** How dates are read: the zone of dates written without an offset, and the unit of numeric timestamps. */
export interface DateReading {
  readonly timeZone: string;
  readonly epochUnit: EpochUnit | undefined;
}

/**
 * Without --epoch-unit, a number is read as epoch milliseconds only from this magnitude up (1973-03-03 onwards as
 * milliseconds; as seconds it would be past the year 5000). Below it, seconds and milliseconds both give plausible
 * dates, so the number is refused rather than guessed.
 */
export const UNAMBIGUOUS_MS = 1e11;

const OUT_OF_RANGE = "outside the range of dates (years -271821 to 275760, ±8.64e15 ms from 1970)";

const EPOCH_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1000;
}

function digits(text: string, at: number, n: number): number {
  let value = 0;
  for (let k = 0; k < n; k++) value = value * 10 + digit(text, at + k);
  return value;
}

/** Why a text is not a date, for the message. */
const DATE_EXPECTED = "expected an ISO 8601 date or date-time such as 2026-03-22T17:33:48Z or 2026-03-22 17:33:48 -0500";

/**
 * Parses a date the way exports write them, by its fields (never `Date.parse`, which rolls February 30th over and reads
 * years 0-99 as 1900-1999):
 * `YYYY-MM-DD`, then optionally `T` or a space and `HH:MM`, `:SS` and a fraction of up to 9 digits (cut to
 * milliseconds), then optionally (after a space or not) `Z`, `UTC`, `±HH`, `±HHMM` or `±HH:MM`. Without a zone the date
 * is wall-clock time in `reading.timeZone`. A number is an epoch timestamp in `reading.epochUnit`, or by the rule of
 * {@link UNAMBIGUOUS_MS}. Returns the epoch milliseconds, or a string saying what is wrong.
 */
export function parseInstant(input: string | number, reading: DateReading): number | string {
  if (typeof input === "number") return epochNumber(input, reading.epochUnit);
  let start = 0;
  let end = input.length;
  while (start < end && input.charCodeAt(start) <= 32) start++;
  while (end > start && input.charCodeAt(end - 1) <= 32) end--;
  const text = start === 0 && end === input.length ? input : input.slice(start, end);
  const n = text.length;
  if (n >= 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) return isoDate(text, reading.timeZone);
  if (EPOCH_NUMBER.test(text)) return epochNumber(Number(text), reading.epochUnit);
  return DATE_EXPECTED;
}

function epochNumber(value: number, unit: EpochUnit | undefined): number | string {
  if (!Number.isFinite(value)) return DATE_EXPECTED;
  let ms: number;
  if (unit === undefined) {
    if (Math.abs(value) < UNAMBIGUOUS_MS) {
      return "a number that could be epoch seconds or milliseconds: say which with --epoch-unit s or --epoch-unit ms";
    }
    ms = value;
  } else ms = unit === "s" ? Math.round(value * 1000) : value;
  if (!(ms >= -MAX_EPOCH_MS && ms <= MAX_EPOCH_MS)) return OUT_OF_RANGE;
  return Math.floor(ms) + 0;
}

function isoDate(text: string, timeZone: string): number | string {
  const n = text.length;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return DATE_EXPECTED;
  let i = 10;
  let ms = 0;
  if (i < n) {
    const sep = text.charCodeAt(i);
    if ((sep === 84 || sep === 116 || sep === 32) && i + 6 <= n && text.charCodeAt(i + 3) === 58) {
      const hour = digits(text, i + 1, 2);
      const minute = digits(text, i + 4, 2);
      if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return DATE_EXPECTED;
      i += 6;
      let second = 0;
      if (i < n && text.charCodeAt(i) === 58) {
        second = digits(text, i + 1, 2);
        if (i + 3 > n || second < 0 || second > 59) return DATE_EXPECTED;
        i += 3;
        const dot = text.charCodeAt(i);
        if (i < n && (dot === 46 || dot === 44)) {
          let k = i + 1;
          let frac = 0;
          let scale = 100;
          while (k < n && k - i <= 9 && digit(text, k) >= 0) {
            frac += digit(text, k) * scale;
            scale /= 10;
            k++;
          }
          if (k === i + 1) return DATE_EXPECTED;
          ms = Math.floor(frac);
          i = k;
        }
      }
      ms += ((hour * 60 + minute) * 60 + second) * 1000;
    } else return DATE_EXPECTED;
  }
  const wall = daysFromCivil(year, month, day) * DAY_MS + ms;
  let at: number;
  if (i === n) {
    // A zone's offset is looked up a day either side, which must stay inside the range of a Date.
    if (timeZone === "UTC") at = wall;
    else if (Math.abs(wall) <= MAX_EPOCH_MS - 2 * DAY_MS) at = fromWallMs(wall, timeZone);
    else return OUT_OF_RANGE;
  } else {
    if (text.charCodeAt(i) === 32 && i > 10) i++;
    const offset = zoneOffset(text, i);
    if (offset === undefined) return DATE_EXPECTED;
    at = wall - offset;
  }
  return at >= -MAX_EPOCH_MS && at <= MAX_EPOCH_MS ? at : OUT_OF_RANGE;
}

/** The offset in milliseconds of a zone designator running to the end of the text, or undefined. */
function zoneOffset(text: string, i: number): number | undefined {
  const rest = text.length - i;
  const c = text.charCodeAt(i);
  if (rest === 1 && (c === 90 || c === 122)) return 0;
  if (rest === 3 && text.slice(i) === "UTC") return 0;
  if (c !== 43 && c !== 45) return undefined;
  const sign = c === 45 ? -1 : 1;
  let hours: number;
  let minutes = 0;
  if (rest === 3) hours = digits(text, i + 1, 2);
  else if (rest === 5) {
    hours = digits(text, i + 1, 2);
    minutes = digits(text, i + 3, 2);
  } else if (rest === 6 && text.charCodeAt(i + 3) === 58) {
    hours = digits(text, i + 1, 2);
    minutes = digits(text, i + 4, 2);
  } else return undefined;
  if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes) * 60_000;
}

/** An instant in epoch milliseconds, or undefined when the cell is empty. */
export function readInstant(cell: unknown, column: string, reading: DateReading): number | undefined {
  if (isMissing(cell)) return undefined;
  const value = typeof cell === "string" || typeof cell === "number" ? parseInstant(cell, reading) : DATE_EXPECTED;
  if (typeof value === "string") throw new RowError(column, cell, value);
  return value;
}

/** An instant that must be present. */
export function requireInstant(cell: unknown, column: string, reading: DateReading): number {
  const value = readInstant(cell, column, reading);
  if (value === undefined) throw new RowError(column, cell, DATE_EXPECTED);
  return value;
}

/**
 * The reader of a column's instants: the field's own reading of the common shape when it has one, and
 * {@link readInstant} of the cell's text for everything else (empty cells included).
 */
export function instantReader(field: Field, column: string, reading: DateReading): (row: Row) => number | undefined {
  const fast = field.instant;
  if (fast === undefined) return (row) => readInstant(field(row), column, reading);
  return (row) => {
    const at = fast(row);
    return Number.isNaN(at) ? readInstant(field(row), column, reading) : at;
  };
}

/** The reader of a column whose instants must be present. */
export function requiredInstantReader(field: Field, column: string, reading: DateReading): (row: Row) => number {
  const read = instantReader(field, column, reading);
  return (row) => read(row) ?? requireInstant(field(row), column, reading);
}

/** A segment or customer key: the cell as text (numbers in JSON keep their JSON spelling). Empty is "". */
export function readKey(cell: unknown, column: string): string {
  if (isMissing(cell)) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number" || typeof cell === "boolean") return String(cell);
  throw new RowError(column, cell, "expected a text or number");
}

/** A key that must be present (a customer id). */
export function requireKey(cell: unknown, column: string): string {
  const key = readKey(cell, column);
  if (key === "") throw new RowError(column, cell, "expected a value");
  return key;
}
