import { guard } from "../internal/guard.js";
import { logAddExp, logGamma, logGaussLegendre } from "../internal/special.js";
import {
  type BgNbdCustomer,
  type BgNbdFitOptions,
  type BgNbdFitRow,
  fitSummaryModel,
  readCustomer,
  type SummaryData,
} from "./bg-nbd.js";
import { boundedResult, checkNonNegative, checkPositive, checkRecord, type ParameterInterval, probabilityResult } from "./shared.js";

const FIT = "fitParetoNbd" as const;

/**
 * Pareto/NBD parameters: r and alpha shape and scale the gamma-distributed purchase rates, s and beta the
 * gamma-distributed dropout rates (all finite and > 0; alpha and beta in the time unit of the customers' recency and T).
 */
export type ParetoNbdParams = { r: number; alpha: number; s: number; beta: number };

/** A fitted Pareto/NBD model (the shape of {@link BgNbdFit}). */
export interface ParetoNbdFit {
  /** Always `'fitParetoNbd'`. */
  metric: "fitParetoNbd";
  /** The maximum-likelihood (or penalized) parameters. */
  params: ParetoNbdParams;
  /** The weighted log-likelihood at `params` (without the penalty). */
  logLikelihood: number;
  /** Asymptotic standard errors from the observed information (inverse Hessian, delta method). */
  standardErrors: ParetoNbdParams;
  /** 95% confidence interval of each parameter (Wald on the log scale). */
  confidenceIntervals: { r: ParameterInterval; alpha: ParameterInterval; s: ParameterInterval; beta: ParameterInterval };
  /** Optimizer iterations used: Nelder-Mead iterations plus Newton steps. */
  iterations: number;
  /** Always true: a fit that does not converge throws instead. */
  converged: boolean;
}

/** Validates Pareto/NBD parameters. */
export function readParetoNbdParams(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>): ParetoNbdParams {
  const p = checkRecord(value, metric, path, "expected Pareto/NBD parameters { r, alpha, s, beta }");
  return {
    r: checkPositive(p.r, metric, [...path, "r"]),
    alpha: checkPositive(p.alpha, metric, [...path, "alpha"]),
    s: checkPositive(p.s, metric, [...path, "s"]),
    beta: checkPositive(p.beta, metric, [...path, "beta"]),
  };
}

/** Panels the quadrature may use; far more than any input needs (see {@link logDropoutIntegral}). */
const MAX_PANELS = 4000;

/**
 * ln ∫_{t_x}^{T} (α + τ)^-(r+x) (β + τ)^-(s+1) dτ, the dropout part of the Pareto/NBD likelihood, by Gauss-Legendre
 * panels in u = ln((M + τ) / (M + t_x)) with M = max(α, β).
 *
 * The published closed form writes this integral as a difference of two 2F1 terms that overflow and cancel (the
 * failures reported against other implementations); the integrand itself is positive and smooth, so quadrature keeps
 * full relative accuracy for every input. In u the integrand is e^h with h decreasing; each panel is at most 8 / |h'|
 * long (16 points then integrate e^h to double precision) and at most twice the distance to the nearest singularity
 * (τ = -min(α, β)), and the panels stop once e^h has fallen 80 e-folds below its start. τ is rebuilt as
 * t_x + (M + t_x) expm1(u), so that c + τ keeps its digits for c = α, β.
 */
