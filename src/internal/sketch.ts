// A DDSketch-style quantile sketch (Masson, Rim & Lee, "DDSketch: a fast and fully-mergeable quantile sketch with
// relative-error guarantees", VLDB 2019): non-negative values go to logarithmic buckets of ratio γ = (1 + α)/(1 − α),
// so any value in a bucket is within a relative error α of the bucket's representative 2γ^i/(γ + 1). Buckets are
// counts, so two sketches with the same α merge by adding counts, in any order, exactly.

/** The plain-data state of a quantile sketch (the bounded-memory mode of the response-time accumulator). */
export interface SketchState {
  /** The relative accuracy α the buckets were made for. */
  relativeAccuracy: number;
  /** Values equal to 0 (they have no logarithm). */
  zeros: number;
  /** [bucket index, count] pairs, ascending by index. */
  buckets: Array<[number, number]>;
}

/** The longest duration two instants within the range of a Date can be apart, in milliseconds. */
export const MAX_DURATION_MS = 2 * 8.64e15;

export class QuantileSketch {
  readonly gamma: number;
  private readonly logGamma: number;
  zeros = 0;
  count = 0;
  readonly buckets = new Map<number, number>();

  constructor(readonly relativeAccuracy: number) {
    this.gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.logGamma = Math.log(this.gamma);
  }

  /** The bucket index of a positive value (−Infinity for 0, which no bucket holds). */
  indexOf(value: number): number {
    return Math.ceil(Math.log(value) / this.logGamma);
  }

  /** Whether a bucket index is one a duration within the range of a Date (from 5e-324 ms to 1.728e16 ms) reaches. */
  holdsIndex(index: number): boolean {
    return index >= this.indexOf(Number.MIN_VALUE) && index <= this.indexOf(MAX_DURATION_MS);
  }

  /** Adds a non-negative finite value `times` times. */
  add(value: number, times = 1): void {
    this.count += times;
    if (value === 0) {
      this.zeros += times;
      return;
    }
    const index = Math.ceil(Math.log(value) / this.logGamma);
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + times);
  }

  /** Adds another sketch's counts (same relative accuracy). */
  merge(state: SketchState): void {
    this.zeros += state.zeros;
    this.count += state.zeros;
    for (const [index, c] of state.buckets) {
      this.buckets.set(index, (this.buckets.get(index) ?? 0) + c);
      this.count += c;
    }
  }

  /** The representative of the value of rank k (0-based) in ascending order, within α of the true value. */
  valueAtRank(k: number): number {
    if (k < this.zeros) return 0;
    let seen = this.zeros;
    for (const index of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(index)!;
      if (k < seen) return (2 * this.gamma ** index) / (this.gamma + 1);
    }
    /* c8 ignore next */
    throw new RangeError("rank beyond the sketch");
  }

  /**
   * The `percent`-th percentile interpolated linearly between the estimates of the two neighbouring order statistics, as
   * the exact computation interpolates between the values themselves: a weighted mean of estimates each within α of
   * its value is within α of the same weighted mean of the values.
   */
  percentile(percent: number): number {
    const scaled = ((this.count - 1) * percent) / 100;
    const lo = Math.floor(scaled);
    const low = this.valueAtRank(lo);
    const rest = scaled - lo;
    return rest === 0 ? low : low + rest * (this.valueAtRank(lo + 1) - low);
  }

  toJSON(): SketchState {
    return {
      relativeAccuracy: this.relativeAccuracy,
      zeros: this.zeros,
      buckets: [...this.buckets.entries()].sort((a, b) => a[0] - b[0]),
    };
  }
}
