import * as z from "zod/mini";
import { DateInputSchema, localDay, periodLabel, TimeZoneSchema, toEpochMs, type DateInput } from "../internal/date.js";
import { emptyError, parseWith, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import {
  type BgNbdCustomer,
  type BgNbdParams,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  conditionalExpected,
  readBgNbdParams,
  readCustomer,
} from "./bg-nbd.js";
import { mbgNbdConditionalExpectedPurchases, mbgNbdExpectedPurchases, mbgNbdProbabilityAlive } from "./mbg-nbd.js";
import {
  type ParetoNbdParams,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  readParetoNbdParams,
} from "./pareto-nbd.js";
import type { RfmTransaction } from "./rfm.js";
import { checkNonNegative, checkRecord } from "./shared.js";

/** A fitted purchase-count model as a fit returns it (only `metric` and `params` are read). */
export type PurchaseModelFit =
  | { metric: "fitBgNbd"; params: BgNbdParams }
  | { metric: "fitMbgNbd"; params: BgNbdParams }
  | { metric: "fitParetoNbd"; params: ParetoNbdParams };

interface Model {
  expected: (c: BgNbdCustomer, t: number) => number;
  alive: (c: BgNbdCustomer) => number;
  /** E[X(t)]: purchases of a new customer in its first t. */
  unconditional: (t: number) => number;
}

function readModel(fit: unknown, metric: string): Model {
  const f = checkRecord(fit, metric, ["fit"], "expected a fit of fitBgNbd, fitMbgNbd or fitParetoNbd");
  switch (f.metric) {
    case "fitBgNbd": {
      const p = readBgNbdParams(f.params, metric, ["fit", "params"]);
      return {
        expected: (c, t) => conditionalExpected(p, c, t),
        alive: (c) => bgNbdProbabilityAlive(p, c),
        unconditional: (t) => bgNbdExpectedPurchases(p, t),
      };
    }
    case "fitMbgNbd": {
      const p = readBgNbdParams(f.params, metric, ["fit", "params"]);
      return {
        expected: (c, t) => mbgNbdConditionalExpectedPurchases(p, c, t),
        alive: (c) => mbgNbdProbabilityAlive(p, c),
        unconditional: (t) => mbgNbdExpectedPurchases(p, t),
      };
    }
    case "fitParetoNbd": {
      const p = readParetoNbdParams(f.params, metric, ["fit", "params"]);
      return {
        expected: (c, t) => paretoNbdConditionalExpectedPurchases(p, c, t),
        alive: (c) => paretoNbdProbabilityAlive(p, c),
        unconditional: (t) => paretoNbdExpectedPurchases(p, t),
      };
    }
    default:
      throw valueError("INVALID_INPUT", metric, ["fit", "metric"], f.metric, 'expected "fitBgNbd", "fitMbgNbd" or "fitParetoNbd"');
  }
}

function checkMaxFrequency(value: unknown, metric: string): number {
  if (value === undefined) return 7;
  if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > 10_000) {
    throw valueError("INVALID_INPUT", metric, ["options", "maxFrequency"], value, "expected an integer in [0, 10000]");
  }
  return value as number;
}

/** One row of {@link calibrationHoldout}: the shape `calibrationHoldoutChart` of `cx-metrics/charts` draws. */
export interface CalibrationHoldoutRow {
  /** Repeat purchases in the calibration period; the last row holds every customer at `maxFrequency` or above. */
  frequency: number;
  /** The group's mean purchases in the holdout period, observed. */
  actual: number;
  /** The group's mean purchases in the holdout period as the model predicts them: mean E[Y(holdout) | x, t_x, T]. */
  predicted: number;
  /** Customers in the group. */
  customers: number;
}

/**
 * Calibration against the holdout period, as numbers: customers grouped by their calibration frequency, each group's
 * mean holdout purchases observed and predicted (Fader, Hardie & Lee 2005, fig. 4; lifetimes'
 * plot_calibration_purchases_vs_holdout_purchases).
 *
 * predicted(x) = mean over the group of E[Y(holdout) | x, t_x, T] under the fitted model; actual(x) = mean
 * `holdoutFrequency`. Frequencies at or above `maxFrequency` (default 7) form the last group.
 *
 * @param fit - a result of `fitBgNbd`, `fitMbgNbd` or `fitParetoNbd` (its `metric` picks the model)
 * @param customers - rows as {@link rfmSummary} returns them with `calibrationEnd`: frequency, recency, T and
 *   `holdoutFrequency`
 * @param options - `holdout`: the holdout period's length in the summary's unit (required); `maxFrequency`
 * @returns one row per frequency present, by frequency
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a bad fit, customer, holdoutFrequency or option
 *
 * @example
 * ```ts
 * import { calibrationHoldout } from "cx-metrics";
 * const fit = { metric: "fitBgNbd", params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 } };
 * const rows = calibrationHoldout(fit, [
 *   { frequency: 0, recency: 0, T: 38, holdoutFrequency: 0 },
 *   { frequency: 0, recency: 0, T: 30, holdoutFrequency: 1 },
 *   { frequency: 2, recency: 30, T: 38, holdoutFrequency: 2 },
 * ], { holdout: 39 });
 * console.log(rows.map((r) => `${r.frequency}: ${r.actual} vs ${r.predicted.toFixed(3)}`).join(", "));
 * // => 0: 0.5 vs 0.219, 2: 2 vs 1.253
 * ```
 */
