import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ces, createCesAccumulator, createCsatAccumulator, createNpsAccumulator, csat, nps } from "../../src/index.js";
import { Dec } from "../helpers/decimal.js";

// A result is flagged smallSample below 30 responses (the effective sample size when weighted).

const npsCounts = (n: number) => ({ promoters: Math.ceil(n / 2), passives: 0, detractors: Math.floor(n / 2) });

describe("smallSample flags results below 30 responses", () => {
  it.each([
    [1, true],
    [29, true],
    [30, false],
    [1000, false],
  ])("nps, csat and ces of %d responses: smallSample is %s", (n, flagged) => {
    expect(nps(npsCounts(n)).smallSample).toBe(flagged);
    expect(nps(npsCounts(n), { interval: "adjusted-wald" }).smallSample).toBe(flagged);
    expect(csat({ satisfied: Math.floor(n / 3), total: n }).smallSample).toBe(flagged);
    expect(csat({ satisfied: Math.floor(n / 3), total: n }, { interval: "wald" }).smallSample).toBe(flagged);
    expect(ces({ agree: n, total: n }).smallSample).toBe(flagged);
    const ratings = Array.from({ length: n }, (_, i) => (i % 5) + 1);
    expect(csat(ratings).smallSample).toBe(flagged);
    expect(ces(ratings).smallSample).toBe(flagged);
    expect(nps(Array.from({ length: n }, (_, i) => i % 11)).smallSample).toBe(flagged);
  });

  it("weighted results are judged by Kish's effective sample size, not by the sum of weights", () => {
    // 40 answers weighing 0.1 each: the weights add up to 4, the effective size (Σw)² / Σw² = 16 / 0.4 = 40.
    const light = Array.from({ length: 40 }, () => 0.1);
    const scores = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 10 : 3));
    const ratings = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 5 : 2));
    expect(nps(scores, { weights: light }).smallSample).toBe(false);
    expect(csat(ratings, { weights: light }).smallSample).toBe(false);
    expect(ces(ratings, { weights: light }).smallSample).toBe(false);
    // 40 answers, one of them weighing 10: Σw = 49, Σw² = 139, effective size 2401 / 139 ≈ 17.3.
    const heavy = light.map((_, i) => (i === 0 ? 10 : 1));
    const r = nps(scores, { weights: heavy });
    expect(r.effectiveSampleSize).toBeCloseTo(2401 / 139, 12);
    expect(r.smallSample).toBe(true);
    expect(csat(ratings, { weights: heavy }).smallSample).toBe(true);
    expect(ces(ratings, { weights: heavy }).smallSample).toBe(true);
  });

  it("accumulators flag exactly as the batch functions do", () => {
    for (const n of [29, 30]) {
      const scores = Array.from({ length: n }, (_, i) => i % 11);
      const ratings = Array.from({ length: n }, (_, i) => (i % 5) + 1);
      expect(createNpsAccumulator().addAll(scores).result().smallSample).toBe(nps(scores).smallSample);
      expect(createCsatAccumulator().addAll(ratings).result().smallSample).toBe(csat(ratings).smallSample);
      expect(createCesAccumulator().addAll(ratings).result().smallSample).toBe(ces(ratings).smallSample);
    }
  });

  it("one promoter: the Wald interval is the point [100, 100] and the adjusted-Wald one excludes the score, both flagged", () => {
    const wald = nps([10]);
    expect(wald).toMatchObject({ score: 100, confidenceInterval: { lower: 100, upper: 100 }, smallSample: true });
    const adjusted = nps([10], { interval: "adjusted-wald", decimals: 1 });
    // Adjusted counts 1.75, 1.5, 0.75 of 4: centre 25, se = 100·√(0.5625 / 4) = 37.5, 25 ± 1.959964 × 37.5.
    expect(adjusted).toMatchObject({ score: 100, confidenceInterval: { lower: -48.5, upper: 98.5 }, smallSample: true });
  });
});

describe("Wald and Wilson intervals contain the score exactly, whatever the rounding", () => {
  const confidence = fc.oneof(fc.double({ min: 1e-300, max: 0.9999999, noNaN: true }), fc.constantFrom(0.9, 0.95, 0.99));
  const decimals = fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined });

  it("for NPS (Wald) and CSAT and CES (Wilson and Wald), from counts", () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(500), fc.nat(5000), decimals, confidence, (p, q, d, dec, level) => {
        fc.pre(p + q + d > 0);
        const options = { decimals: dec, confidence: level };
        const results = [
          nps({ promoters: p, passives: q, detractors: d }, options),
          csat({ satisfied: p, total: p + q + d }, options),
          ces({ agree: p, total: p + q + d }, { ...options, interval: "wald" }),
        ];
        for (const r of results) {
          expect(r.confidenceInterval.lower).toBeLessThanOrEqual(r.score);
          expect(r.confidenceInterval.upper).toBeGreaterThanOrEqual(r.score);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("for weighted ratings", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 40 }),
        decimals,
        fc.constantFrom("wilson" as const, "wald" as const),
        (pairs, dec, interval) => {
          const r = csat(
            pairs.map(([rating]) => rating),
            { weights: pairs.map(([, w]) => w), decimals: dec, interval },
          );
          expect(r.confidenceInterval.lower).toBeLessThanOrEqual(r.score);
          expect(r.confidenceInterval.upper).toBeGreaterThanOrEqual(r.score);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("Wilson's bounds keep their digits near 0% and 100%", () => {
  // The bounds in 50 digits: (p + z²/2n ∓ z·√(p(1 − p)/n + z²/4n²)) / (1 + z²/n).
  const z = new Dec("1.959963984540054");
  function wilson(hits: number, total: number): [number, number] {
    const p = new Dec(hits).div(total);
    const n = new Dec(total);
    const z2 = z.mul(z);
    const centre = p.add(z2.div(n.mul(2)));
    const half = z.mul(p.mul(new Dec(1).sub(p)).div(n).add(z2.div(n.mul(n).mul(4))).sqrt());
    const shrink = new Dec(1).add(z2.div(n));
    return [centre.sub(half).div(shrink).mul(100).toNumber(), centre.add(half).div(shrink).mul(100).toNumber()];
  }

  it.each([
    [1, 1e9],
    [3, 1e12],
    [1, 7],
    [0, 157],
    [157, 157],
    [1e12 - 1, 1e12],
  ])("%d of %d to 1e-12 relative", (hits, total) => {
    const [lower, upper] = wilson(hits, total);
    const r = csat({ satisfied: hits, total });
    for (const [got, want] of [
      [r.confidenceInterval.lower, lower],
      [r.confidenceInterval.upper, upper],
    ] as const) {
      if (want === 0) expect(got).toBe(0);
      else expect(Math.abs(got / want - 1)).toBeLessThan(1e-12);
    }
  });

  it("at 0% the lower bound is exactly 0 and at 100% the upper bound exactly 100", () => {
    expect(csat({ satisfied: 0, total: 157 }, { confidence: 0.69 }).confidenceInterval.lower).toBe(0);
    expect(ces({ agree: 157, total: 157 }, { confidence: 0.69 }).confidenceInterval.upper).toBe(100);
  });
});
