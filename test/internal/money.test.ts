import { describe, expect, it } from "vitest";
import { isMoney, MoneySchema } from "../../src/internal/money.js";

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
});
