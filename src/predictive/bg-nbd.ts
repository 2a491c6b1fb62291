import * as z from "zod/mini";
import { emptyError, parseWith, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { hyp2f1, logBeta, logGamma, regularizedBeta } from "../internal/special.js";
import {
  checkCount,
  checkNonNegative,
  checkPositive,
  checkRecord,
  boundedResult,
  fitLogParameters,
  fitOptionsShape,
  fitResult,
  logistic,
  type ParameterInterval,
  probabilityResult,
  nonNegativeFinite,
  positiveParameter,
  weightField,
} from "./shared.js";

/** BG/NBD parameters: r and alpha shape and scale the gamma-distributed purchase rates, a and b the beta-distributed dropout probabilities. */
export const BgNbdParamsSchema = /* @__PURE__ */ (() =>
  z.object({ r: positiveParameter, alpha: positiveParameter, a: positiveParameter, b: positiveParameter }))();

/** BG/NBD parameters (all finite and > 0); alpha is in the time unit of the customers' recency and T. */
export type BgNbdParams = { r: number; alpha: number; a: number; b: number };

function customerChecks<S extends z.ZodMiniObject>(schema: S) {
  return schema.check(
    z.refine((c: unknown) => (c as { recency: number; T: number }).recency <= (c as { T: number }).T, {
      error: "expected recency <= T",
      path: ["recency"],
    }),
    z.refine((c: unknown) => (c as { frequency: number }).frequency > 0 || (c as { recency: number }).recency === 0, {
      error: "expected recency 0 when frequency is 0",
      path: ["recency"],
    }),
  );
}

const customerShape = {
  /** Repeat purchases: a non-negative integer. */
  frequency: z.int({ error: "expected a non-negative integer" }).check(z.gte(0, { error: "expected a non-negative integer" })),
  /** Time from the first to the last purchase (0 without repeats), at most T. */
  recency: nonNegativeFinite,
  /** Time from the first purchase to the end of the observation. */
  T: nonNegativeFinite,
};

/** One customer's summary: frequency, recency and T (as {@link rfmSummary} returns them). */
export const BgNbdCustomerSchema = /* @__PURE__ */ (() =>
  customerChecks(z.object(customerShape)))();

/** One customer's summary for the BG/NBD predictions. */
export type BgNbdCustomer = { frequency: number; recency: number; T: number };

/** One row of the data {@link fitBgNbd} fits: a customer summary and an optional weight (the number of identical customers). */
export const BgNbdFitRowSchema = /* @__PURE__ */ (() =>
  customerChecks(z.object({ ...customerShape, weight: weightField })))();

/** One row of the data {@link fitBgNbd} fits. */
export type BgNbdFitRow = { frequency: number; recency: number; T: number; weight?: number };

/** The specification of {@link fitBgNbd}'s first argument; a hand-written loop that agrees with it checks large inputs. */
export const BgNbdFitInputSchema = /* @__PURE__ */ (() =>
  z.array(BgNbdFitRowSchema))();

/** Options of {@link fitBgNbd}; unknown keys are refused. */
export const BgNbdFitOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(fitOptionsShape))();

/** Options of {@link fitBgNbd}. */
export type BgNbdFitOptions = z.infer<typeof BgNbdFitOptionsSchema>;

/** A fitted BG/NBD model. */
export interface BgNbdFit {
  /** Always `'fitBgNbd'`. */
  metric: "fitBgNbd";
  /** The maximum-likelihood (or penalized) parameters. */
  params: BgNbdParams;
  /** The weighted log-likelihood at `params` (without the penalty). */
  logLikelihood: number;
  /** Asymptotic standard errors from the observed information (inverse Hessian, delta method). */
  standardErrors: BgNbdParams;
  /** 95% confidence interval of each parameter (Wald on the log scale: θ e^(±1.96 se(ln θ)), always inside (0, ∞)). */
  confidenceIntervals: { r: ParameterInterval; alpha: ParameterInterval; a: ParameterInterval; b: ParameterInterval };
  /** Optimizer iterations used: Nelder-Mead iterations plus Newton steps. */
  iterations: number;
  /** Always true: a fit that does not converge throws instead. */
  converged: boolean;
}

/** Rows with identical (frequency, recency, T) merged, weights summed. */
export interface SummaryData {
  x: Float64Array;
  w: Float64Array;
  /** Index of each row's frequency in `distinct`. */
  slot: Int32Array;
  distinct: number[];
  /** Each row's T and recency as indexes into `times`: ln(α + time) is computed once per distinct time. */
  tSlot: Int32Array;
  txSlot: Int32Array;
  times: Float64Array;
  totalWeight: number;
  maxT: number;
}