export function calibrationHoldout(
  fit: PurchaseModelFit,
  customers: Array<BgNbdCustomer & { holdoutFrequency: number }>,
  options: { holdout: number; maxFrequency?: number },
): CalibrationHoldoutRow[] {
  const metric = "calibrationHoldout";
  return guard(metric, () => {
    const model = readModel(fit, metric);
    const opts = checkRecord(options, metric, ["options"], "expected an object with holdout");
    const holdout = checkNonNegative(opts.holdout, metric, ["options", "holdout"]);
    const top = checkMaxFrequency(opts.maxFrequency, metric);
    if (!Array.isArray(customers)) throw valueError("INVALID_INPUT", metric, ["customers"], customers, "expected an array of customers");
    const groups = new Map<number, { actual: number; predicted: number; customers: number }>();
    customers.forEach((row, i) => {
      const c = readCustomer(row, metric, ["customers", i]);
      const observed = checkNonNegative((row as { holdoutFrequency?: unknown }).holdoutFrequency, metric, ["customers", i, "holdoutFrequency"]);
      const key = Math.min(c.frequency, top);
      let g = groups.get(key);
      if (g === undefined) groups.set(key, (g = { actual: 0, predicted: 0, customers: 0 }));
      g.actual += observed;
      g.predicted += model.expected(c, holdout);
      g.customers += 1;
    });
    return [...groups.entries()]
      .sort(([p], [q]) => p - q)
      .map(([frequency, g]) => ({ frequency, actual: g.actual / g.customers, predicted: g.predicted / g.customers, customers: g.customers }));
  });
}

/** The P(alive) matrix of {@link probabilityAliveMatrix}: the shape `probabilityAliveChart` of `cx-metrics/charts` draws. */
export interface ProbabilityAliveMatrix {
  /** Row labels: repeat purchases 0, 1, ..., maxFrequency. */
  frequency: number[];
  /** Column labels: recency 0, T / steps, ..., T. */
  recency: number[];
  /** probability[i][j] = P(alive | frequency[i], recency[j], T); row 0 repeats the value at recency 0 (x = 0 forces t_x = 0). */
  probability: number[][];
  /** The customers' age T the matrix is drawn for. */
  T: number;
}

/**
 * The P(alive) matrix (lifetimes' plot_probability_alive_matrix, as numbers): the probability that a customer of age T
 * is still active, by repeat purchases x = 0..maxFrequency and recency t_x on an even grid of `steps` + 1 points from 0
 * to T, under the fitted model.
 *
 * @param fit - a result of `fitBgNbd`, `fitMbgNbd` or `fitParetoNbd`
 * @param options - `T` (required, > 0), `maxFrequency` (default 7), `steps` (default 10, an integer in [1, 1000])
 * @returns `{ frequency, recency, probability, T }`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a bad fit or option
 *
 * @example
 * ```ts
 * import { probabilityAliveMatrix } from "cx-metrics";
 * const fit = { metric: "fitBgNbd", params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 } };
 * const m = probabilityAliveMatrix(fit, { T: 39, maxFrequency: 2, steps: 3 });
 * console.log(m.recency.join(" "), "|", m.probability[2].map((p) => p.toFixed(2)).join(" "));
 * // => 0 13 26 39 | 0.03 0.36 0.66 0.81
 * ```
 */
