import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ces, csat, nps } from "../../src/index.js";
import { erfc, normalUpperQuantile, normalUpperTail, twoSidedPValue, zForConfidence } from "../../src/internal/normal.js";

describe("the normal distribution", () => {
  it.each([
    [0.95, 1.959963984540054],
    [0.99, 2.5758293035489],
    [0.9, 1.6448536269514722],
    [0.5, 0.6744897501960817],
    [0.999, 3.2905267314919255],
  ])("z for %d confidence is %d to 1e-12", (confidence, z) => {
    expect(Math.abs(zForConfidence(confidence) - z)).toBeLessThan(1e-12);
  });

  it.each([
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3, 2.209049699858544e-5],
    [5, 1.537459794428035e-12],
    [10, 2.088487583762545e-45],
    [-1, 1.8427007929497148],
  ])("erfc(%d) is %d to 1e-12 relative", (x, value) => {
    expect(Math.abs(erfc(x) / value - 1)).toBeLessThan(1e-12);
  });

  it("keeps precision deep in the upper tail", () => {
    expect(normalUpperTail(20) / 2.753624118606233e-89 - 1).toBeCloseTo(0, 12);
    expect(twoSidedPValue(-1.959963984540054)).toBeCloseTo(0.05, 14);
  });

  it("inverts the upper tail across its range", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.999, noNaN: true }), (q) => {
        const z = normalUpperQuantile(q);
        expect(Math.abs(normalUpperTail(z) / q - 1)).toBeLessThan(1e-9);
      }),
    );
  });
});

describe("NPS intervals", () => {
  const counts = { promoters: 70, passives: 20, detractors: 10 };

  it("Wald: se = 100 sqrt(((pP + pD) - (pP - pD)^2) / n), score +- z se", () => {
    const r = nps(counts);
    expect(r.standardError).toBeCloseTo(100 * Math.sqrt(0.44 / 100), 12);
    expect(r.marginOfError).toBeCloseTo(1.959963984540054 * r.standardError, 12);
    expect(r.confidenceInterval).toEqual({ lower: 60 - r.marginOfError, upper: 60 + r.marginOfError, level: 0.95 });
  });

  it("adjusted Wald adds 0.75 promoters and detractors and 1.5 passives, centred on the adjusted score", () => {
    const r = nps(counts, { interval: "adjusted-wald" });
    const centre = (100 * (70.75 - 10.75)) / 103;
    const pP = 70.75 / 103;
    const pD = 10.75 / 103;
    const se = 100 * Math.sqrt((pP + pD - (pP - pD) ** 2) / 103);
    expect(r.score).toBe(60);
    expect(r.standardError).toBeCloseTo(se, 12);
    expect((r.confidenceInterval.lower + r.confidenceInterval.upper) / 2).toBeCloseTo(centre, 12);
  });

  it("is clipped to [-100, 100]", () => {
    const r = nps([10, 10, 10, 9, 6], { confidence: 0.99 });
    expect(r.confidenceInterval.upper).toBe(100);
    const unanimous = nps([0, 0, 0]);
    expect(unanimous.confidenceInterval).toEqual({ lower: -100, upper: -100, level: 0.95 });
    expect(nps([0, 0, 0], { interval: "adjusted-wald" }).confidenceInterval.upper).toBeGreaterThan(-100);
  });

  it("uses Kish's effective sample size with weights", () => {
    const r = nps([10, 0, 8, 9], { weights: [2, 1, 1, 2] });
    expect(r.effectiveSampleSize).toBeCloseTo(36 / 10, 12);
    const pP = 4 / 6;
    const pD = 1 / 6;
    expect(r.standardError).toBeCloseTo(100 * Math.sqrt((pP + pD - (pP - pD) ** 2) / 3.6), 12);
  });

  it("rounds the interval with decimals", () => {
    const r = nps(counts, { decimals: 1 });
    expect(r.standardError).toBe(6.6);
    expect(r.confidenceInterval).toEqual({ lower: 47, upper: 73, level: 0.95 });
  });
});