const FIT = "fitBgNbd" as const;

/** Validates one customer summary; `path` names it in messages. */
export function readCustomer(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>): BgNbdCustomer {
  const c = checkRecord(value, metric, path, "expected an object with frequency, recency and T");
  const frequency = checkCount(c.frequency, metric, [...path, "frequency"]);
  const recency = checkNonNegative(c.recency, metric, [...path, "recency"]);
  const T = checkNonNegative(c.T, metric, [...path, "T"]);
  if (recency > T) throw valueError("OUT_OF_RANGE", metric, [...path, "recency"], recency, `expected recency <= T (${T})`);
  if (frequency === 0 && recency !== 0) {
    throw valueError("INVALID_INPUT", metric, [...path, "recency"], recency, "expected recency 0 when frequency is 0");
  }
  return { frequency, recency, T };
}

/**
 * Validates and merges (frequency, recency, T, weight?) rows in one pass (a nested map keyed by frequency, T and
 * recency); `metric` names the fit in messages.
 */
export function readSummaryData(customers: unknown, metric: string): SummaryData {
  if (!Array.isArray(customers)) throw valueError("INVALID_INPUT", metric, ["customers"], customers, "expected an array of customers");
  const index = new Map<number, Map<number, Map<number, number>>>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < customers.length; i++) {
    const row = customers[i] as Record<string, unknown> | null;
    // The fast path allocates nothing; anything it does not accept goes through the checks that name the problem.
    let frequency = row?.frequency as number;
    let recency = row?.recency as number;
    let time = row?.T as number;
    let weight = row?.weight as number | undefined;
    if (
      !(
        Number.isSafeInteger(frequency) &&
        frequency >= 0 &&
        typeof recency === "number" &&
        recency >= 0 &&
        typeof time === "number" &&
        Number.isFinite(time) &&
        recency <= time &&
        (frequency > 0 || recency === 0) &&
        (weight === undefined || (typeof weight === "number" && Number.isFinite(weight) && weight >= 0))
      )
    ) {
      const c = readCustomer(row, metric, ["customers", i]);
      frequency = c.frequency;
      recency = c.recency;
      time = c.T;
      weight = checkNonNegative(row!.weight, metric, ["customers", i, "weight"]);
    }
    const rowWeight = weight ?? 1;
    if (rowWeight === 0) continue;
    let byT = index.get(frequency);
    if (byT === undefined) index.set(frequency, (byT = new Map()));
    let byRecency = byT.get(time);
    if (byRecency === undefined) byT.set(time, (byRecency = new Map()));
    const at = byRecency.get(recency);
    if (at === undefined) {
      byRecency.set(recency, x.length);
      x.push(frequency);
      tx.push(recency);
      T.push(time);
      w.push(rowWeight);
    } else {
      w[at]! += rowWeight;
    }
  }
  if (x.length === 0) throw emptyError(metric, ["customers"], "customers has no rows of positive weight to fit");
  // Any order serves: the likelihood only looks each row's frequency up by its slot.
  const distinct = [...index.keys()];
  const slotOf = new Map(distinct.map((v, k) => [v, k]));
  const timeIndex = new Map<number, number>();
  const timeSlot = (v: number): number => {
    let k = timeIndex.get(v);
    if (k === undefined) timeIndex.set(v, (k = timeIndex.size));
    return k;
  };
  let totalWeight = 0;
  let maxT = 0;
  for (let k = 0; k < x.length; k++) {
    totalWeight += w[k]!;
    maxT = Math.max(maxT, T[k]!);
  }
  return {
    x: Float64Array.from(x),
    w: Float64Array.from(w),
    slot: Int32Array.from(x, (v) => slotOf.get(v)!),
    distinct,
    tSlot: Int32Array.from(T, timeSlot),
    txSlot: Int32Array.from(tx, timeSlot),
    times: Float64Array.from(timeIndex.keys()),
    totalWeight,
    maxT,
  };
}

/**
 * The weighted BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) in its numerically stable form:
 * ln L_i = ln Γ(r+x) - ln Γ(r) + r ln α + ln B(a, b+x) - ln B(a, b) + ln(e^A3 + δ_{x>0} e^A4), with
 * A3 = -(r+x) ln(α+T) and A4 = ln a - ln(b+x-1) - (r+x) ln(α+t_x), combined by log-sum-exp.
 *
 * `modified` gives the MBG/NBD likelihood (Batislam, Denizel & Filiztekin 2007), where a customer may also drop out
 * right after the first purchase: b + 1 in place of b in the x-dependent terms, and the A4 term for every x.
 */
