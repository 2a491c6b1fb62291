import { describe, expect, it } from "vitest";
import {
  divideFractions,
  divideHalfAwayFromZero,
  fractionOf,
  fractionToNumber,
  fractionValue,
  isMoney,
  MoneyAdder,
  MoneySchema,
  multiplyFractions,
  pow10n,
  rescale,
  subtractFractions,
  toScaled,
} from "../../src/internal/money.js";
import { Dec } from "../helpers/decimal.js";

function sum(values: unknown[]): string {
  const adder = new MoneyAdder();
  for (const v of values) if (!adder.add(v)) throw new Error(`refused ${String(v)}`);
  const { units, scale } = adder.total();
  return new Dec(`${units}e-${scale}`).toFixed();
}

describe("MoneySchema and isMoney", () => {
  it.each([0, -3.2, 1e21, "1234.50", "-3.2", "007", "0.000"])("accept %s", (value) => {
    expect(isMoney(value)).toBe(true);
    expect(MoneySchema.safeParse(value).success).toBe(true);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, "1e3", "1,000.00", "$5", "", ".5", "5.", "+5", " 5", null, undefined, 5n, {}])(
    "refuse %s",
    (value) => {
      expect(isMoney(value)).toBe(false);
      expect(MoneySchema.safeParse(value).success).toBe(false);
    },
  );
});

describe("toScaled", () => {
  it("takes a number at its shortest decimal representation", () => {
    expect(toScaled(0.1)).toEqual({ units: 1n, scale: 1 });
    expect(toScaled(1.5e-7)).toEqual({ units: 15n, scale: 8 });
    expect(toScaled(1e21)).toEqual({ units: 10n ** 21n, scale: 0 });
    expect(toScaled(-12.25)).toEqual({ units: -1225n, scale: 2 });
  });

  it("drops trailing zeros of strings and keeps every other digit", () => {
    expect(toScaled("1234.500")).toEqual({ units: 12345n, scale: 1 });
    expect(toScaled("12345678901234567890.12")).toEqual({ units: 1234567890123456789012n, scale: 2 });
    expect(toScaled("-0.00")).toEqual({ units: 0n, scale: 0 });
  });
});

describe("MoneyAdder", () => {
  it("sums cents exactly where doubles drift", () => {
    expect(sum(Array(10).fill(0.1))).toBe("1");
    expect(sum([0.1, 0.2, "-0.3"])).toBe("0");
  });

  it("raises its scale for more decimals, once, and stays exact", () => {
    expect(sum([1.25, 0.125, "0.0001", 3])).toBe("4.3751");
    expect(sum([1e-7, 2e-7])).toBe("0.0000003");
  });

  it("keeps trailing zeros from raising the scale", () => {
    const adder = new MoneyAdder();
    adder.add("1.500000");
    expect(adder.total()).toEqual({ units: 150n, scale: 2 });
  });

  it("flushes large running sums into a BigInt without losing a unit", () => {
    const big = 999_999_999_999.99;
    expect(sum(Array(1000).fill(big))).toBe("999999999999990");
    expect(sum(Array(1000).fill(-big))).toBe("-999999999999990");
    expect(sum(Array(1000).fill("999999999999.99"))).toBe("999999999999990");
  });

  it("adds amounts too large for the fast path exactly", () => {
    expect(sum([1e21, 1, "123456789012345678.9"])).toBe("1000123456789012345679.9");
    expect(sum([-1e16, 0.01])).toBe("-9999999999999999.99");
  });

  it("beyond twenty decimals every amount goes through BigInt, still exactly", () => {
    expect(sum(["0.000000000000000000000001", 0.5, "0.25", 1e-22])).toBe("0.750000000000000000000101");
  });

  it("refuses what is not money and adds nothing", () => {
    const adder = new MoneyAdder();
    adder.add(1);
    for (const bad of [Number.NaN, Number.NEGATIVE_INFINITY, "1e3", "1,5", null, undefined, {}, true]) expect(adder.add(bad)).toBe(false);
    expect(adder.total()).toEqual({ units: 100n, scale: 2 });
  });

  it("-0 adds nothing", () => {
    expect(sum([-0, "-0"])).toBe("0");
  });
});

describe("exact fractions", () => {
  it("rescale, pow10n", () => {
    expect(rescale({ units: 15n, scale: 1 }, 3)).toBe(1500n);
    expect(pow10n(70)).toBe(10n ** 70n);
    expect(pow10n(3)).toBe(1000n);
  });

  it("divideHalfAwayFromZero rounds ties away from zero for either sign", () => {
    expect(divideHalfAwayFromZero(5n, 2n)).toBe(3n);
    expect(divideHalfAwayFromZero(-5n, 2n)).toBe(-3n);
    expect(divideHalfAwayFromZero(5n, -2n)).toBe(-3n);
    expect(divideHalfAwayFromZero(7n, 3n)).toBe(2n);
  });

  it("fractionToNumber is correctly rounded, or rounded half away from zero to decimals", () => {
    expect(fractionToNumber(1n, 3n)).toBe(1 / 3);
    expect(fractionToNumber(-1n, 8n, 2)).toBe(-0.13);
    expect(fractionToNumber(1n, 200n, 2)).toBe(0.01);
    expect(Object.is(fractionToNumber(-1n, 1000n, 2), 0)).toBe(true);
  });

  it("fraction arithmetic", () => {
    const third = { num: 1n, den: 3n };
    expect(fractionValue(multiplyFractions(third, fractionOf({ units: 3n, scale: 0 })))).toBe(1);
    expect(fractionValue(subtractFractions(third, third))).toBe(0);
    expect(divideFractions(third, { num: -1n, den: 2n })).toEqual({ num: -2n, den: 3n });
    expect(divideFractions(third, { num: 1n, den: 2n })).toEqual({ num: 2n, den: 3n });
  });
});