function logDropoutIntegral(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  if (!(T > tx)) return Number.NEGATIVE_INFINITY;
  const { r, alpha, s, beta } = p;
  const M = Math.max(alpha, beta);
  const d = Math.abs(alpha - beta);
  const base = M + tx;
  const rx = r + x;
  const end = Math.log1p((T - tx) / base);
  const h = (u: number): number => {
    const grow = base * Math.expm1(u);
    return -rx * Math.log(alpha + tx + grow) - (s + 1) * Math.log(beta + tx + grow) + Math.log(base) + u;
  };
  const h0 = h(0);
  let u = 0;
  let total = Number.NEGATIVE_INFINITY;
  for (let panel = 0; panel < MAX_PANELS && u < end; panel++) {
    const tau = tx + base * Math.expm1(u);
    const hu = panel === 0 ? h0 : h(u);
    if (hu < h0 - 80) break;
    const slope = rx * ((M + tau) / (alpha + tau)) + (s + 1) * ((M + tau) / (beta + tau)) - 1;
    const distance = d === 0 ? Number.POSITIVE_INFINITY : Math.log((M + tau) / d);
    const length = Math.min(8 / slope, 2 * distance, end - u);
    const next = u + length;
    total = logAddExp(total, logGaussLegendre(h, u, next, hu));
    u = next;
  }
  return total;
}

/** ln of the first term of L: the customer is alive at T, (α + T)^-(r+x) (β + T)^-s. */
function logAliveTerm(p: ParetoNbdParams, x: number, T: number): number {
  return -(p.r + x) * Math.log(p.alpha + T) - p.s * Math.log(p.beta + T);
}

/** [ln of the alive term, ln of L without the constant Γ(r + x) α^r β^s / Γ(r)]. */
function logTerms(p: ParetoNbdParams, x: number, tx: number, T: number): [number, number] {
  const alive = logAliveTerm(p, x, T);
  return [alive, logAddExp(alive, Math.log(p.s) + logDropoutIntegral(p, x, tx, T))];
}

/**
 * ln L of one customer (Fader, Hardie & Lee 2005, "A note on deriving the Pareto/NBD model and related expressions"):
 * L = Γ(r + x) α^r β^s / Γ(r) × [(α + T)^-(r+x) (β + T)^-s + s ∫_{t_x}^{T} (α + τ)^-(r+x) (β + τ)^-(s+1) dτ].
 */
export function paretoNbdLogLikelihoodOf(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return logGamma(p.r + x) - logGamma(p.r) + p.r * Math.log(p.alpha) + p.s * Math.log(p.beta) + logTerms(p, x, tx, T)[1];
}

function logLikelihood(data: SummaryData, theta: number[]): number {
  const [r, alpha, s, beta] = theta as [number, number, number, number];
  const p = { r, alpha, s, beta };
  const times = data.times;
  const constant = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const lgx = new Float64Array(data.distinct.length);
  for (let k = 0; k < lgx.length; k++) lgx[k] = logGamma(r + data.distinct[k]!);
  let total = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i]!;
    total += data.w[i]! * (constant + lgx[data.slot[i]!]! + logTerms(p, x, times[data.txSlot[i]!]!, times[data.tSlot[i]!]!)[1]);
  }
  return total;
}

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) by maximum likelihood.
 *
 * While alive, a customer buys at a Poisson rate λ ~ Gamma(r, α) and stays alive for an exponential lifetime of rate
 * μ ~ Gamma(s, β). The fit maximises Σ w_i ln L(r, α, s, β | x_i, t_x,i, T_i) with
 * L = Γ(r + x) α^r β^s / Γ(r) × [(α + T)^-(r+x) (β + T)^-s + s ∫_{t_x}^{T} (α + τ)^-(r+x) (β + τ)^-(s+1) dτ]
 * (Fader, Hardie & Lee's note, with the 2F1 difference written as the integral it comes from and evaluated by
 * quadrature, so no input overflows or cancels). The options and the result are those of {@link fitBgNbd}; with
 * `penalizer` λ the objective is -LL / Σw + λ (r² + (α / T_max)² + s² + (β / T_max)²), as in the lifetimes package.
 *
 * @param customers - one row per customer (or per group of identical customers, with `weight`): `frequency`, `recency`
 *   and `T` in one time unit, as {@link rfmSummary} returns them
 * @param options - `penalizer` (default 0), `maxIterations` (default 5000)
 * @returns the parameters, the log-likelihood, standard errors, 95% confidence intervals, the iterations used and
 *   `converged: true`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a bad row (as {@link fitBgNbd}), unknown options, or a fit that does
 *   not converge; `OUT_OF_RANGE` for recency > T; `EMPTY_INPUT` without rows of positive weight
 *
 * @example
 * ```ts
 * import { fitParetoNbd } from "cx-metrics";
 * const fit = fitParetoNbd([
 *   { frequency: 0, recency: 0, T: 30, weight: 60 },
 *   { frequency: 1, recency: 5, T: 30, weight: 20 },
 *   { frequency: 1, recency: 25, T: 30, weight: 10 },
 *   { frequency: 2, recency: 10, T: 30, weight: 8 },
 *   { frequency: 3, recency: 27, T: 30, weight: 6 },
 *   { frequency: 6, recency: 29, T: 30, weight: 4 },
 *   { frequency: 4, recency: 12, T: 30, weight: 3 },
 * ]);
 * console.log(fit.params.r.toFixed(3), fit.logLikelihood.toFixed(2));
 * // => 1.458 -427.40
 * ```
 */
