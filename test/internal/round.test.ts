import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { correctlyRounded, maybeRound, ratio, roundTo, toFraction } from "../../src/internal/round.js";

describe("roundTo", () => {
  it.each([
    [12.5, 0, 13],
    [-12.5, 0, -13],
    [1.005, 2, 1.01],
    [-1.005, 2, -1.01],
    [2.675, 2, 2.68],
    [33.333333333333336, 2, 33.33],
    [0.5, 0, 1],
    [-0.4, 0, 0],
    [1e21, 2, 1e21],
    [1.5e-7, 6, 0],
    [2.5e-7, 7, 3e-7],
    [123, 0, 123],
    [0.1, 15, 0.1],
  ])("roundTo(%d, %i) is %d (half away from zero on the shown digits)", (x, decimals, expected) => {
    expect(Object.is(roundTo(x, decimals), expected)).toBe(true);
  });

  it("maybeRound leaves numbers alone without decimals and turns -0 into 0", () => {
    expect(Object.is(maybeRound(-0, undefined), 0)).toBe(true);
    expect(maybeRound(1.25, 1)).toBe(1.3);
  });
});

describe("ratio", () => {
  it("is one correctly rounded division for safe integers", () => {
    expect(ratio(1, 3, 100)).toBe(100 / 3);
    expect(Object.is(ratio(0, 3, 100), 0)).toBe(true);
  });

  it("rounds the exact ratio half away from zero", () => {
    expect(ratio(1, 8, 100, 0)).toBe(13);
    expect(ratio(-1, 8, 100, 0)).toBe(-13);
    expect(ratio(2, 3, 100, 2)).toBe(66.67);
  });

  it("is exact for fractional inputs", () => {
    expect(ratio(0.1, 0.3, 100)).toBe(correctlyRounded(10n * 100n, 30n));
    expect(ratio(0.5, 0.25, 1)).toBe(2);
  });

  it("matches a plain division whenever that division is exact", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (a, b) => {
        expect(ratio(a * 0.5, b * 0.5, 1)).toBe(a / b);
      }),
    );
  });
});

describe("correctlyRounded", () => {
  it("equals the double division for values the division gets right", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.integer({ min: 1, max: 2 ** 40 }), (a, b) => {
        expect(correctlyRounded(BigInt(a), BigInt(b))).toBe(a / b + 0);
      }),
    );
  });

  it("rounds ties to even and handles huge numerators", () => {
    const big = 2n ** 60n + 2n ** 7n; // exactly between two doubles
    expect(correctlyRounded(big, 1n)).toBe(2 ** 60);
    expect(correctlyRounded(2n ** 60n + 3n * 2n ** 7n, 1n)).toBe(2 ** 60 + 2 ** 9);
    expect(correctlyRounded(-(10n ** 30n), 3n)).toBe(-(10 ** 30) / 3);
  });

  it("is 0 for a zero numerator", () => {
    expect(correctlyRounded(0n, 7n)).toBe(0);
  });

  it("toFraction refuses what has no exact fraction", () => {
    expect(() => toFraction(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => toFraction(Number.NaN)).toThrow(RangeError);
  });

  it("toFraction is exact", () => {
    expect(toFraction(0.75)).toEqual([3n, 4n]);
    expect(toFraction(5)).toEqual([5n, 1n]);
  });
});
