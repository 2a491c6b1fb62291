// The hand-written readers of options and counts must give the exported zod schemas' verdicts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CesCountsSchema,
  CesOptionsSchema,
  CsatCountsSchema,
  CsatOptionsSchema,
  ces,
  csat,
  NpsCountsSchema,
  NpsOptionsSchema,
  nps,
} from "../../src/index.js";

const anyValue = fc.oneof(
  fc.integer({ min: -3, max: 20 }),
  fc.double({ min: -5, max: 20 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, null, "2", true, false, [1, 5], [5, 1], [1, 1], [1, 2, 3], [1.5, 4], {}),
);

function accepts(run: () => unknown): boolean {
  try {
    run();
    return true;
  } catch {
    return false;
  }
}

const optionKeys = ["decimals", "scale", "satisfiedFrom", "agreeFrom", "lowerIsEasier", "weights", "typo"];
const optionsArb = fc.dictionary(fc.constantFrom(...optionKeys), anyValue, { maxKeys: 3 });

describe("option readers agree with the option schemas", () => {
  it("nps", () => {
    fc.assert(
      fc.property(optionsArb, (options) => {
        const o = { ...options };
        if ("weights" in o) o.weights = [1];
        expect(accepts(() => nps([9], o as never))).toBe(NpsOptionsSchema.safeParse(o).success);
      }),
      { numRuns: 3000 },
    );
  });

  it("csat and ces, thresholds included", () => {
    fc.assert(
      fc.property(optionsArb, (options) => {
        const o: Record<string, unknown> = { ...options };
        delete o.weights;
        const { agreeFrom: _a, lowerIsEasier: _l, ...forCsat } = o;
        const { satisfiedFrom: _s, ...forCes } = o;
        const rating = Array.isArray(o.scale) && typeof o.scale[0] === "number" ? o.scale[0] : 1;
        expect(accepts(() => csat([rating], forCsat as never))).toBe(CsatOptionsSchema.safeParse(forCsat).success);
        expect(accepts(() => ces([rating], forCes as never))).toBe(CesOptionsSchema.safeParse(forCes).success);
      }),
      { numRuns: 3000 },
    );
  });
});

describe("counts readers agree with the counts schemas", () => {
  const count = fc.oneof(fc.nat(20), anyValue);
  it("nps", () => {
    fc.assert(
      fc.property(fc.record({ promoters: count, passives: count, detractors: count }, { requiredKeys: [] }), (c) => {
        const total = [c.promoters, c.passives, c.detractors].reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
        const nonEmpty = total > 0;
        if (nonEmpty || !NpsCountsSchema.safeParse(c).success) {
          expect(accepts(() => nps(c as never))).toBe(NpsCountsSchema.safeParse(c).success);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("csat and ces", () => {
    fc.assert(
      fc.property(count, count, (hit, total) => {
        if (total === 0 && hit === 0) return;
        expect(accepts(() => csat({ satisfied: hit, total } as never))).toBe(CsatCountsSchema.safeParse({ satisfied: hit, total }).success);
        expect(accepts(() => ces({ agree: hit, total } as never))).toBe(CesCountsSchema.safeParse({ agree: hit, total }).success);
      }),
      { numRuns: 3000 },
    );
  });
});