export function fitParetoNbd(customers: BgNbdFitRow[], options?: BgNbdFitOptions): ParetoNbdFit {
  return fitSummaryModel(FIT, ["r", "alpha", "s", "beta"] as const, [false, true, false, true], customers, options, logLikelihood);
}

/** ln of [1 - (1 + t/c)^-(k)] / k, (1 + t / c)^... written with expm1 and log1p; ln ln(1 + t/c) at k = 0. */
function logGrowth(k: number, t: number, c: number): number {
  const logRatio = Math.log1p(t / c);
  if (k === 0) return Math.log(logRatio);
  return Math.log(-Math.expm1(-k * logRatio) / k);
}

/** ln P(alive | x, t_x, T) = -ln(1 + s I / alive term), from the log-odds so that huge terms do not meet as ∞ - ∞. */
function logProbabilityAlive(p: ParetoNbdParams, c: BgNbdCustomer): number {
  const odds = Math.log(p.s) + logDropoutIntegral(p, c.frequency, c.recency, c.T) - logAliveTerm(p, c.frequency, c.T);
  return odds === Number.NEGATIVE_INFINITY ? 0 : -logAddExp(0, odds);
}

/** E[Y(t) | x, t_x, T] on trusted inputs. */
export function paretoNbdConditional(p: ParetoNbdParams, c: BgNbdCustomer, t: number): number {
  if (t === 0) return 0;
  const log =
    Math.log(p.r + c.frequency) +
    Math.log(p.beta + c.T) -
    Math.log(p.alpha + c.T) +
    logGrowth(p.s - 1, t, p.beta + c.T) +
    logProbabilityAlive(p, c);
  return Math.exp(log);
}

/**
 * Expected purchases of a new customer in a period of length t under the Pareto/NBD model (Schmittlein, Morrison &
 * Colombo 1987).
 *
 * E[X(t)] = r β / (α (s - 1)) × [1 - (β / (β + t))^(s-1)], and r β / α × ln(1 + t / β) at s = 1; computed in log
 * space with expm1 and log1p, so s near 1 and extreme times keep their digits.
 *
 * @param params - Pareto/NBD parameters `{ r, alpha, s, beta }`
 * @param t - the period length, in the unit the model was fitted in
 * @returns the expected number of purchases (0 for t = 0)
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a parameter that is not a finite number > 0 or a negative or
 *   non-finite t; `OUT_OF_RANGE` when the expectation passes the largest double
 *
 * @example
 * ```ts
 * import { paretoNbdExpectedPurchases } from "cx-metrics";
 * const params = { r: 0.5533, alpha: 10.5793, s: 0.6061, beta: 11.665 };
 * console.log(paretoNbdExpectedPurchases(params, 39).toFixed(4));
 * // => 1.2133
 * ```
 */
