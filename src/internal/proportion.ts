import { checkArrayLike, checkConfidence, checkDecimals, checkOneOf, checkScale, isArrayLike, readCounts } from "./check.js";
import { emptyError, plainError, valueError } from "./fail.js";
import { tally } from "./tally.js";
import { maybeRound, ratio } from "./round.js";
import {
  checkedEffectiveSize,
  type ProportionIntervalMethod,
  proportionUncertainty,
  type Uncertainty,
} from "../inference/intervals.js";

// CSAT and CES are the same computation: the share of ratings at or past a threshold on an integer scale.

/** Options common to the share-of-ratings metrics (`csat`, `ces`). */
export interface ProportionOptions {
  /** The rating scale `[min, max]` (integers, min < max); default `[1, 5]`. */
  scale?: [number, number] | undefined;
  /** `weights[i]` is the weight of rating `i` (finite, >= 0); counts and totals become weighted sums. */
  weights?: ArrayLike<number> | undefined;
  /** Round the score, mean and interval to this many decimals (0-15), half away from zero. */
  decimals?: number | undefined;
  /** The confidence level of the interval, in (0, 1); default 0.95. */
  confidence?: number | undefined;
  /** `'wilson'` (default) or `'wald'`. */
  interval?: ProportionIntervalMethod | undefined;
}

/** Trusted tallies. */
export interface ProportionTally {
  hits: number;
  total: number;
  sumOfSquares: number;
  /** Σ rating × weight, when ratings were given. */
  sumOfValues?: number;
}

export interface ProportionSpec {
  metric: string;
  hitKey: string;
  scale: [number, number];
  /** Ratings counted as hits are those >= threshold (or <= threshold when `downward`). */
  threshold: number;
  downward: boolean;
}

/** True when a threshold lies on the scale. */
export function withinScale(value: number, scale: readonly [number, number]): boolean {
  return value >= scale[0] && value <= scale[1];
}

/** Validates a threshold option against the scale (INVALID_INPUT outside it). */
export function checkThreshold(metric: string, name: string, value: number, scale: [number, number]): number {
  if (!withinScale(value, scale)) {
    throw valueError("INVALID_INPUT", metric, ["options", name], value, `expected an integer within the scale ${scale[0]}-${scale[1]}`);
  }
  return value;
}

/** The checkers of the options every share-of-ratings metric has. */
export const proportionCheckers = {
  scale: checkScale,
  weights: checkArrayLike,
  decimals: checkDecimals,
  confidence: checkConfidence,
  interval: checkOneOf<ProportionIntervalMethod>("wilson", "wald"),
};

export function proportionTally(
  input: unknown,
  spec: ProportionSpec,
  weights: ArrayLike<number> | undefined,
): ProportionTally {
  const [min, max] = spec.scale;
  if (isArrayLike(input)) {
    // One cut point: ratings at or past it are "high"; downward, ratings up to it are "low".
    const cut = spec.downward ? spec.threshold + 1 : spec.threshold;
    const t = tally(input, { min, max, midFrom: cut, highFrom: cut, metric: spec.metric, field: "ratings" }, weights);
    const hits = spec.downward ? t.low : t.high;
    return { hits, total: t.total, sumOfSquares: t.sumOfSquares, sumOfValues: t.sumOfValues };
  }
  if (typeof input !== "object" || input === null) {
    throw valueError("INVALID_INPUT", spec.metric, ["input"], input, `expected an array of ratings or { ${spec.hitKey}, total }`);
  }
  if (weights !== undefined) {
    throw plainError("INVALID_INPUT", spec.metric, ["options", "weights"], "options.weights applies to ratings, not to counts");
  }
  const c = readCounts(input, [spec.hitKey, "total"], spec.metric);
  const hits = c[spec.hitKey]!;
  const total = c.total!;
  if (hits > total) {
    throw valueError("INVALID_INPUT", spec.metric, ["counts", spec.hitKey], hits, `expected ${spec.hitKey} <= total`);
  }
  return { hits, total, sumOfSquares: total };
}

/** What a result is computed with, besides the tallies. */
export interface ProportionResultOptions {
  decimals?: number | undefined;
  confidence?: number | undefined;
  interval?: ProportionIntervalMethod | undefined;
}

/** The shared part of a CSAT or CES result. */
export interface ProportionCore extends Uncertainty {
  score: number;
  total: number;
  mean?: number;
  effectiveSampleSize?: number;
}

export function computeProportion(t: ProportionTally, spec: ProportionSpec, options: ProportionResultOptions): ProportionCore {
  if (!(t.total > 0)) throw emptyError(spec.metric, [], "no responses: the share of nothing is undefined");
  const decimals = options.decimals;
  const n = checkedEffectiveSize(t.total, t.sumOfSquares, spec.metric, t.sumOfValues);
  const score = ratio(t.hits, t.total, 100, decimals);
  const core: ProportionCore = {
    score,
    total: t.total,
    ...proportionUncertainty(t.hits, t.total, n, options.confidence ?? 0.95, options.interval ?? "wilson", decimals, score),
  };
  if (t.sumOfValues !== undefined) core.mean = ratio(t.sumOfValues, t.total, 1, decimals);
  if (t.total !== t.sumOfSquares) core.effectiveSampleSize = maybeRound(n, decimals);
  return core;
}
