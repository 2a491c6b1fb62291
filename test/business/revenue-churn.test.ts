import { describe, expect, it } from "vitest";
import { RevenueChurnInputSchema, revenueChurn } from "../../src/index.js";
import fixtures from "../fixtures/business.json" with { type: "json" };
import { failure } from "./helpers.js";

describe("revenueChurn fixtures", () => {
  it.each(fixtures.revenueChurn.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    const result = revenueChurn(f.input, (f as { options?: { decimals: number } }).options);
    expect(result).toMatchObject({ metric: "revenueChurn", ...f.expected });
  });
});

describe("revenueChurn", () => {
  it("returns exactly the documented shape", () => {
    expect(revenueChurn({ startingMrr: 1000, churnedMrr: 50 })).toEqual({
      metric: "revenueChurn",
      grossChurnRate: 5,
      netChurnRate: 5,
      grossRevenueRetention: 95,
      netRevenueRetention: 95,
    });
  });

  it("rates are exact ratios of exact sums: 0.1 + 0.2 of 0.3", () => {
    // In doubles 0.1 + 0.2 > 0.3 and the gross rate would be 100.00000000000001.
    expect(100 * ((0.1 + 0.2) / 0.3)).not.toBe(100);
    expect(revenueChurn({ startingMrr: "0.3", churnedMrr: 0.1, contractionMrr: 0.2 }).grossChurnRate).toBe(100);
  });

  it("a third is correctly rounded, or rounded half away from zero with decimals", () => {
    expect(revenueChurn({ startingMrr: 3, churnedMrr: 1 }).grossChurnRate).toBe(100 / 3);
    expect(revenueChurn({ startingMrr: 8, churnedMrr: 0, expansionMrr: 1 }, { decimals: 0 }).netChurnRate).toBe(-13);
  });

  it("GRR + gross = 100 and NRR + net = 100 exactly for whole percents", () => {
    const r = revenueChurn({ startingMrr: 400, churnedMrr: 20, contractionMrr: 8, expansionMrr: 60, reactivationMrr: 4 });
    expect(r.grossChurnRate + r.grossRevenueRetention).toBe(100);
    expect(r.netChurnRate + r.netRevenueRetention).toBe(100);
  });

  it("a rate beyond the range of a number is OUT_OF_RANGE", () => {
    expect(failure(() => revenueChurn({ startingMrr: "0.001", churnedMrr: 0, expansionMrr: 1e307 }))).toMatchInlineSnapshot(`"OUT_OF_RANGE revenueChurn: netChurnRate is beyond the range of a number (about ±1.8e308)"`);
  });

  it("zero starting revenue is EMPTY_INPUT", () => {
    expect(failure(() => revenueChurn({ startingMrr: "0.00", churnedMrr: 0 }))).toMatchInlineSnapshot(`"EMPTY_INPUT revenueChurn: input.startingMrr is 0: the churn of no revenue is undefined"`);
  });

  it("refuses malformed, negative or impossible amounts as INVALID_INPUT", () => {
    expect(failure(() => revenueChurn({ startingMrr: "1,000", churnedMrr: 0 }))).toMatchInlineSnapshot(`"INVALID_INPUT revenueChurn: input.startingMrr is "1,000", expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => revenueChurn({ startingMrr: 1000, churnedMrr: -5 }))).toMatchInlineSnapshot(`"INVALID_INPUT revenueChurn: input.churnedMrr is -5, expected a non-negative amount"`);
    expect(failure(() => revenueChurn({ startingMrr: 1000, churnedMrr: 5, expansionMrr: "-1" }))).toMatchInlineSnapshot(`"INVALID_INPUT revenueChurn: input.expansionMrr is "-1", expected a non-negative amount"`);
    expect(failure(() => revenueChurn({ startingMrr: 100, churnedMrr: 60, contractionMrr: 41 }))).toMatchInlineSnapshot(`"INVALID_INPUT revenueChurn: input.churnedMrr is 60, expected churnedMrr + contractionMrr <= startingMrr"`);
    expect(failure(() => revenueChurn({ startingMrr: 100 } as never))).toMatchInlineSnapshot(`"INVALID_INPUT revenueChurn: input.churnedMrr is missing, expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => revenueChurn({ startingMrr: 100, churnedMrr: 1 }, { decimals: "2" } as never))).toMatchInlineSnapshot(`"INVALID_INPUT revenueChurn: options.decimals is "2", expected an integer from 0 to 15"`);
  });

  it("the schema accepts extra keys and refuses malformed amounts", () => {
    expect(RevenueChurnInputSchema.safeParse({ startingMrr: 1, churnedMrr: "0.5", month: "2026-01" }).success).toBe(true);
    expect(RevenueChurnInputSchema.safeParse({ startingMrr: 1, churnedMrr: "0.5.1" }).success).toBe(false);
  });
});
