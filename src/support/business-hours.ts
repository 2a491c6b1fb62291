import {
  DAY_MS,
  type DateInput,
  daysFromCivil,
  isoWeekday,
  checkTimeZone,
  localDay,
  offsetAt,
  startOfLocalDay,
  toEpochMs,
} from "../internal/date.js";
import { describeValue, formatPath, plainError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";

// Business time is the real elapsed time whose local wall-clock reading falls inside the calendar's windows. Each
// local day is measured once (a whole week at a time when the zone's offset does not change within it) and kept as a
// prefix sum, so the business time between two instants is two table lookups, whatever the span.

const TIME_OF_DAY = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS: ReadonlyArray<Weekday> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const TIME_EXPECTED = "expected a time of day 'HH:MM' from 00:00 to 24:00";
const WINDOW_EXPECTED = "expected a window [start, end]";
const INVERTED = "expected a start before the end";
const DAY_EXPECTED = "expected an array of windows [start, end]";
const DATE_EXPECTED = "expected a local date 'YYYY-MM-DD'";
const HOLIDAYS_EXPECTED = "expected an array of local dates 'YYYY-MM-DD'";

/** A weekday name of {@link BusinessCalendar.weekly}. */
export type Weekday = "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday";

/** A business calendar: an IANA time zone, weekly windows of local wall-clock time and local holidays; unknown keys are refused. */
export interface BusinessCalendar {
  /** IANA name of the zone the windows are read in, e.g. `'Europe/Budapest'`. */
  timeZone: string;
  /** Windows `[start, end]` of local wall-clock time per weekday (`'HH:MM'`, end may be `'24:00'`). */
  weekly: { [day in Weekday]?: Array<[start: string, end: string]> | undefined };
  /** Local dates `'YYYY-MM-DD'` with no business hours. */
  holidays?: string[] | undefined;
}

/** The day number of a local date `YYYY-MM-DD`, or undefined when it is not a date of the calendar. */
export function localDateToDay(text: string): number | undefined {
  const match = LOCAL_DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);
}

/** [index of a window that overlaps an earlier-starting one, that window], once windows are sorted by start. */
export function firstOverlap(windows: ReadonlyArray<readonly [string, string]>): [number, readonly [string, string]] | undefined {
  const order = windows.map((_, i) => i).sort((a, b) => (windows[a]![0] < windows[b]![0] ? -1 : 1));
  for (let k = 1; k < order.length; k++) {
    const previous = windows[order[k - 1]!]!;
    if (windows[order[k]!]![0] < previous[1]) return [order[k]!, previous];
  }
  return undefined;
}

/** How an overlap is worded. */
export function overlapText(other: readonly [string, string]): string {
  return `expected windows that do not overlap (it overlaps ${describeValue(other)})`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function refuseUnknownKeys(value: Record<string, unknown>, known: ReadonlyArray<string>, path: ReadonlyArray<PropertyKey>, metric: string) {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    const keys = unknown.map((k) => JSON.stringify(k)).join(", ");
    throw plainError("INVALID_INPUT", metric, path, `${formatPath(path)} has unknown key${unknown.length === 1 ? "" : "s"} ${keys}`);
  }
}

function checkDay(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string): Array<[string, string]> {
  if (!Array.isArray(value)) throw valueError("INVALID_INPUT", metric, path, value, DAY_EXPECTED);
  const windows: Array<[string, string]> = [];
  for (let i = 0; i < value.length; i++) {
    const window: unknown = value[i];
    if (!Array.isArray(window) || window.length !== 2) throw valueError("INVALID_INPUT", metric, [...path, i], window, WINDOW_EXPECTED);
    for (const k of [0, 1]) {
      const time: unknown = window[k];
      if (typeof time !== "string" || !TIME_OF_DAY.test(time)) throw valueError("INVALID_INPUT", metric, [...path, i, k], time, TIME_EXPECTED);
    }
    const pair = window as [string, string];
    if (!(pair[0] < pair[1])) throw valueError("INVALID_INPUT", metric, [...path, i], pair, INVERTED);
    windows.push([pair[0], pair[1]]);
  }
  const overlap = firstOverlap(windows);
  if (overlap !== undefined) throw valueError("INVALID_INPUT", metric, [...path, overlap[0]], windows[overlap[0]], overlapText(overlap[1]), "custom");
  return windows;
}

