import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CesRatingsSchema, CxMetricsError, ces, csat, nps, NpsScoresSchema } from "../../src/index.js";
import { tally } from "../../src/internal/tally.js";
import { integerArraySchema } from "../../src/schemas/shared.js";

const score = fc.integer({ min: 0, max: 10 });
const scores = fc.array(score, { minLength: 1, maxLength: 200 });
const rating = fc.integer({ min: 1, max: 5 });
const ratings = fc.array(rating, { minLength: 1, maxLength: 200 });
const counts = fc
  .record({ promoters: fc.nat(10_000), passives: fc.nat(10_000), detractors: fc.nat(10_000) })
  .filter((c) => c.promoters + c.passives + c.detractors > 0);

function countCategories(xs: number[]) {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const x of xs) {
    if (x >= 9) promoters++;
    else if (x >= 7) passives++;
    else detractors++;
  }
  return { promoters, passives, detractors };
}

describe("nps properties", () => {
  it("is independent of the order of responses", () => {
    fc.assert(
      fc.property(scores, fc.nat(), (xs, seed) => {
        const shuffled = [...xs].sort((a, b) => ((a * 31 + seed) % 7) - ((b * 31 + seed) % 7));
        expect(nps(shuffled)).toEqual(nps(xs));
      }),
    );
  });

  it("stays within [-100, 100], with percents within [0, 100]", () => {
    fc.assert(
      fc.property(scores, (xs) => {
        const r = nps(xs);
        expect(r.score).toBeGreaterThanOrEqual(-100);
        expect(r.score).toBeLessThanOrEqual(100);
        for (const p of [r.promoterPercent, r.passivePercent, r.detractorPercent]) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it("has percents that sum to 100 within rounding, also with decimals", () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 0, max: 4 }), (c, decimals) => {
        const exact = nps(c);
        expect(exact.promoterPercent + exact.passivePercent + exact.detractorPercent).toBeCloseTo(100, 9);
        const rounded = nps(c, { decimals });
        const slack = 1.5 * 10 ** -decimals + 1e-9;
        expect(Math.abs(rounded.promoterPercent + rounded.passivePercent + rounded.detractorPercent - 100)).toBeLessThanOrEqual(slack);
      }),
    );
  });

  it("gives the counts form the same result as the array form", () => {
    fc.assert(fc.property(scores, (xs) => {
        expect(nps(countCategories(xs))).toEqual(nps(xs));
      }),
    );
  });

  it("leaves every percent unchanged when all counts are scaled by k", () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 2, max: 1000 }), (c, k) => {
        const a = nps(c);
        const b = nps({ promoters: c.promoters * k, passives: c.passives * k, detractors: c.detractors * k });
        expect([b.score, b.promoterPercent, b.passivePercent, b.detractorPercent]).toEqual([
          a.score,
          a.promoterPercent,
          a.passivePercent,
          a.detractorPercent,
        ]);
      }),
    );
  });

  it("treats weights of all 1 as no weights", () => {
    fc.assert(fc.property(scores, (xs) => {
        expect(nps(xs, { weights: xs.map(() => 1) })).toEqual(nps(xs));
      }),
    );
  });

  it("computes the score as the correctly rounded exact ratio", () => {
    fc.assert(
      fc.property(counts, (c) => {
        const total = c.promoters + c.passives + c.detractors;
        expect(nps(c).score).toBe((100 * (c.promoters - c.detractors)) / total);
      }),
    );
  });
});

