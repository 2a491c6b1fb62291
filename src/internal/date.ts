import * as z from "zod/mini";
import { valueError } from "./fail.js";

/** An instant: a `Date`, an ISO 8601 string with `Z` or an offset, or epoch milliseconds. */
export type DateInput = Date | string | number;

/** The largest epoch-millisecond magnitude a `Date` can hold. */
export const MAX_EPOCH_MS = 8.64e15;

// Date and time with seconds and fractions optional, and a mandatory zone designator: no local-time guessing.
const ISO_INSTANT =
  /^(\d{4}|[+-]\d{6})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The days in a month (1-12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;
}

/**
 * Reads an ISO 8601 instant by its fields, refusing what does not exist (February 30th, hour 24, an offset minute of
 * 60) instead of letting it roll over into the next day as `Date.parse` would. Fractions beyond milliseconds are cut.
 */
export function parseIsoInstant(text: string): number {
  const m = ISO_INSTANT.exec(text);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    offsetHours > 23 ||
    offsetMinutes > 59
  ) {
    return Number.NaN;
  }
  const offset = (m[8] === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const ms = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset;
  return ms >= -MAX_EPOCH_MS && ms <= MAX_EPOCH_MS ? ms : Number.NaN;
}

/** The digit at `i` of `text`, or -1 for any other character. */
function digitAt(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * The common shape `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.sssZ` read by character codes (no regular
 * expression, no match array): the same instant as {@link parseIsoInstant}, or undefined for any other text, which
 * then goes to the full parser. Exported for the property test that proves the two agree.
 */
export function parseIsoFast(text: string): number | undefined {
  const n = text.length;
  if ((n !== 20 && n !== 24) || text.charCodeAt(n - 1) !== 90) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return undefined;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58 || (n === 24 && text.charCodeAt(19) !== 46)) return undefined;
  let bad = false;
  const num = (from: number, to: number): number => {
    let v = 0;
    for (let i = from; i < to; i++) {
      const d = digitAt(text, i);
      if (d < 0) bad = true;
      v = v * 10 + d;
    }
    return v;
  };
  const year = num(0, 4);
  const month = num(5, 7);
  const day = num(8, 10);
  const hour = num(11, 13);
  const minute = num(14, 16);
  const second = num(17, 19);
  const millis = n === 24 ? num(20, 23) : 0;
  if (bad || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
}

/** The epoch milliseconds of a DateInput, or NaN when it is not one. Never throws. */
export function epochOf(value: unknown): number {
  if (typeof value === "number") {
    // Truncated as a Date truncates: the instant of epoch milliseconds -0.5 is 0, in the day of 0.
    return value >= -MAX_EPOCH_MS && value <= MAX_EPOCH_MS ? Math.trunc(value) + 0 : Number.NaN;
  }
  if (typeof value === "string") return parseIsoFast(value) ?? parseIsoInstant(value);
  if (value instanceof Date) return value.getTime();
  return Number.NaN;
}

/** What a DateInput must be. */
export const DATE_EXPECTED = "expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds";

/** A DateInput: a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds within the range of a Date. */
export const DateInputSchema = /* @__PURE__ */ (() =>
  z.custom<DateInput>((value) => !Number.isNaN(epochOf(value)), {
  error: DATE_EXPECTED,
}))();

/** The epoch milliseconds of a DateInput; INVALID_INPUT naming the path and value otherwise. */
export function toEpochMs(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>): number {
  const ms = epochOf(value);
  if (Number.isNaN(ms)) {
    throw valueError("INVALID_INPUT", metric, path, value, DATE_EXPECTED);
  }
  return ms;
}

// ---- Civil calendar arithmetic (proleptic Gregorian), after Howard Hinnant's algorithms ----

export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a civil date (month 1-12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z0 = days + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

// ---- Time zones through Intl (the platform's tz data; no tables of our own) ----

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCaches = new Map<string, Map<number, number>>();
const OFFSET_BUCKET_MS = 900_000; // zone transitions fall on quarter hours

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the platform knows the IANA zone name. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** An IANA time-zone name the platform knows (`Europe/Budapest`, `UTC`). */
export const TimeZoneSchema = /* @__PURE__ */ (() =>
  z.custom<string>(isValidTimeZone, { error: "expected an IANA time-zone name" }))();

/** Validates a time-zone option, INVALID_INPUT otherwise. */
export function checkTimeZone(timeZone: unknown, metric: string, path: ReadonlyArray<PropertyKey>): string {
  if (!isValidTimeZone(timeZone)) throw valueError("INVALID_INPUT", metric, path, timeZone, "expected an IANA time-zone name");
  return timeZone;
}

function computeOffset(instant: number, timeZone: string): number {
  // Instants a day past the range of a Date (a period's end, a neighbouring day) take the offset at the range's end:
  // zones keep their local mean time there, so the offset is the same, and Intl is never handed an invalid Date.
  const epochMs = Math.min(Math.max(instant, -MAX_EPOCH_MS), MAX_EPOCH_MS);
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const p of parts) {
    switch (p.type) {
      case "year":
        year = Number(p.value);
        break;
      case "month":
        month = Number(p.value);
        break;
      case "day":
        day = Number(p.value);
        break;
      case "hour":
        hour = Number(p.value);
        break;
      case "minute":
        minute = Number(p.value);
        break;
      case "second":
        second = Number(p.value);
        break;
      case "era":
        bc = p.value === "BC" || p.value === "B";
        break;
    }
  }
  if (bc) year = 1 - year;
  const wall = daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
  const whole = Math.floor(epochMs / 1000) * 1000;
  return wall - whole;
}

/** The zone's UTC offset in milliseconds at an instant (local wall time = instant + offset). */
export function offsetAt(epochMs: number, timeZone: string): number {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return 0;
  let cache = offsetCaches.get(timeZone);
  if (cache === undefined) {
    cache = new Map();
    offsetCaches.set(timeZone, cache);
  }
  const bucket = Math.floor(epochMs / OFFSET_BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = computeOffset(bucket * OFFSET_BUCKET_MS, timeZone);
    if (cache.size > 100_000) cache.clear();
    cache.set(bucket, offset);
  }
  return offset;
}

/** Local wall time (as if UTC) of an instant in a zone. */
export function toWallMs(epochMs: number, timeZone: string): number {
  return epochMs + offsetAt(epochMs, timeZone);
}

/**
 * The instant of a local wall time in a zone. An ambiguous time (clocks falling back) takes the earlier instant; a
 * time skipped by clocks springing forward moves forward by the gap, as Temporal's 'compatible' disambiguation does.
 */
export function fromWallMs(wallMs: number, timeZone: string): number {
  const before = offsetAt(wallMs - DAY_MS, timeZone);
  const after = offsetAt(wallMs + DAY_MS, timeZone);
  const tBefore = wallMs - before;
  const tAfter = wallMs - after;
  const beforeValid = offsetAt(tBefore, timeZone) === before;
  const afterValid = offsetAt(tAfter, timeZone) === after;
  if (beforeValid && afterValid) return Math.min(tBefore, tAfter);
  if (beforeValid) return tBefore;
  if (afterValid) return tAfter;
  return Math.max(tBefore, tAfter);
}

/** The local day number (days since 1970-01-01 in the zone) of an instant. */
export function localDay(epochMs: number, timeZone: string): number {
  return Math.floor(toWallMs(epochMs, timeZone) / DAY_MS);
}

/** The instant a local day begins in a zone. */
export function startOfLocalDay(day: number, timeZone: string): number {
  return fromWallMs(day * DAY_MS, timeZone);
}

// ---- Calendar periods: labels and bounds shared by cohorts and time series ----

/** A calendar period length. */
export type Period = "day" | "week" | "month" | "quarter" | "year";

/** The names of {@link Period}. */
export const PeriodSchema = /* @__PURE__ */ (() =>
  z.enum(["day", "week", "month", "quarter", "year"]))();

function pad(n: number, width = 2): string {
  const s = String(Math.abs(n)).padStart(width, "0");
  return n < 0 ? `-${s}` : s;
}

/** The ISO week-numbering year and week of a day number. */
export function isoWeek(days: number): { year: number; week: number } {
  const thursday = days - isoWeekday(days) + 4;
  const { year } = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** The day number on which the period containing `day` starts. */
export function periodStartDay(day: number, period: Period): number {
  if (period === "day") return day;
  if (period === "week") return day - isoWeekday(day) + 1;
  const { year, month } = civilFromDays(day);
  if (period === "month") return daysFromCivil(year, month, 1);
  if (period === "quarter") return daysFromCivil(year, month - ((month - 1) % 3), 1);
  return daysFromCivil(year, 1, 1);
}

/** The day number on which the k-th period after the one starting on `startDay` starts. */
export function addPeriods(startDay: number, period: Period, k: number): number {
  if (period === "day") return startDay + k;
  if (period === "week") return startDay + 7 * k;
  const { year, month } = civilFromDays(startDay);
  const months = period === "month" ? k : period === "quarter" ? 3 * k : 12 * k;
  const index = year * 12 + (month - 1) + months;
  // A floored remainder: years before 0 have negative indexes, whose month is still 1-12.
  return daysFromCivil(Math.floor(index / 12), index - Math.floor(index / 12) * 12 + 1, 1);
}

/** A number per period that grows by one from each period to the next: the periods from `a` to `b` are index(b) − index(a) + 1. */
export function periodIndex(day: number, period: Period): number {
  if (period === "day") return day;
  if (period === "week") return Math.floor((day - isoWeekday(day) + 1 + 3) / 7);
  const { year, month } = civilFromDays(day);
  if (period === "month") return year * 12 + month - 1;
  if (period === "quarter") return year * 4 + Math.floor((month - 1) / 3);
  return year;
}

/** The label of the period starting on a day: `2026-11-22`, `2026-W47`, `2026-11`, `2026-Q4`, `2026`. */
export function periodLabel(startDay: number, period: Period): string {
  const { year, month, day } = civilFromDays(startDay);
  switch (period) {
    case "day":
      return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    case "week": {
      const w = isoWeek(startDay);
      return `${pad(w.year, 4)}-W${pad(w.week)}`;
    }
    case "month":
      return `${pad(year, 4)}-${pad(month)}`;
    case "quarter":
      return `${pad(year, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
    default:
      return pad(year, 4);
  }
}

/**
 * {@link periodOf}, refusing an instant whose period starts or ends outside the range of a Date (±8.64e15 ms): its
 * bounds could not be given as Dates. OUT_OF_RANGE naming `path` and the instant.
 */
export function periodWithinRange(
  epochMs: number,
  period: Period,
  timeZone: string,
  metric: string,
  path: ReadonlyArray<PropertyKey>,
  value: unknown,
): { label: string; startDay: number; start: number; end: number } {
  const p = periodOf(epochMs, period, timeZone);
  if (p.start < -MAX_EPOCH_MS || p.end > MAX_EPOCH_MS) {
    const side = p.start < -MAX_EPOCH_MS ? "starts before" : "ends after";
    throw valueError("OUT_OF_RANGE", metric, path, value, `its ${period} ${side} the range of a Date (±8.64e15 ms)`, p.start < -MAX_EPOCH_MS ? "too_small" : "too_big");
  }
  return p;
}

/** The period containing an instant in a zone: its label, first local day and bounds as instants. */
export function periodOf(
  epochMs: number,
  period: Period,
  timeZone: string,
): { label: string; startDay: number; start: number; end: number } {
  return periodFromStartDay(periodStartDay(localDay(epochMs, timeZone), period), period, timeZone);
}

/** The period that starts on a local day in a zone: its label, first local day and bounds as instants. */
export function periodFromStartDay(
  startDay: number,
  period: Period,
  timeZone: string,
): { label: string; startDay: number; start: number; end: number } {
  return {
    label: periodLabel(startDay, period),
    startDay,
    start: startOfLocalDay(startDay, timeZone),
    end: startOfLocalDay(addPeriods(startDay, period, 1), timeZone),
  };
}
