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
 * Summarises durations given in milliseconds: mean, median, p90, min and max in `unit`, each an exact fraction divided
 * by the unit and rounded once (half away from zero when `decimals` is given, correctly rounded otherwise). Sorts
 * `durationsMs` in place. The public calculators and the mergeable accumulators share it.
 *
 * @throws EMPTY_INPUT (naming `metric` and `what`) when there are no durations
 */
export function computeDurationStats(
  durationsMs: Float64Array,
  unit: DurationUnit,
  decimals: number | undefined,
  metric: string,
  what: string,
): DurationStats {
  const n = durationsMs.length;
  if (n === 0) throw emptyError(metric, [], what);
  durationsMs.sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += durationsMs[i]!;
  const unitMs = UNIT_MS[unit];
  const at = (percent: number): number => {
    const [numerator, denominator] = percentileFraction(durationsMs, percent);
    return ratio(numerator, denominator * unitMs, 1, decimals);
  };
  return {
    mean: ratio(sum, n * unitMs, 1, decimals),
    median: at(50),
    p90: at(90),
    min: ratio(durationsMs[0]!, unitMs, 1, decimals),
    max: ratio(durationsMs[n - 1]!, unitMs, 1, decimals),
  };
}
