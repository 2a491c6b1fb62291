import * as z from "zod/mini";
import { emptyError, parseWith, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { logAddExp, logGamma } from "../internal/special.js";
import {
  checkCount,
  checkNonNegative,
  checkPositive,
  checkRecord,
  fitLogParameters,
  fitOptionsShape,
  fitResult,
  nonNegativeFinite,
  type ParameterInterval,
  positiveParameter,
  weightField,
} from "./shared.js";

const FIT = "fitGammaGamma" as const;

/** Gamma-Gamma parameters: p shapes each purchase's spend, q and v the gamma distribution of the spend scale across customers. */
export const GammaGammaParamsSchema = /* @__PURE__ */ (() =>
  z.object({ p: positiveParameter, q: positiveParameter, v: positiveParameter }))();

/** Gamma-Gamma parameters (all finite and > 0); v is in money units. */
export type GammaGammaParams = { p: number; q: number; v: number };

/** One row of the data {@link fitGammaGamma} fits: repeat purchases, their mean value, and an optional weight. */
export const GammaGammaFitRowSchema = /* @__PURE__ */ (() =>
  z.object({
  frequency: z.int({ error: "expected a non-negative integer" }).check(z.gte(0, { error: "expected a non-negative integer" })),
  monetaryValue: z.number().check(z.refine(Number.isFinite, { error: "expected a finite number" })),
  weight: weightField,
}))();

/** One row of the data {@link fitGammaGamma} fits. */
export type GammaGammaFitRow = { frequency: number; monetaryValue: number; weight?: number };

/** The specification of {@link fitGammaGamma}'s first argument. */
export const GammaGammaFitInputSchema = /* @__PURE__ */ (() =>
  z.array(GammaGammaFitRowSchema))();

/** Options of {@link fitGammaGamma}; unknown keys are refused. */
export const GammaGammaFitOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(fitOptionsShape))();

/** Options of {@link fitGammaGamma}. */
export type GammaGammaFitOptions = z.infer<typeof GammaGammaFitOptionsSchema>;

/** One customer for {@link gammaGammaExpectedSpend}: repeat purchases and their mean value (0 without repeats). */
export const GammaGammaCustomerSchema = /* @__PURE__ */ (() =>
  z.object({
  frequency: z.int({ error: "expected a non-negative integer" }).check(z.gte(0, { error: "expected a non-negative integer" })),
  monetaryValue: nonNegativeFinite,
}))();

/** One customer for {@link gammaGammaExpectedSpend}. */
export type GammaGammaCustomer = { frequency: number; monetaryValue: number };

/** A fitted Gamma-Gamma model. */
export interface GammaGammaFit {
  /** Always `'fitGammaGamma'`. */
  metric: "fitGammaGamma";
  /** The maximum-likelihood (or penalized) parameters. */
  params: GammaGammaParams;
  /** The weighted log-likelihood at `params` (without the penalty). */
  logLikelihood: number;
  /** Asymptotic standard errors from the observed information (inverse Hessian, delta method). */
  standardErrors: GammaGammaParams;
  /** 95% confidence interval of each parameter (Wald on the log scale). */
  confidenceIntervals: { p: ParameterInterval; q: ParameterInterval; v: ParameterInterval };
  /** Optimizer iterations used: Nelder-Mead iterations plus Newton steps. */
  iterations: number;
  /** Always true: a fit that does not converge throws instead. */
  converged: boolean;
  /** Σ weights of the customers used (frequency > 0 and a positive monetary value). */
  customers: number;
  /**
   * Σ weights of the customers with repeat purchases whose monetaryValue is 0 or less (free or refunded repeats): the
   * model needs a positive spend, so they are left out of the fit and counted here rather than dropped silently.
   */
  zeroValueCustomers: number;
}

interface GammaGammaData {
  /** Distinct frequencies and the total weight at each. */
  distinct: Float64Array;
  weightOf: Float64Array;
  /** Per merged row: x, x m̄, ln(x m̄) and the weight. */
  x: Float64Array;
  xm: Float64Array;
  logXm: Float64Array;
  w: Float64Array;
  /** Σ w x ln m̄ and Σ w (ln m̄ - x ln x): the (p x - 1) ln m̄ + p x ln x terms as two sums fixed by the data. */
  sumWxLogM: number;
  sumWLogM: number;
  sumWxLogX: number;
  totalWeight: number;
  meanValue: number;
  /** Σ weights of the rows with frequency > 0 and monetaryValue <= 0, which the model cannot use. */
  zeroValue: number;
}

