import { type Checker, checkOneOf, readOptions } from "../internal/check.js";
import { type DateInput, checkTimeZone, type Period, periodWithinRange, toEpochMs } from "../internal/date.js";
import { valueError } from "../internal/fail.js";
import { callerSays, guard } from "../internal/guard.js";

function iterableOf<T>(records: unknown, metric: string): Iterable<T> {
  if (records !== null && typeof records === "object" && typeof (records as Iterable<T>)[Symbol.iterator] === "function") {
    return records as Iterable<T>;
  }
  throw valueError("INVALID_INPUT", metric, ["records"], records, "expected an array or another iterable of records");
}

/** Each record of the caller's iterable, in order; what its iterator throws passes through unchanged. */
function* recordsOf<T>(items: Iterable<T>): Generator<T> {
  const iterator = callerSays(() => items[Symbol.iterator]());
  for (;;) {
    const step = callerSays(() => iterator.next());
    if (step.done === true) return;
    yield step.value;
  }
}

function functionAt<F>(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string): F {
  if (typeof value === "function") return value as F;
  throw valueError("INVALID_INPUT", metric, path, value, "expected a function");
}

/** One segment: its key, how many records it holds, and what `compute` made of them. */
export interface Group<K, R> {
  /** The segment's key, as the key function returned it. */
  key: K;
  /** What `compute` returned for the segment's records. */
  result: R;
  /** How many records the segment holds. */
  count: number;
}

/**
 * Splits records into segments by a key and computes a metric for each: the segments come in the order their keys
 * were first seen, keys compared as a `Map` compares them (SameValueZero).
 *
 * @param records - any iterable of records (an array, a generator)
 * @param key - the segment of a record, e.g. `(r) => r.channel`
 * @param compute - the metric of a segment's records, e.g. `(rows) => nps(rows.map((r) => r.score))`
 * @returns one `{ key, result, count }` per segment
 * @throws {@link CxMetricsError} `INVALID_INPUT` when records is not iterable or key/compute is not a function; whatever
 *   the records' iterator, `key` or `compute` throws passes through unchanged (a CxMetricsError from a calculator, or
 *   the caller's own exception)
 *
 * @example
 * ```ts
 * import { groupBy, nps } from "cx-metrics";
 * const rows = [{ channel: "chat", score: 10 }, { channel: "email", score: 3 }, { channel: "chat", score: 8 }];
 * const groups = groupBy(rows, (r) => r.channel, (g) => nps(g.map((r) => r.score)).score);
 * console.log(groups.map((g) => `${g.key}: ${g.result} (n=${g.count})`).join(", "));
 * // => chat: 50 (n=2), email: -100 (n=1)
 * ```
 */
export function groupBy<T, K, R>(records: Iterable<T>, key: (record: T) => K, compute: (group: T[]) => R): Array<Group<K, R>> {
  const metric = "groupBy";
  return guard(metric, () => {
    const items = iterableOf<T>(records, metric);
    const keyOf = functionAt<(record: T) => K>(key, ["key"], metric);
    const run = functionAt<(group: T[]) => R>(compute, ["compute"], metric);
    const groups = new Map<K, T[]>();
    for (const record of recordsOf(items)) {
      const k = callerSays(() => keyOf(record));
      const group = groups.get(k);
      if (group === undefined) groups.set(k, [record]);
      else group.push(record);
    }
    return [...groups].map(([k, group]) => ({ key: k, result: callerSays(() => run(group)), count: group.length }));
  });
}

/** How {@link byPeriod} finds and buckets each record's instant. */
export interface ByPeriodOptions<T> {
  /** The instant of a record: a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds. */
  date: (record: T) => DateInput;
  /** The length of a period. */
  period: Period;
  /** The IANA zone whose calendar defines the periods; default `'UTC'`. */
  timeZone?: string;
}

/** One calendar period of a time series. */
export interface PeriodGroup<R> {
  /** `2026-11-22` (day), `2026-W47` (ISO week), `2026-11` (month), `2026-Q4` (quarter) or `2026` (year). */
  period: string;
  /** The instant the period starts (local midnight in the time zone). */
  start: Date;
  /** The instant the next period starts. */
  end: Date;
  /** What `compute` returned for the period's records. */
  result: R;
  /** How many records fall in the period. */
  count: number;
}

const checkFunction: Checker<(record: never) => DateInput> = (value, path, metric) => functionAt(value, path, metric);
const checkString: Checker<string> = (value, path, metric) => checkTimeZone(value, metric, path);

/**
 * Splits records into calendar periods (day, ISO week, month, quarter, year) in a time zone and computes a metric for
 * each: a time series in ascending order, with each period's label and bounds.
 *
 * @param records - any iterable of records
 * @param options - `date` (the instant of a record), `period`, `timeZone` (default `'UTC'`)
 * @param compute - the metric of a period's records
 * @returns one `{ period, start, end, result, count }` per period that has records, in ascending order
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad options, an unknown time zone, or a record whose date is not a
 *   valid DateInput (naming its index); `OUT_OF_RANGE` for a date whose period starts or ends outside the range of a
 *   Date (±8.64e15 ms, about 271,821 BC to 275,760 AD), naming its index; whatever the records' iterator, `date` or
 *   `compute` throws passes through unchanged
 *
 * @example
 * ```ts
 * import { byPeriod, csat } from "cx-metrics";
 * const rows = [
 *   { at: "2026-01-30T10:00:00Z", rating: 5 },
 *   { at: "2026-02-02T10:00:00Z", rating: 2 },
 *   { at: "2026-01-02T10:00:00Z", rating: 4 },
 * ];
 * const series = byPeriod(rows, { date: (r) => r.at, period: "month" }, (g) => csat(g.map((r) => r.rating)).score);
 * console.log(series.map((p) => `${p.period} ${p.result}`).join(", "));
 * // => 2026-01 100, 2026-02 0
 * ```
 */
export function byPeriod<T, R>(records: Iterable<T>, options: ByPeriodOptions<T>, compute: (group: T[]) => R): Array<PeriodGroup<R>> {
  const metric = "byPeriod";
  return guard(metric, () => {
    const items = iterableOf<T>(records, metric);
    const o = readOptions<ByPeriodOptions<T>>(options ?? null, metric, {
      date: checkFunction as Checker<(record: T) => DateInput>,
      period: checkOneOf<Period>("day", "week", "month", "quarter", "year"),
      timeZone: checkString,
    });
    if (o.date === undefined) throw valueError("INVALID_INPUT", metric, ["options", "date"], undefined, "expected a function");
    if (o.period === undefined) {
      throw valueError("INVALID_INPUT", metric, ["options", "period"], undefined, "expected one of 'day', 'week', 'month', 'quarter', 'year'");
    }
    const run = functionAt<(group: T[]) => R>(compute, ["compute"], metric);
    const zone = o.timeZone ?? "UTC";
    const buckets = new Map<number, { label: string; start: number; end: number; rows: T[] }>();
    let index = 0;
    const dateOf = o.date;
    const period = o.period;
    for (const record of recordsOf(items)) {
      const value = callerSays(() => dateOf(record));
      const path = ["records", index, "date"];
      const p = periodWithinRange(toEpochMs(value, metric, path), period, zone, metric, path, value);
      const bucket = buckets.get(p.startDay);
      if (bucket === undefined) buckets.set(p.startDay, { label: p.label, start: p.start, end: p.end, rows: [record] });
      else bucket.rows.push(record);
      index++;
    }
    return [...buckets.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, b]) => ({ period: b.label, start: new Date(b.start), end: new Date(b.end), result: callerSays(() => run(b.rows)), count: b.rows.length }));
  });
}
