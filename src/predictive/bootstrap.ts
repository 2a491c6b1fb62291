import * as z from "zod/mini";
import { CxMetricsError } from "../errors.js";
import { parseWith, plainError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { seededRandom } from "../internal/random.js";
import { type BgNbdCustomer, BgNbdFitOptionsSchema, type BgNbdFitOptions, type BgNbdParams, fitBgNbd, readCustomer } from "./bg-nbd.js";
import { discountedPurchases } from "./clv.js";
import {
  expectedSpend,
  fitGammaGamma,
  GammaGammaFitOptionsSchema,
  type GammaGammaFitOptions,
  type GammaGammaParams,
} from "./gamma-gamma.js";
import { checkNonNegative, checkRecord, finiteResult, nonNegativeFinite } from "./shared.js";

const METRIC = "predictiveClvBootstrap";

/** The largest customers × replicates {@link predictiveClvBootstrap} accepts: the replicate values it keeps (80 MB). */
export const CLV_BOOTSTRAP_MAX_VALUES = 10_000_000;

const integerIn = (min: number, max: number) => {
  const error = `expected an integer in [${min}, ${max}]`;
  return z.int({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
};

/** Options of {@link predictiveClvBootstrap}; unknown keys are refused. */
export const PredictiveClvBootstrapOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      /** How far ahead, in the summary's time unit. */
      horizon: nonNegativeFinite,
      /** The number of equal steps the horizon is cut into; default 1. */
      steps: z.optional(z.int({ error: "expected an integer >= 1" }).check(z.gte(1, { error: "expected an integer >= 1" }))),
      /** Discount rate per step; default 0. */
      discountRate: z.optional(nonNegativeFinite),
      /** The share of the spend that is profit; default 1. */
      margin: z.optional(nonNegativeFinite),
      /** Bootstrap samples: refits of both models on customers drawn with replacement; default 100. */
      replicates: z.optional(integerIn(2, 10_000)),
      /** The coverage of each interval, strictly between 0 and 1; default 0.9. */
      level: z.optional(
        z.number().check(z.refine((v) => v > 0 && v < 1, { error: "expected a number strictly between 0 and 1" })),
      ),
      /** Seed of the resampling; the same seed gives the same intervals. Default 1. */
      seed: z.optional(integerIn(0, Number.MAX_SAFE_INTEGER)),
      /** Options of every `fitBgNbd` call. */
      bgNbd: z.optional(BgNbdFitOptionsSchema),
      /** Options of every `fitGammaGamma` call. */
      gammaGamma: z.optional(GammaGammaFitOptionsSchema),
    },
    { error: "expected an object with horizon" },
  ))();

/** Options of {@link predictiveClvBootstrap}. */
export type PredictiveClvBootstrapOptions = {
  horizon: number;
  steps?: number | undefined;
  discountRate?: number | undefined;
  margin?: number | undefined;
  replicates?: number | undefined;
  level?: number | undefined;
  seed?: number | undefined;
  bgNbd?: BgNbdFitOptions | undefined;
  gammaGamma?: GammaGammaFitOptions | undefined;
};

/** One customer of {@link predictiveClvBootstrap}: what `rfmSummary` returns with amounts. */
export type PredictiveClvBootstrapCustomer = BgNbdCustomer & { monetaryValue: number };

/** A value with its bootstrap interval. */
export interface ClvInterval {
  /** The CLV under the models fitted to all customers. */
  clv: number;
  /** The (1 − level) / 2 quantile of the replicates' values. */
  lower: number;
  /** The (1 + level) / 2 quantile of the replicates' values. */
  upper: number;
}

/** The result of {@link predictiveClvBootstrap}. */
export interface PredictiveClvBootstrap {
  /** Always `'predictiveClvBootstrap'`. */
  metric: "predictiveClvBootstrap";
  /** One entry per input customer, in input order. */
  customers: ClvInterval[];
  /** The sum over the customers. */
  total: ClvInterval;
  /** The parameters fitted to all customers. */
  params: { bgNbd: BgNbdParams; gammaGamma: GammaGammaParams };
  level: number;
  seed: number;
  /** Replicates whose fits succeeded: the intervals are quantiles over these. */
  replicates: number;
  /** Replicates left out because a fit did not converge, had nothing to fit or gave an infinite expected spend. */
  failedReplicates: number;
}