function readFitData(customers: unknown): GammaGammaData {
  if (!Array.isArray(customers)) throw valueError("INVALID_INPUT", FIT, ["customers"], customers, "expected an array of customers");
  const index = new Map<number, Map<number, number>>();
  const x: number[] = [];
  const m: number[] = [];
  const w: number[] = [];
  let zeroValue = 0;
  for (let i = 0; i < customers.length; i++) {
    const row = checkRecord(customers[i], FIT, ["customers", i], "expected an object with frequency and monetaryValue");
    const frequency = checkCount(row.frequency, FIT, ["customers", i, "frequency"]);
    const value = row.monetaryValue;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw valueError("INVALID_INPUT", FIT, ["customers", i, "monetaryValue"], value, "expected a finite number");
    }
    const weight = row.weight === undefined ? 1 : checkNonNegative(row.weight, FIT, ["customers", i, "weight"]);
    if (frequency === 0 || weight === 0) continue;
    if (value <= 0) {
      zeroValue += weight;
      continue;
    }
    let byValue = index.get(frequency);
    if (byValue === undefined) index.set(frequency, (byValue = new Map()));
    const at = byValue.get(value);
    if (at === undefined) {
      byValue.set(value, x.length);
      x.push(frequency);
      m.push(value);
      w.push(weight);
    } else {
      w[at]! += weight;
    }
  }
  if (x.length === 0) {
    throw emptyError(FIT, ["customers"], "customers has no rows with frequency > 0, a positive monetaryValue and a positive weight");
  }
  const distinct = Float64Array.from(index.keys());
  const slotOf = new Map([...distinct].map((v, k) => [v, k]));
  const weightOf = new Float64Array(distinct.length);
  let totalWeight = 0;
  let total = 0;
  let sumWxLogM = 0;
  let sumWLogM = 0;
  let sumWxLogX = 0;
  const logXm = new Float64Array(x.length);
  const xm = new Float64Array(x.length);
  for (let k = 0; k < x.length; k++) {
    const wk = w[k]!;
    const xk = x[k]!;
    const logM = Math.log(m[k]!);
    totalWeight += wk;
    total += wk * m[k]!;
    weightOf[slotOf.get(xk)!]! += wk;
    sumWxLogM += wk * xk * logM;
    sumWLogM += wk * logM;
    sumWxLogX += wk * xk * Math.log(xk);
    xm[k] = xk * m[k]!;
    logXm[k] = Math.log(xk) + logM;
  }
  return {
    distinct,
    weightOf,
    x: Float64Array.from(x),
    xm,
    logXm,
    w: Float64Array.from(w),
    sumWxLogM,
    sumWLogM,
    sumWxLogX,
    totalWeight,
    meanValue: total / totalWeight,
    zeroValue,
  };
}

/**
 * The weighted Gamma-Gamma log-likelihood of mean spends (Fader, Hardie & Lee 2005, "RFM and CLV: using iso-value
 * curves"; the form of the lifetimes package): ln L_i = ln Γ(px + q) - ln Γ(px) - ln Γ(q) + q ln v + (px - 1) ln m
 * + px ln x - (px + q) ln(xm + v). The gamma terms are computed once per distinct frequency and the ln m, ln x terms
 * are sums fixed by the data, so each evaluation costs one logarithm per distinct row.
 */
function logLikelihood(data: GammaGammaData, theta: number[]): number {
  const [p, q, v] = theta as [number, number, number];
  const logV = Math.log(v);
  let total = data.totalWeight * (q * logV - logGamma(q)) + p * (data.sumWxLogM + data.sumWxLogX) - data.sumWLogM;
  for (let k = 0; k < data.distinct.length; k++) {
    const px = p * data.distinct[k]!;
    total += data.weightOf[k]! * (logGamma(px + q) - logGamma(px));
  }
  let tail = 0;
  for (let i = 0; i < data.x.length; i++) {
    const sum = data.xm[i]! + v;
    // ln(x m + v); past the largest double as ln(e^ln(xm) + e^ln v)
    const logSum = sum < Number.POSITIVE_INFINITY ? Math.log(sum) : logAddExp(data.logXm[i]!, logV);
    tail += data.w[i]! * (p * data.x[i]! + q) * logSum;
  }
  return total - tail;
}

/**
 * Fits the Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005) by maximum likelihood.
 *
 * Each purchase's value is Gamma(p, ν) with ν ~ Gamma(q, v) across customers; a customer's mean spend over x repeat
 * purchases then has the likelihood above. Only customers with frequency > 0 and a positive monetary value enter the
 * fit; identical rows are merged with their weights summed. The fit runs on log-parameters (Nelder-Mead, then Newton); with
 * `penalizer` λ the objective is -LL / Σw + λ (p² + q² + v²).
 *
 * @param customers - `{ frequency, monetaryValue, weight? }`: repeat purchases and the mean value of those repeats, as
 *   {@link rfmSummary} returns them
 * @param options - `penalizer` (default 0), `maxIterations` (default 5000)
 * @returns the parameters, the log-likelihood, standard errors, the iterations used, `converged: true`,
 *   and the weight of the customers used
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a negative or non-integer frequency, a non-finite monetary value, a
 *   bad weight, unknown options or a fit that does not converge; `EMPTY_INPUT` when no customer has repeat purchases
 *   of positive value
 *
 * @example
 * ```ts
 * import { fitGammaGamma } from "cx-metrics";
 * // 40 returning customers: 1 to 5 repeat purchases averaging 10 to 59 each
 * const customers = Array.from({ length: 40 }, (_, i) => ({
 *   frequency: 1 + ((i + 1) % 5),
 *   monetaryValue: 10 + (((i + 1) * 37) % 50),
 * }));
 * const fit = fitGammaGamma(customers);
 * console.log(fit.customers, fit.params.q.toFixed(2), fit.logLikelihood.toFixed(2));
 * // => 40 5.70 -167.12
 * ```
 */