export function paretoNbdExpectedPurchases(params: ParetoNbdParams, t: number): number {
  const metric = "paretoNbdExpectedPurchases";
  return guard(metric, () => {
    const p = readParetoNbdParams(params, metric, ["params"]);
    const time = checkNonNegative(t, metric, ["t"]);
    if (time === 0) return 0;
    const log = Math.log(p.r) + Math.log(p.beta) - Math.log(p.alpha) + logGrowth(p.s - 1, time, p.beta);
    return boundedResult(Math.exp(log), (p.r / p.alpha) * time, metric, "the expected number of purchases");
  });
}

/**
 * Expected purchases in the next period of length t of a customer with history (x, t_x, T) under the Pareto/NBD model
 * (Schmittlein, Morrison & Colombo 1987; Fader, Hardie & Lee's note).
 *
 * E[Y(t) | x, t_x, T] = (r + x) (β + T) / ((α + T) (s - 1)) × [1 - ((β + T) / (β + T + t))^(s-1)] × P(alive | x, t_x, T),
 * with the s = 1 limit ln(1 + t / (β + T)) for the bracket over s - 1.
 *
 * @param params - Pareto/NBD parameters
 * @param customer - `frequency`, `recency` and `T` in the model's time unit
 * @param t - the length of the future period
 * @returns the expected number of purchases in (T, T + t]
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters, a bad customer or a negative t; `OUT_OF_RANGE` for
 *   recency > T or an expectation past the largest double
 *
 * @example
 * ```ts
 * import { paretoNbdConditionalExpectedPurchases } from "cx-metrics";
 * const params = { r: 0.5533, alpha: 10.5793, s: 0.6061, beta: 11.665 };
 * console.log(paretoNbdConditionalExpectedPurchases(params, { frequency: 2, recency: 30.43, T: 38.86 }, 39).toFixed(4));
 * // => 1.4551
 * ```
 */
export function paretoNbdConditionalExpectedPurchases(params: ParetoNbdParams, customer: BgNbdCustomer, t: number): number {
  const metric = "paretoNbdConditionalExpectedPurchases";
  return guard(metric, () => {
    const p = readParetoNbdParams(params, metric, ["params"]);
    const c = readCustomer(customer, metric, ["customer"]);
    const time = checkNonNegative(t, metric, ["t"]);
    const bound = ((p.r + c.frequency) / (p.alpha + c.T)) * time;
    return boundedResult(paretoNbdConditional(p, c, time), bound, metric, "the expected number of purchases");
  });
}

/**
 * The probability that a customer with history (x, t_x, T) is still alive at T under the Pareto/NBD model (Fader,
 * Hardie & Lee's note, eq. 18).
 *
 * P(alive | x, t_x, T) = (α + T)^-(r+x) (β + T)^-s / [(α + T)^-(r+x) (β + T)^-s + s ∫_{t_x}^{T} (α + τ)^-(r+x)
 * (β + τ)^-(s+1) dτ], the share of the likelihood in which the customer is still alive; below 1 for everyone, one-time
 * buyers included, and exactly 1 when recency = T.
 *
 * @param params - Pareto/NBD parameters
 * @param customer - `frequency`, `recency` and `T` in the model's time unit
 * @returns a probability in [0, 1]
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters or a bad customer; `OUT_OF_RANGE` for recency > T
 *
 * @example
 * ```ts
 * import { paretoNbdProbabilityAlive } from "cx-metrics";
 * const params = { r: 0.5533, alpha: 10.5793, s: 0.6061, beta: 11.665 };
 * console.log(paretoNbdProbabilityAlive(params, { frequency: 2, recency: 30.43, T: 38.86 }).toFixed(4));
 * // => 0.8691
 * ```
 */
export function paretoNbdProbabilityAlive(params: ParetoNbdParams, customer: BgNbdCustomer): number {
  const metric = "paretoNbdProbabilityAlive";
  return guard(metric, () => {
    const p = readParetoNbdParams(params, metric, ["params"]);
    const c = readCustomer(customer, metric, ["customer"]);
    return probabilityResult(Math.exp(logProbabilityAlive(p, c)), metric);
  });
}