export function betaGeometricLogLikelihood(data: SummaryData, theta: number[], modified = false): number {
  const [r, alpha, a, b] = theta as [number, number, number, number];
  const shift = modified ? 1 : 0;
  const m = data.distinct.length;
  const constant = new Float64Array(m);
  const dropout = new Float64Array(m);
  const base = r * Math.log(alpha) - logGamma(r) + logGamma(a + b) - logGamma(b);
  for (let k = 0; k < m; k++) {
    const x = data.distinct[k]!;
    constant[k] = base + logGamma(r + x) + logGamma(b + shift + x) - logGamma(a + b + shift + x);
    dropout[k] = x > 0 || modified ? Math.log(a) - Math.log(b + shift + x - 1) : Number.NEGATIVE_INFINITY;
  }
  const logTime = new Float64Array(data.times.length);
  for (let k = 0; k < logTime.length; k++) logTime[k] = Math.log(alpha + data.times[k]!);
  let total = 0;
  const n = data.x.length;
  for (let i = 0; i < n; i++) {
    const k = data.slot[i]!;
    const rx = r + data.x[i]!;
    const a3 = -rx * logTime[data.tSlot[i]!]!;
    const d = dropout[k]!;
    let ll = a3;
    if (d !== Number.NEGATIVE_INFINITY) {
      // ln(e^a3 + e^a4) with a4 = d - rx ln(α + t_x), inline for speed
      const a4 = d - rx * logTime[data.txSlot[i]!]!;
      ll = a3 > a4 ? a3 + Math.log1p(Math.exp(a4 - a3)) : a4 + Math.log1p(Math.exp(a3 - a4));
    }
    total += data.w[i]! * (constant[k]! + ll);
  }
  return total;
}

/**
 * Fits the BG/NBD model ("beta-geometric / negative binomial distribution", Fader, Hardie & Lee 2005) by maximum
 * likelihood.
 *
 * While alive, a customer buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability
 * p ~ Beta(a, b). The fit maximises Σ w_i ln L(r, α, a, b | x_i, t_x,i, T_i) (the stable form of the paper's eq. 6)
 * on the log-parameters (Nelder-Mead to find the basin, then Newton steps to converge). Identical rows are merged first, their
 * weights summed, so a million customers with few distinct summaries fit fast. With `penalizer` λ the objective is
 * -LL / Σw + λ (r² + (α / T_max)² + a² + b²) with T_max the largest T, the objective of the lifetimes package, which
 * keeps the parameters finite on thin data.
 *
 * @param customers - one row per customer (or per group of identical customers, with `weight`): `frequency` (repeat
 *   purchases), `recency` and `T` in one time unit, as {@link rfmSummary} returns them
 * @param options - `penalizer` (default 0), `maxIterations` (default 5000)
 * @returns the parameters, the log-likelihood, standard errors, 95% confidence intervals,
 *   the iterations used and `converged: true`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a non-integer or negative frequency, a negative or non-finite
 *   recency, T or weight, recency > 0 with frequency 0, unknown options, or a fit that does not converge (a parameter
 *   running off to 0 or infinity, as it does when nobody made a repeat purchase); `OUT_OF_RANGE` for recency > T;
 *   `EMPTY_INPUT` without rows of positive weight
 *
 * @example
 * ```ts
 * import { fitBgNbd } from "cx-metrics";
 * const fit = fitBgNbd([
 *   { frequency: 0, recency: 0, T: 30, weight: 60 },
 *   { frequency: 1, recency: 5, T: 30, weight: 20 },
 *   { frequency: 1, recency: 25, T: 30, weight: 10 },
 *   { frequency: 2, recency: 10, T: 30, weight: 8 },
 *   { frequency: 3, recency: 27, T: 30, weight: 6 },
 *   { frequency: 6, recency: 29, T: 30, weight: 4 },
 *   { frequency: 4, recency: 12, T: 30, weight: 3 },
 * ]);
 * console.log(fit.params.r.toFixed(3), fit.params.alpha.toFixed(2), fit.logLikelihood.toFixed(2));
 * // => 0.431 9.09 -428.07
 * ```
 */
