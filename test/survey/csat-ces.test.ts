import { describe, expect, it } from "vitest";
import { ces, csat } from "../../src/index.js";
import fixtures from "../fixtures/survey.json" with { type: "json" };
import { errorOf } from "../helpers/errors.js";


type Fixture = { name: string; input: unknown; options?: object; expected: object };

describe("csat fixtures", () => {
  it.each((fixtures.csat as Fixture[]).map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const result = csat(f.input as never, f.options as never);
    expect(result).toMatchObject(f.expected);
    expect(result.metric).toBe("csat");
  });
});

describe("ces fixtures", () => {
  it.each((fixtures.ces as Fixture[]).map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const result = ces(f.input as never, f.options as never);
    expect(result).toMatchObject(f.expected);
    expect(result.metric).toBe("ces");
  });
});

describe("csat", () => {
  it("has a mean only when ratings were given", () => {
    expect(csat([5, 4])).toHaveProperty("mean", 4.5);
    expect(csat({ satisfied: 1, total: 2 })).not.toHaveProperty("mean");
  });

  it("weights the satisfied count, the total and the mean", () => {
    expect(csat([5, 1], { weights: [3, 1] })).toMatchObject({ satisfied: 3, total: 4, score: 75, mean: 4 });
  });

  it("rounds score and mean with decimals", () => {
    expect(csat([5, 4, 1], { decimals: 1 })).toMatchObject({ score: 66.7, mean: 3.3 });
  });

  it("defaults to the top box on scales shorter than five points", () => {
    expect(csat([4, 3], { scale: [1, 4] }).satisfied).toBe(1);
    expect(csat([0, 1], { scale: [0, 1] }).satisfied).toBe(1);
  });

  it("reads ratings from a Uint8Array", () => {
    expect(csat(Uint8Array.from([5, 4, 3]))).toEqual(csat([5, 4, 3]));
  });
});

describe("ces", () => {
  it("lowerIsEasier with agreeFrom counts ratings at or below it", () => {
    expect(ces([1, 2, 3, 4], { lowerIsEasier: true, agreeFrom: 3 })).toMatchObject({ agree: 3, score: 75 });
  });

  it("agreeFrom sets the threshold of an easy answer", () => {
    expect(ces([5, 4, 3], { agreeFrom: 5 }).agree).toBe(1);
  });

  it("defaults on a 1-10 scale to 6 and above", () => {
    expect(ces([6, 5], { scale: [1, 10] }).agree).toBe(1);
  });
});

describe("csat and ces refuse bad input", () => {
  it.each([
    ["csat", () => csat([]), "EMPTY_INPUT", "csat: no responses: the share of nothing is undefined"],
    ["csat", () => csat({ satisfied: 0, total: 0 }), "EMPTY_INPUT", "csat: no responses: the share of nothing is undefined"],
    ["csat", () => csat([6]), "OUT_OF_RANGE", "csat: ratings[0] is 6, outside 1-5"],
    ["csat", () => csat([0]), "OUT_OF_RANGE", "csat: ratings[0] is 0, outside 1-5"],
    ["csat", () => csat(Uint8Array.from([0])), "OUT_OF_RANGE", "csat: ratings[0] is 0, outside 1-5"],
    ["csat", () => csat([4.5]), "INVALID_INPUT", "csat: ratings[0] is 4.5, expected an integer"],
    ["csat", () => csat([Number.NaN]), "INVALID_INPUT", "csat: ratings[0] is NaN, expected an integer"],
    ["csat", () => csat(["5"] as never), "INVALID_INPUT", 'csat: ratings[0] is "5", expected an integer'],
    ["csat", () => csat(null as never), "INVALID_INPUT", "csat: input is null, expected an array of ratings or { satisfied, total }"],
    ["csat", () => csat({ satisfied: 5, total: 4 }), "INVALID_INPUT", "csat: counts.satisfied is 5, expected satisfied <= total"],
    ["csat", () => csat({ satisfied: -1, total: 4 }), "INVALID_INPUT", "csat: counts.satisfied is -1, expected a non-negative integer"],
    ["csat", () => csat({ satisfied: 1, total: 2.5 }), "INVALID_INPUT", "csat: counts.total is 2.5, expected a non-negative integer"],
    ["csat", () => csat([1], { scale: [5, 1] }), "INVALID_INPUT", "csat: options.scale is [5, 1], expected [min, max] with min < max"],
    ["csat", () => csat([1], { scale: [1, 1] }), "INVALID_INPUT", "csat: options.scale is [1, 1], expected [min, max] with min < max"],
    ["csat", () => csat([1], { scale: [1, 4.5] as never }), "INVALID_INPUT", "csat: options.scale[1] is 4.5, expected an integer"],
    ["csat", () => csat([1], { satisfiedFrom: 6 }), "INVALID_INPUT", "csat: options.satisfiedFrom is 6, expected an integer within the scale 1-5"],
    ["csat", () => csat([1], { satisfiedFrom: 0 }), "INVALID_INPUT", "csat: options.satisfiedFrom is 0, expected an integer within the scale 1-5"],
    ["csat", () => csat([1], { weights: [1, 2] }), "INVALID_INPUT", "csat: options.weights.length is 2, expected 1 (one weight per rating)"],
    ["csat", () => csat([1], { weights: [-2] }), "INVALID_INPUT", "csat: options.weights[0] is -2, expected a finite, non-negative weight"],
    ["csat", () => csat({ satisfied: 1, total: 1 }, { weights: [1] }), "INVALID_INPUT", "csat: options.weights applies to ratings, not to counts"],
    ["csat", () => csat([1], { satisfied: 4 } as never), "INVALID_INPUT", 'csat: options has unknown key "satisfied"'],
    ["ces", () => ces([]), "EMPTY_INPUT", "ces: no responses: the share of nothing is undefined"],
    ["ces", () => ces([8]), "OUT_OF_RANGE", "ces: ratings[0] is 8, outside 1-5"],
    ["ces", () => ces([8], { scale: [1, 7] }), "OUT_OF_RANGE", "ces: ratings[0] is 8, outside 1-7"],
    ["ces", () => ces([Number.POSITIVE_INFINITY]), "INVALID_INPUT", "ces: ratings[0] is Infinity, expected an integer"],
    ["ces", () => ces({ agree: 3, total: 2 }), "INVALID_INPUT", "ces: counts.agree is 3, expected agree <= total"],
    ["ces", () => ces([1], { agreeFrom: 9 }), "INVALID_INPUT", "ces: options.agreeFrom is 9, expected an integer within the scale 1-5"],
    ["ces", () => ces([1], { lowerIsEasier: "yes" } as never), "INVALID_INPUT", 'ces: options.lowerIsEasier is "yes", expected true or false'],
    ["ces", () => ces(undefined as never), "INVALID_INPUT", "ces: input is missing, expected an array of ratings or { agree, total }"],
  ])("%s: %#", (metric, run, code, message) => {
    const error = errorOf(run);
    expect(error.metric).toBe(metric);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
