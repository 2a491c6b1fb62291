import { guard } from "../internal/guard.js";
import {
  type BgNbdCustomer,
  type BgNbdFitOptions,
  type BgNbdFitRow,
  type BgNbdParams,
  betaGeometricLogLikelihood,
  expectedNumerator,
  fitSummaryModel,
  readBgNbdParams,
  readCustomer,
} from "./bg-nbd.js";
import { boundedResult, checkNonNegative, logistic, type ParameterInterval, probabilityResult } from "./shared.js";

const FIT = "fitMbgNbd" as const;

/**
 * MBG/NBD parameters, named as BG/NBD's: r and alpha for the gamma-distributed purchase rates, a and b for the
 * beta-distributed dropout probabilities (all finite and > 0).
 */
export type MbgNbdParams = BgNbdParams;

/** A fitted MBG/NBD model (the shape of {@link BgNbdFit}). */
export interface MbgNbdFit {
  /** Always `'fitMbgNbd'`. */
  metric: "fitMbgNbd";
  /** The maximum-likelihood (or penalized) parameters. */
  params: MbgNbdParams;
  /** The weighted log-likelihood at `params` (without the penalty). */
  logLikelihood: number;
  /** Asymptotic standard errors from the observed information (inverse Hessian, delta method). */
  standardErrors: MbgNbdParams;
  /** 95% confidence interval of each parameter (Wald on the log scale). */
  confidenceIntervals: { r: ParameterInterval; alpha: ParameterInterval; a: ParameterInterval; b: ParameterInterval };
  /** Optimizer iterations used: Nelder-Mead iterations plus Newton steps. */
  iterations: number;
  /** Always true: a fit that does not converge throws instead. */
  converged: boolean;
}

/**
 * Fits the MBG/NBD model ("modified BG/NBD", Batislam, Denizel & Filiztekin 2007) by maximum likelihood.
 *
 * As BG/NBD, but a customer may also drop out at time 0, right after the first purchase, so P(alive) is below 1 for
 * one-time buyers too. The fit maximises Σ w_i ln L_i with
 * L = Γ(r+x) α^r / Γ(r) × B(a, b+x+1) / B(a, b) × (α+T)^-(r+x) × [1 + a / (b+x) × ((α+T)/(α+t_x))^(r+x)]
 * (the likelihood of the lifetimes package's ModifiedBetaGeoFitter), with the options and the result of
 * {@link fitBgNbd}; the penalizer is λ (r² + (α / T_max)² + a² + b²).
 *
 * @param customers - one row per customer (or per group, with `weight`): `frequency`, `recency` and `T`
 * @param options - `penalizer` (default 0), `maxIterations` (default 5000)
 * @returns the parameters, the log-likelihood, standard errors, 95% confidence intervals, the iterations used and
 *   `converged: true`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a bad row, unknown options or a fit that does not converge;
 *   `OUT_OF_RANGE` for recency > T; `EMPTY_INPUT` without rows of positive weight
 *
 * @example
 * ```ts
 * import { fitMbgNbd } from "cx-metrics";
 * const fit = fitMbgNbd([
 *   { frequency: 0, recency: 0, T: 30, weight: 60 },
 *   { frequency: 1, recency: 5, T: 30, weight: 20 },
 *   { frequency: 1, recency: 25, T: 30, weight: 10 },
 *   { frequency: 2, recency: 10, T: 30, weight: 8 },
 *   { frequency: 3, recency: 27, T: 30, weight: 6 },
 *   { frequency: 6, recency: 29, T: 30, weight: 4 },
 *   { frequency: 4, recency: 12, T: 30, weight: 3 },
 * ]);
 * console.log(fit.params.r.toFixed(3), fit.logLikelihood.toFixed(2));
 * // => 2.577 -427.41
 * ```
 */
export function fitMbgNbd(customers: BgNbdFitRow[], options?: BgNbdFitOptions): MbgNbdFit {
  return fitSummaryModel(FIT, ["r", "alpha", "a", "b"] as const, [false, true, false, false], customers, options, (data, theta) => betaGeometricLogLikelihood(data, theta, true));
}

/** ln of the odds that the customer has dropped out: ln a - ln(b+x) + (r+x) ln((α+T)/(α+t_x)). */
function logOddsDead(p: MbgNbdParams, c: BgNbdCustomer): number {
  return Math.log(p.a) - Math.log(p.b + c.frequency) + (p.r + c.frequency) * Math.log1p((c.T - c.recency) / (p.alpha + c.recency));
}

/** BG/NBD's numerator with b + 1 for b: the MBG/NBD expectations are those of BG/NBD after that shift. */
function shifted(p: MbgNbdParams): BgNbdParams {
  return { r: p.r, alpha: p.alpha, a: p.a, b: p.b + 1 };
}

