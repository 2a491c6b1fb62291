import { type DurationUnit, UNIT_MS } from "../internal/duration.js";
import { emptyError } from "../internal/fail.js";
import { percentileFraction } from "../internal/percentile.js";
import { ratio } from "../internal/round.js";

/** The summary statistics of a set of durations, in the requested unit. */
export interface DurationStats {
  /** Σ durations / count. */
  mean: number;
  /** The 50th percentile, interpolated linearly. */
  median: number;
  /** The 90th percentile, interpolated linearly. */
  p90: number;
  /** The shortest duration. */
  min: number;
  /** The longest duration. */
  max: number;
}

/**
 * What the duration statistics are finished from: the count, the exact sum, the extremes and a percentile as an exact
 * fraction. An array of durations gives them (see {@link summarizeDurations}); so does an engine's query.
 */
export interface DurationSummary {
  /** How many durations. */
  count: number;
  /** Σ durations in milliseconds. */
  sum: number;
  /** The shortest duration in milliseconds. */
  min: number;
  /** The longest duration in milliseconds. */
  max: number;
  /** The `percent`-th percentile (50 or 90) in milliseconds, as `[numerator, denominator]`. */
  percentile(percent: number): [numerator: number, denominator: number];
}

/** Sorts `durationsMs` in place and summarises them (an empty array gives a count of 0, which the finish refuses). */
export function summarizeDurations(durationsMs: Float64Array | Uint32Array): DurationSummary {
  const n = durationsMs.length;
  durationsMs.sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += durationsMs[i]!;
  return {
    count: n,
    sum,
    min: durationsMs[0]!,
    max: durationsMs[n - 1]!,
    percentile: (percent) => percentileFraction(durationsMs, percent),
  };
}

/**
 * Finishes duration statistics in `unit`: mean, median, p90, min and max, each an exact fraction divided by the unit
 * and rounded once (half away from zero when `decimals` is given, correctly rounded otherwise).
 *
 * @throws EMPTY_INPUT (naming `metric` and `what`) when there are no durations
 */
export function finishDurationStats(
  s: DurationSummary,
  unit: DurationUnit,
  decimals: number | undefined,
  metric: string,
  what: string,
): DurationStats {
  if (s.count === 0) throw emptyError(metric, [], what);
  const unitMs = UNIT_MS[unit];
  const at = (percent: number): number => {
    const [numerator, denominator] = s.percentile(percent);
    return ratio(numerator, denominator * unitMs, 1, decimals);
  };
  return {
    mean: ratio(s.sum, s.count * unitMs, 1, decimals),
    median: at(50),
    p90: at(90),
    min: ratio(s.min, unitMs, 1, decimals),
    max: ratio(s.max, unitMs, 1, decimals),
  };
}

/**
 * Summarises durations given in milliseconds: mean, median, p90, min and max in `unit` (see
 * {@link finishDurationStats}). Sorts `durationsMs` in place. The public calculators and the mergeable accumulators
 * share it.
 *
 * @throws EMPTY_INPUT (naming `metric` and `what`) when there are no durations
 */
export function computeDurationStats(
  durationsMs: Float64Array | Uint32Array,
  unit: DurationUnit,
  decimals: number | undefined,
  metric: string,
  what: string,
): DurationStats {
  return finishDurationStats(summarizeDurations(durationsMs), unit, decimals, metric, what);
}