/**
 * Reads a business calendar by hand, giving {@link BusinessCalendarSchema}'s verdicts (a property test proves it)
 * without shipping zod; INVALID_INPUT names the offending field.
 */
export function checkCalendar(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string): BusinessCalendar {
  if (!isRecord(value)) throw valueError("INVALID_INPUT", metric, path, value, "expected an object");
  refuseUnknownKeys(value, ["timeZone", "weekly", "holidays"], path, metric);
  const timeZone = checkTimeZone(value.timeZone, metric, [...path, "timeZone"]);
  const weeklyPath = [...path, "weekly"];
  const weeklyValue = value.weekly;
  if (!isRecord(weeklyValue)) throw valueError("INVALID_INPUT", metric, weeklyPath, weeklyValue, "expected an object");
  refuseUnknownKeys(weeklyValue, WEEKDAYS, weeklyPath, metric);
  const weekly: BusinessCalendar["weekly"] = {};
  for (const day of WEEKDAYS) {
    if (weeklyValue[day] !== undefined) weekly[day] = checkDay(weeklyValue[day], [...weeklyPath, day], metric);
  }
  const calendar: BusinessCalendar = { timeZone, weekly };
  const holidays = value.holidays;
  if (holidays !== undefined) {
    if (!Array.isArray(holidays)) throw valueError("INVALID_INPUT", metric, [...path, "holidays"], holidays, HOLIDAYS_EXPECTED);
    for (let i = 0; i < holidays.length; i++) {
      const text: unknown = holidays[i];
      if (typeof text !== "string" || localDateToDay(text) === undefined) {
        throw valueError("INVALID_INPUT", metric, [...path, "holidays", i], text, DATE_EXPECTED);
      }
    }
    calendar.holidays = [...(holidays as string[])];
  }
  return calendar;
}

function minutesOf(text: string): number {
  return (Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5))) * 60_000;
}

/** The most local days one table may cover (about 1,100 years). */
export const MAX_CALENDAR_DAYS = 400_000;

const QUARTER_HOUR = 900_000; // offsetAt is constant within these buckets
const NO_WINDOWS = new Float64Array(0);

/** A validated calendar, ready to measure: windows in milliseconds of the local day, per ISO weekday. */
export class CompiledCalendar {
  readonly timeZone: string;
  /** byKind[0] is a holiday (no windows); byKind[1..7] Monday..Sunday, flattened sorted [start, end, ...] pairs. */
  readonly byKind: Float64Array[];
  /** Business milliseconds of a whole local day of each kind. */
  readonly totals: Float64Array;
  readonly holidays: ReadonlySet<number>;

