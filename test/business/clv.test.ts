import { describe, expect, it } from "vitest";
import { ClvFromChurnInputSchema, ClvInputSchema, clv, clvFromChurn } from "../../src/index.js";
import fixtures from "../fixtures/business.json" with { type: "json" };
import { failure, hostile } from "./helpers.js";

describe("clv fixtures", () => {
  it.each(fixtures.clv.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const result = clv(f.input, (f as { options?: { decimals: number } }).options);
    expect(result).toMatchObject({ metric: "clv", ...f.expected });
    expect(result).not.toHaveProperty("expectedLifetimePeriods");
  });
});

describe("clvFromChurn fixtures", () => {
  it.each(fixtures.clvFromChurn.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const result = clvFromChurn(f.input, (f as { options?: { decimals: number } }).options);
    expect(result).toMatchObject({ metric: "clv", ...f.expected });
  });
});

describe("clv", () => {
  it("is exact on decimals: 0.1 x 3 - 0.2 is 0.1, not 0.10000000000000003", () => {
    expect(clv({ annualRevenuePerCustomer: 0.1, relationshipYears: 3, acquisitionCost: 0.2 }).value).toBe(0.1);
    expect(0.1 * 3 - 0.2).not.toBe(0.1);
  });

  it("returns exactly the documented shape", () => {
    expect(clv({ annualRevenuePerCustomer: 10, relationshipYears: 2, acquisitionCost: 5 })).toEqual({
      metric: "clv",
      value: 15,
      lifetimeRevenue: 20,
      acquisitionCost: 5,
    });
  });

  it("rounds the exact result once, not the parts", () => {
    // lifetime 0.005 -> 0.01 and cost 0.004 -> 0.00 would give 0.01; the exact value 0.001 rounds to 0.
    const r = clv({ annualRevenuePerCustomer: "0.01", relationshipYears: 0.5, acquisitionCost: "0.004" }, { decimals: 2 });
    expect(r).toEqual({ metric: "clv", value: 0, lifetimeRevenue: 0.01, acquisitionCost: 0 });
  });

  it("keeps digits a double cannot hold until the final rounding", () => {
    const r = clv({ annualRevenuePerCustomer: "12345678901234567.89", relationshipYears: 1, acquisitionCost: "12345678901234567.88" });
    expect(r.value).toBe(0.01);
  });

  it("accepts negative amounts (a loss-making customer)", () => {
    expect(clv({ annualRevenuePerCustomer: -10, relationshipYears: 2, acquisitionCost: "-1.5" }).value).toBe(-18.5);
  });

  it("never returns -0", () => {
    expect(Object.is(clv({ annualRevenuePerCustomer: 0, relationshipYears: 1, acquisitionCost: 0 }).value, 0)).toBe(true);
  });

  it("refuses bad input with the field and the value", () => {
    expect(failure(() => clv({ annualRevenuePerCustomer: "12,50", relationshipYears: 1, acquisitionCost: 0 }))).toMatchInlineSnapshot(`"INVALID_INPUT clv: input.annualRevenuePerCustomer is "12,50", expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => clv({ annualRevenuePerCustomer: "1e3", relationshipYears: 1, acquisitionCost: 0 }))).toMatchInlineSnapshot(`"INVALID_INPUT clv: input.annualRevenuePerCustomer is "1e3", expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => clv({ annualRevenuePerCustomer: 1, relationshipYears: Number.NaN, acquisitionCost: 0 }))).toMatchInlineSnapshot(`"INVALID_INPUT clv: input.relationshipYears is NaN, expected a finite number of years"`);
    expect(failure(() => clv({ annualRevenuePerCustomer: Number.POSITIVE_INFINITY, relationshipYears: 1, acquisitionCost: 0 }))).toMatchInlineSnapshot(`"INVALID_INPUT clv: input.annualRevenuePerCustomer is Infinity, expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => clv({ annualRevenuePerCustomer: 1, relationshipYears: 1 } as never))).toMatchInlineSnapshot(`"INVALID_INPUT clv: input.acquisitionCost is missing, expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => clv(null as never))).toMatchInlineSnapshot(`"INVALID_INPUT clv: input is null, expected an object"`);
  });

  it("a result beyond the range of a number is OUT_OF_RANGE, never Infinity", () => {
    expect(failure(() => clv({ annualRevenuePerCustomer: 1e308, relationshipYears: 10, acquisitionCost: 0 }))).toMatchInlineSnapshot(`"OUT_OF_RANGE clv: value is beyond the range of a number (about ±1.8e308)"`);
    expect(failure(() => clvFromChurn({ revenuePerPeriod: 1e308, churnRate: 1e-10 }))).toMatchInlineSnapshot(`"OUT_OF_RANGE clvFromChurn: value is beyond the range of a number (about ±1.8e308)"`);
  });

  it("refuses negative years as OUT_OF_RANGE", () => {
    expect(failure(() => clv({ annualRevenuePerCustomer: 1, relationshipYears: -1, acquisitionCost: 0 }))).toMatchInlineSnapshot(`"OUT_OF_RANGE clv: input.relationshipYears is -1, expected a number of years >= 0"`);
  });

  it("refuses unknown options and bad decimals", () => {
    const input = { annualRevenuePerCustomer: 1, relationshipYears: 1, acquisitionCost: 0 };
    expect(failure(() => clv(input, { decimal: 2 } as never))).toMatchInlineSnapshot(`"INVALID_INPUT clv: options has unknown key "decimal""`);
    expect(failure(() => clv(input, { decimals: 16 }))).toMatchInlineSnapshot(`"INVALID_INPUT clv: options.decimals is 16, expected an integer from 0 to 15"`);
    expect(failure(() => clv(input, { decimals: 1.5 }))).toMatchInlineSnapshot(`"INVALID_INPUT clv: options.decimals is 1.5, expected an integer from 0 to 15"`);
  });

  it("turns a throwing getter into INVALID_INPUT", () => {
    expect(failure(() => clv(hostile as never))).toMatchInlineSnapshot(`"INVALID_INPUT clv: input could not be read"`);
  });
});

describe("clvFromChurn", () => {
  it("without discounting is m / c", () => {
    const r = clvFromChurn({ revenuePerPeriod: 30, churnRate: 3, grossMargin: 70 });
    expect(r.value).toBe(700);
    expect(r.expectedLifetimePeriods).toBe(100 / 3);
  });

  it("discounting lowers the value and applies the documented formula", () => {
    const r = clvFromChurn({ revenuePerPeriod: 100, churnRate: 10, discountRate: 1 });
    // 100 x 1.01 / 0.11, the correctly rounded double of 10100/11.
    expect(r.value).toBe(10100 / 11);
    expect(r.value).toBeLessThan(1000);
  });

  it("subtracts the acquisition cost exactly", () => {
    expect(clvFromChurn({ revenuePerPeriod: 0.3, churnRate: 100, acquisitionCost: 0.1 }).value).toBe(0.2);
  });

  it("defaults: margin 100, discount 0, acquisition cost 0", () => {
    expect(clvFromChurn({ revenuePerPeriod: 50, churnRate: 5 })).toEqual({
      metric: "clv",
      value: 1000,
      lifetimeRevenue: 1000,
      acquisitionCost: 0,
      expectedLifetimePeriods: 20,
    });
  });

  it("a zero margin is worth nothing", () => {
    expect(clvFromChurn({ revenuePerPeriod: 50, churnRate: 5, grossMargin: 0 }).value).toBe(0);
  });

  it("refuses rates outside their range as OUT_OF_RANGE", () => {
    expect(failure(() => clvFromChurn({ revenuePerPeriod: 1, churnRate: 0 }))).toMatchInlineSnapshot(`"OUT_OF_RANGE clvFromChurn: input.churnRate is 0, expected a percent in (0, 100]"`);
    expect(failure(() => clvFromChurn({ revenuePerPeriod: 1, churnRate: 100.5 }))).toMatchInlineSnapshot(`"OUT_OF_RANGE clvFromChurn: input.churnRate is 100.5, expected a percent in (0, 100]"`);
    expect(failure(() => clvFromChurn({ revenuePerPeriod: 1, churnRate: 5, grossMargin: 101 }))).toMatchInlineSnapshot(`"OUT_OF_RANGE clvFromChurn: input.grossMargin is 101, expected a percent in [0, 100]"`);
    expect(failure(() => clvFromChurn({ revenuePerPeriod: 1, churnRate: 5, grossMargin: -1 }))).toMatchInlineSnapshot(`"OUT_OF_RANGE clvFromChurn: input.grossMargin is -1, expected a percent in [0, 100]"`);
    expect(failure(() => clvFromChurn({ revenuePerPeriod: 1, churnRate: 5, discountRate: -1 }))).toMatchInlineSnapshot(`"OUT_OF_RANGE clvFromChurn: input.discountRate is -1, expected a percent >= 0"`);
  });

  it("refuses malformed input as INVALID_INPUT", () => {
    expect(failure(() => clvFromChurn({ revenuePerPeriod: "$5", churnRate: 5 }))).toMatchInlineSnapshot(`"INVALID_INPUT clvFromChurn: input.revenuePerPeriod is "$5", expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => clvFromChurn({ revenuePerPeriod: 5, churnRate: "5" as never }))).toMatchInlineSnapshot(`"INVALID_INPUT clvFromChurn: input.churnRate is "5", expected a finite number"`);
    expect(failure(() => clvFromChurn({ revenuePerPeriod: 5, churnRate: 5, acquisitionCost: "" }))).toMatchInlineSnapshot(`"INVALID_INPUT clvFromChurn: input.acquisitionCost is "", expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => clvFromChurn({ revenuePerPeriod: 5, churnRate: 5 }, { rounding: 2 } as never))).toMatchInlineSnapshot(`"INVALID_INPUT clvFromChurn: options has unknown key "rounding""`);
  });

  it("a mix of range and type problems is INVALID_INPUT", () => {
    expect(failure(() => clvFromChurn({ revenuePerPeriod: "x", churnRate: 0 }))).toMatchInlineSnapshot(`"INVALID_INPUT clvFromChurn: input.revenuePerPeriod is "x", expected a finite number or a plain decimal string such as "1234.50""`);
  });
});

describe("clv schemas", () => {
  it("are the specification: they accept what the calculators accept", () => {
    expect(ClvInputSchema.safeParse({ annualRevenuePerCustomer: "1.5", relationshipYears: 0, acquisitionCost: 0, note: "x" }).success).toBe(true);
    expect(ClvInputSchema.safeParse({ annualRevenuePerCustomer: "1.5", relationshipYears: -1, acquisitionCost: 0 }).success).toBe(false);
    expect(ClvFromChurnInputSchema.safeParse({ revenuePerPeriod: 1, churnRate: 100 }).success).toBe(true);
    expect(ClvFromChurnInputSchema.safeParse({ revenuePerPeriod: 1, churnRate: 0 }).success).toBe(false);
  });
});

describe("clvFromChurn with fractional rates", () => {
  it("discounts at a fractional rate exactly: m(1 + d)/(d + c)", () => {
    // 100 × 1.025 / (0.025 + 0.2) = 4100 / 9, one correctly rounded division of exact integers.
    expect(clvFromChurn({ revenuePerPeriod: 100, churnRate: 20, discountRate: 2.5 }).value).toBe(4100 / 9);
    // 50 × 0.8 × 1.1 / (0.1 + 0.125) = 44 / 0.225 = 1760 / 9.
    expect(clvFromChurn({ revenuePerPeriod: 50, grossMargin: 80, churnRate: 12.5, discountRate: 10 }).value).toBe(1760 / 9);
  });

  it("names the path of what it refuses", () => {
    const error = (() => {
      try {
        clvFromChurn({ revenuePerPeriod: 100, churnRate: 0 });
      } catch (e) {
        return e as { issues: Array<{ path: unknown }>; metric: string };
      }
      throw new Error("expected an error");
    })();
    expect(error.metric).toBe("clvFromChurn");
    expect(error.issues[0]!.path).toEqual(["input", "churnRate"]);
  });
});
