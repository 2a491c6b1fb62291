import { checkArrayLike, checkConfidence, checkDecimals, checkOneOf, isArrayLike, readCounts, readOptions } from "../internal/check.js";
import { emptyError, plainError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { tally } from "../internal/tally.js";
import { maybeRound, ratio } from "../internal/round.js";
import {
  checkedEffectiveSize,
  type NpsIntervalMethod,
  npsUncertainty,
  type Uncertainty,
} from "../inference/intervals.js";


const METRIC = "nps";

/** The counts form of an NPS input: how many promoters, passives and detractors answered. */
export interface NpsCounts {
  /** Answers of 9 or 10 (a non-negative integer). */
  promoters: number;
  /** Answers of 7 or 8 (a non-negative integer). */
  passives: number;
  /** Answers of 0 to 6 (a non-negative integer). */
  detractors: number;
}

/** What {@link nps} accepts: an array-like of 0-10 scores, or {@link NpsCounts}. */
export type NpsInput = ArrayLike<number> | NpsCounts;

/** Options of {@link nps}; unknown keys are refused so typos surface. */
export interface NpsOptions {
  /** `weights[i]` is the weight of response `i` (finite, >= 0); counts and totals become weighted sums. */
  weights?: ArrayLike<number> | undefined;
  /** Round the score, percents and interval to this many decimals (0-15), half away from zero. */
  decimals?: number | undefined;
  /** The confidence level of the interval, in (0, 1); default 0.95. */
  confidence?: number | undefined;
  /** `'wald'` (default) or MeasuringU's `'adjusted-wald'`. */
  interval?: NpsIntervalMethod | undefined;
}

/** The checkers of {@link nps}'s options (shared with the SQL builders). */
export const optionCheckers = {
  weights: checkArrayLike,
  decimals: checkDecimals,
  confidence: checkConfidence,
  interval: checkOneOf<NpsIntervalMethod>("wald", "adjusted-wald"),
};

/** The Net Promoter Score and its parts. Percents are on a 0-100 scale, the score on -100..100. */
export interface NpsResult extends Uncertainty {
  /** Always `'nps'`. */
  metric: "nps";
  /** % promoters − % detractors, from −100 to 100. */
  score: number;
  /** Number of responses (Σ weights when weighted). */
  total: number;
  /** Responses of 9 or 10. */
  promoters: number;
  /** Responses of 7 or 8. */
  passives: number;
  /** Responses of 0 to 6. */
  detractors: number;
  /** 100 × promoters / total. */
  promoterPercent: number;
  /** 100 × passives / total. */
  passivePercent: number;
  /** 100 × detractors / total. */
  detractorPercent: number;
  /** Kish's effective sample size (Σw)² / Σw², present for weighted responses. */
  effectiveSampleSize?: number;
}

/**
 * The NPS category of one answer on the 0-10 scale: 9-10 promoter, 7-8 passive, 0-6 detractor (a 6 is a detractor).
 *
 * @param score - an integer from 0 to 10
 * @returns `'promoter'`, `'passive'` or `'detractor'`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a non-integer, `OUT_OF_RANGE` outside 0-10
 *
 * @example
 * ```ts
 * import { npsCategory } from "cx-metrics";
 * console.log(npsCategory(6), npsCategory(8), npsCategory(9));
 * // => detractor passive promoter
 * ```
 */
export function npsCategory(score: number): "promoter" | "passive" | "detractor" {
  if (typeof score !== "number" || !Number.isInteger(score)) {
    throw valueError("INVALID_INPUT", "npsCategory", ["score"], score, "expected an integer");
  }
  if (score < 0 || score > 10) throw valueError("OUT_OF_RANGE", "npsCategory", ["score"], score, "outside 0-10");
  return score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor";
}

/** The validated, trusted tallies an NPS is computed from. */
export interface NpsTally {
  promoters: number;
  passives: number;
  detractors: number;
  total: number;
  /** Σ weights²: equals total when unweighted (for Kish's effective sample size). */
  sumOfSquares: number;
}

/** Reads and validates the input; the public entry point and the accumulators share it. */
export function npsTally(input: unknown, options: NpsOptions): NpsTally {
  if (isArrayLike(input)) {
    const t = tally(input, { min: 0, max: 10, midFrom: 7, highFrom: 9, metric: METRIC, field: "scores" }, options.weights);
    return { promoters: t.high, passives: t.mid, detractors: t.low, total: t.total, sumOfSquares: t.sumOfSquares };
  }
  if (typeof input !== "object" || input === null) {
    throw valueError("INVALID_INPUT", METRIC, ["input"], input, "expected an array of scores or { promoters, passives, detractors }");
  }
  if (options.weights !== undefined) {
    throw plainError("INVALID_INPUT", METRIC, ["options", "weights"], "options.weights applies to scores, not to counts");
  }
  const counts = readCounts(input, ["promoters", "passives", "detractors"], METRIC);
  const total = counts.promoters + counts.passives + counts.detractors;
  return { ...counts, total, sumOfSquares: total };
}

/** What a result is computed with, besides the tallies. */
export interface NpsResultOptions {
  decimals?: number | undefined;
  confidence?: number | undefined;
  interval?: NpsIntervalMethod | undefined;
}

/** Computes the result from trusted tallies. */
export function computeNps(t: NpsTally, options: NpsResultOptions): NpsResult {
  if (!(t.total > 0)) throw emptyError(METRIC, [], "no responses: the NPS of nothing is undefined");
  const decimals = options.decimals;
  const n = checkedEffectiveSize(t.total, t.sumOfSquares, METRIC);
  const score = ratio(t.promoters - t.detractors, t.total, 100, decimals);
  const interval = options.interval ?? "wald";
  const result: NpsResult = {
    metric: "nps",
    score,
    total: t.total,
    promoters: t.promoters,
    passives: t.passives,
    detractors: t.detractors,
    promoterPercent: ratio(t.promoters, t.total, 100, decimals),
    passivePercent: ratio(t.passives, t.total, 100, decimals),
    detractorPercent: ratio(t.detractors, t.total, 100, decimals),
    ...npsUncertainty(t.promoters, t.detractors, t.total, n, options.confidence ?? 0.95, interval, decimals, score),
  };
  if (t.total !== t.sumOfSquares) result.effectiveSampleSize = maybeRound(n, decimals);
  return result;
}

/**
 * Net Promoter Score: the percentage of promoters (9-10) minus the percentage of detractors (0-6) among answers to
 * "how likely are you to recommend us to a friend or colleague?" on a 0-10 scale.
 *
 * NPS = 100 × (promoters − detractors) / responses, computed exactly and rounded once (half away from zero) when
 * `decimals` is given. The result carries its uncertainty: se = 100·√(((pP + pD) − (pP − pD)²) / n) and a Wald interval
 * score ± z·se (or MeasuringU's adjusted Wald), clipped to [−100, 100]; with weights, n is Kish's effective sample size.
 * `smallSample` is true below 30 responses (effective responses when weighted).
 *
 * @param scores - an array or typed array of integer scores 0-10
 * @param options - `weights` (one per score), `decimals`, `confidence` (default 0.95), `interval` (default `'wald'`)
 * @returns the score with its counts and percents
 * @throws {@link CxMetricsError} `INVALID_INPUT` for non-integers, NaN, strings, bad weights or options;
 *   `OUT_OF_RANGE` for a score outside 0-10; `EMPTY_INPUT` when there are no responses
 *
 * @example
 * ```ts
 * import { nps } from "cx-metrics";
 * const result = nps([10, 9, 8, 7, 6, 3]);
 * console.log(result.score, result.promoters, result.detractors);
 * // => 0 2 2
 * console.log(nps({ promoters: 70, passives: 20, detractors: 10 }).score);
 * // => 60
 * ```
 */
export function nps(scores: ArrayLike<number>, options?: NpsOptions): NpsResult;
/**
 * The same metric from counts instead of individual answers.
 *
 * @param counts - promoters, passives and detractors (non-negative integers)
 * @param options - as for the array form (`weights` does not apply)
 * @returns the same result as the array form, without `mean`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for negative or fractional counts, `EMPTY_INPUT` for a zero total
 *
 * @example
 * ```ts
 * import { nps } from "cx-metrics";
 * console.log(nps({ promoters: 120, passives: 45, detractors: 35 }, { decimals: 1 }).score);
 * // => 42.5
 * ```
 */
export function nps(counts: NpsCounts, options?: NpsOptions): NpsResult;
export function nps(input: ArrayLike<number> | NpsCounts, options?: NpsOptions): NpsResult {
  return guard(METRIC, () => {
    const opts = readOptions<NpsOptions>(options, METRIC, optionCheckers);
    return computeNps(npsTally(input, opts), opts);
  });
}
