import { checkConfidence, checkCount, isArrayLike, readCounts, readOptions } from "../internal/check.js";
import { emptyError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { twoSidedPValue } from "../internal/normal.js";
import { ratio } from "../internal/round.js";
import type { NpsCounts } from "../survey/nps.js";
import { tally } from "../internal/tally.js";
import { type ConfidenceInterval, criticalZ, npsVariance } from "./intervals.js";

/** Options of {@link compareNps} and {@link compareProportions}; unknown keys are refused. */
export interface CompareOptions {
  /** The confidence level of the interval and the test, in (0, 1); default 0.95. */
  confidence?: number | undefined;
}

/** The difference between two results and whether it is more than noise. */
export interface Comparison {
  /** a − b, in points of the results' scale. */
  difference: number;
  /** The standard error of the difference. */
  standardError: number;
  /** The test statistic. */
  z: number;
  /** The two-sided p-value, computed in the upper tail so that tiny values keep their precision. */
  pValue: number;
  /** True when pValue < 1 − confidence. */
  significant: boolean;
  /** The interval of the difference at the confidence level. */
  confidenceInterval: ConfidenceInterval;
}

const optionCheckers = { confidence: checkConfidence };

/** A sample's shares and size, read from a result, counts or raw scores. */
interface NpsSample {
  promoters: number;
  detractors: number;
  total: number;
  n: number;
}

function finiteNonNegative(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string): number {
  if (typeof value === "number" && value >= 0 && value < Number.POSITIVE_INFINITY) return value;
  throw valueError("INVALID_INPUT", metric, path, value, "expected a finite, non-negative number");
}

/**
 * Weighted counts brought within [2^-512, 2^512] by one power-of-two factor, which leaves every share exactly as it was:
 * sums and cross products of counts as large as 1e308 (or as small as 5e-324) then stay finite and non-zero.
 */
function scaled(counts: number[]): number[] {
  let out = counts;
  // At most two steps of 2^±512 each way: the largest double is below 2^1024, the smallest 2^-1074.
  for (let step = 0; step < 3; step++) {
    const largest = Math.max(...out);
    if (largest > 2 ** 512) out = out.map((c) => c * 2 ** -512);
    else if (largest > 0 && largest < 2 ** -512) out = out.map((c) => c * 2 ** 512);
    else break;
  }
  return out;
}

/**
 * The sample size of a result: its effective sample size when weighted, else its total. Kish's (Σw)² / Σw² is never
 * below 1, and an unweighted total is a count; below 1 (or past the range of a double) the standard error would be
 * meaningless, so it is OUT_OF_RANGE naming the field.
 */
function sampleSizeOf(r: Record<string, unknown>, counts: number[], name: string, metric: string): number {
  if (r.effectiveSampleSize === undefined) {
    let total = 0;
    for (const c of counts) total += c;
    if (total > 0 && !(total >= 1 && total < Number.POSITIVE_INFINITY)) {
      throw valueError("OUT_OF_RANGE", metric, [name], total, "the total of a result without effectiveSampleSize, expected a count of at least 1 within the range of a double");
    }
    return total;
  }
  const path = [name, "effectiveSampleSize"];
  const n = finiteNonNegative(r.effectiveSampleSize, path, metric);
  if (n > 0 && n < 1) throw valueError("OUT_OF_RANGE", metric, path, n, "expected at least 1 (an effective sample size (Σw)² / Σw² is never below 1)", "too_small");
  return n;
}

function npsSample(input: unknown, name: string, metric: string): NpsSample {
  if (isArrayLike(input)) {
    const t = tally(input, { min: 0, max: 10, midFrom: 7, highFrom: 9, metric, field: name });
    if (t.total === 0) throw emptyError(metric, [name], `${name} has no responses`);
    return { promoters: t.high, detractors: t.low, total: t.total, n: t.total };
  }
  if (typeof input !== "object" || input === null) {
    throw valueError("INVALID_INPUT", metric, [name], input, "expected an NPS result, counts or an array of scores");
  }
  let sample: NpsSample;
  if ((input as { metric?: unknown }).metric === "nps") {
    // A result may be weighted: its counts are sums of weights, and its effective size says how much they weigh.
    const r = input as Record<string, unknown>;
    const raw = [
      finiteNonNegative(r.promoters, [name, "promoters"], metric),
      finiteNonNegative(r.passives, [name, "passives"], metric),
      finiteNonNegative(r.detractors, [name, "detractors"], metric),
    ];
    const n = sampleSizeOf(r, raw, name, metric);
    const [promoters, passives, detractors] = scaled(raw) as [number, number, number];
    sample = { promoters, detractors, total: promoters + passives + detractors, n };
  } else {
    const c = readCounts(input, ["promoters", "passives", "detractors"], metric, name);
    const total = c.promoters + c.passives + c.detractors;
    sample = { promoters: c.promoters, detractors: c.detractors, total, n: total };
  }
  if (!(sample.total > 0 && sample.n > 0)) throw emptyError(metric, [name], `${name} has no responses`);
  return sample;
}

function comparison(difference: number, seTest: number, seInterval: number, range: number, confidence: number): Comparison {
  // Two unanimous samples that differ have no sampling variance: the z-test degenerates to certainty. z is then the
  // largest finite number of the difference's sign (never Infinity) and p = 0.
  const zStat = seTest === 0 ? (difference === 0 ? 0 : Math.sign(difference) * Number.MAX_VALUE) : difference / seTest;
  const pValue = twoSidedPValue(zStat);
  const margin = criticalZ(confidence) * seInterval;
  return {
    difference,
    standardError: seInterval,
    z: zStat,
    pValue,
    significant: pValue < 1 - confidence,
    confidenceInterval: {
      lower: Math.max(difference - margin, -range),
      upper: Math.min(difference + margin, range),
      level: confidence,
    },
  };
}

/**
 * Tests whether two Net Promoter Scores differ by more than noise: a two-sample z-test on the Wald variances.
 *
 * difference = NPS_a − NPS_b; se = √(se_a² + se_b²) with se = 100·√(((pP + pD) − (pP − pD)²) / n);
 * z = difference / se; the p-value is two-sided and computed in the upper tail (erfc), so it stays precise far out.
 *
 * @param a - an {@link NpsResult}, {@link NpsCounts} or an array of 0-10 scores
 * @param b - the same for the other sample
 * @param options - `confidence` (default 0.95) for the interval and `significant`
 * @returns the difference, its standard error, z, the p-value, whether p < 1 − confidence, and the interval
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad samples or options; `EMPTY_INPUT` for an empty sample
 *
 * Two unanimous samples that differ (all promoters against all detractors) have no sampling variance: se is 0, z the
 * largest finite number of the difference's sign and p = 0.
 *
 * @example
 * ```ts
 * import { compareNps } from "cx-metrics";
 * const c = compareNps({ promoters: 70, passives: 20, detractors: 10 }, { promoters: 50, passives: 30, detractors: 20 });
 * console.log(c.difference, c.standardError.toFixed(3), c.pValue.toFixed(6), c.significant);
 * // => 30 10.247 0.003415 true
 * ```
 */
export function compareNps(
  a: NpsResultLike | NpsCounts | ArrayLike<number>,
  b: NpsResultLike | NpsCounts | ArrayLike<number>,
  options?: CompareOptions,
): Comparison {
  const metric = "compareNps";
  return guard(metric, () => {
    const { confidence = 0.95 } = readOptions<CompareOptions>(options, metric, optionCheckers);
    const sa = npsSample(a, "a", metric);
    const sb = npsSample(b, "b", metric);
    // The difference of two exact ratios, itself exact before its one rounding.
    const difference = ratio(
      (sa.promoters - sa.detractors) * sb.total - (sb.promoters - sb.detractors) * sa.total,
      sa.total * sb.total,
      100,
    );
    const variance = (s: NpsSample) => (10_000 * npsVariance(s.promoters, s.detractors, s.total)) / s.n;
    const se = Math.sqrt(variance(sa) + variance(sb));
    return comparison(difference, se, se, 200, confidence);
  });
}

/** The parts of an NPS result {@link compareNps} reads. */
export interface NpsResultLike {
  /** `'nps'`. */
  metric: "nps";
  /** Promoters (Σ weights when weighted). */
  promoters: number;
  /** Passives (Σ weights when weighted). */
  passives: number;
  /** Detractors (Σ weights when weighted). */
  detractors: number;
  /** Kish's effective sample size of a weighted result. */
  effectiveSampleSize?: number;
}

/** Successes out of a total, as {@link compareProportions} reads them. */
export interface ProportionCounts {
  /** Responses counted as a success (satisfied, agreeing). */
  successes: number;
  /** All responses. */
  total: number;
}

/** The parts of a CSAT or CES result {@link compareProportions} reads. */
export type ProportionResultLike =
  | { metric: "csat"; satisfied: number; total: number; effectiveSampleSize?: number }
  | { metric: "ces"; agree: number; total: number; effectiveSampleSize?: number };

function proportionSample(
  input: unknown,
  name: string,
  metric: string,
): { p: number; n: number; hits: number; rawHits: number; total: number } {
  if (typeof input !== "object" || input === null) {
    throw valueError("INVALID_INPUT", metric, [name], input, "expected a CSAT or CES result or { successes, total }");
  }
  const r = input as Record<string, unknown>;
  let hits: number;
  let total: number;
  let n: number;
  if (r.metric === "csat" || r.metric === "ces") {
    const key = r.metric === "csat" ? "satisfied" : "agree";
    const raw = [finiteNonNegative(r[key], [name, key], metric), finiteNonNegative(r.total, [name, "total"], metric)];
    n = sampleSizeOf(r, [raw[1]!], name, metric);
    [hits, total] = scaled(raw) as [number, number];
  } else {
    hits = checkCount(r.successes, [name, "successes"], metric);
    total = checkCount(r.total, [name, "total"], metric);
    n = total;
  }
  if (hits > total) throw valueError("INVALID_INPUT", metric, [name, "total"], total, "expected at least as many responses as successes");
  if (!(total > 0 && n > 0)) throw emptyError(metric, [name], `${name} has no responses`);
  return { p: hits / total, n, hits: (hits / total) * n, rawHits: hits, total };
}

/**
 * Tests whether two percentages (CSAT, CES or any share) differ by more than noise: the two-proportion z-test.
 *
 * z = (p_a − p_b) / √(p(1 − p)(1/n_a + 1/n_b)) with the pooled p = (x_a + x_b)/(n_a + n_b); the interval of the
 * difference (in percentage points) uses the unpooled standard error 100·√(p_a(1 − p_a)/n_a + p_b(1 − p_b)/n_b), which is
 * the `standardError` reported.
 *
 * @param a - a {@link CsatResult}, {@link CesResult} or `{ successes, total }`
 * @param b - the same for the other sample
 * @param options - `confidence` (default 0.95)
 * @returns the difference in points, the unpooled standard error, the pooled z, the p-value, significance and interval
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad samples or options; `EMPTY_INPUT` for an empty sample
 *
 * @example
 * ```ts
 * import { compareProportions } from "cx-metrics";
 * const c = compareProportions({ successes: 420, total: 500 }, { successes: 380, total: 500 });
 * console.log(c.difference, c.z.toFixed(3), c.pValue.toFixed(5), c.significant);
 * // => 8 3.162 0.00157 true
 * ```
 */
export function compareProportions(
  a: ProportionResultLike | ProportionCounts,
  b: ProportionResultLike | ProportionCounts,
  options?: CompareOptions,
): Comparison {
  const metric = "compareProportions";
  return guard(metric, () => {
    const { confidence = 0.95 } = readOptions<CompareOptions>(options, metric, optionCheckers);
    const sa = proportionSample(a, "a", metric);
    const sb = proportionSample(b, "b", metric);
    const pooled = (sa.hits + sb.hits) / (sa.n + sb.n);
    const seTest = 100 * Math.sqrt(pooled * (1 - pooled) * (1 / sa.n + 1 / sb.n));
    const seInterval = 100 * Math.sqrt((sa.p * (1 - sa.p)) / sa.n + (sb.p * (1 - sb.p)) / sb.n);
    const difference = ratio(sa.rawHits * sb.total - sb.rawHits * sa.total, sa.total * sb.total, 100);
    return comparison(difference, seTest, seInterval, 100, confidence);
  });
}