export function fitBgNbd(customers: BgNbdFitRow[], options?: BgNbdFitOptions): BgNbdFit {
  return fitSummaryModel(FIT, ["r", "alpha", "a", "b"] as const, [false, true, false, false], customers, options, betaGeometricLogLikelihood);
}

/**
 * Fits a four-parameter model of (frequency, recency, T) summaries: validates the options and the rows, merges identical
 * rows, and runs {@link fitLogParameters} from 1 for every parameter and T_max / 10 for time parameters, which are also
 * divided by T_max inside the penalty (the lifetimes convention).
 */
export function fitSummaryModel<M extends string, K extends string>(
  metric: M,
  names: readonly [K, K, K, K],
  isTime: readonly boolean[],
  customers: unknown,
  options: unknown,
  logLikelihood: (data: SummaryData, theta: number[]) => number,
): ReturnType<typeof fitResult<M, K>> {
  return guard(metric, () => {
    const opts = parseWith(BgNbdFitOptionsSchema, options ?? {}, metric, "options");
    const data = readSummaryData(customers, metric);
    const timeScale = data.maxT > 0 ? data.maxT : 1;
    const scales = isTime.map((time) => (time ? timeScale : 1));
    const outcome = fitLogParameters({
      metric,
      names,
      totalWeight: data.totalWeight,
      logLikelihood: (theta) => logLikelihood(data, theta),
      start: isTime.map((time) => (time ? timeScale / 10 : 1)),
      scales,
      penaltyScales: scales,
      penalizer: opts.penalizer ?? 0,
      maxIterations: opts.maxIterations ?? 5000,
    });
    return fitResult(metric, names, outcome);
  });
}

/** Validates BG/NBD parameters. */
export function readBgNbdParams(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>): BgNbdParams {
  const p = checkRecord(value, metric, path, "expected BG/NBD parameters { r, alpha, a, b }");
  return {
    r: checkPositive(p.r, metric, [...path, "r"]),
    alpha: checkPositive(p.alpha, metric, [...path, "alpha"]),
    a: checkPositive(p.a, metric, [...path, "a"]),
    b: checkPositive(p.b, metric, [...path, "b"]),
  };
}

/**
 * (a + b + x - 1) / (a - 1) × [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(α+T+t))], the numerator of the
 * conditional expectation (Fader, Hardie & Lee 2005, eq. 10; with x = T = 0 it is E[X(t)], eq. 9).
 *
 * Euler's transformation turns the bracket into 1 - (1-z)^ε 2F1(a+b-1-r, ε; C; z) with ε = a - 1 and C = a+b+x-1,
 * whose series carries a factor ε: bracket / ε = -expm1(ε ln(1-z)) / ε - (1-z)^ε K / C with
 * K = C Σ_{n>=1} (a+b-1-r)_n (1+ε)_{n-1} z^n / ((C)_n n!). That is finite and accurate at a = 1, where the published
 * form reads 0 / 0.
 */
export function expectedNumerator(p: BgNbdParams, x: number, T: number, t: number): number {
  const { r, alpha, a, b } = p;
  const eps = a - 1;
  const C = a + b + x - 1;
  const A = a + b - 1 - r;
  const z = t / (alpha + T + t);
  const logW = -Math.log1p(t / (alpha + T)); // ln(1 - z)
  const growth = eps === 0 ? logW : Math.expm1(eps * logW) / eps;
  let K = kSeries(A, eps, C, z);
  if (Number.isNaN(K)) {
    // Very close to z = 1 the series is too slow: use 2F1 itself, K = C (2F1(A, ε; C; z) - 1) / ε, and for ε near 0,
    // where that difference cancels, interpolate linearly in a between a - 1 = ±h.
    const h = 1e-4;
    const w = (alpha + T) / (alpha + T + t);
    const viaHyp = (e: number): number => (C * (hyp2f1(A, e, C, z, w) - 1)) / e;
    K = Math.abs(eps) >= h ? viaHyp(eps) : viaHyp(-h) + ((viaHyp(h) - viaHyp(-h)) * (eps + h)) / (2 * h);
  }
  return -(C * growth + Math.exp(eps * logW) * K);
}

/**
 * K = C Σ_{n>=1} (A)_n (1+ε)_{n-1} z^n / ((C)_n n!) = A z Σ_{m>=0} (A+1)_m (ε+1)_m / ((C+1)_m (2)_m) z^m, summed
 * directly (C + 1 > 0, so no term has a pole), or NaN when it converges too slowly.
 */
