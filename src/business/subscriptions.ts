import { checkDateInput, readObject } from "../internal/check.js";
import { type DateInput, toEpochMs } from "../internal/date.js";
import { emptyError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { type ChurnResult, churnOf, type BusinessRateOptions, readRateOptions } from "./churn.js";
import { activeAt, byCustomer, readSubscriptions, type Subscription } from "./records.js";

/** The half-open period [periodStart, periodEnd) churn is measured over; unknown keys are refused. */
export interface ChurnPeriod {
  /** The first instant of the period: a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds. */
  periodStart: DateInput;
  /** The first instant after the period (exclusive); must be later than periodStart. */
  periodEnd: DateInput;
}

/** The messages of a period, worded once for the reader and the schema. */
export const PERIOD_EXPECTED = {
  object: "expected an object with periodStart and periodEnd",
  after: "expected an instant after periodStart",
} as const;

/** Reads a {@link ChurnPeriod} as epoch milliseconds, the tight equivalent of its schema. */
export function readPeriod(period: unknown, metric: string): { start: number; end: number } {
  const p = readObject<ChurnPeriod>(period, metric, "period", PERIOD_EXPECTED.object, { periodStart: checkDateInput, periodEnd: checkDateInput }, true);
  const start = toEpochMs(p.periodStart, metric, ["period", "periodStart"]);
  const end = toEpochMs(p.periodEnd, metric, ["period", "periodEnd"]);
  if (!(end > start)) throw valueError("INVALID_INPUT", metric, ["period", "periodEnd"], p.periodEnd, PERIOD_EXPECTED.after, "custom");
  return { start, end };
}

/** Churn over a period, counted from subscription records. */
export interface SubscriptionChurnResult extends ChurnResult {
  /** Customers active at periodEnd. */
  customersAtEnd: number;
  /** Active at periodEnd, not at periodStart, with no subscription starting before periodStart. */
  newCustomers: number;
  /** Active at periodEnd, not at periodStart, with a subscription starting before periodStart. */
  reactivated: number;
}

/**
 * Customer churn over a period, counted from subscription records (one customer may have several).
 *
 * A customer is active at instant t when one of its subscriptions has startedAt <= t < endedAt (no end: still
 * active). Over [periodStart, periodEnd): customersAtStart = active at periodStart; customersLost = active at
 * periodStart and not at periodEnd (leaving and coming back within the period is not lost); customersAtEnd = active
 * at periodEnd; newCustomers = active at periodEnd, not at periodStart, with no subscription starting before
 * periodStart; reactivated = the same with an earlier subscription. A customer who starts and leaves within the period
 * counts nowhere. So customersAtStart − customersLost + newCustomers + reactivated = customersAtEnd, and
 * rate = 100 × customersLost / customersAtStart.
 *
 * @param subscriptions - records with `customerId`, `startedAt` and optional `endedAt` (null or missing: running)
 * @param period - `periodStart` and `periodEnd` (exclusive), each a Date, an ISO 8601 string with Z or an offset, or
 *   epoch milliseconds
 * @param options - `decimals`: round the rates half away from zero
 * @returns the churn and retention rates with every count
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a record that is not an object, a missing id, an unparseable date
 *   or endedAt < startedAt (naming the record's index), or a period that does not end after it starts;
 *   `EMPTY_INPUT` when no customer is active at periodStart
 *
 * @example
 * ```ts
 * import { churnFromSubscriptions } from "cx-metrics";
 * const subscriptions = [
 *   { customerId: "a", startedAt: "2025-06-01T00:00:00Z" },
 *   { customerId: "b", startedAt: "2025-06-01T00:00:00Z", endedAt: "2026-01-15T00:00:00Z" },
 *   { customerId: "c", startedAt: "2025-03-01T00:00:00Z", endedAt: "2025-09-01T00:00:00Z" },
 *   { customerId: "c", startedAt: "2026-01-20T00:00:00Z" },
 *   { customerId: "d", startedAt: "2026-01-10T00:00:00Z" },
 * ];
 * const r = churnFromSubscriptions(subscriptions, { periodStart: "2026-01-01T00:00:00Z", periodEnd: "2026-02-01T00:00:00Z" });
 * console.log(r.rate, r.customersAtStart, r.customersLost, r.newCustomers, r.reactivated, r.customersAtEnd);
 * // => 50 2 1 1 1 3
 * ```
 */
export function churnFromSubscriptions(
  subscriptions: ReadonlyArray<Subscription>,
  period: ChurnPeriod,
  options?: BusinessRateOptions,
): SubscriptionChurnResult {
  const metric = "churnFromSubscriptions";
  return guard(metric, () => {
    const { decimals } = readRateOptions(options, metric);
    const { start, end } = readPeriod(period, metric);
    const { ids, starts, ends } = readSubscriptions(subscriptions, metric);
    let atStart = 0;
    let lost = 0;
    let atEnd = 0;
    let fresh = 0;
    let reactivated = 0;
    for (const indexes of byCustomer(ids).values()) {
      const wasActive = activeAt(indexes, starts, ends, start);
      const isActive = activeAt(indexes, starts, ends, end);
      if (wasActive) atStart++;
      if (wasActive && !isActive) lost++;
      if (isActive) atEnd++;
      if (isActive && !wasActive) {
        if (indexes.some((i) => starts[i]! < start)) reactivated++;
        else fresh++;
      }
    }
    return finishSubscriptionChurn({ atStart, lost, atEnd, fresh, reactivated }, decimals);
  });
}

/** The customers of a period counted from subscriptions, as {@link churnFromSubscriptions} defines them. */
export interface SubscriptionChurnCounts {
  atStart: number;
  lost: number;
  atEnd: number;
  fresh: number;
  reactivated: number;
}

/**
 * The finish of {@link churnFromSubscriptions}, shared with the SQL builder: the rates of the counts, EMPTY_INPUT
 * when no customer is active at the period's start.
 */
export function finishSubscriptionChurn(c: SubscriptionChurnCounts, decimals: number | undefined): SubscriptionChurnResult {
  const metric = "churnFromSubscriptions";
  if (c.atStart === 0) {
    throw emptyError(metric, ["subscriptions"], "no customer is active at period.periodStart: the churn of no customers is undefined");
  }
  return {
    ...churnOf(c.atStart, c.lost, decimals),
    customersAtEnd: c.atEnd,
    newCustomers: c.fresh,
    reactivated: c.reactivated,
  };
}
