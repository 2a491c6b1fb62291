import { checkBoolean, checkInteger, readOptions } from "../internal/check.js";
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

const METRIC = "ces";

/** Easy responses out of all responses: the counts form of a CES input. */
export interface CesCounts {
  /** Responses on the easy side of the threshold (a non-negative integer, at most `total`). */
  agree: number;
  /** All responses (a non-negative integer). */
  total: number;
}

/** What {@link ces} accepts: an array-like of ratings or {@link CesCounts}. */
export type CesInput = ArrayLike<number> | CesCounts;

/** Options of {@link ces}; unknown keys are refused. */
export interface CesOptions extends ProportionOptions {
  /**
   * The threshold of an easy answer: ratings of `agreeFrom` or more count (or, with `lowerIsEasier`, ratings of
   * `agreeFrom` or less). Defaults to the first value past the midpoint on the easy side (4 on 1-5; 2 with `lowerIsEasier`).
   */
  agreeFrom?: number | undefined;
  /** For effort-worded questions where 1 means very little effort: the easy answers are then the low ones. */
  lowerIsEasier?: boolean | undefined;
}

/** The checkers of {@link ces}'s options (shared with the SQL builders). */
export const optionCheckers = {
  scale: proportionCheckers.scale,
  weights: proportionCheckers.weights,
  decimals: proportionCheckers.decimals,
  confidence: proportionCheckers.confidence,
  interval: proportionCheckers.interval,
  agreeFrom: checkInteger,
  lowerIsEasier: checkBoolean,
};

/** Customer Effort Score: the percent of responses that found it easy. */
export interface CesResult extends Uncertainty {
  /** Always `'ces'`. */
  metric: "ces";
  /** 100 × agree / total, from 0 to 100. */
  score: number;
  /** Responses on the easy side of the threshold (Σ weights when weighted). */
  agree: number;
  /** All responses (Σ weights when weighted). */
  total: number;
  /** The mean rating, present when ratings (not counts) were given. */
  mean?: number;
  /** The rating scale used. */
  scale: [number, number];
  /** Kish's effective sample size (Σw)² / Σw², present for weighted responses. */
  effectiveSampleSize?: number;
}

/** Resolves options into the computation's spec (shared with the accumulator). */
export function cesSpec(options: CesOptions): ProportionSpec {
  const scale: [number, number] = options.scale === undefined ? [1, 5] : [options.scale[0], options.scale[1]];
  const downward = options.lowerIsEasier === true;
  const midpoint = (scale[0] + scale[1]) / 2;
  const threshold =
    options.agreeFrom === undefined
      ? downward
        ? Math.ceil(midpoint) - 1
        : Math.floor(midpoint) + 1
      : checkThreshold(METRIC, "agreeFrom", options.agreeFrom, scale);
  return { metric: METRIC, hitKey: "agree", scale, threshold, downward };
}

/** Computes the result from trusted tallies. */
export function computeCes(t: ProportionTally, spec: ProportionSpec, options: ProportionResultOptions): CesResult {
  const { score, total, mean, effectiveSampleSize, ...uncertainty } = computeProportion(t, spec, options);
  const result: CesResult = { metric: "ces", score, agree: t.hits, total, scale: spec.scale, ...uncertainty };
  if (mean !== undefined) result.mean = mean;
  if (effectiveSampleSize !== undefined) result.effectiveSampleSize = effectiveSampleSize;
  return result;
}

/**
 * Customer Effort Score: the percent of responses agreeing that dealing with you was easy.
 *
 * CES = 100 × responses choosing 4-5 / responses on the 1-5 agreement scale ("It was easy to ..."). Other scales
 * count the answers past the midpoint (5-7 on the 1-7 CES 2.0 scale); `lowerIsEasier` counts the ones below it.
 *
 * The result carries its uncertainty: se = 100·√(p(1 − p)/n) and Wilson's score interval (or Wald's), clipped to
 * [0, 100]; with weights, n is Kish's effective sample size. `smallSample` is true below 30 responses (effective
 * responses when weighted).
 *
 * @param ratings - an array or typed array of integer ratings on the scale
 * @param options - `scale` (default `[1, 5]`), `agreeFrom`, `lowerIsEasier`, `weights`, `decimals`, `confidence` (default 0.95), `interval` (default `'wilson'`)
 * @returns the score, the counts, the scale and (for ratings) the mean rating
 * @throws {@link CxMetricsError} `INVALID_INPUT` for non-integers, bad weights, an inverted scale or a threshold outside
 *   it, `agree > total`; `OUT_OF_RANGE` for a rating outside the scale; `EMPTY_INPUT` without responses
 *
 * @example
 * ```ts
 * import { ces } from "cx-metrics";
 * console.log(ces([5, 4, 4, 3, 1]).score);
 * // => 60
 * console.log(ces([1, 2, 5, 4], { lowerIsEasier: true }).score);
 * // => 50
 * ```
 */
export function ces(ratings: ArrayLike<number>, options?: CesOptions): CesResult;
/**
 * The same metric from counts instead of individual answers.
 *
 * @param counts - easy responses and all responses (non-negative integers, agree <= total)
 * @param options - as for the array form (`weights` does not apply)
 * @returns the same result as the array form, without `mean`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for negative or fractional counts, `EMPTY_INPUT` for a zero total
 *
 * @example
 * ```ts
 * import { ces } from "cx-metrics";
 * console.log(ces({ agree: 30, total: 48 }, { decimals: 1 }).score);
 * // => 62.5
 * ```
 */
export function ces(counts: CesCounts, options?: CesOptions): CesResult;
export function ces(input: CesInput, options?: CesOptions): CesResult {
  return guard(METRIC, () => {
    const opts = readOptions<CesOptions>(options, METRIC, optionCheckers);
    const spec = cesSpec(opts);
    return computeCes(proportionTally(input, spec, opts.weights), spec, opts);
  });
}
