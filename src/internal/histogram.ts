import { valueError } from "./fail.js";

/** Weighted (or plain) counts of each value of an integer scale, and what interval estimates need. */
export interface Histogram {
  /** counts[v - min]: how many responses (or how much weight) chose v. */
  readonly counts: Float64Array;
  /** Σ weights (the number of responses when unweighted). */
  readonly total: number;
  /** Σ weights²; equals total when unweighted. */
  readonly sumOfSquares: number;
  /** Σ value × weight. */
  readonly sumOfValues: number;
  /** Whether weights were given. */
  readonly weighted: boolean;
}

function fromCounts(counts: Float64Array, min: number): Histogram {
  let total = 0;
  let sumOfValues = 0;
  for (let i = 0; i < counts.length; i++) {
    total += counts[i]!;
    sumOfValues += (i + min) * counts[i]!;
  }
  return { counts, total, sumOfSquares: total, sumOfValues, weighted: false };
}

function rangeText(min: number, max: number): string {
  return `outside ${min}-${max}`;
}

/**
 * Counts integer responses on [min, max] in one pass, validating as it goes. The first bad element throws: a
 * non-integer (or non-number) is INVALID_INPUT, an integer outside the scale OUT_OF_RANGE. Proven equal to
 * `integerArraySchema` by property tests.
 */
export function histogram(
  values: ArrayLike<unknown>,
  min: number,
  max: number,
  metric: string,
  field: string,
  weights?: ArrayLike<unknown>,
): Histogram {
  if (weights !== undefined) return weightedHistogram(values, min, max, metric, field, weights);
  const width = max - min + 1;
  const n = values.length;
  if (values instanceof Uint8Array && min >= 0 && max <= 255) {
    // Byte scores cannot be fractional or negative: a branch-free tally, then a look at the bins past the scale.
    const bins = new Float64Array(256);
    for (let i = 0; i < n; i++) {
      const b = values[i]!;
      bins[b] = bins[b]! + 1;
    }
    for (let v = 0; v < 256; v++) {
      if (bins[v] !== 0 && (v < min || v > max)) {
        for (let i = 0; i < n; i++) {
          const x = values[i]!;
          if (x < min || x > max) throw valueError("OUT_OF_RANGE", metric, [field, i], x, rangeText(min, max));
        }
      }
    }
    return fromCounts(bins.slice(min, max + 1), min);
  }
  const counts = new Float64Array(width);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v >= min && v <= max && Math.floor(v) === v) {
      counts[v - min] = counts[v - min]! + 1;
    } else {
      throw badElement(v, i, min, max, metric, field);
    }
  }
  return fromCounts(counts, min);
}

function badElement(v: unknown, i: number, min: number, max: number, metric: string, field: string) {
  if (typeof v !== "number" || !Number.isInteger(v)) {
    return valueError("INVALID_INPUT", metric, [field, i], v, "expected an integer");
  }
  return valueError("OUT_OF_RANGE", metric, [field, i], v, rangeText(min, max));
}

function weightedHistogram(
  values: ArrayLike<unknown>,
  min: number,
  max: number,
  metric: string,
  field: string,
  weights: ArrayLike<unknown>,
): Histogram {
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
  const counts = new Float64Array(max - min + 1);
  let sumOfSquares = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const w = weights[i] as number;
    if (!(v >= min && v <= max && Math.floor(v) === v)) throw badElement(v, i, min, max, metric, field);
    if (!(typeof w === "number" && w >= 0 && w < Number.POSITIVE_INFINITY)) {
      throw valueError("INVALID_INPUT", metric, ["options", "weights", i], w, "expected a finite, non-negative weight");
    }
    counts[v - min]! += w;
    sumOfSquares += w * w;
  }
  const h = fromCounts(counts, min);
  return { ...h, sumOfSquares, weighted: true };
}