/**
 * Expected purchases of a new customer in a period of length t under the MBG/NBD model (Batislam, Denizel &
 * Filiztekin 2007).
 *
 * E[X(t)] = b / (a - 1) × [1 - (α / (α + t))^r 2F1(r, b + 1; a + b; t / (α + t))], evaluated (as BG/NBD's, with b + 1
 * for b, times b / (a + b)) through Euler's transformation, so a = 1 is no pole.
 *
 * @param params - MBG/NBD parameters `{ r, alpha, a, b }`
 * @param t - the period length, in the unit the model was fitted in
 * @returns the expected number of purchases (0 for t = 0)
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a bad parameter or t; `OUT_OF_RANGE` when the expectation is not
 *   finite for these parameters
 *
 * @example
 * ```ts
 * import { mbgNbdExpectedPurchases } from "cx-metrics";
 * const params = { r: 0.5248, alpha: 6.183, a: 0.8914, b: 1.614 };
 * console.log(mbgNbdExpectedPurchases(params, 39).toFixed(4));
 * // => 1.1822
 * ```
 */
export function mbgNbdExpectedPurchases(params: MbgNbdParams, t: number): number {
  const metric = "mbgNbdExpectedPurchases";
  return guard(metric, () => {
    const p = readBgNbdParams(params, metric, ["params"]);
    const time = checkNonNegative(t, metric, ["t"]);
    const value = (p.b / (p.a + p.b)) * expectedNumerator(shifted(p), 0, 0, time);
    return boundedResult(value, (p.r / p.alpha) * time, metric, "the expected number of purchases");
  });
}

/**
 * Expected purchases in the next period of length t of a customer with history (x, t_x, T) under the MBG/NBD model
 * (Batislam, Denizel & Filiztekin 2007).
 *
 * E[Y(t) | x, t_x, T] = (a + b + x) / (a - 1) × [1 - ((α + T) / (α + T + t))^(r+x) 2F1(r + x, b + x + 1; a + b + x;
 * t / (α + T + t))] / [1 + a / (b + x) × ((α + T) / (α + t_x))^(r+x)].
 *
 * @param params - MBG/NBD parameters
 * @param customer - `frequency`, `recency` and `T` in the model's time unit
 * @param t - the length of the future period
 * @returns the expected number of purchases in (T, T + t]
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters, a bad customer or t; `OUT_OF_RANGE` for recency > T
 *   or a non-finite expectation
 *
 * @example
 * ```ts
 * import { mbgNbdConditionalExpectedPurchases } from "cx-metrics";
 * const params = { r: 0.5248, alpha: 6.183, a: 0.8914, b: 1.614 };
 * console.log(mbgNbdConditionalExpectedPurchases(params, { frequency: 2, recency: 30.43, T: 38.86 }, 39).toFixed(4));
 * // => 1.2626
 * ```
 */
export function mbgNbdConditionalExpectedPurchases(params: MbgNbdParams, customer: BgNbdCustomer, t: number): number {
  const metric = "mbgNbdConditionalExpectedPurchases";
  return guard(metric, () => {
    const p = readBgNbdParams(params, metric, ["params"]);
    const c = readCustomer(customer, metric, ["customer"]);
    const time = checkNonNegative(t, metric, ["t"]);
    const value = expectedNumerator(shifted(p), c.frequency, c.T, time) * logistic(logOddsDead(p, c));
    return boundedResult(value, ((p.r + c.frequency) / (p.alpha + c.T)) * time, metric, "the expected number of purchases");
  });
}

/**
 * The probability that a customer with history (x, t_x, T) is still alive under the MBG/NBD model (Batislam, Denizel
 * & Filiztekin 2007).
 *
 * P(alive | x, t_x, T) = 1 / [1 + a / (b + x) × ((α + T) / (α + t_x))^(r+x)], for every x (one-time buyers included:
 * the difference from BG/NBD, where P(alive) is 1 at x = 0). Computed from the log-odds, so it never overflows.
 *
 * @param params - MBG/NBD parameters
 * @param customer - `frequency`, `recency` and `T` in the model's time unit
 * @returns a probability in [0, 1]
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters or a bad customer; `OUT_OF_RANGE` for recency > T
 *
 * @example
 * ```ts
 * import { mbgNbdProbabilityAlive } from "cx-metrics";
 * const params = { r: 0.5248, alpha: 6.183, a: 0.8914, b: 1.614 };
 * console.log(mbgNbdProbabilityAlive(params, { frequency: 0, recency: 0, T: 38.86 }).toFixed(4));
 * // => 0.3897
 * ```
 */
export function mbgNbdProbabilityAlive(params: MbgNbdParams, customer: BgNbdCustomer): number {
  const metric = "mbgNbdProbabilityAlive";
  return guard(metric, () => {
    const p = readBgNbdParams(params, metric, ["params"]);
    const c = readCustomer(customer, metric, ["customer"]);
    return probabilityResult(logistic(logOddsDead(p, c)), metric);
  });
}
