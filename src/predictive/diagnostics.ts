import { valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { type BgNbdCustomer, type BgNbdParams, conditionalExpected, readBgNbdParams, readCustomer } from "./bg-nbd.js";
import { mbgNbdConditionalExpectedPurchases, mbgNbdProbabilityAlive } from "./mbg-nbd.js";
import {
  type ParetoNbdParams,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
  readParetoNbdParams,
} from "./pareto-nbd.js";
import { bgNbdProbabilityAlive } from "./bg-nbd.js";
import { checkNonNegative, checkRecord } from "./shared.js";

/** A fitted purchase-count model as a fit returns it (only `metric` and `params` are read). */
export type PurchaseModelFit =
  | { metric: "fitBgNbd"; params: BgNbdParams }
  | { metric: "fitMbgNbd"; params: BgNbdParams }
  | { metric: "fitParetoNbd"; params: ParetoNbdParams };

interface Model {
  expected: (c: BgNbdCustomer, t: number) => number;
  alive: (c: BgNbdCustomer) => number;
}

function readModel(fit: unknown, metric: string): Model {
  const f = checkRecord(fit, metric, ["fit"], "expected a fit of fitBgNbd, fitMbgNbd or fitParetoNbd");
  switch (f.metric) {
    case "fitBgNbd": {
      const p = readBgNbdParams(f.params, metric, ["fit", "params"]);
      return { expected: (c, t) => conditionalExpected(p, c, t), alive: (c) => bgNbdProbabilityAlive(p, c) };
    }
    case "fitMbgNbd": {
      const p = readBgNbdParams(f.params, metric, ["fit", "params"]);
      return { expected: (c, t) => mbgNbdConditionalExpectedPurchases(p, c, t), alive: (c) => mbgNbdProbabilityAlive(p, c) };
    }
    case "fitParetoNbd": {
      const p = readParetoNbdParams(f.params, metric, ["fit", "params"]);
      return { expected: (c, t) => paretoNbdConditionalExpectedPurchases(p, c, t), alive: (c) => paretoNbdProbabilityAlive(p, c) };
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