/** The p-quantile of a sorted array by linear interpolation between order statistics (R's and numpy's default). */
function quantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  // p < 1, but (1 + level) / 2 may round to 1 for a level within 2^-53 of it
  const lo = Math.min(Math.floor(h), sorted.length - 2);
  const low = sorted[lo]!;
  return low + (h - lo) * (sorted[lo + 1]! - low);
}

/**
 * Per-customer and total predictive CLV with seeded bootstrap intervals for the uncertainty of the fitted parameters
 * (as CLVTools' `predict(..., uncertainty = "boots")`, whose defaults of 100 replicates and level 0.9 it keeps).
 *
 * The point values are {@link predictiveClv}'s: CLV_i = Σ_{s=1}^{steps} (E_i(s h) − E_i((s − 1) h)) × E[M_i] ×
 * margin / (1 + discountRate)^s with BG/NBD and Gamma-Gamma fitted to all customers. Each replicate draws n customers
 * with replacement (xoshiro128** seeded by `seed`), refits both models on the draw and values every original customer
 * with the refitted parameters; the interval is the ((1 − level) / 2, (1 + level) / 2) quantile pair of those values
 * (percentile bootstrap), and the same for the total Σ_i CLV_i. The intervals describe how well the data pin the
 * parameters down, not the randomness of a customer's future purchases.
 *
 * @param customers - one row per customer: `frequency`, `recency`, `T` and `monetaryValue`, as {@link rfmSummary}
 *   returns them with amounts (a `weight` key is not read)
 * @param options - `horizon` (required), `steps` (default 1), `discountRate` per step (default 0), `margin`
 *   (default 1), `replicates` (default 100, in [2, 10000]), `level` (default 0.9), `seed` (default 1), and the
 *   options of the two fits as `bgNbd` and `gammaGamma`
 * @returns `{ customers, total, params, level, seed, replicates, failedReplicates }`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a bad customer or option, for fits of all customers that fail, or
 *   when fewer than 2 replicates could be fitted; `OUT_OF_RANGE` for recency > T, for customers × replicates above
 *   {@link CLV_BOOTSTRAP_MAX_VALUES}, or when the fitted expected spend is infinite; `EMPTY_INPUT` for no customers
 *   or none with repeat purchases of positive value
 *
 * @example
 * ```ts
 * import { predictiveClvBootstrap } from "cx-metrics";
 * // 333 customers observed for 30 weeks: [repeat purchases, recency, how many such customers / 3]
 * const groups = [[0, 0, 60], [1, 5, 20], [1, 25, 10], [2, 10, 8], [3, 27, 6], [6, 29, 4], [4, 12, 3]];
 * const customers = groups.flatMap(([frequency, recency, count]) =>
 *   Array.from({ length: 3 * count }, (_, i) => ({ frequency, recency, T: 30, monetaryValue: frequency && 10 + ((i * 37) % 50) })),
 * );
 * const result = predictiveClvBootstrap(customers, { horizon: 52, replicates: 20, seed: 7 });
 * const { lower, clv, upper } = result.total;
 * console.log(lower.toFixed(0), clv.toFixed(0), upper.toFixed(0), result.replicates, result.failedReplicates);
 * // => 8326 9816 11628 19 1
 * // (one resample of these made-up rows could not be fitted: it is left out and counted)
 * const c = result.customers[180]; // one repeat purchase, in week 5 of 30
 * console.log(c.lower.toFixed(2), c.clv.toFixed(2), c.upper.toFixed(2));
 * // => 6.29 10.43 19.79
 * ```
 */
