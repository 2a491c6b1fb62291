import { checkDateInput, checkDecimals, type Checker, optional, readObject } from "../internal/check.js";
import {
  addPeriods,
  checkTimeZone,
  type DateInput,
  localDay,
  type Period,
  periodIndex,
  periodLabel,
  periodStartDay,
  startOfLocalDay,
  toEpochMs,
} from "../internal/date.js";
import { valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { ratio } from "../internal/round.js";
import { byCustomer, readSubscriptions, type Subscription } from "./records.js";

const METRIC = "cohortRetention";

/**
 * The most retention entries (summed over every cohort) one call computes: a million, e.g. 2,700 years of day
 * cohorts' first column, or one day cohort followed for 2,700 years. Beyond it the call is refused with OUT_OF_RANGE
 * before any work: the work and the memory of a call are bounded whatever the dates.
 */
export const MAX_COHORT_ENTRIES = 1_000_000;

/** Options of {@link cohortRetention}; unknown keys are refused. */
export interface CohortOptions {
  /** The calendar period that groups customers and spaces the retention columns. */
  period: Period;
  /** The last instant to report on: columns stop at the last period starting on or before it. */
  asOf: DateInput;
  /** The IANA time zone periods are reckoned in (default `UTC`). */
  timeZone?: string | undefined;
  /** Round the percents to this many decimals (0-15), half away from zero. */
  decimals?: number | undefined;
}

/** The messages of the cohort options, worded once for the reader and the schema. */
export const COHORT_EXPECTED = {
  object: "expected an object with period and asOf",
  period: 'expected "day", "week", "month", "quarter" or "year"',
} as const;

const PERIODS: ReadonlyArray<string> = ["day", "week", "month", "quarter", "year"];

const cohortOptions: { [K in keyof CohortOptions]-?: Checker<CohortOptions[K]> } = {
  period: (value, path, metric) => {
    if (PERIODS.includes(value as string)) return value as Period;
    throw valueError("INVALID_INPUT", metric, path, value, COHORT_EXPECTED.period);
  },
  asOf: checkDateInput,
  timeZone: optional((value, path, metric) => checkTimeZone(value, metric, path)),
  decimals: optional(checkDecimals),
};

/** One acquisition cohort and its retention curve. */
export interface Cohort {
  /** The period label: `2026-01-31` (day), `2026-W05` (ISO week), `2026-01` (month), `2026-Q1`, `2026`. */
  cohort: string;
  /** Customers whose first subscription started in that period. */
  size: number;
  /** `retention[0]` is 100; `retention[k]` is the percent of the cohort active at the start of the k-th following period. */
  retention: number[];
}

/** Retention by acquisition cohort. */
export interface CohortRetentionResult {
  /** Always `'cohortRetention'`. */
  metric: "cohortRetention";
  /** Cohorts in ascending order of their period. */
  cohorts: Cohort[];
}

interface Group {
  startDay: number;
  /** Start instants of the cohort's periods 0..K, all on or before asOf. */
  boundaries: number[];
  /** Difference array of active customers per column. */
  diff: Int32Array;
  size: number;
}

/** The first index k with boundaries[k] >= t (boundaries ascending). */
function firstAtOrAfter(boundaries: ReadonlyArray<number>, t: number): number {
  let lo = 0;
  let hi = boundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (boundaries[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Retention by acquisition cohort: customers grouped by the calendar period of their first subscription, and the
 * percent of each group still active at the start of every following period.
 *
 * A customer's cohort is the period (in `timeZone`, default UTC) of its first `startedAt`; it is active at instant t
 * when one of its subscriptions has startedAt <= t < endedAt. retention[0] = 100; retention[k] = 100 × (customers of
 * the cohort active at the start of the k-th following period) / size. Columns stop at the last period that starts
 * on or before `asOf`; customers whose first subscription starts after `asOf` are left out. Week cohorts are ISO weeks
 * labelled with the ISO week-numbering year (2025-12-29 is in `2026-W01`).
 *
 * @param subscriptions - records with `customerId`, `startedAt` and optional `endedAt` (null or missing: running)
 * @param options - `period` (`day`, `week`, `month`, `quarter`, `year`), `asOf`, optional `timeZone` and `decimals`
 * @returns the cohorts in ascending order, each with its size and retention curve
 * Work and memory are bounded: the retention entries of all cohorts together are at most {@link MAX_COHORT_ENTRIES}
 * (a million) per call.
 *
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a record that is not an object, a missing id, an unparseable
 *   date or endedAt < startedAt (naming the record's index), and for missing or invalid options; `OUT_OF_RANGE` when
 *   the cohorts would hold more than {@link MAX_COHORT_ENTRIES} retention entries, naming the first subscription of the
 *   cohort that crosses the limit
 *
 * @example
 * ```ts
 * import { cohortRetention } from "cx-metrics";
 * const subscriptions = [
 *   { customerId: 1, startedAt: "2026-01-05T10:00:00Z", endedAt: "2026-02-20T00:00:00Z" },
 *   { customerId: 2, startedAt: "2026-01-20T10:00:00Z" },
 *   { customerId: 3, startedAt: "2026-02-03T10:00:00Z", endedAt: "2026-03-01T00:00:00Z" },
 * ];
 * const { cohorts } = cohortRetention(subscriptions, { period: "month", asOf: "2026-03-15T00:00:00Z" });
 * console.log(JSON.stringify(cohorts));
 * // => [{"cohort":"2026-01","size":2,"retention":[100,100,50]},{"cohort":"2026-02","size":1,"retention":[100,0]}]
 * ```
 */
export function cohortRetention(subscriptions: ReadonlyArray<Subscription>, options: CohortOptions): CohortRetentionResult {
  return guard(METRIC, () => {
    const o = readObject<CohortOptions>(options, METRIC, "options", COHORT_EXPECTED.object, cohortOptions, true);
    const timeZone = o.timeZone ?? "UTC";
    const asOf = toEpochMs(o.asOf, METRIC, ["options", "asOf"]);
    const { ids, starts, ends } = readSubscriptions(subscriptions, METRIC);
    const groups = new Map<number, Group>();
    const lastIndex = periodIndex(localDay(asOf, timeZone), o.period);
    let entries = 0;

    for (const indexes of byCustomer(ids).values()) {
      // Merge the customer's subscriptions into disjoint active intervals so no one is counted twice.
      indexes.sort((a, b) => starts[a]! - starts[b]!);
      const first = starts[indexes[0]!]!;
      if (first > asOf) continue;
      const startDay = periodStartDay(localDay(first, timeZone), o.period);
      let group = groups.get(startDay);
      if (group === undefined) {
        entries += lastIndex - periodIndex(startDay, o.period) + 1;
        if (entries > MAX_COHORT_ENTRIES) {
          const at = indexes[0]!;
          throw valueError(
            "OUT_OF_RANGE",
            METRIC,
            ["subscriptions", at, "startedAt"],
            subscriptions[at]!.startedAt,
            `its cohort (${periodLabel(startDay, o.period)}) followed to options.asOf brings the retention entries to ${entries}, over the limit of ${MAX_COHORT_ENTRIES} per call: use a longer period or an earlier asOf`,
          );
        }
        const boundaries: number[] = [];
        // The cohort's own period starts on or before its first subscription, so on or before asOf.
        for (let t = startOfLocalDay(startDay, timeZone), k = 1; t <= asOf; k++) {
          boundaries.push(t);
          t = startOfLocalDay(addPeriods(startDay, o.period, k), timeZone);
        }
        group = { startDay, boundaries, diff: new Int32Array(boundaries.length + 1), size: 0 };
        groups.set(startDay, group);
      }
      group.size++;
      let from = starts[indexes[0]!]!;
      let to = ends[indexes[0]!]!;
      for (let j = 1; j <= indexes.length; j++) {
        const i = indexes[j];
        if (i !== undefined && starts[i]! <= to) {
          if (ends[i]! > to) to = ends[i]!;
          continue;
        }
        // Columns k >= 1 with from <= boundaries[k] < to.
        const lo = Math.max(1, firstAtOrAfter(group.boundaries, from));
        const hi = firstAtOrAfter(group.boundaries, to);
        if (lo < hi) {
          group.diff[lo]!++;
          group.diff[hi]!--;
        }
        if (i !== undefined) {
          from = starts[i]!;
          to = ends[i]!;
        }
      }
    }

    const cohorts: Cohort[] = [...groups.values()]
      .sort((a, b) => a.startDay - b.startDay)
      .map((g) => finishCohort(g.startDay, o.period, g.size, g.diff, g.boundaries.length, o.decimals));
    return { metric: "cohortRetention", cohorts };
  });
}

/**
 * The finish of {@link cohortRetention}, shared with the SQL builder: one cohort's curve from its size and the
 * difference array of its active customers (diff[k] for columns 1..columns − 1; the running sum is column k's count).
 */
export function finishCohort(startDay: number, period: Period, size: number, diff: ArrayLike<number>, columns: number, decimals: number | undefined): Cohort {
  const retention = [100];
  let active = 0;
  for (let k = 1; k < columns; k++) {
    active += diff[k]!;
    retention.push(ratio(active, size, 100, decimals));
  }
  return { cohort: periodLabel(startDay, period), size, retention };
}
