import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareNps,
  compareProportions,
  csat,
  ces,
  NpsSampleSizeInputSchema,
  nps,
  npsSampleSize,
  ProportionSampleSizeInputSchema,
  proportionSampleSize,
} from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";


const a = { promoters: 70, passives: 20, detractors: 10 };
const b = { promoters: 50, passives: 30, detractors: 20 };

describe("compareNps", () => {
  it("70/20/10 vs 50/30/20: difference 30, se 10.247, p = 0.003415", () => {
    const c = compareNps(a, b);
    expect(c.difference).toBe(30);
    expect(c.standardError).toBeCloseTo(10.247, 3);
    expect(c.pValue).toBeCloseTo(0.003415, 6);
    expect(c.z).toBeCloseTo(30 / 10.246950765959598, 12);
    expect(c.significant).toBe(true);
    expect(c.confidenceInterval.level).toBe(0.95);
    expect(c.confidenceInterval.lower).toBeCloseTo(30 - 1.959963984540054 * c.standardError, 10);
  });

  it("70/20/10 vs 10/20/70 keeps a p-value of 1.816e-37 instead of 0", () => {
    const c = compareNps(a, { promoters: 10, passives: 20, detractors: 70 });
    expect(c.pValue / 1.816e-37).toBeCloseTo(1, 3);
  });

  it("accepts results, counts and raw scores alike", () => {
    const scores = [...Array(70).fill(10), ...Array(20).fill(8), ...Array(10).fill(2)];
    expect(compareNps(nps(scores), b)).toEqual(compareNps(a, b));
    expect(compareNps(scores, Uint8Array.from(scores)).difference).toBe(0);
  });

  it("uses the effective sample size of a weighted result", () => {
    const weighted = nps([10, 10, 0], { weights: [1, 1, 2] });
    const c = compareNps(weighted, b);
    expect(c.difference).toBe(0 - 30);
    const n = weighted.effectiveSampleSize!;
    const var_a = 1 - 0;
    expect(c.standardError).toBeCloseTo(Math.sqrt((10_000 * var_a) / n + (10_000 * (0.7 - 0.09)) / 100), 12);
  });

  it("is not significant at a higher confidence when p is above 1 - confidence", () => {
    expect(compareNps(a, b, { confidence: 0.999 }).significant).toBe(false);
  });

  it("of two unanimous samples that differ is certain: se 0, p 0, z finite", () => {
    const c = compareNps([10, 10], [0]);
    expect(c).toMatchObject({ difference: 200, standardError: 0, pValue: 0, significant: true, z: Number.MAX_VALUE });
    expect(c.confidenceInterval).toEqual({ lower: 200, upper: 200, level: 0.95 });
    expect(compareNps([0], [10]).z).toBe(-Number.MAX_VALUE);
  });

  it("of two identical unanimous samples is a difference of 0 with p = 1", () => {
    const c = compareNps([10, 10], [9]);
    expect(c).toMatchObject({ difference: 0, z: 0, pValue: 1, significant: false });
  });

  it("p-values lie in [0, 1] and are symmetric in a and b", () => {
    const counts = fc.record({ promoters: fc.nat(200), passives: fc.nat(200), detractors: fc.nat(200) }).filter((c) => c.promoters + c.passives + c.detractors > 1 && c.passives > 0);
    fc.assert(
      fc.property(counts, counts, (x, y) => {
        const xy = compareNps(x, y);
        const yx = compareNps(y, x);
        expect(xy.pValue).toBeGreaterThanOrEqual(0);
        expect(xy.pValue).toBeLessThanOrEqual(1);
        expect(xy.pValue).toBe(yx.pValue);
        expect(xy.difference + yx.difference).toBe(0);
      }),
    );
  });

  it.each([
    [() => compareNps([], b), "EMPTY_INPUT", "compareNps: a has no responses"],
    [() => compareNps({ promoters: 0, passives: 0, detractors: 0 }, b), "EMPTY_INPUT", "compareNps: a has no responses"],
    [() => compareNps(null as never, b), "INVALID_INPUT", "compareNps: a is null, expected an NPS result, counts or an array of scores"],
    [() => compareNps(a, { promoters: -1, passives: 0, detractors: 1 }), "INVALID_INPUT", "compareNps: b.promoters is -1, expected a non-negative integer"],
    [() => compareNps({ metric: "nps", promoters: Number.NaN, passives: 0, detractors: 1 } as never, b), "INVALID_INPUT", "compareNps: a.promoters is NaN, expected a finite, non-negative number"],
    [() => compareNps(a, b, { confidence: 2 }), "INVALID_INPUT", "compareNps: options.confidence is 2, expected a confidence level between 0 and 1 (exclusive)"],
    [() => compareNps(a, [11]), "OUT_OF_RANGE", "compareNps: b[0] is 11, outside 0-10"],
  ])("refuses bad input %#", (run, code, message) => {
    const error = errorOf(run);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

describe("compareProportions", () => {
  it("uses the pooled variance for z and the unpooled one for the interval", () => {
    const c = compareProportions({ successes: 420, total: 500 }, { successes: 380, total: 500 });
    const pooled = 0.8;
    expect(c.difference).toBe(8);
    expect(c.z).toBeCloseTo(0.08 / Math.sqrt(pooled * 0.2 * (2 / 500)), 12);
    expect(c.standardError).toBeCloseTo(100 * Math.sqrt((0.84 * 0.16) / 500 + (0.76 * 0.24) / 500), 12);
    expect(c.pValue).toBeCloseTo(0.001565402, 8);
  });

  it("reads CSAT and CES results", () => {
    const x = csat({ satisfied: 45, total: 60 });
    const y = ces({ agree: 30, total: 60 });
    expect(compareProportions(x, y).difference).toBe(25);
    const weighted = csat([5, 1], { weights: [3, 1] });
    expect(compareProportions(weighted, { successes: 1, total: 2 }).difference).toBe(25);
  });

  it("two unanimous samples that agree have p = 1", () => {
    expect(compareProportions({ successes: 5, total: 5 }, { successes: 3, total: 3 })).toMatchObject({ z: 0, pValue: 1 });
  });

  it("p-values are symmetric", () => {
    fc.assert(
      fc.property(fc.nat(50), fc.integer({ min: 1, max: 50 }), fc.nat(50), fc.integer({ min: 1, max: 50 }), (x, nx, y, ny) => {
        fc.pre(!(x === 0 && y === 0) && !(x === nx + x && y === ny + y));
        const p = { successes: x, total: x + nx };
        const q = { successes: y, total: y + ny };
        expect(compareProportions(p, q).pValue).toBe(compareProportions(q, p).pValue);
      }),
    );
  });

  it.each([
    [() => compareProportions({ successes: 0, total: 0 }, { successes: 1, total: 2 }), "EMPTY_INPUT", "compareProportions: a has no responses"],
    [() => compareProportions({ successes: 3, total: 2 }, { successes: 1, total: 2 }), "INVALID_INPUT", "compareProportions: a.total is 2, expected at least as many responses as successes"],
    [() => compareProportions({ successes: 1.5, total: 2 }, { successes: 1, total: 2 }), "INVALID_INPUT", "compareProportions: a.successes is 1.5, expected a non-negative integer"],
    [() => compareProportions("x" as never, { successes: 1, total: 2 }), "INVALID_INPUT", 'compareProportions: a is "x", expected a CSAT or CES result or { successes, total }'],
    [() => compareProportions({ metric: "csat", satisfied: -1, total: 2 } as never, { successes: 1, total: 2 }), "INVALID_INPUT", "compareProportions: a.satisfied is -1, expected a finite, non-negative number"],
    [() => compareProportions({ successes: 2, total: 2 }, { successes: 0, total: 2 }, { level: 0.9 } as never), "INVALID_INPUT", 'compareProportions: options has unknown key "level"'],
  ])("refuses bad input %#", (run, code, message) => {
    const error = errorOf(run);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

describe("sample sizes", () => {
  it("have schemas that state the same rules", () => {
    expect(NpsSampleSizeInputSchema.safeParse({ marginOfError: 5, expectedPromoterPercent: 60, expectedDetractorPercent: 30 }).success).toBe(true);
    expect(NpsSampleSizeInputSchema.safeParse({ marginOfError: 5, expectedPromoterPercent: 70, expectedDetractorPercent: 40 }).success).toBe(false);
    expect(NpsSampleSizeInputSchema.safeParse({ marginOfError: 0 }).success).toBe(false);
    expect(ProportionSampleSizeInputSchema.safeParse({ marginOfError: 2, expectedPercent: 101 }).success).toBe(false);
  });

  it("round up, assuming the worst case without expectations", () => {
    expect(npsSampleSize({ marginOfError: 5 })).toBe(1537);
    expect(proportionSampleSize({ marginOfError: 5 })).toBe(385);
    expect(proportionSampleSize({ marginOfError: 5, confidence: 0.99 })).toBe(664);
  });

  it("shrink with expectations away from the worst case", () => {
    expect(npsSampleSize({ marginOfError: 5, expectedPromoterPercent: 50, expectedDetractorPercent: 20 })).toBe(938);
    expect(npsSampleSize({ marginOfError: 10, expectedPromoterPercent: 100 })).toBe(1);
    expect(npsSampleSize({ marginOfError: 5, expectedPromoterPercent: 50 })).toBe(1537);
    expect(npsSampleSize({ marginOfError: 5, expectedDetractorPercent: 50 })).toBe(1537);
    expect(npsSampleSize({ marginOfError: 5, expectedDetractorPercent: 20 })).toBe(npsSampleSize({ marginOfError: 5, expectedPromoterPercent: 20 }));
    // pD = min(0.2 + 0.5, 0.8) = 0.7 at worst: var = 0.2 + 0.7 − 0.25 = 0.65
    expect(npsSampleSize({ marginOfError: 5, expectedPromoterPercent: 20 })).toBe(Math.ceil((1.959963984540054 ** 2 * 0.65) / 0.0025));
    expect(proportionSampleSize({ marginOfError: 3, expectedPercent: 80 })).toBe(683);
  });

  it("give intervals no wider than asked for", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 99 }), (moe, expected) => {
        const n = proportionSampleSize({ marginOfError: moe, expectedPercent: expected });
        const se = 100 * Math.sqrt(((expected / 100) * (1 - expected / 100)) / n);
        expect(1.959963984540054 * se).toBeLessThanOrEqual(moe + 1e-9);
      }),
    );
  });

  it("refuses a margin so small that the size would not be a safe integer", () => {
    const error = errorOf(() => proportionSampleSize({ marginOfError: 1e-10 }));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toBe("proportionSampleSize: input.marginOfError is 1e-10, too small: the sample size would exceed 2^53");
  });

  it.each([
    [() => npsSampleSize({ marginOfError: 0 }), "npsSampleSize: input.marginOfError is 0, expected a positive number"],
    [() => npsSampleSize({} as never), "npsSampleSize: input.marginOfError is missing, expected a positive number"],
    [() => npsSampleSize({ marginOfError: 5, expectedPromoterPercent: 70, expectedDetractorPercent: 40 }), "npsSampleSize: input.expectedDetractorPercent is 40, expected promoters and detractors to add up to at most 100"],
    [() => npsSampleSize({ marginOfError: 5, expectedPromoterPercent: 170 }), "npsSampleSize: input.expectedPromoterPercent is 170, expected a percent from 0 to 100"],
    [() => proportionSampleSize({ marginOfError: Number.POSITIVE_INFINITY }), "proportionSampleSize: input.marginOfError is Infinity, expected a positive number"],
    [() => proportionSampleSize({ marginOfError: 5, confidence: 95 }), "proportionSampleSize: input.confidence is 95, expected a confidence level between 0 and 1 (exclusive)"],
    [() => proportionSampleSize({} as never), "proportionSampleSize: input.marginOfError is missing, expected a positive number"],
    [() => proportionSampleSize(null as never), "proportionSampleSize: input is null, expected an object"],
  ])("refuse bad input %#", (run, message) => {
    const error = errorOf(run);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });
});