export function probabilityAliveMatrix(
  fit: PurchaseModelFit,
  options: { T: number; maxFrequency?: number; steps?: number },
): ProbabilityAliveMatrix {
  const metric = "probabilityAliveMatrix";
  return guard(metric, () => {
    const model = readModel(fit, metric);
    const opts = checkRecord(options, metric, ["options"], "expected an object with T");
    const T = checkNonNegative(opts.T, metric, ["options", "T"]);
    if (T === 0) throw valueError("INVALID_INPUT", metric, ["options", "T"], T, "expected a finite number > 0");
    const top = checkMaxFrequency(opts.maxFrequency, metric);
    const steps = opts.steps ?? 10;
    if (!Number.isSafeInteger(steps) || (steps as number) < 1 || (steps as number) > 1000) {
      throw valueError("INVALID_INPUT", metric, ["options", "steps"], steps, "expected an integer in [1, 1000]");
    }
    const n = steps as number;
    const recency = Array.from({ length: n + 1 }, (_, j) => (j === n ? T : (T * j) / n));
    const frequency = Array.from({ length: top + 1 }, (_, i) => i);
    const probability = frequency.map((x) => {
      if (x === 0) return recency.map(() => model.alive({ frequency: 0, recency: 0, T }));
      return recency.map((tx) => model.alive({ frequency: x, recency: tx, T }));
    });
    return { frequency, recency, probability, T };
  });
}

/** The longest span {@link cumulativeTransactions} tracks, in days from the first purchase day: 100 years. */
export const CUMULATIVE_TRANSACTIONS_MAX_DAYS = 36_525;

/** Options of {@link cumulativeTransactions}; unknown keys are refused. */
export const CumulativeTransactionsOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      /** The last day tracked (its whole local day included); later purchases are ignored. */
      observationEnd: DateInputSchema,
      /** The time unit the model was fitted in: `'day'` (default) or `'week'` (days / 7). */
      unit: z.optional(z.enum(["day", "week"], { error: 'expected "day" or "week"' })),
      /** Days per row; default 1 (one row per day), 7 for one per week. */
      step: z.optional(
        z.int({ error: `expected an integer in [1, ${CUMULATIVE_TRANSACTIONS_MAX_DAYS}]` }).check(
          z.gte(1, { error: `expected an integer in [1, ${CUMULATIVE_TRANSACTIONS_MAX_DAYS}]` }),
          z.lte(CUMULATIVE_TRANSACTIONS_MAX_DAYS, { error: `expected an integer in [1, ${CUMULATIVE_TRANSACTIONS_MAX_DAYS}]` }),
        ),
      ),
      /** The IANA zone whose calendar days group the purchases; default `'UTC'`. */
      timeZone: z.optional(TimeZoneSchema),
    },
    { error: "expected an object with observationEnd" },
  ))();

/** Options of {@link cumulativeTransactions}. */
export type CumulativeTransactionsOptions = {
  observationEnd: DateInput;
  unit?: "day" | "week" | undefined;
  step?: number | undefined;
  timeZone?: string | undefined;
};

/** One row of {@link cumulativeTransactions}: the shape of a tracking plot. */
export interface CumulativeTransactionsRow {
  /** 0, 1, 2, ...: the row's index; row k ends `step` × (k + 1) days after the first purchase day began. */
  period: number;
  /** The last local day the row includes, `YYYY-MM-DD`. */
  date: string;
  /** Repeat purchase days observed from the first purchase day through `date`. */
  actual: number;
  /** Σ over customers who had made their first purchase before the row's end of E[X(age at the row's end)]. */
  predicted: number;
}

/**
 * Expected against actual cumulative repeat transactions over time, the tracking plot of Fader, Hardie & Lee (2005,
 * fig. 3) as numbers; lifetimes' expected_cumulative_transactions.
 *
 * Purchases are grouped by local day as in {@link rfmSummary}; a customer's first purchase day d_c starts their
 * clock and every later purchase day is one repeat transaction. With d_0 the first purchase day in the data and
 * row k ending after day i = step × (k + 1) days (the end of day d_0 + i − 1): actual_k = the repeat transactions on
 * days d_0 .. d_0 + i − 1, predicted_k = Σ_{c: d_c < d_0 + i} E[X((d_0 + i − d_c) / u)] with E[X(t)] the fitted
 * model's expected purchases of a new customer and u = 1 day or 7 days (`unit`). There are ⌊span / step⌋ rows, span
 * the days from d_0 through the observation end. E[X] is computed once per age in days, so the cost is the span times
 * the distinct first purchase days.
 *
 * @param fit - a result of `fitBgNbd`, `fitMbgNbd` or `fitParetoNbd` (its `metric` picks the model)
 * @param transactions - purchases `{ customerId, at }` (an `amount` is ignored), as {@link rfmSummary} reads them
 * @param options - `observationEnd` (required), `unit` (`'day'` or `'week'`, the fit's time unit), `step` (days per
 *   row, default 1) and `timeZone` (default `'UTC'`)
 * @returns one row per step, in time order
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a bad fit, transaction or option; `EMPTY_INPUT` without purchases
 *   on or before the observation end; `OUT_OF_RANGE` for more than {@link CUMULATIVE_TRANSACTIONS_MAX_DAYS} days
 *   from the first purchase day to the observation end
 *
 * @example
 * ```ts
 * import { cumulativeTransactions } from "cx-metrics";
 * const fit = { metric: "fitBgNbd", params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 } };
 * const rows = cumulativeTransactions(fit, [
 *   { customerId: "ann", at: "2026-01-01T10:00:00Z" },
 *   { customerId: "bob", at: "2026-01-03T12:00:00Z" },
 *   { customerId: "ann", at: "2026-01-09T09:00:00Z" },
 *   { customerId: "ann", at: "2026-01-12T18:00:00Z" },
 * ], { observationEnd: "2026-01-14T00:00:00Z", unit: "week", step: 7 });
 * console.log(rows.map((r) => `${r.date}: ${r.actual} vs ${r.predicted.toFixed(3)}`).join(", "));
 * // => 2026-01-07: 0 vs 0.092, 2026-01-14: 2 vs 0.192
 * ```
 */
