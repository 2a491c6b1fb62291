import { describe, expect, it } from "vitest";
import { correctlyRounded, ratio, roundTo, toFraction } from "../../src/internal/round.js";

describe("roundTo edges", () => {
  it.each([
    [-0, 2],
    [-0, 0],
  ])("roundTo(%d, %i) is 0, not -0", (x, decimals) => {
    expect(Object.is(roundTo(x, decimals), 0)).toBe(true);
  });

  it.each([
    // 1.5e-10 = 0.00000000015: at 10 places the last digit 5 is a tie, away from zero → 0.0000000002
    [1.5e-10, 10, 2e-10],
    [-1.5e-10, 10, -2e-10],
    // 1.25e-12 at 13 places: 0.0000000000013 (tie on 12.5 × 10^-13)
    [1.25e-12, 13, 1.3e-12],
    // 123456.5 at 0 places: 123457
    [123456.5, 0, 123457],
    // -2.5 at 0 places: -3
    [-2.5, 0, -3],
  ])("roundTo(%d, %i) is %d on a two-digit exponent or plain digits", (x, decimals, expected) => {
    expect(roundTo(x, decimals)).toBe(expected);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY]])(
    "roundTo(%d, 2) returns a non-finite value unchanged",
    (x) => {
      expect(Object.is(roundTo(x, 2), x)).toBe(true);
    },
  );
});

describe("ratio edges", () => {
  it.each([
    // The exact values of the doubles: 0.1 = 3602879701896397 / 2^55, so 10 × 0.1 / 3 = 36028797018963970 / (3 × 2^55)
    // = 0.333333333333333351…, whose nearest double is 0.33333333333333337, not the 1/3 of a rounded product.
    [0.1, 3, 10, 0.33333333333333337],
    // 0.01 = 5764607523034235 / 2^59: 100 × 0.01 / 9 = 0.111111111111111113…, nearest double 0.11111111111111112.
    [0.01, 9, 100, 0.11111111111111112],
  ])("ratio(%d, %d, %d) is exact when a fractional numerator's product rounds to an integer", (num, den, scale, expected) => {
    expect(ratio(num, den, scale)).toBe(expected);
  });

  it("is 0, not -0, for a zero numerator of either sign", () => {
    expect(Object.is(ratio(-0, 3, 100), 0)).toBe(true);
    expect(Object.is(ratio(0, 3, -100), 0)).toBe(true);
  });

  it("divides by a fractional scale's denominator", () => {
    // 1/4 × 0.5 = 0.125 exactly
    expect(ratio(1, 4, 0.5)).toBe(0.125);
    // 3/5 × 0.25 = 0.15, rounded to 1 place half away from zero: 0.2
    expect(ratio(3, 5, 0.25, 1)).toBe(0.2);
  });

  it("rounds the exact product once when num × scale is not exact in doubles", () => {
    // The double 0.07 is 0.07000000000000000666…; × 100 / 7 = 1.0000000000000000951…, whose nearest double is 1.
    // Two double operations give 0.07 × 100 = 7.000000000000001, then / 7 = 1.0000000000000002.
    expect(ratio(0.07, 7, 100)).toBe(1);
    // 0.29 is 0.28999999999999998002…; × 100 / 5 = 5.7999999999999996004…, nearest double 5.8.
    expect(ratio(0.29, 5, 100)).toBe(5.8);
  });
});

describe("correctlyRounded edges", () => {
  const B = 3n ** 70n;

  it("rounds a quotient just above a tie up, even when the excess is far below the working precision", () => {
    // (2^53 + 1) + 1/B lies just above the midpoint of 2^53 and 2^53 + 2 (doubles there are 2 apart): 2^53 + 2.
    expect(correctlyRounded((2n ** 53n + 1n) * B + 1n, B)).toBe(2 ** 53 + 2);
    expect(correctlyRounded(-((2n ** 53n + 1n) * B + 1n), B)).toBe(-(2 ** 53 + 2));
  });

  it("rounds a quotient just below a tie down", () => {
    // (2^53 + 1) - 1/B is below the midpoint: 2^53.
    expect(correctlyRounded((2n ** 53n + 1n) * B - 1n, B)).toBe(2 ** 53);
  });

  it("rounds an exact tie to even", () => {
    // 2^53 + 3 is the midpoint of 2^53 + 2 and 2^53 + 4; the even mantissa is 2^53 + 4.
    expect(correctlyRounded(2n ** 53n + 3n, 1n)).toBe(2 ** 53 + 4);
    expect(correctlyRounded(2n ** 53n + 1n, 1n)).toBe(2 ** 53);
  });
});

describe("toFraction edges", () => {
  it("names the value it cannot convert", () => {
    expect(() => toFraction(Number.NEGATIVE_INFINITY)).toThrow("-Infinity has no exact fraction");
  });

  it.each([
    [1e21, 10n ** 21n, 1n], // 10^21 = 2^21 × 5^21 with 5^21 < 2^53: an exact double
    [-7, -7n, 1n],
    [0, 0n, 1n],
    [-0.375, -3n, 8n],
    [2 ** -1074, 1n, 2n ** 1074n],
  ])("toFraction(%d) is %s / %s", (x, num, den) => {
    expect(toFraction(x)).toEqual([num, den]);
  });
});

describe("correctlyRounded below the normal range", () => {
  it.each([
    // 10^-320 and 3·10^-310 are subnormal: the nearest doubles are what the decimal literals parse to.
    [1n, 10n ** 320n, 1e-320],
    [3n, 10n ** 310n, 3e-310],
    // 0.75 · 2^-1074 rounds up to the smallest subnormal; 0.25 · 2^-1074 rounds down to 0.
    [3n, 2n ** 1076n, 5e-324],
    [1n, 2n ** 1076n, 0],
    // Exactly half of 2^-1074 is a tie, which goes to the even neighbour, 0.
    [1n, 2n ** 1075n, 0],
    // Just above that half rounds up.
    [2n ** 200n + 1n, 2n ** 1275n, 5e-324],
    [1n, 10n ** 400n, 0],
    [-1n, 10n ** 320n, -1e-320],
    // A negative value that rounds to zero is 0, not -0.
    [-1n, 2n ** 1075n, 0],
  ])("correctlyRounded(%s, %s) is %s", (top, bottom, expected) => {
    expect(correctlyRounded(top, bottom)).toBe(expected);
  });

  it("keeps the smallest normal double exact", () => {
    expect(correctlyRounded(1n, 2n ** 1022n)).toBe(2 ** -1022);
  });
});
