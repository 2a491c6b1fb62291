import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/internal/random.js";

// First outputs of xoshiro128** with its state filled by SplitMix64 (high word first), from an independent Python
// transcription of the reference C code; SplitMix64's first output for seed 0 is the published 0xe220a8397b1dcdaf.
const REFERENCE: Array<[number, number[]]> = [
  [0, [513008459, 2795874746, 972916236, 1374099887, 2042740824]],
  [1, [3039230342, 162680617, 1651489432, 2292780199, 3969336773]],
  [42, [825760943, 2622800619, 310231447, 2495256757, 2989135795]],
];

/** Pearson's chi-square statistic of counts against equal expected counts. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((s, c) => s + c, 0);
  const expected = total / counts.length;
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

describe("seededRandom", () => {
  it.each(REFERENCE)("seed %d gives xoshiro128**'s reference outputs", (seed, want) => {
    const random = seededRandom(seed);
    expect(want.map(() => random.nextUint32())).toEqual(want);
  });

  it("the same seed gives the same draws and another seed others", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const draws = (r: ReturnType<typeof seededRandom>) => Array.from({ length: 20 }, () => r.next());
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
  });

  it("next() lies in [0, 1) and is uniform over 10 bins (chi-square below the 0.999 quantile 27.88 for 9 df)", () => {
    const random = seededRandom(2024);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const u = random.next();
      expect(u >= 0 && u < 1).toBe(true);
      bins[Math.floor(u * 10)] += 1;
    }
    expect(chiSquare(bins)).toBeLessThan(27.88);
  });

  it("below(n) covers 0..n-1 evenly, also for an n where draws are rejected", () => {
    const random = seededRandom(99);
    const bins = new Array(7).fill(0);
    for (let i = 0; i < 14_000; i++) bins[random.below(7)] += 1;
    // 0.999 quantile of chi-square with 6 df
    expect(chiSquare(bins)).toBeLessThan(22.46);
    // n = 3e9: 30% of 32-bit draws fall past the largest multiple of n and are redrawn; halves stay even
    let low = 0;
    for (let i = 0; i < 4000; i++) {
      const k = random.below(3e9);
      expect(Number.isInteger(k) && k >= 0 && k < 3e9).toBe(true);
      if (k < 1.5e9) low += 1;
    }
    // binomial(4000, 1/2): sd 31.6, so ±150 is beyond 4.7 sd
    expect(Math.abs(low - 2000)).toBeLessThan(150);
  });
});
