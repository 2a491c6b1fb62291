import { describe, expect, it } from "vitest";
import { CxMetricsError } from "../../src/errors.js";
import * as z from "zod/mini";
import { describeValue, formatPath, fromZodIssues, parseWith } from "../../src/internal/fail.js";
import { guard } from "../../src/internal/guard.js";

describe("error messages", () => {
  it.each([
    [-0, "-0"],
    ["x".repeat(50), `"${"x".repeat(40)}…"`],
    [10n, "10n"],
    [undefined, "missing"],
    [true, "true"],
    [Symbol("s"), "Symbol(s)"],
    [() => 1, "a function"],
    [null, "null"],
    [new Date(Number.NaN), "an invalid Date"],
    [new Date(0), "1970-01-01T00:00:00.000Z"],
    [[1, "a"], '[1, "a"]'],
    [[{}], "an array of length 1"],
    [{}, "an object"],
  ])("describeValue(%s)", (value, text) => {
    expect(describeValue(value)).toBe(text);
  });

  it("describeValue never throws", () => {
    const hostile = new Proxy([], { get: () => { throw new Error("no"); } });
    expect(describeValue(hostile)).toBe("an unreadable value");
  });

  it("formatPath reads like code", () => {
    expect(formatPath(["options", "scale", 0])).toBe("options.scale[0]");
    expect(formatPath([])).toBe("input");
    expect(formatPath([2, "endedAt"])).toBe("[2].endedAt");
  });

  it("fromZodIssues names plural unknown keys and paths through missing parents", () => {
    const error = fromZodIssues("INVALID_INPUT", "m", "options", { a: 1 }, [
      { code: "unrecognized_keys", path: [], message: "Invalid input", keys: ["x", "y"] },
      { code: "invalid_type", path: ["a", "b", "c"], message: "Invalid input", expected: "date" },
      { code: "unrecognized_keys", path: [], message: "Invalid input" },
      { code: "custom", path: ["a"], message: "Invalid input" },
    ]);
    expect(error.issues.map((i) => i.message)).toEqual([
      'options has unknown keys "x", "y"',
      "options.a.b.c is missing, which is not valid here",
      "options has unknown keys ",
      "options.a is 1, which is not valid here",
    ]);
    expect(fromZodIssues("INVALID_INPUT", "m", "", 1, [{ code: "custom", path: [], message: "bad" }]).message).toBe(
      "m: input is 1, bad",
    );
  });

  it("parseWith returns parsed data or throws INVALID_INPUT with readable messages", () => {
    const schema = z.strictObject({ n: z.int() });
    expect(parseWith(schema, { n: 2 }, "m", "options")).toEqual({ n: 2 });
    expect(() => parseWith(schema, { n: 1, typo: 1 }, "m", "options")).toThrow('m: options has unknown key "typo"');
    expect(() => parseWith(schema, { n: "2" }, "m", "options")).toThrow('m: options.n is "2", expected a number');
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error("no"); }, get: () => { throw new Error("no"); } });
    expect(() => parseWith(schema, hostile, "m", "options")).toThrow("m: options could not be read");
  });

  it("CxMetricsError without issues still has a message", () => {
    expect(new CxMetricsError("EMPTY_INPUT", "m", []).message).toBe("m: invalid input");
  });

  it("guard describes thrown non-errors and unreadable errors", () => {
    expect(() => guard("m", () => { throw "plain"; })).toThrow("m: input could not be read (plain)");
    const unreadable = { toString: () => { throw new Error("x"); } };
    expect(() => guard("m", () => { throw unreadable; })).toThrow("m: input could not be read (unknown error)");
  });
});
