import * as z from "zod/mini";
import { emptyError, parseWith, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { logBeta, logGammaRatio } from "../internal/special.js";
import { checkNonNegative, checkPositive, checkRecord, fitLogParameters, fitOptionsShape, positiveParameter } from "./shared.js";

const FIT = "fitShiftedBetaGeometric";

/** Shifted-beta-geometric parameters: each customer's churn probability per period is Beta(alpha, beta). */
export const SbgParamsSchema = /* @__PURE__ */ (() =>
  z.object({ alpha: positiveParameter, beta: positiveParameter }))();

/** Shifted-beta-geometric parameters (finite and > 0). */
export type SbgParams = { alpha: number; beta: number };

/**
 * Survivor counts of one cohort: the cohort size, then the customers still active at the end of each period
 * (finite, non-negative, non-increasing, the first > 0).
 */
export const SbgSurvivorsSchema = /* @__PURE__ */ (() =>
  z.array(
  z.number().check(z.refine((v) => Number.isFinite(v) && v >= 0, { error: "expected a finite number >= 0" })),
))();

/** Options of {@link fitShiftedBetaGeometric}; unknown keys are refused. */
export const SbgFitOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(fitOptionsShape))();

/** Options of {@link fitShiftedBetaGeometric}. */
export type SbgFitOptions = z.infer<typeof SbgFitOptionsSchema>;

/** A fitted shifted-beta-geometric model. */
export interface SbgFit {
  /** Always `'fitShiftedBetaGeometric'`. */
  metric: "fitShiftedBetaGeometric";
  /** The maximum-likelihood (or penalized) parameters. */
  params: SbgParams;
  /** Σ_t lost_t ln P(T = t) + survivors_n ln S(n), without the multinomial constant. */
  logLikelihood: number;
  /** Asymptotic standard errors from the observed information (inverse Hessian, delta method). */
  standardErrors: SbgParams;
  /** Optimizer iterations used: Nelder-Mead iterations plus Newton steps. */
  iterations: number;
  /** Always true: a fit that does not converge throws instead. */
  converged: boolean;
}

function readSurvivors(survivors: unknown): number[] {
  if (!Array.isArray(survivors)) throw valueError("INVALID_INPUT", FIT, ["survivors"], survivors, "expected an array of survivor counts");
  const counts: number[] = [];
  for (let i = 0; i < survivors.length; i++) {
    const v = checkNonNegative(survivors[i], FIT, ["survivors", i]);
    if (i === 0 && v === 0) throw emptyError(FIT, ["survivors", 0], "survivors[0] is 0: the cohort is empty");
    if (i > 0 && v > counts[i - 1]!) {
      throw valueError("OUT_OF_RANGE", FIT, ["survivors", i], v, `expected at most survivors[${i - 1}] (${counts[i - 1]})`);
    }
    counts.push(v);
  }
  if (counts.length < 2) {
    throw emptyError(FIT, ["survivors"], "survivors needs the cohort size and at least one later count");
  }
  return counts;
}

/** ln P(T = t) = ln B(α + 1, β + t - 1) - ln B(α, β), the probability of churning in period t >= 1. */
function logChurnAt(alpha: number, beta: number, t: number): number {
  return logBeta(alpha + 1, beta + t - 1) - logBeta(alpha, beta);
}

/**
 * ln S(t) = ln B(α, β + t) - ln B(α, β) = [ln Γ(β + t) - ln Γ(α + β + t)] - [ln Γ(β) - ln Γ(α + β)], the probability
 * of surviving past period t; each bracket is one log-gamma ratio, so a t of 1e17 or 1e308 loses no digits.
 */
function logSurvival(alpha: number, beta: number, t: number): number {
  const late = beta + t;
  // β + t past the largest double: ln Γ(x) - ln Γ(x + α) = -α ln x to double precision there, with ln x = ln t + ln(1 + β/t).
  const head = Number.isFinite(late) ? logGammaRatio(late, alpha) : -alpha * (Math.log(t) + Math.log1p(beta / t));
  let log = head - logGammaRatio(beta, alpha);
  // A huge α overflows ln Γ(β + α); the same ratio regrouped by t, [ln Γ(α+β) - ln Γ(α+β+t)] - [ln Γ(β) - ln Γ(β+t)],
  // does not. When both α and t are that large, S is far below the smallest double.
  if (Number.isNaN(log)) log = logGammaRatio(alpha + beta, t) - logGammaRatio(beta, t);
  if (Number.isNaN(log)) return Number.NEGATIVE_INFINITY;
  return Math.min(log, 0);
}