export function fitGammaGamma(customers: GammaGammaFitRow[], options?: GammaGammaFitOptions): GammaGammaFit {
  return guard(FIT, () => {
    const opts = parseWith(GammaGammaFitOptionsSchema, options ?? {}, FIT, "options");
    const data = readFitData(customers);
    const outcome = fitLogParameters({
      metric: FIT,
      names: ["p", "q", "v"],
      totalWeight: data.totalWeight,
      logLikelihood: (theta) => logLikelihood(data, theta),
      start: [1, 1, data.meanValue],
      scales: [1, 1, data.meanValue],
      penalizer: opts.penalizer ?? 0,
      maxIterations: opts.maxIterations ?? 5000,
    });
    return {
      ...fitResult(FIT, ["p", "q", "v"] as const, outcome),
      customers: data.totalWeight,
      zeroValueCustomers: data.zeroValue,
    };
  });
}

/** Validates Gamma-Gamma parameters. */
export function readGammaGammaParams(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>): GammaGammaParams {
  const g = checkRecord(value, metric, path, "expected Gamma-Gamma parameters { p, q, v }");
  return {
    p: checkPositive(g.p, metric, [...path, "p"]),
    q: checkPositive(g.q, metric, [...path, "q"]),
    v: checkPositive(g.v, metric, [...path, "v"]),
  };
}

/**
 * The expected spend on trusted inputs, or OUT_OF_RANGE when p x + q <= 1 (the mean is infinite, named at `path`) or
 * the spend passes the largest double (named at `valuePath`).
 */
export function expectedSpend(
  g: GammaGammaParams,
  frequency: number,
  monetaryValue: number,
  metric: string,
  path: ReadonlyArray<PropertyKey>,
  valuePath: ReadonlyArray<PropertyKey>,
): number {
  const denominator = g.p * frequency + g.q - 1;
  if (!(denominator > 0)) {
    throw valueError(
      "OUT_OF_RANGE",
      metric,
      [...path, "q"],
      g.q,
      frequency === 0
        ? "expected q > 1: without repeat purchases the expected spend is the population mean p v / (q - 1)"
        : `expected p × frequency + q > 1 (p × frequency is ${g.p * frequency})`,
    );
  }
  // p (v + x m̄) / d as two weights, so that neither a huge m̄ nor a huge v overflows a sum the result does not need.
  const spend = (g.p / denominator) * g.v + ((g.p * frequency) / denominator) * monetaryValue;
  if (!Number.isFinite(spend)) {
    throw valueError("OUT_OF_RANGE", metric, valuePath, monetaryValue, "the expected spend exceeds the largest double for this monetaryValue");
  }
  return spend;
}

/**
 * The expected value of a customer's future purchases under the Gamma-Gamma model (Fader, Hardie & Lee 2005).
 *
 * E[M | p, q, v, x, m̄] = p (v + x m̄) / (p x + q - 1): a weighted average of the population mean p v / (q - 1) and the
 * customer's observed mean m̄, leaning on m̄ the more repeat purchases x there are. A customer without repeat purchases
 * (x = 0) gets the population mean.
 *
 * @param params - fitted Gamma-Gamma parameters
 * @param customer - `frequency` (repeat purchases) and `monetaryValue` (their mean value; ignored when frequency is 0)
 * @returns the expected spend per purchase
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters, a negative or non-integer frequency or a negative or
 *   non-finite monetary value; `OUT_OF_RANGE` when p x + q <= 1 (the expectation is infinite; for x = 0, q <= 1), or
 *   at `customer.monetaryValue` when the expected spend exceeds the largest double (only possible for q < 1)
 *
 * @example
 * ```ts
 * import { gammaGammaExpectedSpend } from "cx-metrics";
 * const params = { p: 6.2488, q: 3.7446, v: 15.4477 };
 * console.log(gammaGammaExpectedSpend(params, { frequency: 2, monetaryValue: 22.35 }).toFixed(2));
 * // => 24.66
 * console.log(gammaGammaExpectedSpend(params, { frequency: 0, monetaryValue: 0 }).toFixed(2));
 * // => 35.17
 * ```
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, customer: GammaGammaCustomer): number {
  const metric = "gammaGammaExpectedSpend";
  return guard(metric, () => {
    const g = readGammaGammaParams(params, metric, ["params"]);
    const c = checkRecord(customer, metric, ["customer"], "expected an object with frequency and monetaryValue");
    const frequency = checkCount(c.frequency, metric, ["customer", "frequency"]);
    const monetaryValue = checkNonNegative(c.monetaryValue, metric, ["customer", "monetaryValue"]);
    return expectedSpend(g, frequency, monetaryValue, metric, ["params"], ["customer", "monetaryValue"]);
  });
}
