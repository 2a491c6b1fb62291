import { plainError } from "../internal/fail.js";
import { maybeRound } from "../internal/round.js";
import { normalUpperQuantile } from "../internal/normal.js";

/** A two-sided confidence interval on the result's own scale. */
export interface ConfidenceInterval {
  /** The lower bound. */
  lower: number;
  /** The upper bound. */
  upper: number;
  /** The confidence level, e.g. 0.95. */
  level: number;
}

/**
 * Below this sample size (the effective sample size when weighted) a survey result is flagged `smallSample`: the
 * normal approximation behind its interval is then rough, and the interval can be far narrower or wider than the truth.
 */
export const SMALL_SAMPLE_SIZE = 30;

/** The uncertainty every survey result carries. */
export interface Uncertainty {
  /** The standard error of the score, on the score's scale. */
  standardError: number;
  /** Half the width of the confidence interval. */
  marginOfError: number;
  /**
   * The confidence interval, clipped to the score's range.
   *
   * The Wald interval (NPS and proportions) and Wilson's (proportions) always contain the score, but Wald's collapses to
   * the score itself when every answer is alike (one promoter: [100, 100]). The adjusted-Wald NPS interval is centred on
   * the adjusted score (0.75 promoters, 1.5 passives and 0.75 detractors added), not on the score, so with few
   * responses or a score near ±100 it may exclude the score: one promoter gives a score of 100 and [−48.5, 98.5].
   */
  confidenceInterval: ConfidenceInterval;
  /**
   * True when the sample (the effective sample size when weighted) is smaller than 30 responses: the interval then
   * rests on a rough normal approximation and the score should be read as indicative, not as certain.
   */
  smallSample: boolean;
}

const zCache = new Map<number, number>();

/** The critical z of a two-sided interval, cached per level (levels repeat across results). */
export function criticalZ(confidence: number): number {
  let z = zCache.get(confidence);
  if (z === undefined) {
    z = normalUpperQuantile((1 - confidence) / 2);
    if (zCache.size > 64) zCache.clear();
    zCache.set(confidence, z);
  }
  return z;
}

function clip(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

/** How an interval was computed, for {@link uncertainty}. */
interface Interval {
  se: number;
  lower: number;
  upper: number;
  margin: number;
  /** The result's score (rounded as the result is) when the method's interval contains it (every one but adjusted Wald). */
  contains: number | undefined;
}

function uncertainty(i: Interval, confidence: number, decimals: number | undefined, n: number): Uncertainty {
  let lower = maybeRound(i.lower, decimals);
  let upper = maybeRound(i.upper, decimals);
  // The bounds and the score are rounded from different computations (the score exactly): where the interval is a
  // point or nearly so, a last-place difference must not leave the score outside an interval that contains it.
  if (i.contains !== undefined) {
    lower = Math.min(lower, i.contains);
    upper = Math.max(upper, i.contains);
  }
  return {
    standardError: maybeRound(i.se, decimals),
    marginOfError: maybeRound(i.margin, decimals),
    confidenceInterval: { lower, upper, level: confidence },
    smallSample: n < SMALL_SAMPLE_SIZE,
  };
}

/** NPS interval methods: Wald, or MeasuringU's adjusted Wald. */
export type NpsIntervalMethod = "wald" | "adjusted-wald";

/**
 * Per-response variance of the NPS on the −1..1 scale: (pP + pD) − (pP − pD)², never negative.
 */
export function npsVariance(promoters: number, detractors: number, total: number): number {
  const pP = promoters / total;
  const pD = detractors / total;
  return Math.max(pP + pD - (pP - pD) ** 2, 0);
}

/** Kish's effective sample size (Σw)² / Σw²; n itself when unweighted. */
export function effectiveSize(total: number, sumOfSquares: number): number {
  return total === sumOfSquares ? total : (total * total) / sumOfSquares;
}

/**
 * The effective sample size of trusted tallies, or OUT_OF_RANGE when weights so large (or so small) that their sums or
 * squares leave the range of a double would make it meaningless (Infinity, or 0 / 0).
 */
export function checkedEffectiveSize(total: number, sumOfSquares: number, metric: string, sumOfValues = 0): number {
  const n = effectiveSize(total, sumOfSquares);
  if (!(Number.isFinite(total) && Number.isFinite(sumOfValues) && n > 0 && Number.isFinite(n))) {
    throw plainError(
      "OUT_OF_RANGE",
      metric,
      ["options", "weights"],
      "options.weights are too large or too small: their sums or squares leave the range of a double",
    );
  }
  return n;
}

/**
 * The NPS's standard error and interval. Wald: score ± z·se with se = 100·√(var / n). Adjusted Wald: 0.75 is added to
 * promoters and detractors and 1.5 to passives (n + 3), and the interval is centred on that adjusted score.
 */
export function npsUncertainty(
  promoters: number,
  detractors: number,
  total: number,
  n: number,
  confidence: number,
  method: NpsIntervalMethod,
  decimals: number | undefined,
  score: number,
): Uncertainty {
  const z = criticalZ(confidence);
  // Shares are taken on the weighted totals, then applied to the effective sample size.
  let p = (promoters / total) * n;
  let d = (detractors / total) * n;
  let size = n;
  if (method === "adjusted-wald") {
    p += 0.75;
    d += 0.75;
    size += 3;
  }
  const centre = (100 * (p - d)) / size;
  const se = 100 * Math.sqrt(npsVariance(p, d, size) / size);
  const margin = z * se;
  const interval = {
    se,
    lower: clip(centre - margin, -100, 100),
    upper: clip(centre + margin, -100, 100),
    margin,
    contains: method === "wald" ? score : undefined,
  };
  return uncertainty(interval, confidence, decimals, n);
}

/** Proportion interval methods. */
export type ProportionIntervalMethod = "wilson" | "wald";

/**
 * A percent's standard error 100·√(p(1 − p)/n) and its interval: Wilson's score interval by default, or Wald's p ± z·se.
 * Wilson's bounds are the roots of (1 + z²/n)·t² − (2p + z²/n)·t + p² = 0; the larger is a sum, and the smaller is
 * taken as p² / ((1 + z²/n) × the larger) rather than as a difference, so it keeps its digits near 0%.
 */
export function proportionUncertainty(
  hits: number,
  total: number,
  n: number,
  confidence: number,
  method: ProportionIntervalMethod,
  decimals: number | undefined,
  score: number,
): Uncertainty {
  const z = criticalZ(confidence);
  const p = hits / total;
  const q = (total - hits) / total;
  const se = Math.sqrt((p * q) / n);
  if (method === "wald") {
    const margin = 100 * z * se;
    const interval = { se: 100 * se, lower: clip(100 * p - margin, 0, 100), upper: clip(100 * p + margin, 0, 100), margin, contains: score };
    return uncertainty(interval, confidence, decimals, n);
  }
  const z2n = (z * z) / n;
  const shrink = 1 + z2n;
  const half = (z / shrink) * Math.sqrt((p * q) / n + z2n / (4 * n));
  const larger = (p + z2n / 2) / shrink + half;
  // At p = 0 and p = 1 the bound is exact (also where z is so small that the quotient would be 0 / 0).
  const lower = p === 0 ? 0 : clip((100 * p * p) / (shrink * larger), 0, 100);
  const upper = q === 0 ? 100 : clip(100 * larger, 0, 100);
  return uncertainty({ se: 100 * se, lower, upper, margin: (upper - lower) / 2, contains: score }, confidence, decimals, n);
}