function kSeries(A: number, eps: number, C: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let m = 0; m < 20_000; m++) {
    term *= (((A + 1 + m) * (eps + 1 + m)) / ((C + 1 + m) * (m + 2))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) return A * z * sum;
  }
  return Number.NaN;
}

/** ln of the odds that the customer has dropped out: ln a - ln(b+x-1) + (r+x) ln((α+T)/(α+t_x)), -Infinity for x = 0. */
function logOddsDead(p: BgNbdParams, c: BgNbdCustomer): number {
  if (c.frequency === 0) return Number.NEGATIVE_INFINITY;
  return (
    Math.log(p.a) -
    Math.log(p.b + c.frequency - 1) +
    (p.r + c.frequency) * Math.log1p((c.T - c.recency) / (p.alpha + c.recency))
  );
}

/**
 * Expected purchases of a new customer in a period of length t under the BG/NBD model (Fader, Hardie & Lee 2005, eq. 9).
 *
 * E[X(t)] = (a + b - 1) / (a - 1) × [1 - (α / (α + t))^r 2F1(r, b; a + b - 1; t / (α + t))], evaluated through
 * Euler's transformation so it stays accurate for every a > 0 (including a = 1) and t up to far beyond the data.
 *
 * @param params - fitted BG/NBD parameters
 * @param t - the period length, in the unit the model was fitted in
 * @returns the expected number of purchases (0 for t = 0)
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a parameter that is not a finite number > 0 or a negative or
 *   non-finite t; `OUT_OF_RANGE` when the expectation is not finite for these parameters (a + b < 1 at a pole)
 *
 * @example
 * ```ts
 * import { bgNbdExpectedPurchases } from "cx-metrics";
 * const params = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
 * console.log(bgNbdExpectedPurchases(params, 39).toFixed(4));
 * // => 1.1951
 * ```
 */
export function bgNbdExpectedPurchases(params: BgNbdParams, t: number): number {
  const metric = "bgNbdExpectedPurchases";
  return guard(metric, () => {
    const p = readBgNbdParams(params, metric, ["params"]);
    const time = checkNonNegative(t, metric, ["t"]);
    // Never more than the r t / α purchases of a customer who never drops out.
    return boundedResult(expectedNumerator(p, 0, 0, time), (p.r / p.alpha) * time, metric, "the expected number of purchases");
  });
}

/** The conditional expectation on trusted inputs (shared with {@link predictiveClv}). */
export function conditionalExpected(p: BgNbdParams, c: BgNbdCustomer, t: number): number {
  const numerator = expectedNumerator(p, c.frequency, c.T, t);
  const odds = logOddsDead(p, c);
  // An expectation of purchases is never negative; for horizons near 0 the numerator's cancellation can leave -5e-324.
  return Math.max(numerator / (1 + Math.exp(odds)), 0);
}

/**
 * Expected purchases in the next period of length t of a customer with history (x, t_x, T) under the BG/NBD model
 * (Fader, Hardie & Lee 2005, eq. 10).
 *
 * E[Y(t) | x, t_x, T] = [(a + b + x - 1) / (a - 1)] × [1 - ((α + T) / (α + T + t))^(r + x) 2F1(r + x, b + x;
 * a + b + x - 1; t / (α + T + t))] / [1 + δ_{x>0} a / (b + x - 1) × ((α + T) / (α + t_x))^(r + x)].
 *
 * @param params - fitted BG/NBD parameters
 * @param customer - `frequency`, `recency` and `T` in the model's time unit
 * @param t - the length of the future period
 * @returns the expected number of purchases in (T, T + t]
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters, a bad customer (non-integer frequency, negative
 *   times, recency > 0 with frequency 0) or a negative t; `OUT_OF_RANGE` for recency > T or a non-finite expectation
 *
 * @example
 * ```ts
 * import { bgNbdConditionalExpectedPurchases } from "cx-metrics";
 * const params = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
 * const customer = { frequency: 2, recency: 30.43, T: 38.86 };
 * console.log(bgNbdConditionalExpectedPurchases(params, customer, 39).toFixed(4));
 * // => 1.2259
 * ```
 */
export function bgNbdConditionalExpectedPurchases(params: BgNbdParams, customer: BgNbdCustomer, t: number): number {
  const metric = "bgNbdConditionalExpectedPurchases";
  return guard(metric, () => {
    const p = readBgNbdParams(params, metric, ["params"]);
    const c = readCustomer(customer, metric, ["customer"]);
    const time = checkNonNegative(t, metric, ["t"]);
    const bound = ((p.r + c.frequency) / (p.alpha + c.T)) * time;
    return boundedResult(conditionalExpected(p, c, time), bound, metric, "the expected number of purchases");
  });
}