  constructor(calendar: BusinessCalendar) {
    this.timeZone = calendar.timeZone;
    this.byKind = [NO_WINDOWS];
    this.totals = new Float64Array(8);
    WEEKDAYS.forEach((name, index) => {
      const windows = [...(calendar.weekly[name] ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      const flat = new Float64Array(windows.length * 2);
      let total = 0;
      windows.forEach(([start, end], k) => {
        flat[2 * k] = minutesOf(start);
        flat[2 * k + 1] = minutesOf(end);
        total += flat[2 * k + 1]! - flat[2 * k]!;
      });
      this.byKind.push(flat);
      this.totals[index + 1] = total;
    });
    this.holidays = new Set((calendar.holidays ?? []).map((text) => localDateToDay(text)!));
  }

  /** 0 for a holiday, else the ISO weekday (1-7) of a local day number. */
  kindOf(day: number): number {
    return this.holidays.has(day) ? 0 : isoWeekday(day);
  }

  /** Business milliseconds of wall-clock time [x0, x1) within local day `day` (0 <= x0 <= x1 <= one day). */
  wallMeasure(day: number, x0: number, x1: number): number {
    const windows = this.byKind[this.kindOf(day)]!;
    let total = 0;
    for (let k = 0; k < windows.length; k += 2) {
      const from = Math.max(windows[k]!, x0);
      const to = Math.min(windows[k + 1]!, x1);
      if (to > from) total += to - from;
    }
    return total;
  }

  /**
   * Business milliseconds in the instants [a, b), however the offset changes inside: the span is cut where the offset
   * changes and each piece is read on the wall clock. Walks quarter hours, so it is kept to single days.
   */
  generalMeasure(a: number, b: number): number {
    let total = 0;
    let current = a;
    while (current < b) {
      const offset = offsetAt(current, this.timeZone);
      let next = (Math.floor(current / QUARTER_HOUR) + 1) * QUARTER_HOUR;
      while (next < b && offsetAt(next, this.timeZone) === offset) next += QUARTER_HOUR;
      const end = Math.min(next, b);
      total += this.wallRangeMeasure(current + offset, end + offset);
      current = end;
    }
    return total;
  }

  private wallRangeMeasure(x: number, y: number): number {
    let total = 0;
    for (let day = Math.floor(x / DAY_MS); day * DAY_MS < y; day++) {
      const base = day * DAY_MS;
      total += this.wallMeasure(day, Math.max(x - base, 0), Math.min(y - base, DAY_MS));
    }
    return total;
  }

  /** A clock that reads cumulative business time for instants from `minMs` to `maxMs`. */
  clock(minMs: number, maxMs: number, metric: string, path: ReadonlyArray<PropertyKey>): BusinessClock {
    const first = localDay(minMs, this.timeZone) - 1;
    const last = localDay(maxMs, this.timeZone) + 1;
    if (last - first + 1 > MAX_CALENDAR_DAYS) {
      throw plainError(
        "OUT_OF_RANGE",
        metric,
        path,
        `business hours are counted over at most ${MAX_CALENDAR_DAYS} local days (about 1,100 years); these instants span ${last - first - 1}`,
      );
    }
    return new BusinessClock(this, first, last - first + 1);
  }
}

/** Cumulative business time over a contiguous run of local days: `at(t)` is the business time from the run's start. */
export class BusinessClock {
  private readonly calendar: CompiledCalendar;
  private readonly first: number;
  private readonly days: number;
  /** starts[i]: the instant local day first + i begins (i = 0..days). */
  private readonly starts: Float64Array;
  /** cumulative[i]: business time from starts[0] to starts[i]. */
  private readonly cumulative: Float64Array;
  /** The day's constant UTC offset, or NaN when it changes within the day. */
  private readonly offsets: Float64Array;
  /** The day's kind (0 holiday, 1-7 ISO weekday). */
  private readonly kinds: Uint8Array;

  constructor(calendar: CompiledCalendar, first: number, days: number) {
    this.calendar = calendar;
    this.first = first;
    this.days = days;
    const zone = calendar.timeZone;
    const starts = new Float64Array(days + 1);
    const cumulative = new Float64Array(days + 1);
    const offsets = new Float64Array(days);
    const kinds = new Uint8Array(days);
    starts[0] = startOfLocalDay(first, zone);
    let i = 0;
    while (i < days) {
      const start = starts[i]!;
      const offset = offsetAt(start, zone);
      const span = Math.min(7, days - i);
      const end = startOfLocalDay(first + i + span, zone);
      // A run of days with one offset throughout (checked at both ends) is pure wall-clock arithmetic.
      const steady = end - start === span * DAY_MS && offsetAt(end - 1, zone) === offset;
      const count = steady ? span : 1;
      for (let k = 0; k < count; k++) {
        const day = first + i + k;
        const kind = calendar.kindOf(day);
        kinds[i + k] = kind;
        if (steady) {
          starts[i + k + 1] = start + (k + 1) * DAY_MS;
          offsets[i + k] = offset;
          cumulative[i + k + 1] = cumulative[i + k]! + calendar.totals[kind]!;
        } else {
          const next = span === 1 ? end : startOfLocalDay(day + 1, zone);
          starts[i + 1] = next;
          const plain = next - start === DAY_MS && offsetAt(next - 1, zone) === offset;
          offsets[i] = plain ? offset : Number.NaN;
          cumulative[i + 1] = cumulative[i]! + (plain ? calendar.totals[kind]! : calendar.generalMeasure(start, next));
        }
      }
      i += count;
    }
    this.starts = starts;
    this.cumulative = cumulative;
    this.offsets = offsets;
    this.kinds = kinds;
  }

  /** Business milliseconds from the start of the run to instant t (t within the run). */
  at(t: number): number {
    const starts = this.starts;
    // Days last 24 hours give or take a transition, so the guess is off by at most a day or two; clamp, then walk.
    let i = Math.min(Math.max(Math.floor((t - starts[0]!) / DAY_MS), 0), this.days - 1);
    while (i > 0 && t < starts[i]!) i--;
    while (i < this.days - 1 && t >= starts[i + 1]!) i++;
    const offset = this.offsets[i]!;
    if (Number.isNaN(offset)) return this.cumulative[i]! + this.calendar.generalMeasure(starts[i]!, t);
    const x = t + offset - (this.first + i) * DAY_MS;
    const windows = this.calendar.byKind[this.kinds[i]!]!;
    let partial = 0;
    for (let k = 0; k < windows.length; k += 2) {
      const from = windows[k]!;
      if (x <= from) break;
      const to = windows[k + 1]!;
      partial += Math.min(x, to) - from;
    }
    return this.cumulative[i]! + partial;
  }
}


/**
 * Business time between two instants: the real elapsed milliseconds in [start, end) whose local wall-clock time in the
 * calendar's zone falls inside its weekly windows, outside its holidays.
 *
 * businessDuration = Σ over local days d of |{ t ∈ [start, end) : t is on day d, wall(t) inside a window of d }|.
 * Windows are wall-clock times, so a `['00:00', '24:00']` window holds 23 hours on the day clocks spring forward
 * and 25 on the day they fall back. Time zones come from the platform's `Intl` data.
 *
 * @param start - the first instant (Date, ISO 8601 string with Z or an offset, or epoch ms)
 * @param end - the instant the span ends, not before `start`
 * @param calendar - `{ timeZone, weekly, holidays? }`, see {@link BusinessCalendarSchema}
 * @returns business time in milliseconds
 * @throws {@link CxMetricsError} `INVALID_INPUT` for an unparseable or invalid date, `end` before `start`, an unknown
 *   zone, a malformed `'HH:MM'`, an inverted or overlapping window or a malformed holiday; `OUT_OF_RANGE` when the span
 *   covers more than 400,000 local days
 *
 * @example
 * ```ts
 * import { businessDuration } from "cx-metrics";
 * const calendar = {
 *   timeZone: "Europe/Budapest",
 *   weekly: { monday: [["09:00", "17:00"]], tuesday: [["09:00", "17:00"]] },
 *   holidays: ["2026-11-24"],
 * };
 * // Monday 16:00 to Wednesday 10:00 local time: one hour on Monday, Tuesday is a holiday.
 * const ms = businessDuration("2026-11-23T16:00:00+01:00", "2026-11-25T10:00:00+01:00", calendar);
 * console.log(ms / 3_600_000);
 * // => 1
 * ```
 */
export function businessDuration(start: DateInput, end: DateInput, calendar: BusinessCalendar): number {
  const metric = "businessDuration";
  return guard(metric, () => {
    const from = toEpochMs(start, metric, ["start"]);
    const to = toEpochMs(end, metric, ["end"]);
    const compiled = new CompiledCalendar(checkCalendar(calendar, ["calendar"], metric));
    if (to < from) {
      throw valueError("INVALID_INPUT", metric, ["end"], end, `expected an instant not before start (${describeValue(start)})`);
    }
    const clock = compiled.clock(from, to, metric, ["end"]);
    return clock.at(to) - clock.at(from) + 0;
  });
}
