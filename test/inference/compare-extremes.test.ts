import { describe, expect, it } from "vitest";
import { compareNps, compareProportions } from "../../src/index.js";
import { errorOf } from "../helpers/errors.js";

const result = (scale: number, effectiveSampleSize?: number) => ({
  metric: "nps" as const,
  promoters: 70 * scale,
  passives: 20 * scale,
  detractors: 10 * scale,
  ...(effectiveSampleSize === undefined ? {} : { effectiveSampleSize }),
});

describe("compareNps and compareProportions at the edges of the doubles", () => {
  it.each([2 ** 1015, 2 ** 600, 2 ** -600, 2 ** -1060])("weighted counts scaled by %s (a power of two) give the same comparison as the plain counts", (scale) => {
    const plain = compareNps(result(1, 100), result(0.5, 50));
    expect(compareNps(result(scale, 100), result(0.5 * scale, 50))).toEqual(plain);
    const share = compareProportions({ metric: "csat", satisfied: 40, total: 50, effectiveSampleSize: 50 }, { successes: 30, total: 50 });
    expect(compareProportions({ metric: "csat", satisfied: 40 * scale, total: 50 * scale, effectiveSampleSize: 50 }, { successes: 30, total: 50 })).toEqual(share);
  });

  it.each([1e-300, 0.5, 1 - 2 ** -53])("an effective sample size of %s (below 1, which Kish's never is) is OUT_OF_RANGE naming it", (n) => {
    const e = errorOf(() => compareNps(result(1, n), result(1)));
    expect([e.code, e.issues[0]!.path]).toEqual(["OUT_OF_RANGE", ["a", "effectiveSampleSize"]]);
    const p = errorOf(() => compareProportions({ successes: 1, total: 2 }, { metric: "ces", agree: 1, total: 2, effectiveSampleSize: n }));
    expect([p.code, p.issues[0]!.path]).toEqual(["OUT_OF_RANGE", ["b", "effectiveSampleSize"]]);
  });

  it.each([0.3, 1e-300])("a result without an effective sample size is a count: a total of %s is OUT_OF_RANGE", (scale) => {
    const e = errorOf(() => compareNps(result(scale / 100), result(1)));
    expect([e.code, e.issues[0]!.path]).toEqual(["OUT_OF_RANGE", ["a"]]);
  });

  it("counts whose total leaves the range of a double, without an effective sample size, are OUT_OF_RANGE", () => {
    const e = errorOf(() => compareNps({ metric: "nps", promoters: 1e308, passives: 1e308, detractors: 0 }, result(1)));
    expect([e.code, e.issues[0]!.path]).toEqual(["OUT_OF_RANGE", ["a"]]);
  });

  it("an effective sample size of exactly 1 gives a finite standard error", () => {
    const c = compareNps(result(1e-3, 1), result(1));
    expect(Number.isFinite(c.standardError)).toBe(true);
  });
});
