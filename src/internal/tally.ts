import { valueError } from "./fail.js";

/**
 * Responses on an integer scale split into three bands by two cut points — low: v < midFrom, mid: midFrom <= v <
 * highFrom, high: v >= highFrom — with what means and interval estimates need. Weighted, each is a sum of weights.
 */
export interface Tally {
  readonly low: number;
  readonly mid: number;
  readonly high: number;
  /** Σ weights (the number of responses when unweighted). */
  readonly total: number;
  /** Σ weights²; equals total when unweighted. */
  readonly sumOfSquares: number;
  /** Σ value × weight. */
  readonly sumOfValues: number;
}

function rangeText(min: number, max: number): string {
  return `outside ${min}-${max}`;
}

/** The error for a value that is not an integer on [min, max]: INVALID_INPUT, or OUT_OF_RANGE for an integer off the scale. */
export function elementError(v: unknown, path: ReadonlyArray<PropertyKey>, min: number, max: number, metric: string) {
  if (typeof v !== "number" || !Number.isInteger(v)) {
    return valueError("INVALID_INPUT", metric, path, v, "expected an integer");
  }
  return valueError("OUT_OF_RANGE", metric, path, v, rangeText(min, max), v < min ? "too_small" : "too_big");
}

function badElement(v: unknown, i: number, min: number, max: number, metric: string, field: string) {
  return elementError(v, [field, i], min, max, metric);
}

/** The scale and bands of a tally, and the names its errors use. */
export interface TallyBands {
  /** The lowest valid response. */
  readonly min: number;
  /** The highest valid response. */
  readonly max: number;
  /** Responses from here (below highFrom) count as mid. */
  readonly midFrom: number;
  /** Responses from here count as high. */
  readonly highFrom: number;
  /** The calculator named in errors. */
  readonly metric: string;
  /** The argument named in errors (`scores`, `ratings`). */
  readonly field: string;
}

/**
 * Tallies integer responses on [min, max] in one pass, validating as it goes. The first bad element throws: a
 * non-integer (or non-number) is INVALID_INPUT, an integer outside the scale OUT_OF_RANGE. Proven equal to
 * `integerArraySchema` by property tests.
 */
export function tally(values: ArrayLike<unknown>, bands: TallyBands, weights?: ArrayLike<unknown>): Tally {
  const { min, max, midFrom, highFrom, metric, field } = bands;
  if (weights !== undefined) return weightedTally(values, min, max, midFrom, highFrom, metric, field, weights);
  if (values instanceof Uint8Array) return byteTally(values, min, max, midFrom, highFrom, metric, field);
  const n = values.length;
  let mid = 0;
  let high = 0;
  let sumOfValues = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (!(v >= min && v <= max && Math.floor(v) === v)) throw badElement(v, i, min, max, metric, field);
    if (v >= midFrom) {
      if (v >= highFrom) high++;
      else mid++;
    }
    sumOfValues += v;
  }
  return { low: n - mid - high, mid, high, total: n, sumOfSquares: n, sumOfValues };
}

function byteTally(
  values: Uint8Array,
  min: number,
  max: number,
  midFrom: number,
  highFrom: number,
  metric: string,
  field: string,
): Tally {
  // Bytes cannot be fractional or negative: a branch-free count per value, then a look at the bins past the scale
  // (which holds for any scale: a byte outside [min, max] lands in a bin that fails the range check).
  const n = values.length;
  const bins = new Float64Array(256);
  for (let i = 0; i < n; i++) {
    const b = values[i]!;
    bins[b] = bins[b]! + 1;
  }
  let low = 0;
  let mid = 0;
  let high = 0;
  let sumOfValues = 0;
  for (let v = 0; v < 256; v++) {
    const c = bins[v]!;
    if (c === 0) continue;
    if (v < min || v > max) {
      const i = values.findIndex((x) => x < min || x > max);
      throw elementError(values[i], [field, i], min, max, metric);
    }
    if (v >= highFrom) high += c;
    else if (v >= midFrom) mid += c;
    else low += c;
    sumOfValues += v * c;
  }
  return { low, mid, high, total: n, sumOfSquares: n, sumOfValues };
}

function weightedTally(
  values: ArrayLike<unknown>,
  min: number,
  max: number,
  midFrom: number,
  highFrom: number,
  metric: string,
  field: string,
  weights: ArrayLike<unknown>,
): Tally {
  const n = values.length;
  if (weights.length !== n) {
    throw valueError(
      "INVALID_INPUT",
      metric,
      ["options", "weights", "length"],
      weights.length,
      `expected ${n} (one weight per ${field === "scores" ? "score" : "rating"})`,
    );
  }
  let low = 0;
  let mid = 0;
  let high = 0;
  let sumOfSquares = 0;
  let sumOfValues = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const w = weights[i] as number;
    if (!(v >= min && v <= max && Math.floor(v) === v)) throw badElement(v, i, min, max, metric, field);
    if (!(typeof w === "number" && w >= 0 && w < Number.POSITIVE_INFINITY)) {
      throw valueError("INVALID_INPUT", metric, ["options", "weights", i], w, "expected a finite, non-negative weight");
    }
    if (v >= highFrom) high += w;
    else if (v >= midFrom) mid += w;
    else low += w;
    sumOfSquares += w * w;
    sumOfValues += v * w;
  }
  // Summing the bands keeps total exactly their sum, so the percents add up as the counts do.
  return { low, mid, high, total: low + mid + high, sumOfSquares, sumOfValues };
}