export function predictiveClvBootstrap(
  customers: PredictiveClvBootstrapCustomer[],
  options: PredictiveClvBootstrapOptions,
): PredictiveClvBootstrap {
  return guard(METRIC, () => {
    const opts = parseWith(PredictiveClvBootstrapOptionsSchema, options, METRIC, "options");
    if (!Array.isArray(customers)) throw valueError("INVALID_INPUT", METRIC, ["customers"], customers, "expected an array of customers");
    const rows = customers.map((row, i) => {
      const c = readCustomer(row, METRIC, ["customers", i]);
      const monetaryValue = checkNonNegative(checkRecord(row, METRIC, ["customers", i], "").monetaryValue, METRIC, ["customers", i, "monetaryValue"]);
      return { ...c, monetaryValue };
    });
    const n = rows.length;
    const replicates = opts.replicates ?? 100;
    if (n * replicates > CLV_BOOTSTRAP_MAX_VALUES) {
      throw valueError(
        "OUT_OF_RANGE",
        METRIC,
        ["options", "replicates"],
        replicates,
        `expected customers × replicates <= ${CLV_BOOTSTRAP_MAX_VALUES} (${n} customers)`,
      );
    }
    const level = opts.level ?? 0.9;
    const seed = opts.seed ?? 1;
    const steps = opts.steps ?? 1;
    const discount = 1 + (opts.discountRate ?? 0);
    const margin = opts.margin ?? 1;
    /** Fits both models to the rows with these weights and values every row; fills `out`. */
    const valueAll = (weights: Float64Array | null, out: Float64Array): { bgNbd: BgNbdParams; gammaGamma: GammaGammaParams } => {
      const weighted = rows.map((c, i) => ({ ...c, weight: weights === null ? 1 : weights[i]! }));
      const bg = fitBgNbd(weighted, opts.bgNbd).params;
      const gg = fitGammaGamma(weighted, opts.gammaGamma).params;
      for (let i = 0; i < n; i++) {
        const c = rows[i]!;
        const spend = expectedSpend(gg, c.frequency, c.monetaryValue, METRIC, ["params", "gammaGamma"], ["customers", i, "monetaryValue"]);
        out[i] = finiteResult(discountedPurchases(bg, c, opts.horizon, steps, discount) * spend * margin, METRIC, "the customer value");
      }
      return { bgNbd: bg, gammaGamma: gg };
    };
    const point = new Float64Array(n);
    const params = valueAll(null, point);
    const random = seededRandom(seed);
    const values = new Float64Array(n * replicates);
    const totals: number[] = [];
    const counts = new Float64Array(n);
    const draw = new Float64Array(n);
    let failed = 0;
    for (let b = 0; b < replicates; b++) {
      counts.fill(0);
      for (let k = 0; k < n; k++) counts[random.below(n)]! += 1;
      try {
        valueAll(counts, draw);
      } catch (error) {
        // A draw the models cannot be fitted to says the data barely determine them; it is counted, not hidden. The
        // fits are guarded, so anything else would be a defect, passed on.
        /* c8 ignore next */
        if (!(error instanceof CxMetricsError)) throw error;
        failed += 1;
        continue;
      }
      let total = 0;
      for (let i = 0; i < n; i++) {
        values[i * replicates + totals.length] = draw[i]!;
        total += draw[i]!;
      }
      totals.push(total);
    }
    const fitted = totals.length;
    if (fitted < 2) {
      throw plainError("INVALID_INPUT", METRIC, ["customers"], `only ${fitted} of ${replicates} bootstrap replicates could be fitted; the data do not determine the models`);
    }
    const lowP = (1 - level) / 2;
    const highP = (1 + level) / 2;
    const interval = (clv: number, sample: Float64Array): ClvInterval => {
      sample.sort();
      return { clv, lower: quantile(sample, lowP), upper: quantile(sample, highP) };
    };
    let total = 0;
    const perCustomer = Array.from(point, (clv, i) => {
      total += clv;
      return interval(clv, values.subarray(i * replicates, i * replicates + fitted));
    });
    return {
      metric: METRIC,
      customers: perCustomer,
      total: interval(total, Float64Array.from(totals)),
      params,
      level,
      seed,
      replicates: fitted,
      failedReplicates: failed,
    };
  });
}
