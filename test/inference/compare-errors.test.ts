import { describe, expect, it } from "vitest";
import { compareNps, compareProportions, csat, NpsSampleSizeInputSchema, npsSampleSize, proportionSampleSize } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";


const counts = { promoters: 50, passives: 30, detractors: 20 };
const result = (fields: Record<string, unknown>) => ({ metric: "nps", promoters: 5, passives: 3, detractors: 2, ...fields }) as never;
const share = { successes: 1, total: 2 };

describe("compareNps names the sample, the field and the path of what it refuses", () => {
  it.each([
    [() => compareNps([], counts), "EMPTY_INPUT", "compareNps: a has no responses", ["a"]],
    [() => compareNps(counts, []), "EMPTY_INPUT", "compareNps: b has no responses", ["b"]],
    [() => compareNps(5 as never, counts), "INVALID_INPUT", "compareNps: a is 5, expected an NPS result, counts or an array of scores", ["a"]],
    [() => compareNps(result({ passives: -1 }), counts), "INVALID_INPUT", "compareNps: a.passives is -1, expected a finite, non-negative number", ["a", "passives"]],
    [() => compareNps(result({ detractors: Number.POSITIVE_INFINITY }), counts), "INVALID_INPUT", "compareNps: a.detractors is Infinity, expected a finite, non-negative number", ["a", "detractors"]],
    [() => compareNps(result({ promoters: "5" }), counts), "INVALID_INPUT", 'compareNps: a.promoters is "5", expected a finite, non-negative number', ["a", "promoters"]],
    [() => compareNps(result({ effectiveSampleSize: -2 }), counts), "INVALID_INPUT", "compareNps: a.effectiveSampleSize is -2, expected a finite, non-negative number", ["a", "effectiveSampleSize"]],
    [() => compareNps(result({ promoters: 0, passives: 0, detractors: 0 }), counts), "EMPTY_INPUT", "compareNps: a has no responses", ["a"]],
    [() => compareNps(result({ effectiveSampleSize: 0 }), counts), "EMPTY_INPUT", "compareNps: a has no responses", ["a"]],
    [() => compareNps(counts, result({ effectiveSampleSize: 0 })), "EMPTY_INPUT", "compareNps: b has no responses", ["b"]],
    [() => compareNps(result({ promoters: 0, passives: 0, detractors: 0, effectiveSampleSize: 5 }), counts), "EMPTY_INPUT", "compareNps: a has no responses", ["a"]],
  ])("case %#", (run, code, message, path) => {
    const error = errorOf(run);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.issues.map((i) => i.path)).toEqual([path]);
  });

  it("accepts a zero in any count of a result", () => {
    expect(compareNps(result({ passives: 0 }), counts).difference).toBe(compareNps({ promoters: 5, passives: 0, detractors: 2 }, counts).difference);
  });
});

describe("compareProportions names the sample, the field and the path of what it refuses", () => {
  it.each([
    [() => compareProportions(5 as never, share), "INVALID_INPUT", "compareProportions: a is 5, expected a CSAT or CES result or { successes, total }", ["a"]],
    [() => compareProportions(share, null as never), "INVALID_INPUT", "compareProportions: b is null, expected a CSAT or CES result or { successes, total }", ["b"]],
    [() => compareProportions({ metric: "csat", satisfied: 1, total: "2" } as never, share), "INVALID_INPUT", 'compareProportions: a.total is "2", expected a finite, non-negative number', ["a", "total"]],
    [() => compareProportions({ metric: "ces", agree: 1, total: 2, effectiveSampleSize: -1 } as never, share), "INVALID_INPUT", "compareProportions: a.effectiveSampleSize is -1, expected a finite, non-negative number", ["a", "effectiveSampleSize"]],
    [() => compareProportions({ successes: 1, total: -2 }, share), "INVALID_INPUT", "compareProportions: a.total is -2, expected a non-negative integer", ["a", "total"]],
    [() => compareProportions({ metric: "csat", satisfied: 0, total: 0 } as never, share), "EMPTY_INPUT", "compareProportions: a has no responses", ["a"]],
    [() => compareProportions({ metric: "csat", satisfied: 1, total: 2, effectiveSampleSize: 0 } as never, share), "EMPTY_INPUT", "compareProportions: a has no responses", ["a"]],
    [() => compareProportions(share, { successes: 0, total: 0 }), "EMPTY_INPUT", "compareProportions: b has no responses", ["b"]],
    [() => compareProportions({ metric: "ces", agree: 0, total: 0, effectiveSampleSize: 3 } as never, share), "EMPTY_INPUT", "compareProportions: a has no responses", ["a"]],
  ])("case %#", (run, code, message, path) => {
    const error = errorOf(run);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.issues.map((i) => i.path)).toEqual([path]);
  });

  it("weighs a result by its effective sample size", () => {
    const weighted = compareProportions({ metric: "csat", satisfied: 3, total: 4, effectiveSampleSize: 2 } as never, share);
    const plain = compareProportions({ metric: "csat", satisfied: 3, total: 4 } as never, share);
    expect(weighted.standardError).toBeCloseTo(100 * Math.sqrt((0.75 * 0.25) / 2 + 0.25 / 2), 12);
    expect(plain.standardError).toBeCloseTo(100 * Math.sqrt((0.75 * 0.25) / 4 + 0.25 / 2), 12);
  });
});

