import { emptyError, parseWith, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { logAddExp, logBeta } from "../internal/special.js";
import { type BgNbdFitOptions, BgNbdFitOptionsSchema } from "./bg-nbd.js";
import { boundedResult, checkNonNegative, checkPositive, checkRecord, fitLogParameters, fitResult, type ParameterInterval, probabilityResult } from "./shared.js";

const FIT = "fitBgBb";

/** The largest number of opportunities a BG/BB input may have (the likelihood sums over them). */
export const BG_BB_MAX_OPPORTUNITIES = 1_000_000;

/**
 * BG/BB parameters: alpha and beta for the beta-distributed transaction probabilities while alive, gamma and delta for
 * the beta-distributed dropout probabilities (all finite and > 0).
 */
export type BgBbParams = { alpha: number; beta: number; gamma: number; delta: number };

/** One customer in the discrete-time BG/BB model: x transactions in n opportunities, the last at opportunity t_x. */
export type BgBbCustomer = {
  /** x: transactions, an integer in [0, recency]. */
  frequency: number;
  /** t_x: the opportunity of the last transaction (0 without any), an integer in [frequency, n]. */
  recency: number;
  /** n: the opportunities observed, an integer in [1, 1,000,000]. */
  n: number;
};

/** One row of the data {@link fitBgBb} fits: a customer and an optional weight (the number of identical customers). */
export type BgBbFitRow = BgBbCustomer & { weight?: number };

/** A fitted BG/BB model (the shape of {@link BgNbdFit}). */
export interface BgBbFit {
  /** Always `'fitBgBb'`. */
  metric: "fitBgBb";
  /** The maximum-likelihood (or penalized) parameters. */
  params: BgBbParams;
  /** The weighted log-likelihood at `params` (without the penalty). */
  logLikelihood: number;
  /** Asymptotic standard errors from the observed information (inverse Hessian, delta method). */
  standardErrors: BgBbParams;
  /** 95% confidence interval of each parameter (Wald on the log scale). */
  confidenceIntervals: { alpha: ParameterInterval; beta: ParameterInterval; gamma: ParameterInterval; delta: ParameterInterval };
  /** Optimizer iterations used: Nelder-Mead iterations plus Newton steps. */
  iterations: number;
  /** Always true: a fit that does not converge throws instead. */
  converged: boolean;
}

function checkOpportunity(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>, min: number): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw valueError("INVALID_INPUT", metric, path, value, "expected a non-negative integer");
  }
  const v = value as number;
  if (v < min || v > BG_BB_MAX_OPPORTUNITIES) {
    throw valueError("OUT_OF_RANGE", metric, path, v, `expected an integer in [${min}, ${BG_BB_MAX_OPPORTUNITIES}]`);
  }
  return v;
}

/** Validates one BG/BB customer; `path` names it in messages. */
export function readBgBbCustomer(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>): BgBbCustomer {
  const c = checkRecord(value, metric, path, "expected an object with frequency, recency and n");
  const frequency = checkOpportunity(c.frequency, metric, [...path, "frequency"], 0);
  const recency = checkOpportunity(c.recency, metric, [...path, "recency"], 0);
  const n = checkOpportunity(c.n, metric, [...path, "n"], 1);
  if (recency > n) throw valueError("OUT_OF_RANGE", metric, [...path, "recency"], recency, `expected recency <= n (${n})`);
  if (frequency > recency) {
    throw valueError("OUT_OF_RANGE", metric, [...path, "frequency"], frequency, `expected frequency <= recency (${recency})`);
  }
  if (frequency === 0 && recency !== 0) {
    throw valueError("INVALID_INPUT", metric, [...path, "recency"], recency, "expected recency 0 when frequency is 0");
  }
  return { frequency, recency, n };
}

/** Validates BG/BB parameters. */
export function readBgBbParams(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>): BgBbParams {
  const p = checkRecord(value, metric, path, "expected BG/BB parameters { alpha, beta, gamma, delta }");
  return {
    alpha: checkPositive(p.alpha, metric, [...path, "alpha"]),
    beta: checkPositive(p.beta, metric, [...path, "beta"]),
    gamma: checkPositive(p.gamma, metric, [...path, "gamma"]),
    delta: checkPositive(p.delta, metric, [...path, "delta"]),
  };
}

