import { describe, expect, it } from "vitest";
import { checkedEffectiveSize } from "../../src/inference/intervals.js";
import { errorOf } from "../helpers/errors.js";

describe("checkedEffectiveSize", () => {
  it("is the total itself when every weight is 1, even for totals whose square overflows", () => {
    expect(checkedEffectiveSize(1e200, 1e200, "nps")).toBe(1e200);
  });

  it("is Kish's (Σw)² / Σw² otherwise", () => {
    expect(checkedEffectiveSize(4, 8, "nps")).toBe(2);
  });

  it.each([
    ["a non-finite total", Number.POSITIVE_INFINITY, 1, 0],
    ["an effective size that overflows", 1e200, 1, 0],
    ["an effective size of zero", 0, 1, 0],
    ["a non-finite sum of values", 1, 1, Number.POSITIVE_INFINITY],
  ])("refuses %s as OUT_OF_RANGE on the weights", (_, total, sumOfSquares, sumOfValues) => {
    const e = errorOf(() => checkedEffectiveSize(total, sumOfSquares, "csat", sumOfValues));
    expect(e.code).toBe("OUT_OF_RANGE");
    expect(e.issues[0]?.path).toEqual(["options", "weights"]);
    expect(e.message).toBe("csat: options.weights are too large or too small: their sums or squares leave the range of a double");
  });
});