describe("the confidence interval of a difference", () => {
  it("is the difference plus and minus z times the standard error, inside the range", () => {
    const c = compareNps({ promoters: 70, passives: 20, detractors: 10 }, counts);
    const z95 = 1.959963984540054;
    expect(c.confidenceInterval.lower).toBeCloseTo(c.difference - z95 * c.standardError, 9);
    expect(c.confidenceInterval.upper).toBeCloseTo(c.difference + z95 * c.standardError, 9);
    const p = compareProportions({ successes: 42, total: 50 }, { successes: 38, total: 50 });
    expect(p.confidenceInterval.upper).toBeCloseTo(p.difference + z95 * p.standardError, 9);
    expect(p.confidenceInterval.lower).toBeCloseTo(p.difference - z95 * p.standardError, 9);
  });

  it("is clipped to the range of the metric", () => {
    const c = compareProportions({ successes: 9, total: 10 }, { successes: 0, total: 10 });
    expect(c.difference).toBe(90);
    expect(c.difference + 1.96 * c.standardError).toBeGreaterThan(100);
    expect(c.confidenceInterval.upper).toBe(100);
    expect(c.confidenceInterval.lower).toBeCloseTo(90 - 1.959963984540054 * c.standardError, 9);
  });
});

describe("sample sizes at the edges of their inputs", () => {
  it("take a detractor expectation alone, the promoters at their worst case", () => {
    // pP = min(0.1 + 0.5, 0.9) = 0.6: variance 0.7 - 0.25 = 0.45, n = z² · 0.45 / 0.05² = 691.5, rounded up.
    expect(npsSampleSize({ marginOfError: 5, expectedDetractorPercent: 10 })).toBe(692);
  });

  it("accept promoters and detractors that add up to exactly 100, and a 0 percent", () => {
    // Variance 1 - 0.2² = 0.96.
    expect(npsSampleSize({ marginOfError: 5, expectedPromoterPercent: 60, expectedDetractorPercent: 40 })).toBe(1476);
    expect(NpsSampleSizeInputSchema.safeParse({ marginOfError: 5, expectedPromoterPercent: 60, expectedDetractorPercent: 40 }).success).toBe(true);
    // No variance still needs one response.
    expect(proportionSampleSize({ marginOfError: 5, expectedPercent: 0 })).toBe(1);
  });

  it.each([
    [() => npsSampleSize({ marginOfError: -1 }), "npsSampleSize: input.marginOfError is -1, expected a positive number"],
    [() => npsSampleSize({ marginOfError: "5" } as never), 'npsSampleSize: input.marginOfError is "5", expected a positive number'],
    [() => proportionSampleSize({ marginOfError: 5, expectedPercent: -1 }), "proportionSampleSize: input.expectedPercent is -1, expected a percent from 0 to 100"],
    [() => proportionSampleSize({ marginOfError: 5, expectedPercent: "50" } as never), 'proportionSampleSize: input.expectedPercent is "50", expected a percent from 0 to 100'],
  ])("refuse %#", (run, message) => {
    const error = errorOf(run);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });
});

describe("proportion intervals", () => {
  it("wald: the share plus and minus z times its standard error", () => {
    const r = csat([5, 5, 1, 1], { interval: "wald" });
    const margin = 100 * 1.959963984540054 * 0.25;
    expect(r.marginOfError).toBeCloseTo(margin, 9);
    expect(r.confidenceInterval.lower).toBeCloseTo(50 - margin, 9);
    expect(r.confidenceInterval.upper).toBeCloseTo(50 + margin, 9);
  });

  it("wilson: the margin is half the width of the asymmetric interval", () => {
    const r = csat([5, 4, 4, 1], { interval: "wilson" });
    expect(r.marginOfError).toBeCloseTo((r.confidenceInterval.upper - r.confidenceInterval.lower) / 2, 12);
    expect(r.confidenceInterval.upper - 75).toBeLessThan(75 - r.confidenceInterval.lower);
  });
});