/**
 * Fits the shifted-beta-geometric (sBG) retention model of Fader & Hardie (2007), "How to project customer retention",
 * by maximum likelihood.
 *
 * Each customer churns at the end of a period with probability θ ~ Beta(α, β), so P(T = t) = B(α + 1, β + t - 1) /
 * B(α, β) and S(t) = B(α, β + t) / B(α, β). With survivors s_0, ..., s_n the log-likelihood (without the multinomial
 * constant) is Σ_{t=1}^{n} (s_{t-1} - s_t) ln P(T = t) + s_n ln S(n), maximised over ln α and ln β (Nelder-Mead, then Newton steps).
 *
 * @param survivors - the cohort size, then the customers still active after each period (non-increasing counts, or
 *   any non-negative numbers proportional to them)
 * @param options - `penalizer` (default 0), `maxIterations` (default 5000)
 * @returns α, β, the log-likelihood, standard errors, the iterations used and `converged: true`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a negative or non-finite count, bad options, or a fit that does not
 *   converge (as when nobody churns); `OUT_OF_RANGE` for a count above the previous one; `EMPTY_INPUT` for an empty
 *   cohort or fewer than two counts
 *
 * @example
 * ```ts
 * import { fitShiftedBetaGeometric } from "cx-metrics";
 * const fit = fitShiftedBetaGeometric([1000, 631, 468, 382, 326, 289, 262, 241]);
 * console.log(fit.params.alpha.toFixed(3), fit.params.beta.toFixed(3));
 * // => 0.704 1.182
 * ```
 */
export function fitShiftedBetaGeometric(survivors: number[], options?: SbgFitOptions): SbgFit {
  return guard(FIT, () => {
    const opts = parseWith(SbgFitOptionsSchema, options ?? {}, FIT, "options");
    const s = readSurvivors(survivors);
    const n = s.length - 1;
    const logLikelihood = ([alpha, beta]: number[]): number => {
      let ll = 0;
      for (let t = 1; t <= n; t++) {
        const lost = s[t - 1]! - s[t]!;
        if (lost > 0) ll += lost * logChurnAt(alpha!, beta!, t);
      }
      return s[n]! > 0 ? ll + s[n]! * logSurvival(alpha!, beta!, n) : ll;
    };
    const outcome = fitLogParameters({
      metric: FIT,
      names: ["alpha", "beta"],
      totalWeight: s[0]!,
      logLikelihood,
      start: [1, 1],
      scales: [1, 1],
      penalizer: opts.penalizer ?? 0,
      maxIterations: opts.maxIterations ?? 5000,
    });
    const [alpha, beta] = outcome.params as [number, number];
    const [sAlpha, sBeta] = outcome.standardErrors as [number, number];
    return {
      metric: FIT,
      params: { alpha, beta },
      logLikelihood: outcome.logLikelihood,
      standardErrors: { alpha: sAlpha, beta: sBeta },
      iterations: outcome.iterations,
      converged: outcome.converged,
    };
  });
}

function readSbgParams(value: unknown, metric: string): SbgParams {
  const p = checkRecord(value, metric, ["params"], "expected sBG parameters { alpha, beta }");
  return { alpha: checkPositive(p.alpha, metric, ["params", "alpha"]), beta: checkPositive(p.beta, metric, ["params", "beta"]) };
}

/**
 * The probability that a customer of the cohort is still active after t periods under the shifted-beta-geometric model
 * (Fader & Hardie 2007).
 *
 * S(t) = B(α, β + t) / B(α, β), computed in log space; S(0) = 1. Non-integer t interpolates smoothly.
 *
 * @param params - fitted sBG parameters
 * @param t - periods elapsed, a finite number >= 0
 * @returns a probability in [0, 1]
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a parameter that is not a finite number > 0 or a negative or
 *   non-finite t
 *
 * @example
 * ```ts
 * import { sbgSurvival } from "cx-metrics";
 * console.log(sbgSurvival({ alpha: 0.704, beta: 1.182 }, 7).toFixed(3));
 * // => 0.239
 * ```
 */
export function sbgSurvival(params: SbgParams, t: number): number {
  const metric = "sbgSurvival";
  return guard(metric, () => {
    const p = readSbgParams(params, metric);
    const time = checkNonNegative(t, metric, ["t"]);
    return Math.exp(logSurvival(p.alpha, p.beta, time));
  });
}

/**
 * The retention rate of period t under the shifted-beta-geometric model (Fader & Hardie 2007, eq. 4): the share of the
 * customers active after period t - 1 who are still active after period t.
 *
 * r(t) = S(t) / S(t - 1) = (β + t - 1) / (α + β + t - 1), rising with t as the customers most prone to churn leave.
 *
 * @param params - fitted sBG parameters
 * @param t - the period, a finite number >= 1
 * @returns a rate in [0, 1] (inside (0, 1) unless it is closer to 0 or 1 than a double can show)
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters or a non-finite t; `OUT_OF_RANGE` for t < 1
 *
 * @example
 * ```ts
 * import { sbgRetentionRate } from "cx-metrics";
 * const params = { alpha: 0.704, beta: 1.182 };
 * console.log(sbgRetentionRate(params, 1).toFixed(3), sbgRetentionRate(params, 8).toFixed(3));
 * // => 0.627 0.921
 * ```
 */
export function sbgRetentionRate(params: SbgParams, t: number): number {
  const metric = "sbgRetentionRate";
  return guard(metric, () => {
    const p = readSbgParams(params, metric);
    if (typeof t !== "number" || !Number.isFinite(t)) throw valueError("INVALID_INPUT", metric, ["t"], t, "expected a finite number >= 1");
    if (t < 1) throw valueError("OUT_OF_RANGE", metric, ["t"], t, "expected a finite number >= 1");
    // 1 / (1 + α / (β + (t - 1))): t - 1 first, so a tiny β is not absorbed by t, and no ratio of two infinities.
    return 1 / (1 + p.alpha / (p.beta + (t - 1)));
  });
}