export function cumulativeTransactions(
  fit: PurchaseModelFit,
  transactions: RfmTransaction[],
  options: CumulativeTransactionsOptions,
): CumulativeTransactionsRow[] {
  const metric = "cumulativeTransactions";
  return guard(metric, () => {
    const model = readModel(fit, metric);
    const opts = parseWith(CumulativeTransactionsOptionsSchema, options, metric, "options");
    const timeZone = opts.timeZone ?? "UTC";
    const endDay = localDay(toEpochMs(opts.observationEnd, metric, ["options", "observationEnd"]), timeZone);
    if (!Array.isArray(transactions)) throw valueError("INVALID_INPUT", metric, ["transactions"], transactions, "expected an array of transactions");
    const daysOf = new Map<unknown, Set<number>>();
    for (let i = 0; i < transactions.length; i++) {
      const row = checkRecord(transactions[i], metric, ["transactions", i], "expected an object with customerId and at");
      const id = row.customerId;
      if (typeof id !== "string" && (typeof id !== "number" || !Number.isFinite(id))) {
        throw valueError("INVALID_INPUT", metric, ["transactions", i, "customerId"], id, "expected a string or a finite number");
      }
      const day = localDay(toEpochMs(row.at, metric, ["transactions", i, "at"]), timeZone);
      if (day > endDay) continue;
      let days = daysOf.get(id);
      if (days === undefined) daysOf.set(id, (days = new Set()));
      days.add(day);
    }
    if (daysOf.size === 0) throw emptyError(metric, ["transactions"], "transactions has no purchase on or before observationEnd");
    let start = Number.POSITIVE_INFINITY;
    const firsts: number[] = [];
    for (const days of daysOf.values()) {
      let first = Number.POSITIVE_INFINITY;
      for (const day of days) if (day < first) first = day;
      firsts.push(first);
      if (first < start) start = first;
    }
    const span = endDay - start + 1;
    if (span > CUMULATIVE_TRANSACTIONS_MAX_DAYS) {
      throw valueError(
        "OUT_OF_RANGE",
        metric,
        ["options", "observationEnd"],
        opts.observationEnd,
        `expected at most ${CUMULATIVE_TRANSACTIONS_MAX_DAYS} days from the first purchase day (${periodLabel(start, "day")})`,
      );
    }
    // births[d]: customers whose first purchase day is d days after the first; repeats[d]: repeat purchase days on day d
    const births = new Float64Array(span);
    const repeats = new Float64Array(span);
    let index = 0;
    for (const days of daysOf.values()) {
      const first = firsts[index++]!;
      births[first - start]! += 1;
      for (const day of days) if (day !== first) repeats[day - start]! += 1;
    }
    const birthDays: number[] = [];
    for (let d = 0; d < span; d++) if (births[d]! > 0) birthDays.push(d);
    const unitDays = opts.unit === "week" ? 7 : 1;
    const expectedAt = new Float64Array(span + 1);
    for (let age = 1; age <= span; age++) expectedAt[age] = model.unconditional(age / unitDays);
    const step = opts.step ?? 1;
    const rows: CumulativeTransactionsRow[] = [];
    let actual = 0;
    let counted = 0;
    for (let i = step; i <= span; i += step) {
      while (counted < i) actual += repeats[counted++]!;
      let predicted = 0;
      for (const d of birthDays) if (d < i) predicted += births[d]! * expectedAt[i - d]!;
      rows.push({ period: rows.length, date: periodLabel(start + i - 1, "day"), actual, predicted });
    }
    return rows;
  });
}