/**
 * ln L (Fader, Hardie & Shang 2010, eq. 5): the customer is alive through n, or dropped out after opportunity
 * t_x + i (i = 0, ..., n - t_x - 1):
 * L = B(α+x, β+n-x)/B(α,β) × B(γ, δ+n)/B(γ,δ) + Σ_i B(α+x, β+t_x-x+i)/B(α,β) × B(γ+1, δ+t_x+i)/B(γ,δ).
 */
function bgBbLogTerms(p: BgBbParams, c: BgBbCustomer): [alive: number, all: number] {
  const { alpha, beta, gamma, delta } = p;
  const { frequency: x, recency: tx, n } = c;
  const ab = logBeta(alpha, beta);
  const gd = logBeta(gamma, delta);
  const alive = logBeta(alpha + x, beta + n - x) - ab + logBeta(gamma, delta + n) - gd;
  if (tx === n) return [alive, alive];
  // The dropout terms fall monotonically: term_(i+1) / term_i = (β+t_x-x+i)/(α+β+t_x+i) × (δ+t_x+i)/(γ+1+δ+t_x+i),
  // so they are summed relative to the first and the sum stops once what is left cannot reach the last digit.
  const first = logBeta(alpha + x, beta + tx - x) - ab + logBeta(gamma + 1, delta + tx) - gd;
  let term = 1;
  let sum = 1;
  const count = n - tx;
  for (let i = 0; i < count - 1; i++) {
    term *= ((beta + tx - x + i) / (alpha + beta + tx + i)) * ((delta + tx + i) / (gamma + 1 + delta + tx + i));
    sum += term;
    if (term * (count - 1 - i) < 1e-17 * sum) break;
  }
  return [alive, logAddExp(alive, first + Math.log(sum))];
}

interface BgBbData {
  rows: BgBbCustomer[];
  w: number[];
  totalWeight: number;
}

