import { describe, expect, it } from "vitest";
import {
  divideHalfAwayFromZero,
  fractionToNumber,
  MoneyAdder,
  type Scaled,
  toScaled,
} from "../../src/internal/money.js";
import { Dec } from "../helpers/decimal.js";

/** units × 10^-scale as a decimal.js value, for comparing exact sums. */
function decimalOf(value: Scaled) {
  return new Dec(value.units.toString()).div(new Dec(10).pow(value.scale));
}

function sumOf(amounts: ReadonlyArray<unknown>): Scaled {
  const adder = new MoneyAdder();
  for (const amount of amounts) adder.add(amount);
  return adder.total();
}

describe("divideHalfAwayFromZero", () => {
  it.each([
    [7n, 2n, 4n], // 3.5 → 4
    [-7n, 2n, -4n], // -3.5 → -4
    [7n, -2n, -4n], // a negative divisor flips the sign: -3.5 → -4
    [-7n, -2n, 4n], // 3.5 → 4
    [5n, -3n, -2n], // -1.666… → -2
    [-4n, 3n, -1n], // -1.333… → -1
    [0n, -5n, 0n],
    [1n, 3n, 0n],
  ])("divideHalfAwayFromZero(%s, %s) is %s", (top, bottom, expected) => {
    expect(divideHalfAwayFromZero(top, bottom)).toBe(expected);
  });
});

describe("fractionToNumber", () => {
  it("rounds ties half away from zero when decimals are given", () => {
    // -1/200 = -0.005 exactly: half away from zero at 2 places is -0.01.
    expect(fractionToNumber(-1n, 200n, 2)).toBe(-0.01);
    // 1/8 = 0.125 → 0.13
    expect(fractionToNumber(1n, 8n, 2)).toBe(0.13);
  });

  it("gives 0, never -0, for a negative fraction too small for a double", () => {
    // -1/10^400 is far below the smallest subnormal (about 4.9e-324), so its nearest double is zero.
    expect(Object.is(fractionToNumber(-1n, 10n ** 400n), 0)).toBe(true);
    // Rounded to 400 places first it stays -1e-400, still below every double: 0, not -0.
    expect(Object.is(fractionToNumber(-1n, 10n ** 400n, 400), 0)).toBe(true);
  });
});

describe("toScaled", () => {
  it.each([
    [1e21, 10n ** 21n, 0], // String(1e21) is "1e+21": a positive exponent scales the units up
    [1.5e-7, 15n, 8],
    [-0, 0n, 0],
    [-12.25, -1225n, 2],
    ["-0012.500", -125n, 1], // trailing zeros add no scale
    ["12345678901234567890.12", 1234567890123456789012n, 2],
  ])("toScaled(%s) is %s × 10^-%i", (value, units, scale) => {
    expect(toScaled(value)).toEqual({ units, scale });
  });
});

describe("MoneyAdder", () => {
  it.each([[["12"]], [5n], [{ toString: () => "3" }], [true], [null], [undefined]])(
    "refuses %s, which only looks like a decimal once converted to a string, and adds nothing",
    (value) => {
      const adder = new MoneyAdder();
      expect(adder.add(value)).toBe(false);
      expect(adder.total()).toEqual({ units: 0n, scale: 2 });
    },
  );

  it("stays exact for doubles added after an amount with more than 20 decimals", () => {
    // 1e-23 raises the scale past 20, where 10^scale is no longer an exact double; 4.7796776758727805e-9 is a double
    // that a rounded 10^23 would misread as 477967767587278 units at scale 23.
    const amounts = ["0.00000000000000000000001", 4.7796776758727805e-9, -2.5];
    // 0.00000000000000000000001 + 0.0000000047796776758727805 - 2.5 = -2.4999999952203223241272095
    const expected = new Dec("1e-23").plus("4.7796776758727805e-9").minus("2.5");
    expect(decimalOf(sumOf(amounts)).equals(expected)).toBe(true);
    expect(decimalOf(sumOf(amounts)).toFixed()).toBe("-2.4999999952203223241272095");
  });

  it("stays exact at exactly 20 decimals, the largest scale kept on the fast path", () => {
    const amounts = ["0.00000000000000000001", 0.1, "123.45", 7e-20];
    // 1e-20 + 0.1 + 123.45 + 7e-20 = 123.55000000000000000008
    expect(decimalOf(sumOf(amounts)).toFixed()).toBe("123.55000000000000000008");
  });

  it("adds amounts of 10^15 units, at the edge of the fast path, exactly", () => {
    // 10^13 is 10^15 cents; -9999999999999.99 is -(10^15 - 1) cents; 4 × 10^13 pushes the running sum past 4e15 cents.
    const amounts = [1e13, "10000000000000.00", -9999999999999.99, "-10000000000000", 4e13, 0.01];
    // 1e13 + 1e13 - 9999999999999.99 - 1e13 + 4e13 + 0.01 = 40000000000000.02
    expect(decimalOf(sumOf(amounts)).toFixed()).toBe("40000000000000.02");
  });
});
