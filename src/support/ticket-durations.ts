import { DAY_MS, daysFromCivil, epochOf, MAX_EPOCH_MS } from "../internal/date.js";
import { describeValue, valueError } from "../internal/fail.js";
import type { CompiledCalendar } from "./business-hours.js";

// The hot loop of the response and resolution times: read, validate, subtract, in one pass over the tickets. Its
// verdicts equal the ticket schemas' (a property test proves it), so the schemas stay the specification.

const DATE_EXPECTED = "expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds";

/** Durations of the tickets that have an end, and how many have none. */
export interface TicketDurations {
  /** end − createdAt in milliseconds (business milliseconds with a calendar), one per ticket with an end. */
  durations: Float64Array;
  /** Tickets whose end is missing or null. */
  missing: number;
}

/**
 * The epoch milliseconds of a DateInput, NaN when it is not one: equal to `epochOf` (a property test proves it), with
 * shortcuts for numbers and for the `toISOString()` shape `YYYY-MM-DDTHH:MM:SS(.sss)Z`, the commonest exports.
 */
export function instant(value: unknown): number {
  if (typeof value === "number") return value >= -MAX_EPOCH_MS && value <= MAX_EPOCH_MS ? Math.trunc(value) + 0 : Number.NaN;
  if (typeof value === "string" && (value.length === 24 || value.length === 20)) {
    const ms = canonicalIso(value);
    if (!Number.isNaN(ms)) return ms;
  }
  return epochOf(value);
}

function digit(text: string, at: number): number {
  const d = text.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : Number.NaN;
}

function two(text: string, at: number): number {
  return digit(text, at) * 10 + digit(text, at + 1);
}

/**
 * Parses `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ` by hand; NaN for anything else, and for days past the
 * 28th or other edge cases, which are left to `epochOf` so the platform's reading of them stays the only one.
 */
function canonicalIso(text: string): number {
  const last = text.length - 1;
  if (
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 || // T
    text.charCodeAt(13) !== 58 || // :
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(last) !== 90 // Z
  ) {
    return Number.NaN;
  }
  let ms = 0;
  if (last === 23) {
    if (text.charCodeAt(19) !== 46) return Number.NaN; // .
    ms = digit(text, 20) * 100 + two(text, 21);
  }
  const year = two(text, 0) * 100 + two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  // Each comparison is false for NaN, so a non-digit anywhere falls through to NaN.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour <= 23 && minute <= 59 && second <= 59 && ms >= 0 && year >= 0)) {
    return Number.NaN;
  }
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
}

/**
 * Validates tickets `{ createdAt, [endKey]? }` and returns the durations from creation to the end. The first bad
 * ticket throws INVALID_INPUT naming its index: not an object, an invalid date, or an end before creation.
 */
export function ticketDurations(
  tickets: ReadonlyArray<unknown>,
  endKey: string,
  metric: string,
  calendar: CompiledCalendar | undefined,
): TicketDurations {
  const n = tickets.length;
  const durations = new Float64Array(n);
  // With a calendar, the instants are kept too, to be read on one business clock at the end.
  const business = calendar === undefined ? undefined : { calendar, starts: new Float64Array(n), ends: new Float64Array(n) };
  let count = 0;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const ticket = tickets[i] as Record<string, unknown>;
    if (typeof ticket !== "object" || ticket === null || Array.isArray(ticket)) {
      throw valueError("INVALID_INPUT", metric, ["tickets", i], ticket, "expected a ticket object");
    }
    const createdAt = ticket.createdAt;
    const start = instant(createdAt);
    if (Number.isNaN(start)) throw valueError("INVALID_INPUT", metric, ["tickets", i, "createdAt"], createdAt, DATE_EXPECTED);
    const endValue = ticket[endKey];
    if (endValue === undefined || endValue === null) {
      missing++;
      continue;
    }
    const end = instant(endValue);
    if (!(end >= start)) {
      throw Number.isNaN(end)
        ? valueError("INVALID_INPUT", metric, ["tickets", i, endKey], endValue, DATE_EXPECTED)
        : valueError(
            "INVALID_INPUT",
            metric,
            ["tickets", i, endKey],
            endValue,
            `expected an instant not before createdAt (${describeValue(createdAt)})`,
          );
    }
    durations[count] = end - start;
    if (business !== undefined) {
      business.starts[count] = start;
      business.ends[count] = end;
    }
    count++;
  }
  const result = durations.subarray(0, count);
  if (business !== undefined) toBusiness(result, business.starts, business.ends, business.calendar, metric);
  return { durations: result, missing };
}

/** Replaces elapsed durations by business durations, reading one clock built over all the tickets' days. */
function toBusiness(
  durations: Float64Array,
  starts: Float64Array,
  ends: Float64Array,
  calendar: CompiledCalendar,
  metric: string,
): void {
  const n = durations.length;
  if (n === 0) return;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (starts[i]! < min) min = starts[i]!;
    if (ends[i]! > max) max = ends[i]!;
  }
  const clock = calendar.clock(min, max, metric, ["tickets"]);
  for (let i = 0; i < n; i++) {
    durations[i] = clock.at(ends[i]!) - clock.at(starts[i]!);
  }
}
