import { describe, expect, it } from "vitest";
import { Dec, decimalToNumber, isMoney, MoneySchema, toDecimal } from "../../src/internal/money.js";

describe("money", () => {
  it.each([[0], [12.5], [-3], ["1234.50"], ["-3.2"], ["0"]])("accepts %s", (value) => {
    expect(isMoney(value)).toBe(true);
    expect(MoneySchema.safeParse(value).success).toBe(true);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], ["1e3"], ["1,234.50"], ["$5"], [" 5"], ["+5"], [".5"], ["5."], [null], [5n]])(
    "refuses %s",
    (value) => {
      expect(isMoney(value)).toBe(false);
      expect(MoneySchema.safeParse(value).success).toBe(false);
    },
  );

  it("toDecimal is exact and names bad values", () => {
    expect(toDecimal(0.1, "m", []).plus(toDecimal("0.2", "m", [])).toString()).toBe("0.3");
    expect(() => toDecimal("1e3", "clv", ["input", "acquisitionCost"])).toThrow(
      'clv: input.acquisitionCost is "1e3", expected a finite number or a plain decimal string such as "1234.50"',
    );
  });

  it("decimalToNumber is correctly rounded and rounds half away from zero", () => {
    expect(decimalToNumber(new Dec("0.1").times(3).minus("0.2"))).toBe(0.1);
    expect(decimalToNumber(new Dec("-12.5"), 0)).toBe(-13);
    expect(decimalToNumber(new Dec("1.005"), 2)).toBe(1.01);
    expect(Object.is(decimalToNumber(new Dec("-0.001"), 2), 0)).toBe(true);
  });

  it("does not change decimal.js's global settings", async () => {
    const { default: Decimal } = await import("decimal.js");
    expect(Decimal.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(Decimal.precision).toBe(20);
  });
});
