// Percentiles by linear interpolation between order statistics: numpy's default method, Excel's PERCENTILE.INC.

/**
 * The `percent`-th percentile (an integer from 0 to 100) of a sorted, non-empty array as an exact fraction
 * `[numerator, denominator]`: with h = (n - 1) × percent / 100, the value is x[⌊h⌋] + (h − ⌊h⌋) × (x[⌊h⌋ + 1] − x[⌊h⌋]).
 * Keeping the fraction lets the caller divide by a unit and round once; with integer inputs the numerator is exact.
 */
export function percentileFraction(sorted: ArrayLike<number>, percent: number): [numerator: number, denominator: number] {
  const scaled = (sorted.length - 1) * percent;
  const lo = Math.floor(scaled / 100);
  const rest = scaled - lo * 100;
  const low = sorted[lo]!;
  if (rest === 0) return [low, 1];
  return [low * 100 + rest * (sorted[lo + 1]! - low), 100];
}

/** The `percent`-th percentile (0-100, integer) of a sorted, non-empty array, by linear interpolation. */
export function percentile(sorted: ArrayLike<number>, percent: number): number {
  const [numerator, denominator] = percentileFraction(sorted, percent);
  return numerator / denominator;
}