function readFitData(customers: unknown): BgBbData {
  if (!Array.isArray(customers)) throw valueError("INVALID_INPUT", FIT, ["customers"], customers, "expected an array of customers");
  const index = new Map<string, number>();
  const rows: BgBbCustomer[] = [];
  const w: number[] = [];
  for (let i = 0; i < customers.length; i++) {
    const c = readBgBbCustomer(customers[i], FIT, ["customers", i]);
    const raw = (customers[i] as Record<string, unknown>).weight;
    const weight = raw === undefined ? 1 : checkNonNegative(raw, FIT, ["customers", i, "weight"]);
    if (weight === 0) continue;
    const key = `${c.frequency},${c.recency},${c.n}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, rows.length);
      rows.push(c);
      w.push(weight);
    } else {
      w[at]! += weight;
    }
  }
  if (rows.length === 0) throw emptyError(FIT, ["customers"], "customers has no rows of positive weight to fit");
  let totalWeight = 0;
  for (const v of w) totalWeight += v;
  return { rows, w, totalWeight };
}

/**
 * Fits the BG/BB model ("beta-geometric / beta-Bernoulli", Fader, Hardie & Shang 2010) of transactions at discrete
 * opportunities (donations in yearly campaigns, renewals on fixed dates) by maximum likelihood.
 *
 * While alive, a customer transacts at each opportunity with probability p ~ Beta(α, β), and drops out before the next
 * with probability θ ~ Beta(γ, δ). The fit maximises Σ w_i ln L_i (eq. 5 of the paper, by log-sum-exp) over the four
 * log-parameters, with the options and the result of {@link fitBgNbd} (the penalizer is λ (α² + β² + γ² + δ²)).
 * Identical rows are merged first, their weights summed.
 *
 * @param customers - rows `{ frequency, recency, n, weight? }`: x transactions in n opportunities, the last at
 *   opportunity t_x (integers, 0 <= x <= t_x <= n, t_x = 0 when x = 0, n <= 1,000,000)
 * @param options - `penalizer` (default 0), `maxIterations` (default 5000)
 * @returns the parameters, the log-likelihood, standard errors, 95% confidence intervals, the iterations used and
 *   `converged: true`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a non-integer or negative count, t_x > 0 with x = 0, a bad weight,
 *   unknown options or a fit that does not converge; `OUT_OF_RANGE` for x > t_x, t_x > n, n = 0 or n above
 *   1,000,000; `EMPTY_INPUT` without rows of positive weight
 *
 * @example
 * ```ts
 * import { fitBgBb } from "cx-metrics";
 * const fit = fitBgBb([
 *   { frequency: 0, recency: 0, n: 6, weight: 350 },
 *   { frequency: 1, recency: 1, n: 6, weight: 110 },
 *   { frequency: 1, recency: 4, n: 6, weight: 30 },
 *   { frequency: 2, recency: 3, n: 6, weight: 60 },
 *   { frequency: 3, recency: 6, n: 6, weight: 50 },
 *   { frequency: 5, recency: 6, n: 6, weight: 70 },
 *   { frequency: 6, recency: 6, n: 6, weight: 120 },
 * ]);
 * console.log(fit.params.alpha.toFixed(3), fit.logLikelihood.toFixed(2));
 * // => 0.846 -1869.34
 * ```
 */
export function fitBgBb(customers: BgBbFitRow[], options?: BgNbdFitOptions): BgBbFit {
  return guard(FIT, () => {
    const opts = parseWith(BgNbdFitOptionsSchema, options ?? {}, FIT, "options");
    const data = readFitData(customers);
    const outcome = fitLogParameters({
      metric: FIT,
      names: ["alpha", "beta", "gamma", "delta"],
      totalWeight: data.totalWeight,
      logLikelihood: ([alpha, beta, gamma, delta]) => {
        const p = { alpha: alpha!, beta: beta!, gamma: gamma!, delta: delta! };
        let total = 0;
        for (let i = 0; i < data.rows.length; i++) total += data.w[i]! * bgBbLogTerms(p, data.rows[i]!)[1];
        return total;
      },
      start: [1, 1, 1, 1],
      scales: [1, 1, 1, 1],
      penalizer: opts.penalizer ?? 0,
      maxIterations: opts.maxIterations ?? 5000,
    });
    return fitResult(FIT, ["alpha", "beta", "gamma", "delta"] as const, outcome);
  });
}

/**
 * -expm1(g) / (γ - 1) with g = Σ_{j=from}^{from+count-1} ln((1+δ+j) / (γ+δ+j)): the bracket [1 - Γ(γ+δ+from)
 * Γ(1+δ+from+count) / (Γ(1+δ+from) Γ(γ+δ+from+count))] / (γ - 1) of the BG/BB expectations, summed term by term so it
 * keeps its digits at γ = 1 (where it is Σ 1 / (1+δ+j)) and next to it.
 */
function dropoutBracket(gamma: number, delta: number, from: number, count: number): number {
  const e = gamma - 1;
  let g = 0;
  let harmonic = 0;
  for (let j = from; j < from + count; j++) {
    g -= Math.log1p(e / (1 + delta + j));
    harmonic += 1 / (1 + delta + j);
  }
  return e === 0 ? harmonic : -Math.expm1(g) / e;
}

function readOpportunities(value: unknown, metric: string, name: string): number {
  return checkOpportunity(value, metric, [name], 0);
}

/**
 * Expected transactions of a new customer in the first n opportunities under the BG/BB model (Fader, Hardie & Shang
 * 2010, eq. 8).
 *
 * E[X(n)] = α / (α + β) × δ / (γ - 1) × [1 - Γ(γ + δ) Γ(1 + δ + n) / (Γ(1 + δ) Γ(γ + δ + n))], the bracket over γ - 1
 * taken term by term (δ Σ_{j<n} 1 / (1 + δ + j) at γ = 1).
 *
 * @param params - BG/BB parameters `{ alpha, beta, gamma, delta }`
 * @param n - opportunities, an integer in [0, 1,000,000]
 * @returns the expected number of transactions
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a bad parameter or a non-integer n; `OUT_OF_RANGE` for n above
 *   1,000,000
 *
 * @example
 * ```ts
 * import { bgBbExpectedPurchases } from "cx-metrics";
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * console.log(bgBbExpectedPurchases(params, 6).toFixed(4));
 * // => 2.2196
 * ```
 */
export function bgBbExpectedPurchases(params: BgBbParams, n: number): number {
  const metric = "bgBbExpectedPurchases";
  return guard(metric, () => {
    const p = readBgBbParams(params, metric, ["params"]);
    const count = readOpportunities(n, metric, "n");
    const value = (p.alpha / (p.alpha + p.beta)) * p.delta * dropoutBracket(p.gamma, p.delta, 0, count);
    // Never more than the n transactions there are opportunities for.
    return boundedResult(value, count, metric, "the expected number of transactions");
  });
}

/**
 * Expected transactions in the next m opportunities of a customer with x transactions in n opportunities, the last at
 * t_x, under the BG/BB model (Fader, Hardie & Shang 2010, eq. 13).
 *
 * E[X(n, n + m) | x, t_x, n] = B(α + x + 1, β + n - x) / B(α, β) × δ / (γ - 1) × Γ(γ + δ) / Γ(1 + δ) ×
 * [Γ(1 + δ + n) / Γ(γ + δ + n) - Γ(1 + δ + n + m) / Γ(γ + δ + n + m)] / L(α, β, γ, δ | x, t_x, n), in log space.
 *
 * @param params - BG/BB parameters
 * @param customer - `{ frequency, recency, n }`
 * @param m - future opportunities, an integer in [0, 1,000,000]
 * @returns the expected number of transactions at opportunities n + 1, ..., n + m
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters, a bad customer or a non-integer m; `OUT_OF_RANGE`
 *   for x > t_x, t_x > n or counts above 1,000,000
 *
 * @example
 * ```ts
 * import { bgBbConditionalExpectedPurchases } from "cx-metrics";
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * console.log(bgBbConditionalExpectedPurchases(params, { frequency: 3, recency: 5, n: 6 }, 5).toFixed(4));
 * // => 1.8044
 * ```
 */
export function bgBbConditionalExpectedPurchases(params: BgBbParams, customer: BgBbCustomer, m: number): number {
  const metric = "bgBbConditionalExpectedPurchases";
  return guard(metric, () => {
    const p = readBgBbParams(params, metric, ["params"]);
    const c = readBgBbCustomer(customer, metric, ["customer"]);
    const count = readOpportunities(m, metric, "m");
    if (count === 0) return 0;
    const { alpha, beta, gamma, delta } = p;
    // δ/(γ-1) Γ(γ+δ)/Γ(1+δ) [R_n - R_(n+m)] = δ R_n × bracket, with δ R_n = (δ + n) B(γ, δ+n) / B(γ, δ).
    const log =
      logBeta(alpha + c.frequency + 1, beta + c.n - c.frequency) -
      logBeta(alpha, beta) +
      logBeta(gamma, delta + c.n) -
      logBeta(gamma, delta) +
      Math.log(delta + c.n) +
      Math.log(dropoutBracket(gamma, delta, c.n, count)) -
      bgBbLogTerms(p, c)[1];
    return boundedResult(Math.exp(log), count, metric, "the expected number of transactions");
  });
}

/**
 * The probability that a customer with x transactions in n opportunities, the last at t_x, is alive at opportunity
 * n + 1 under the BG/BB model (Fader, Hardie & Shang 2010, eq. 11).
 *
 * P(alive at n + 1 | x, t_x, n) = B(α + x, β + n - x) / B(α, β) × B(γ, δ + n + 1) / B(γ, δ) / L(α, β, γ, δ | x, t_x, n).
 *
 * @param params - BG/BB parameters
 * @param customer - `{ frequency, recency, n }`
 * @returns a probability in [0, 1]
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters or a bad customer; `OUT_OF_RANGE` for x > t_x,
 *   t_x > n or n above 1,000,000
 *
 * @example
 * ```ts
 * import { bgBbProbabilityAlive } from "cx-metrics";
 * const params = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
 * console.log(bgBbProbabilityAlive(params, { frequency: 3, recency: 5, n: 6 }).toFixed(4));
 * // => 0.7667
 * ```
 */
export function bgBbProbabilityAlive(params: BgBbParams, customer: BgBbCustomer): number {
  const metric = "bgBbProbabilityAlive";
  return guard(metric, () => {
    const p = readBgBbParams(params, metric, ["params"]);
    const c = readBgBbCustomer(customer, metric, ["customer"]);
    const [alive, all] = bgBbLogTerms(p, c);
    // alive at n + 1 = alive through n × P(no dropout after n) = × (δ + n) / (γ + δ + n)
    const log = alive - all + Math.log((p.delta + c.n) / (p.gamma + p.delta + c.n));
    return probabilityResult(Math.exp(Math.min(log, 0)), metric);
  });
}
