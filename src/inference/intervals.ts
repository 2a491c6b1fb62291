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

/** The uncertainty every survey result carries. */
export interface Uncertainty {
  /** The standard error of the score, on the score's scale. */
  standardError: number;
  /** Half the width of the confidence interval. */
  marginOfError: number;
  /** The confidence interval, clipped to the score's range. */
  confidenceInterval: ConfidenceInterval;
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

function uncertainty(
  se: number,
  lower: number,
  upper: number,
  margin: number,
  confidence: number,
  decimals: number | undefined,
): Uncertainty {
  return {
    standardError: maybeRound(se, decimals),
    marginOfError: maybeRound(margin, decimals),
    confidenceInterval: { lower: maybeRound(lower, decimals), upper: maybeRound(upper, decimals), level: confidence },
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
  return uncertainty(se, clip(centre - margin, -100, 100), clip(centre + margin, -100, 100), margin, confidence, decimals);
}

/** Proportion interval methods. */
export type ProportionIntervalMethod = "wilson" | "wald";

/**
 * A percent's standard error 100·√(p(1 − p)/n) and its interval: Wilson's score interval by default, or Wald's p ± z·se.
 */
export function proportionUncertainty(
  hits: number,
  total: number,
  n: number,
  confidence: number,
  method: ProportionIntervalMethod,
  decimals: number | undefined,
): Uncertainty {
  const z = criticalZ(confidence);
  const p = hits / total;
  const se = Math.sqrt((p * (1 - p)) / n);
  if (method === "wald") {
    const margin = 100 * z * se;
    return uncertainty(100 * se, clip(100 * p - margin, 0, 100), clip(100 * p + margin, 0, 100), margin, confidence, decimals);
  }
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  const lower = clip(100 * (centre - half), 0, 100);
  const upper = clip(100 * (centre + half), 0, 100);
  return uncertainty(100 * se, lower, upper, (upper - lower) / 2, confidence, decimals);
}
