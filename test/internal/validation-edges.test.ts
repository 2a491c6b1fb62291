import { describe, expect, it } from "vitest";
import { csat } from "../../src/index.js";
import { checkConfidence, checkCount, checkDecimals, checkInteger, checkScale } from "../../src/internal/check.js";
import { describeValue, fromZodIssues, parseWith, plainError, valueError } from "../../src/internal/fail.js";
import { withinScale } from "../../src/internal/proportion.js";
import { isArrayLike } from "../../src/internal/check.js";
import { integerArraySchema, weightsSchema } from "../../src/schemas/shared.js";
import { tally } from "../../src/internal/tally.js";
import { errorOf } from "../helpers/errors.js";

describe("describeValue boundaries", () => {
  it("shows a string of exactly 40 characters in full", () => {
    expect(describeValue("y".repeat(40))).toBe(`"${"y".repeat(40)}"`);
  });

  it("lists an array of exactly 8 numbers", () => {
    expect(describeValue([1, 2, 3, 4, 5, 6, 7, 8])).toBe("[1, 2, 3, 4, 5, 6, 7, 8]");
    expect(describeValue([1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe("an array of length 9");
  });
});

describe("error issue codes", () => {
  it.each([
    ["OUT_OF_RANGE", "too_big"],
    ["INVALID_INPUT", "invalid_type"],
    ["EMPTY_INPUT", "invalid_type"],
  ] as const)("valueError with code %s defaults to the zod code %s", (code, zodCode) => {
    expect(valueError(code, "m", ["x"], 1, "expected something").issues[0]!.code).toBe(zodCode);
  });

  it("plainError is a custom issue", () => {
    expect(plainError("EMPTY_INPUT", "m", [], "nothing").issues).toEqual([{ code: "custom", path: [], message: "nothing" }]);
  });
});

describe("fromZodIssues paths", () => {
  it("reads a path through null as missing", () => {
    const e = fromZodIssues("INVALID_INPUT", "m", "options", { a: null }, [
      { code: "invalid_type", path: ["a", "b"], message: "Invalid input" },
    ]);
    expect(e.message).toBe("m: options.a.b is missing, which is not valid here");
  });

  it("reads a property of a function on the path", () => {
    const input = { f: Object.assign(() => 0, { x: 5 }) };
    const e = fromZodIssues("INVALID_INPUT", "m", "options", input, [
      { code: "invalid_type", path: ["f", "x"], message: "expected a string" },
    ]);
    expect(e.message).toBe("m: options.f.x is 5, expected a string");
    expect(e.issues[0]!.input).toBe(5);
  });

  it("adds no root segment when the root name is empty", () => {
    const e = fromZodIssues("INVALID_INPUT", "m", "", { a: 1 }, [{ code: "invalid_type", path: ["a"], message: "expected a string" }]);
    expect(e.issues[0]!.path).toEqual(["a"]);
    expect(e.message).toBe("m: a is 1, expected a string");
  });

  it("a schema that throws while reading yields an error at the root", () => {
    const throwing = {
      safeParse(): never {
        throw new Error("getter");
      },
    };
    const e = errorOf(() => parseWith(throwing, {}, "m", "options"));
    expect(e.issues).toEqual([{ code: "custom", path: ["options"], message: "options could not be read" }]);
  });
});

describe("option checkers", () => {
  it.each([
    ["checkCount", checkCount],
    ["checkDecimals", checkDecimals],
    ["checkInteger", checkInteger],
  ] as const)("%s turns -0 into 0", (_name, check) => {
    expect(Object.is(check(-0, ["x"], "m"), 0)).toBe(true);
  });

  it("checkDecimals refuses -1", () => {
    expect(errorOf(() => checkDecimals(-1, ["options", "decimals"], "m")).message).toBe(
      "m: options.decimals is -1, expected an integer from 0 to 15",
    );
  });

  it("checkConfidence refuses a numeric string", () => {
    expect(errorOf(() => checkConfidence("0.5", ["options", "confidence"], "m")).code).toBe("INVALID_INPUT");
  });

  it("checkScale names a scale that is not a pair", () => {
    const e = errorOf(() => checkScale([1, 2, 3], ["options", "scale"], "m"));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toBe("m: options.scale is [1, 2, 3], expected [min, max]");
  });

  it("checkScale names the bad end of the scale", () => {
    const e = errorOf(() => checkScale([1.5, 5], ["options", "scale"], "m"));
    expect(e.issues[0]!.path).toEqual(["options", "scale", 0]);
    expect(e.message).toBe("m: options.scale[0] is 1.5, expected an integer");
  });

  it("csat names one unknown option key", () => {
    const e = errorOf(() => csat([5], { colour: 1 } as never));
    expect(e.message).toBe('csat: options has unknown key "colour"');
    expect(e.issues[0]!.path).toEqual(["options"]);
  });

  it("csat names several unknown option keys, comma separated", () => {
    expect(errorOf(() => csat([5], { colour: 1, size: 2 } as never)).message).toBe('csat: options has unknown keys "colour", "size"');
  });
});

describe("isArrayLike", () => {
  it.each([[{ length: 0 }], [{ length: 3 }], [[]], [new Float64Array(2)]])("accepts %s", (value) => {
    expect(isArrayLike(value)).toBe(true);
  });

  it.each([[{ length: -1 }], [{ length: 1.5 }], [{ length: "2" }], [{}], [{ length: Number.POSITIVE_INFINITY }], [new DataView(new ArrayBuffer(2))], ["ab"]])(
    "refuses %s",
    (value) => {
      expect(isArrayLike(value)).toBe(false);
    },
  );
});

describe("schemas", () => {
  it.each([[[0, 1]], [[2.5]], [[]]])("weightsSchema accepts %s (zero weights included)", (value) => {
    expect(weightsSchema.safeParse(value).success).toBe(true);
  });

  it.each([[[Number.POSITIVE_INFINITY]], [["1"]], [[-1]], [[Number.NaN]]])("weightsSchema refuses %s", (value) => {
    expect(weightsSchema.safeParse(value).success).toBe(false);
  });

  it("integerArraySchema names the index, the value and the range, as the calculators do", () => {
    const result = integerArraySchema(0, 10).safeParse([3, 11]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("[1] is 11, outside 0-10");
  });
});

describe("proportion", () => {
  it("a threshold at either end of the scale lies within it", () => {
    expect(withinScale(1, [1, 5])).toBe(true);
    expect(withinScale(5, [1, 5])).toBe(true);
    expect(withinScale(0, [1, 5])).toBe(false);
  });

  it("csat refuses a non-object input at the root", () => {
    const e = errorOf(() => csat("abc" as never));
    expect(e.issues[0]!.path).toEqual(["input"]);
    expect(e.message).toBe('csat: input is "abc", expected an array of ratings or { satisfied, total }');
  });

  it("csat refuses weights with counts, naming options.weights", () => {
    const e = errorOf(() => csat({ satisfied: 1, total: 2 }, { weights: [1] }));
    expect(e.issues).toEqual([{ code: "custom", path: ["options", "weights"], message: "options.weights applies to ratings, not to counts" }]);
  });

  it("csat of no ratings is EMPTY_INPUT about the whole input", () => {
    const e = errorOf(() => csat([]));
    expect(e.code).toBe("EMPTY_INPUT");
    expect(e.issues[0]!.path).toEqual([]);
  });
});

describe("tally", () => {
  const count = (values: ArrayLike<unknown>, weights?: ArrayLike<unknown>) => tally(values, { min: 0, max: 10, midFrom: 7, highFrom: 9, metric: "m", field: "scores" }, weights);

  it("an integer below the scale is OUT_OF_RANGE too_small, above it too_big", () => {
    expect(errorOf(() => count([3, -1])).issues[0]).toMatchObject({ code: "too_small", path: ["scores", 1] });
    expect(errorOf(() => count([3, 11])).issues[0]).toMatchObject({ code: "too_big", path: ["scores", 1] });
    expect(errorOf(() => count([3, -1])).code).toBe("OUT_OF_RANGE");
  });

  it("a non-integer is INVALID_INPUT, not OUT_OF_RANGE", () => {
    const e = errorOf(() => count([3, 2.5]));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.message).toBe("m: scores[1] is 2.5, expected an integer");
  });

  it("bytes: sums repeated values as value × count", () => {
    // 3 + 3 + 9 + 9 + 9 = 33; bands: low 3 3, high 9 9 9
    expect(count(new Uint8Array([3, 9, 3, 9, 9]))).toEqual({ low: 2, mid: 0, high: 3, total: 5, sumOfSquares: 5, sumOfValues: 33 });
  });

  it("bytes: the first byte off the scale is named even after bytes at its ends", () => {
    expect(errorOf(() => count(new Uint8Array([0, 10, 11]))).message).toBe("m: scores[2] is 11, outside 0-10");
    expect(errorOf(() => tally(new Uint8Array([1, 5, 0]), { min: 1, max: 5, midFrom: 3, highFrom: 5, metric: "m", field: "ratings" })).message).toBe(
      "m: ratings[2] is 0, outside 1-5",
    );
  });

  it("bytes on a scale reaching below 0 or past 255 tally like any array", () => {
    const bytes = new Uint8Array([0, 200, 255]);
    expect(tally(bytes, { min: -5, max: 300, midFrom: 100, highFrom: 250, metric: "m", field: "scores" })).toEqual(tally([0, 200, 255], { min: -5, max: 300, midFrom: 100, highFrom: 250, metric: "m", field: "scores" }));
    expect(tally(bytes, { min: -5, max: 300, midFrom: 100, highFrom: 250, metric: "m", field: "scores" })).toEqual({ low: 1, mid: 1, high: 1, total: 3, sumOfSquares: 3, sumOfValues: 455 });
  });

  it.each([[-1], [11]])("weighted: a score of %i is OUT_OF_RANGE", (v) => {
    expect(errorOf(() => count([5, v], [1, 1])).code).toBe("OUT_OF_RANGE");
  });

  it("weighted: a non-integer score is INVALID_INPUT", () => {
    expect(errorOf(() => count([5, 7.5], [1, 1])).message).toBe("m: scores[1] is 7.5, expected an integer");
  });

  it.each([[Number.POSITIVE_INFINITY], ["1"], [null], [-0.5], [Number.NaN]])("weighted: a weight of %s is INVALID_INPUT", (w) => {
    const e = errorOf(() => count([5, 9], [1, w]));
    expect(e.code).toBe("INVALID_INPUT");
    expect(e.issues[0]!.path).toEqual(["options", "weights", 1]);
  });
});