describe("weights of any size", () => {
  it("give finite results or OUT_OF_RANGE, never NaN, Infinity or a hang", () => {
    const weight = fc.oneof(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), fc.constantFrom(5e-324, 1e-200, 1e200, 1e308));
    fc.assert(
      fc.property(fc.array(fc.tuple(score, weight), { minLength: 1, maxLength: 20 }), (pairs) => {
        const scores = pairs.map(([s]) => s);
        const weights = pairs.map(([, w]) => w);
        for (const run of [() => nps(scores, { weights }), () => csat(scores.map((s) => 1 + (s % 5)), { weights })]) {
          try {
            const r = run() as unknown as Record<string, unknown>;
            for (const v of Object.values(r)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
            const ci = r.confidenceInterval as { lower: number; upper: number };
            expect(Number.isFinite(ci.lower) && Number.isFinite(ci.upper)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(CxMetricsError);
            expect(["OUT_OF_RANGE", "EMPTY_INPUT"]).toContain((error as CxMetricsError).code);
          }
        }
      }),
    );
  });
});

describe("csat and ces properties", () => {
  it("are independent of order and within [0, 100]", () => {
    fc.assert(
      fc.property(ratings, (xs) => {
        const reversed = [...xs].reverse();
        expect(csat(reversed)).toEqual(csat(xs));
        expect(ces(reversed)).toEqual(ces(xs));
        for (const r of [csat(xs), ces(xs)]) {
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(100);
          expect(r.mean).toBeGreaterThanOrEqual(1);
          expect(r.mean).toBeLessThanOrEqual(5);
        }
      }),
    );
  });

  it("give the counts form the same score as the array form", () => {
    fc.assert(
      fc.property(ratings, (xs) => {
        const satisfied = xs.filter((x) => x >= 4).length;
        expect(csat({ satisfied, total: xs.length }).score).toBe(csat(xs).score);
        expect(ces({ agree: satisfied, total: xs.length }).score).toBe(ces(xs).score);
      }),
    );
  });

  it("lowerIsEasier on mirrored ratings equals the default on the originals", () => {
    fc.assert(fc.property(ratings, (xs) => {
        expect(ces(xs.map((x) => 6 - x), { lowerIsEasier: true }).score).toBe(ces(xs).score);
      }),
    );
  });

  it("leave scores unchanged when all counts are scaled by k", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 2, max: 1000 }), (hit, extra, k) => {
        const total = hit + extra;
        expect(csat({ satisfied: hit * k, total: total * k }).score).toBe(csat({ satisfied: hit, total }).score);
      }),
    );
  });

  it("treat weights of all 1 as no weights", () => {
    fc.assert(fc.property(ratings, (xs) => {
        expect(csat(xs, { weights: xs.map(() => 1) })).toEqual(csat(xs));
      }),
    );
  });
});

// The fast validator must say exactly what the schema says: same verdict, same first bad index, same kind of error.
const nearMiss = fc.oneof(
  fc.integer({ min: -3, max: 14 }),
  fc.double({ min: -20, max: 20 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, null, undefined, "7", true, [7], {}),
);

describe("the fast validator agrees with the schema", () => {
  it.each([
    [0, 10],
    [1, 5],
  ])("on integers %i-%i", (min, max) => {
    const schema = integerArraySchema(min, max);
    const element = fc.oneof({ weight: 4, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: nearMiss });
    fc.assert(
      fc.property(fc.array(element, { maxLength: 30 }), (xs) => {
        const verdict = schema.safeParse(xs).success;
        let thrown: CxMetricsError | undefined;
        try {
          tally(xs, { min, max, midFrom: min, highFrom: max, metric: "test", field: "values" });
        } catch (error) {
          thrown = error as CxMetricsError;
        }
        expect(thrown === undefined).toBe(verdict);
        if (thrown !== undefined) {
          const firstBad = xs.findIndex((x) => !schema.safeParse([x]).success);
          expect(thrown.issues[0]!.path).toEqual(["values", firstBad]);
          const x = xs[firstBad];
          const integral = typeof x === "number" && Number.isInteger(x);
          expect(thrown.code).toBe(integral ? "OUT_OF_RANGE" : "INVALID_INPUT");
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("on byte arrays", () => {
    const schema = integerArraySchema(0, 10);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 30, max: 12 }), (xs) => {
        const verdict = schema.safeParse(xs).success;
        let ok = true;
        try {
          tally(xs, { min: 0, max: 10, midFrom: 7, highFrom: 9, metric: "test", field: "values" });
        } catch {
          ok = false;
        }
        expect(ok).toBe(verdict);
      }),
    );
  });

  it("the exported input schemas accept what the calculators accept", () => {
    fc.assert(
      fc.property(scores, (xs) => {
        expect(NpsScoresSchema.safeParse(xs).success).toBe(true);
        expect(CesRatingsSchema.safeParse(xs).success).toBe(true);
      }),
    );
  });
});
