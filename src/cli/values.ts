import { epochOf, fromWallMs } from "../internal/date.js";
import { RowError } from "./errors.js";

// Cells arrive as text (CSV) or as JSON values (NDJSON, JSON). These readers turn one cell into the number, instant or
// key a metric needs, or throw a RowError naming the column and the value. An empty cell is a missing value: they
// return undefined and the metric decides what missing means.

/** True for a cell that holds no value: an empty CSV field, a JSON null or an absent key. */
export function isMissing(cell: unknown): cell is undefined | null | "" {
  return cell === undefined || cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** A finite number, or undefined when the cell is empty. */
export function readNumber(cell: unknown, column: string): number | undefined {
  if (isMissing(cell)) return undefined;
  const value = typeof cell === "number" ? cell : typeof cell === "string" ? Number(cell) : Number.NaN;
  if (!Number.isFinite(value)) throw new RowError(column, cell, "expected a number");
  return value;
}

/** An integer within [min, max], or undefined when the cell is empty. */
export function readInteger(cell: unknown, column: string, min: number, max: number): number | undefined {
  const value = readNumber(cell, column);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value)) throw new RowError(column, cell, "expected an integer");
  if (value < min || value > max) throw new RowError(column, cell, `outside ${min}-${max}`);
  return value;
}

/** A non-negative finite number (a weight, an amount), or undefined when the cell is empty. */
export function readNonNegative(cell: unknown, column: string): number | undefined {
  const value = readNumber(cell, column);
  if (value !== undefined && value < 0) throw new RowError(column, cell, "expected a non-negative number");
  return value;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?$/;
const DIGITS = /^-?\d+$/;
const DATE_EXPECTED = "expected an ISO 8601 date or date-time, or epoch milliseconds";

/**
 * Parses a date the way exports write them: an ISO 8601 instant with `Z` or an offset, epoch milliseconds, or a local
 * date or date-time without an offset, read as wall-clock time in `timeZone`.
 */
export function parseInstant(text: string | number, timeZone: string): number {
  if (typeof text === "number") return epochOf(text);
  const trimmed = text.trim();
  if (DIGITS.test(trimmed)) return epochOf(Number(trimmed));
  const local = LOCAL.exec(trimmed);
  if (local === null) return epochOf(trimmed);
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0"] = local;
  const month = Number(mo);
  const day = Number(d);
  const wall = Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s), Number(frac.padEnd(3, "0").slice(0, 3)));
  const check = new Date(wall);
  // Date.UTC rolls 2026-02-30 over to March; a real calendar date survives the round trip.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    return Number.NaN;
  }
  return fromWallMs(wall, timeZone);
}

/** An instant in epoch milliseconds, or undefined when the cell is empty. */
export function readInstant(cell: unknown, column: string, timeZone: string): number | undefined {
  if (isMissing(cell)) return undefined;
  const value = typeof cell === "string" || typeof cell === "number" ? parseInstant(cell, timeZone) : Number.NaN;
  if (Number.isNaN(value)) throw new RowError(column, cell, DATE_EXPECTED);
  return value;
}

/** An instant that must be present. */
export function requireInstant(cell: unknown, column: string, timeZone: string): number {
  const value = readInstant(cell, column, timeZone);
  if (value === undefined) throw new RowError(column, cell, DATE_EXPECTED);
  return value;
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