/**
 * The probability that a customer with history (x, t_x, T) is still alive under the BG/NBD model (Fader, Hardie & Lee,
 * "Computing P(alive) using the BG/NBD model").
 *
 * P(alive | x, t_x, T) = 1 / [1 + δ_{x>0} a / (b + x - 1) × ((α + T) / (α + t_x))^(r + x)]; exactly 1 for x = 0, since
 * the model lets customers drop out only right after a purchase. Computed from the log-odds, so it never overflows.
 *
 * @param params - fitted BG/NBD parameters
 * @param customer - `frequency`, `recency` and `T` in the model's time unit
 * @returns a probability in [0, 1]
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters or a bad customer; `OUT_OF_RANGE` for recency > T
 *
 * @example
 * ```ts
 * import { bgNbdProbabilityAlive } from "cx-metrics";
 * const params = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
 * console.log(bgNbdProbabilityAlive(params, { frequency: 2, recency: 30.43, T: 38.86 }).toFixed(4));
 * // => 0.7266
 * console.log(bgNbdProbabilityAlive(params, { frequency: 0, recency: 0, T: 38.86 }));
 * // => 1
 * ```
 */
export function bgNbdProbabilityAlive(params: BgNbdParams, customer: BgNbdCustomer): number {
  const metric = "bgNbdProbabilityAlive";
  return guard(metric, () => {
    const p = readBgNbdParams(params, metric, ["params"]);
    const c = readCustomer(customer, metric, ["customer"]);
    return probabilityResult(logistic(logOddsDead(p, c)), metric);
  });
}

/**
 * The probability that a new customer makes exactly k purchases in a period of length t under the BG/NBD model (Fader,
 * Hardie & Lee 2005, eq. 8).
 *
 * P(X(t) = k) = B(a, b + k) / B(a, b) × NB(k) + δ_{k>0} B(a + 1, b + k - 1) / B(a, b) × P(N >= k), where
 * NB(j) = Γ(r + j) / (Γ(r) j!) (α / (α + t))^r (t / (α + t))^j is the negative binomial count of a customer who never
 * drops out and P(N >= k) = 1 - Σ_{j<k} NB(j) its tail, computed as the regularized incomplete beta I_{t/(α+t)}(k, r)
 * (no cancellation when the tail is small). Each term is formed in log space.
 *
 * @param params - BG/NBD parameters
 * @param t - the period length, a finite number >= 0
 * @param k - the number of purchases, a non-negative integer
 * @returns a probability in [0, 1]; over k = 0, 1, 2, ... they sum to 1
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters, a negative or non-finite t or a k that is not a
 *   non-negative integer; `OUT_OF_RANGE` when the tail's continued fraction does not converge within 10^6 terms
 *
 * @example
 * ```ts
 * import { bgNbdPurchaseCountProbability } from "cx-metrics";
 * const params = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
 * console.log(bgNbdPurchaseCountProbability(params, 39, 0).toFixed(4), bgNbdPurchaseCountProbability(params, 39, 2).toFixed(4));
 * // => 0.5743 0.0853
 * ```
 */
export function bgNbdPurchaseCountProbability(params: BgNbdParams, t: number, k: number): number {
  const metric = "bgNbdPurchaseCountProbability";
  return guard(metric, () => {
    const p = readBgNbdParams(params, metric, ["params"]);
    const time = checkNonNegative(t, metric, ["t"]);
    const count = checkCount(k, metric, ["k"]);
    if (time === 0) return count === 0 ? 1 : 0;
    const { r, alpha, a, b } = p;
    const logStay = -r * Math.log1p(time / alpha); // ln (α / (α + t))^r
    const logBuy = -Math.log1p(alpha / time); // ln (t / (α + t))
    const logNb = logGamma(r + count) - logGamma(r) - logGamma(count + 1) + logStay + (count === 0 ? 0 : count * logBuy);
    const lbab = logBeta(a, b);
    let probability = Math.exp(logBeta(a, b + count) - lbab + logNb);
    if (count > 0) {
      const tail = regularizedBeta(time / (alpha + time), count, r, alpha / (alpha + time));
      probability += Math.exp(logBeta(a + 1, b + count - 1) - lbab) * tail;
    }
    return probabilityResult(probability, metric);
  });
}