describe("proportion intervals", () => {
  it("Wilson for 8 of 10 at 95% is [49.02, 94.33] (the textbook example)", () => {
    const r = csat({ satisfied: 8, total: 10 }, { decimals: 2 });
    expect(r.confidenceInterval).toEqual({ lower: 49.02, upper: 94.33, level: 0.95 });
    expect(r.standardError).toBe(12.65);
  });

  it("Wald is p +- z se, clipped to [0, 100]", () => {
    const r = ces({ agree: 9, total: 10 }, { interval: "wald" });
    const se = 100 * Math.sqrt(0.09 / 10);
    expect(r.standardError).toBeCloseTo(se, 12);
    expect(r.confidenceInterval.upper).toBe(100);
    expect(r.confidenceInterval.lower).toBeCloseTo(90 - 1.959963984540054 * se, 10);
  });

  it("Wilson stays inside [0, 100] at the edges", () => {
    const all = csat({ satisfied: 5, total: 5 });
    expect(all.confidenceInterval.upper).toBe(100);
    expect(all.confidenceInterval.lower).toBeGreaterThan(50);
    expect(csat({ satisfied: 0, total: 5 }).confidenceInterval.lower).toBe(0);
  });

  it("intervals contain the point estimate and widen with confidence", () => {
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0.5, max: 0.98, noNaN: true }),
        fc.constantFrom("wilson" as const, "wald" as const),
        (hits, extra, confidence, interval) => {
          const counts = { satisfied: hits, total: hits + extra };
          const a = csat(counts, { confidence, interval });
          const b = csat(counts, { confidence: confidence + 0.01, interval });
          expect(a.confidenceInterval.lower).toBeLessThanOrEqual(a.score + 1e-9);
          expect(a.confidenceInterval.upper).toBeGreaterThanOrEqual(a.score - 1e-9);
          expect(b.confidenceInterval.upper - b.confidenceInterval.lower).toBeGreaterThanOrEqual(
            a.confidenceInterval.upper - a.confidenceInterval.lower - 1e-9,
          );
        },
      ),
    );
  });

  it("NPS Wald intervals contain the score and widen with confidence", () => {
    fc.assert(
      fc.property(fc.nat(300), fc.nat(300), fc.nat(300), fc.double({ min: 0.5, max: 0.98, noNaN: true }), (p, q, d, confidence) => {
        fc.pre(p + q + d > 0);
        const a = nps({ promoters: p, passives: q, detractors: d }, { confidence });
        const b = nps({ promoters: p, passives: q, detractors: d }, { confidence: confidence + 0.01 });
        expect(a.confidenceInterval.lower).toBeLessThanOrEqual(a.score);
        expect(a.confidenceInterval.upper).toBeGreaterThanOrEqual(a.score);
        expect(b.marginOfError).toBeGreaterThanOrEqual(a.marginOfError);
      }),
    );
  });

  it.each([
    [{ confidence: 1 }, "nps: options.confidence is 1, expected a confidence level between 0 and 1 (exclusive)"],
    [{ confidence: 0 }, "nps: options.confidence is 0, expected a confidence level between 0 and 1 (exclusive)"],
    [{ confidence: Number.NaN }, "nps: options.confidence is NaN, expected a confidence level between 0 and 1 (exclusive)"],
    [{ interval: "wilson" }, "nps: options.interval is \"wilson\", expected one of 'wald', 'adjusted-wald'"],
  ])("refuses %o", (options, message) => {
    expect(() => nps([1], options as never)).toThrow(message);
  });

  it("csat refuses an unknown interval method", () => {
    expect(() => csat([1], { interval: "adjusted-wald" as never })).toThrow(
      "csat: options.interval is \"adjusted-wald\", expected one of 'wilson', 'wald'",
    );
  });
});
