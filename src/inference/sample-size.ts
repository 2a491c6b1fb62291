import { checkConfidence, type Checker, readOptions } from "../internal/check.js";
import { valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { criticalZ, npsVariance } from "./intervals.js";

/** Input of {@link npsSampleSize}; unknown keys are refused. */
export interface NpsSampleSizeInput {
  /** The half-width of the interval wanted, in NPS points (> 0). */
  marginOfError: number;
  /** The confidence level, in (0, 1); default 0.95. */
  confidence?: number | undefined;
  /** The promoter percent you expect (0-100); both expectations default to the worst case (NPS variance 1). */
  expectedPromoterPercent?: number | undefined;
  /** The detractor percent you expect (0-100; promoters and detractors add up to at most 100). */
  expectedDetractorPercent?: number | undefined;
}

/** Input of {@link proportionSampleSize}; unknown keys are refused. */
export interface ProportionSampleSizeInput {
  /** The half-width of the interval wanted, in percentage points (> 0). */
  marginOfError: number;
  /** The confidence level, in (0, 1); default 0.95. */
  confidence?: number | undefined;
  /** The percent you expect (0-100); defaults to the worst case, 50. */
  expectedPercent?: number | undefined;
}

const checkPositive: Checker<number> = (value, path, metric) => {
  if (typeof value === "number" && value > 0 && value < Number.POSITIVE_INFINITY) return value;
  throw valueError("INVALID_INPUT", metric, path, value, "expected a positive number");
};

const checkPercent: Checker<number> = (value, path, metric) => {
  if (typeof value === "number" && value >= 0 && value <= 100) return value;
  throw valueError("INVALID_INPUT", metric, path, value, "expected a percent from 0 to 100");
};

function missingMargin(metric: string) {
  return valueError("INVALID_INPUT", metric, ["input", "marginOfError"], undefined, "expected a positive number");
}

function size(variance: number, marginOfError: number, confidence: number, metric: string): number {
  const z = criticalZ(confidence);
  const m = marginOfError / 100;
  // At least one response: a certain outcome (variance 0) still needs someone to ask.
  const n = Math.max(1, Math.ceil((z * z * variance) / (m * m)));
  if (!Number.isSafeInteger(n)) {
    throw valueError("OUT_OF_RANGE", metric, ["input", "marginOfError"], marginOfError, "too small: the sample size would exceed 2^53");
  }
  return n;
}

/**
 * How many responses an NPS needs for a given margin of error: n = z² · var / (moe/100)², rounded up, where
 * var = (pP + pD) − (pP − pD)² from the expected shares, or 1 (the worst case) without expectations. A share not given
 * takes the worst case given the other one (pD = min(pP + 50%, 100% − pP)).
 *
 * @param input - `marginOfError` in NPS points, `confidence` (default 0.95), and optionally the expected promoter and
 *   detractor percents
 * @returns the number of responses
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a margin that is not positive, a confidence outside (0, 1), or
 *   expected percents outside 0-100 or adding up to more than 100
 *
 * @example
 * ```ts
 * import { npsSampleSize } from "cx-metrics";
 * console.log(npsSampleSize({ marginOfError: 5 }));
 * // => 1537
 * console.log(npsSampleSize({ marginOfError: 5, expectedPromoterPercent: 50, expectedDetractorPercent: 20 }));
 * // => 938
 * ```
 */
export function npsSampleSize(input: NpsSampleSizeInput): number {
  const metric = "npsSampleSize";
  return guard(metric, () => {
    const i = readOptions<NpsSampleSizeInput>(input, metric, {
      marginOfError: checkPositive,
      confidence: checkConfidence,
      expectedPromoterPercent: checkPercent,
      expectedDetractorPercent: checkPercent,
    }, "input");
    if (i.marginOfError === undefined) throw missingMargin(metric);
    // A share not given takes its worst case given the other: var = pP + pD − (pP − pD)² peaks at pD = pP + 1/2.
    const given = (share: number | undefined, other: number | undefined) =>
      share ?? (other === undefined ? 50 : Math.min(other + 50, 100 - other));
    const p = given(i.expectedPromoterPercent, i.expectedDetractorPercent);
    const d = given(i.expectedDetractorPercent, i.expectedPromoterPercent);
    if (p + d > 100) {
      throw valueError("INVALID_INPUT", metric, ["input", "expectedDetractorPercent"], d, "expected promoters and detractors to add up to at most 100");
    }
    const variance = npsVariance(p, d, 100);
    return size(variance, i.marginOfError, i.confidence ?? 0.95, metric);
  });
}

/**
 * How many responses a percentage (CSAT, CES) needs for a given margin of error: n = z² · p(1 − p) / (moe/100)², rounded
 * up, with p = 0.5 (the worst case) unless an expected percent is given.
 *
 * @param input - `marginOfError` in percentage points, `confidence` (default 0.95), optionally `expectedPercent`
 * @returns the number of responses
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a margin that is not positive, a confidence outside (0, 1), or an
 *   expected percent outside 0-100
 *
 * @example
 * ```ts
 * import { proportionSampleSize } from "cx-metrics";
 * console.log(proportionSampleSize({ marginOfError: 5 }), proportionSampleSize({ marginOfError: 3, expectedPercent: 80 }));
 * // => 385 683
 * ```
 */
export function proportionSampleSize(input: ProportionSampleSizeInput): number {
  const metric = "proportionSampleSize";
  return guard(metric, () => {
    const i = readOptions<ProportionSampleSizeInput>(input, metric, {
      marginOfError: checkPositive,
      confidence: checkConfidence,
      expectedPercent: checkPercent,
    }, "input");
    if (i.marginOfError === undefined) throw missingMargin(metric);
    const p = (i.expectedPercent ?? 50) / 100;
    return size(p * (1 - p), i.marginOfError, i.confidence ?? 0.95, metric);
  });
}
