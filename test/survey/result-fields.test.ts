import { describe, expect, it } from "vitest";
import { ces, csat, nps } from "../../src/index.js";

// Kish's effective sample size (Σw)² / Σw² is reported only for weighted input; unweighted results carry no such key.
describe("survey results report an effective sample size only when weighted", () => {
  it("csat", () => {
    expect(csat([5, 1], { weights: [3, 1] }).effectiveSampleSize).toBe(16 / 10);
    expect(Object.keys(csat([5, 1]))).not.toContain("effectiveSampleSize");
  });

  it("ces", () => {
    expect(ces([5, 1], { weights: [3, 1] }).effectiveSampleSize).toBe(16 / 10);
    expect(Object.keys(ces([5, 1]))).not.toContain("effectiveSampleSize");
  });

  it("nps", () => {
    expect(nps([10, 0], { weights: [3, 1] }).effectiveSampleSize).toBe(16 / 10);
    expect(Object.keys(nps([10, 0]))).not.toContain("effectiveSampleSize");
  });

  it("ces reports a mean of raw ratings and none for counts", () => {
    expect(ces([5, 1, 3]).mean).toBe(3);
    expect(Object.keys(ces({ agree: 1, total: 3 }))).not.toContain("mean");
  });
});

describe("nps names what it refuses", () => {
  it.each([
    [() => nps("9" as never), "INVALID_INPUT", 'nps: input is "9", expected an array of scores or { promoters, passives, detractors }', ["input"]],
    [() => nps({ promoters: 1, passives: 0, detractors: 0 }, { weights: [1] }), "INVALID_INPUT", "nps: options.weights applies to scores, not to counts", ["options", "weights"]],
    [() => nps([]), "EMPTY_INPUT", "nps: no responses: the NPS of nothing is undefined", []],
  ])("case %#", (run, code, message, path) => {
    let error: unknown;
    try {
      run();
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code, message });
    expect((error as { issues: Array<{ path: unknown }> }).issues.map((i) => i.path)).toEqual([path]);
  });
});
