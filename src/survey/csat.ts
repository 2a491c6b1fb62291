import { checkInteger, readOptions } from "../internal/check.js";
import type { Uncertainty } from "../inference/intervals.js";
import { guard } from "../internal/guard.js";
import {
  checkThreshold,
  computeProportion,
  type ProportionResultOptions,
  type ProportionSpec,
  type ProportionTally,
  type ProportionOptions,
  proportionCheckers,
  proportionTally,
} from "../internal/proportion.js";

const METRIC = "csat";

/** Satisfied responses out of all responses: the counts form of a CSAT input. */
export interface CsatCounts {
  /** Satisfied responses (a non-negative integer, at most `total`). */
  satisfied: number;
  /** All responses (a non-negative integer). */
  total: number;
}

/** What {@link csat} accepts: an array-like of ratings or {@link CsatCounts}. */
export type CsatInput = ArrayLike<number> | CsatCounts;

/** Options of {@link csat}; unknown keys are refused. */
export interface CsatOptions extends ProportionOptions {
  /** The lowest rating counted as satisfied; defaults to the top two boxes on scales of 5+ points, else the top box. */
  satisfiedFrom?: number | undefined;
}

/** The checkers of {@link csat}'s options (shared with the SQL builders). */
export const optionCheckers = {
  scale: proportionCheckers.scale,
  weights: proportionCheckers.weights,
  decimals: proportionCheckers.decimals,
  confidence: proportionCheckers.confidence,
  interval: proportionCheckers.interval,
  satisfiedFrom: checkInteger,
};

/** Customer satisfaction: the percent of satisfied responses. */
export interface CsatResult extends Uncertainty {
  /** Always `'csat'`. */
  metric: "csat";
  /** 100 × satisfied / total, from 0 to 100. */
  score: number;
  /** Satisfied responses (Σ weights when weighted). */
  satisfied: number;
  /** All responses (Σ weights when weighted). */
  total: number;
  /** The mean rating, present when ratings (not counts) were given. */
  mean?: number;
  /** The rating scale used. */
  scale: [number, number];
  /** Kish's effective sample size (Σw)² / Σw², present for weighted responses. */
  effectiveSampleSize?: number;
}

/** The default threshold: top two boxes on scales of five or more points, the top box on shorter ones. */
export function defaultSatisfiedFrom([min, max]: [number, number]): number {
  return max - min + 1 >= 5 ? max - 1 : max;
}

/** Resolves options into the computation's spec (shared with the accumulator). */
export function csatSpec(options: CsatOptions): ProportionSpec {
  const scale: [number, number] = options.scale === undefined ? [1, 5] : [options.scale[0], options.scale[1]];
  const threshold =
    options.satisfiedFrom === undefined
      ? defaultSatisfiedFrom(scale)
      : checkThreshold(METRIC, "satisfiedFrom", options.satisfiedFrom, scale);
  return { metric: METRIC, hitKey: "satisfied", scale, threshold, downward: false };
}

/** Computes the result from trusted tallies. */
export function computeCsat(t: ProportionTally, spec: ProportionSpec, options: ProportionResultOptions): CsatResult {
  const { score, total, mean, effectiveSampleSize, ...uncertainty } = computeProportion(t, spec, options);
  const result: CsatResult = { metric: "csat", score, satisfied: t.hits, total, scale: spec.scale, ...uncertainty };
  if (mean !== undefined) result.mean = mean;
  if (effectiveSampleSize !== undefined) result.effectiveSampleSize = effectiveSampleSize;
  return result;
}

/**
 * Customer Satisfaction score: the percent of responses that are satisfied.
 *
 * CSAT = 100 × satisfied responses / responses, where satisfied means a rating of `satisfiedFrom` or more (by default
 * 4-5 on a 1-5 scale, 9-10 on 1-10, 3 on 1-3). Computed exactly, rounded once when `decimals` is given.
 *
 * The result carries its uncertainty: se = 100·√(p(1 − p)/n) and Wilson's score interval (or Wald's), clipped to
 * [0, 100]; with weights, n is Kish's effective sample size. `smallSample` is true below 30 responses (effective
 * responses when weighted).
 *
 * @param ratings - an array or typed array of integer ratings on the scale
 * @param options - `scale` (default `[1, 5]`), `satisfiedFrom`, `weights`, `decimals`, `confidence` (default 0.95), `interval` (default `'wilson'`)
 * @returns the score, the counts, the scale and (for ratings) the mean rating
 * @throws {@link CxMetricsError} `INVALID_INPUT` for non-integers, bad weights, an inverted scale or a threshold outside
 *   it, `satisfied > total`; `OUT_OF_RANGE` for a rating outside the scale; `EMPTY_INPUT` without responses
 *
 * @example
 * ```ts
 * import { csat } from "cx-metrics";
 * const result = csat([5, 4, 3, 5, 2]);
 * console.log(result.score, result.satisfied, result.mean);
 * // => 60 3 3.8
 * console.log(csat({ satisfied: 45, total: 60 }).score);
 * // => 75
 * ```
 */
export function csat(ratings: ArrayLike<number>, options?: CsatOptions): CsatResult;
/**
 * The same metric from counts instead of individual answers.
 *
 * @param counts - satisfied responses and all responses (non-negative integers, satisfied <= total)
 * @param options - as for the array form (`weights` does not apply)
 * @returns the same result as the array form, without `mean`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for negative or fractional counts, `EMPTY_INPUT` for a zero total
 *
 * @example
 * ```ts
 * import { csat } from "cx-metrics";
 * console.log(csat({ satisfied: 45, total: 60 }).score);
 * // => 75
 * ```
 */
export function csat(counts: CsatCounts, options?: CsatOptions): CsatResult;
export function csat(input: CsatInput, options?: CsatOptions): CsatResult {
  return guard(METRIC, () => {
    const opts = readOptions<CsatOptions>(options, METRIC, optionCheckers);
    const spec = csatSpec(opts);
    return computeCsat(proportionTally(input, spec, opts.weights), spec, opts);
  });
}
