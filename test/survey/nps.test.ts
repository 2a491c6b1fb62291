import { describe, expect, it } from "vitest";
import { CxMetricsError, NpsOptionsSchema, nps, npsCategory } from "../../src/index.js";
import fixtures from "../fixtures/survey.json" with { type: "json" };
import { errorOf } from "../helpers/errors.js";


describe("nps fixtures", () => {
  it.each(fixtures.nps.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const result = nps(f.input as never, (f as { options?: object }).options as never);
    expect(result).toMatchObject(f.expected);
    expect(result.metric).toBe("nps");
  });
});

describe("nps", () => {
  it("nps(scores) counts a 6 as a detractor and an 8 as a passive", () => {
    expect(nps([6, 8])).toMatchObject({ detractors: 1, passives: 1, promoters: 0, score: -50 });
  });

  it("nps(Uint8Array) equals nps(number[])", () => {
    const scores = [0, 3, 6, 7, 8, 9, 10, 10, 5];
    expect(nps(Uint8Array.from(scores))).toEqual(nps(scores));
  });

  it("accepts other typed arrays and array-likes", () => {
    expect(nps(Float64Array.from([10, 0, 8]))).toEqual(nps([10, 0, 8]));
    expect(nps({ length: 2, 0: 9, 1: 9 } as ArrayLike<number>).score).toBe(100);
  });

  it("returns a plain, JSON-serialisable object", () => {
    const result = nps([10, 7, 0]);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it("keeps counts exact and percents correctly rounded for large totals", () => {
    const r = nps({ promoters: 2_000_000_000, passives: 1, detractors: 0 });
    expect(r.total).toBe(2_000_000_001);
    expect(r.score).toBe((100 * 2_000_000_000) / 2_000_000_001);
  });

  it("uses exact arithmetic when counts are too large for one correctly rounded division", () => {
    const big = 2 ** 52;
    const r = nps({ promoters: big, passives: 0, detractors: 0 });
    expect(r.score).toBe(100);
  });

  it("weighted percents are ratios of weighted sums", () => {
    const r = nps([10, 8, 2], { weights: [0.5, 0.25, 0.25] });
    expect(r).toMatchObject({ promoters: 0.5, passives: 0.25, detractors: 0.25, total: 1, score: 25 });
  });

  it("weights of zero everywhere leave no responses", () => {
    expect(errorOf(() => nps([10], { weights: [0] })).code).toBe("EMPTY_INPUT");
  });
});

describe("nps refuses bad input", () => {
  it.each([
    ["an empty array", [], "EMPTY_INPUT", "nps: no responses: the NPS of nothing is undefined"],
    ["zero counts", { promoters: 0, passives: 0, detractors: 0 }, "EMPTY_INPUT", "nps: no responses: the NPS of nothing is undefined"],
    ["a score of 11", [10, 11], "OUT_OF_RANGE", "nps: scores[1] is 11, outside 0-10"],
    ["a negative score", [-1], "OUT_OF_RANGE", "nps: scores[0] is -1, outside 0-10"],
    ["a byte score of 200", Uint8Array.from([1, 200]), "OUT_OF_RANGE", "nps: scores[1] is 200, outside 0-10"],
    ["NaN", [1, Number.NaN], "INVALID_INPUT", "nps: scores[1] is NaN, expected an integer"],
    ["Infinity", [Number.POSITIVE_INFINITY], "INVALID_INPUT", "nps: scores[0] is Infinity, expected an integer"],
    ["a fraction", [7.5], "INVALID_INPUT", "nps: scores[0] is 7.5, expected an integer"],
    ["a string", ["9"], "INVALID_INPUT", 'nps: scores[0] is "9", expected an integer'],
    ["null in the array", [null], "INVALID_INPUT", "nps: scores[0] is null, expected an integer"],
    ["a hole in a sparse array", new Array<number>(3).fill(9, 0, 1).fill(9, 2), "INVALID_INPUT", "nps: scores[1] is missing, expected an integer"],
    ["null", null, "INVALID_INPUT", "nps: input is null, expected an array of scores or { promoters, passives, detractors }"],
    ["a number", 7, "INVALID_INPUT", "nps: input is 7, expected an array of scores or { promoters, passives, detractors }"],
    ["negative counts", { promoters: -1, passives: 0, detractors: 1 }, "INVALID_INPUT", "nps: counts.promoters is -1, expected a non-negative integer"],
    ["fractional counts", { promoters: 1.5, passives: 0, detractors: 1 }, "INVALID_INPUT", "nps: counts.promoters is 1.5, expected a non-negative integer"],
    ["missing counts", { promoters: 1, passives: 0 }, "INVALID_INPUT", "nps: counts.detractors is missing, expected a non-negative integer"],
  ])("%s", (_name, input, code, message) => {
    const error = errorOf(() => nps(input as never));
    expect(error).toBeInstanceOf(CxMetricsError);
    expect(error.name).toBe("CxMetricsError");
    expect(error.code).toBe(code);
    expect(error.metric).toBe("nps");
    expect(error.message).toBe(message);
    expect(error.issues.length).toBeGreaterThan(0);
  });

  it.each([
    ["weights of the wrong length", [1, 2], { weights: [1] }, "nps: options.weights.length is 1, expected 2 (one weight per score)"],
    ["a negative weight", [1, 2], { weights: [1, -1] }, "nps: options.weights[1] is -1, expected a finite, non-negative weight"],
    ["a bad score with weights", [1, 12], { weights: [1, 1] }, "nps: scores[1] is 12, outside 0-10"],
    ["a NaN weight", [1], { weights: [Number.NaN] }, "nps: options.weights[0] is NaN, expected a finite, non-negative weight"],
    ["weights that are not an array", [1], { weights: 3 }, "nps: options.weights is 3, expected an array of weights"],
    ["weights with counts", { promoters: 1, passives: 0, detractors: 0 }, { weights: [1] }, "nps: options.weights applies to scores, not to counts"],
    ["decimals of 16", [1], { decimals: 16 }, "nps: options.decimals is 16, expected an integer from 0 to 15"],
    ["fractional decimals", [1], { decimals: 1.5 }, "nps: options.decimals is 1.5, expected an integer from 0 to 15"],
    ["an unknown option", [1], { decimal: 2 }, 'nps: options has unknown key "decimal"'],
    ["options that are not an object", [1], "x", 'nps: options is "x", expected an object'],
    ["null options", [1], null, "nps: options is null, expected an object"],
  ])("%s", (_name, input, options, message) => {
    const error = errorOf(() => nps(input as never, options as never));
    expect(error.code).toBe(message.includes("outside") ? "OUT_OF_RANGE" : "INVALID_INPUT");
    expect(error.message).toBe(message);
  });

  it("exports option schemas that check every weight", () => {
    expect(NpsOptionsSchema.safeParse({ weights: [1, 0.5] }).success).toBe(true);
    expect(NpsOptionsSchema.safeParse({ weights: [1, -0.5] }).success).toBe(false);
    expect(NpsOptionsSchema.safeParse({ weights: "ab" }).success).toBe(false);
  });

  it("names the path of the offending value in its issues", () => {
    const error = errorOf(() => nps([10, 11]));
    expect(error.issues[0]).toMatchObject({ path: ["scores", 1], input: 11, code: "too_big" });
  });

  it("turns a getter that throws into INVALID_INPUT", () => {
    const hostile = {
      length: 1,
      get 0(): number {
        throw new TypeError("boom");
      },
    };
    const error = errorOf(() => nps(hostile));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("nps: input could not be read (boom)");
  });

  it("turns a hostile options object into INVALID_INPUT", () => {
    const options = new Proxy({}, { ownKeys: () => { throw "nope"; } });
    expect(errorOf(() => nps([1], options)).message).toBe("nps: input could not be read (nope)");
  });
});

describe("npsCategory", () => {
  it.each([
    [0, "detractor"],
    [6, "detractor"],
    [7, "passive"],
    [8, "passive"],
    [9, "promoter"],
    [10, "promoter"],
  ] as const)("npsCategory(%i) is %s", (score, category) => {
    expect(npsCategory(score)).toBe(category);
  });

  it.each([
    [11, "OUT_OF_RANGE", "npsCategory: score is 11, outside 0-10"],
    [-1, "OUT_OF_RANGE", "npsCategory: score is -1, outside 0-10"],
    [6.5, "INVALID_INPUT", "npsCategory: score is 6.5, expected an integer"],
    ["9", "INVALID_INPUT", 'npsCategory: score is "9", expected an integer'],
  ])("refuses %s", (score, code, message) => {
    const error = errorOf(() => npsCategory(score as number));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
