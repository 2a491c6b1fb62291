import { describe, expect, it } from "vitest";
import { ChurnInputSchema, churnRate, convertChurnRate, RetentionInputSchema, retentionRate } from "../../src/index.js";
import { Dec } from "../helpers/decimal.js";
import fixtures from "../fixtures/business.json" with { type: "json" };
import { failure, hostile } from "./helpers.js";

type Options = { options?: { decimals: number } };

describe("churnRate fixtures", () => {
  it.each(fixtures.churnRate.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(churnRate(f.input, (f as Options).options)).toEqual({ metric: "churn", ...f.input, ...f.expected });
  });
});

describe("retentionRate fixtures", () => {
  it.each(fixtures.retentionRate.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(retentionRate(f.input, (f as Options).options)).toEqual({ metric: "retention", ...f.input, ...f.expected });
  });
});

describe("convertChurnRate fixtures", () => {
  it.each(fixtures.convertChurnRate.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(Number(convertChurnRate(f.rate, f.periods).toFixed(2))).toBe(f.expected2);
  });
});

describe("churnRate", () => {
  it("percent of large counts is one correctly rounded division", () => {
    expect(churnRate({ customersAtStart: 2 ** 53 - 1, customersLost: 1 }).rate).toBe(100 / (2 ** 53 - 1));
  });

  it("zero customers at the start is EMPTY_INPUT", () => {
    expect(failure(() => churnRate({ customersAtStart: 0, customersLost: 0 }))).toMatchInlineSnapshot(`"EMPTY_INPUT churnRate: input.customersAtStart is 0: the churn of no customers is undefined"`);
  });

  it("refuses bad counts as INVALID_INPUT", () => {
    expect(failure(() => churnRate({ customersAtStart: 10, customersLost: 11 }))).toMatchInlineSnapshot(`"INVALID_INPUT churnRate: input.customersLost is 11, expected customersLost <= customersAtStart"`);
    expect(failure(() => churnRate({ customersAtStart: 10, customersLost: -1 }))).toMatchInlineSnapshot(`"INVALID_INPUT churnRate: input.customersLost is -1, expected a non-negative integer"`);
    expect(failure(() => churnRate({ customersAtStart: 10.5, customersLost: 1 }))).toMatchInlineSnapshot(`"INVALID_INPUT churnRate: input.customersAtStart is 10.5, expected a non-negative integer"`);
    expect(failure(() => churnRate({ customersAtStart: 10 } as never))).toMatchInlineSnapshot(`"INVALID_INPUT churnRate: input.customersLost is missing, expected a non-negative integer"`);
    expect(failure(() => churnRate("10" as never))).toMatchInlineSnapshot(`"INVALID_INPUT churnRate: input is "10", expected an object"`);
    expect(failure(() => churnRate({ customersAtStart: 10, customersLost: 1 }, { decimals: -1 }))).toMatchInlineSnapshot(`"INVALID_INPUT churnRate: options.decimals is -1, expected an integer from 0 to 15"`);
    expect(failure(() => churnRate(hostile as never))).toMatchInlineSnapshot(`"INVALID_INPUT churnRate: input could not be read"`);
  });

  it("the schema states lost <= at start", () => {
    expect(ChurnInputSchema.safeParse({ customersAtStart: 1, customersLost: 2 }).success).toBe(false);
    expect(ChurnInputSchema.safeParse({ customersAtStart: 2, customersLost: 2, region: "EU" }).success).toBe(true);
  });
});

describe("retentionRate", () => {
  it("equals churnRate's retentionRate when nobody new arrived", () => {
    const churn = churnRate({ customersAtStart: 7, customersLost: 3 });
    expect(retentionRate({ customersAtStart: 7, customersAtEnd: 4, newCustomers: 0 }).rate).toBe(churn.retentionRate);
  });

  it("zero customers at the start is EMPTY_INPUT", () => {
    expect(failure(() => retentionRate({ customersAtStart: 0, customersAtEnd: 5, newCustomers: 5 }))).toMatchInlineSnapshot(`"EMPTY_INPUT retentionRate: input.customersAtStart is 0: the retention of no customers is undefined"`);
  });

  it("refuses inconsistent counts as INVALID_INPUT", () => {
    expect(failure(() => retentionRate({ customersAtStart: 10, customersAtEnd: 5, newCustomers: 6 }))).toMatchInlineSnapshot(`"INVALID_INPUT retentionRate: input.newCustomers is 6, expected newCustomers <= customersAtEnd"`);
    expect(failure(() => retentionRate({ customersAtStart: 10, customersAtEnd: 15, newCustomers: 4 }))).toMatchInlineSnapshot(`"INVALID_INPUT retentionRate: input.customersAtEnd is 15, expected customersAtEnd - newCustomers <= customersAtStart"`);
    expect(failure(() => retentionRate({ customersAtStart: 10, customersAtEnd: 5, newCustomers: 0 }, { extra: 1 } as never))).toMatchInlineSnapshot(`"INVALID_INPUT retentionRate: options has unknown key "extra""`);
  });

  it("the schema states N <= E and E - N <= S", () => {
    expect(RetentionInputSchema.safeParse({ customersAtStart: 10, customersAtEnd: 15, newCustomers: 4 }).success).toBe(false);
    expect(RetentionInputSchema.safeParse({ customersAtStart: 10, customersAtEnd: 15, newCustomers: 5 }).success).toBe(true);
  });
});

describe("convertChurnRate", () => {
  it("one period returns the rate unchanged", () => {
    expect(convertChurnRate(5, 1)).toBe(5);
    expect(convertChurnRate(33.3, 1)).toBe(33.3);
  });

  it("compounds rather than multiplies: 3% monthly is 30.62% a year, not 36%", () => {
    expect(convertChurnRate(3, 12)).toBeCloseTo(30.62, 2);
  });

  it("matches 100 x (1 - (1 - r/100)^p) closely and the exact value more closely", () => {
    // 0.95^12 = 19^12 / 20^12 exactly, so the exact annual rate is 45.9639912337363037109375.
    const exact = new Dec("45.9639912337363037109375");
    const error = (x: number) => new Dec(x).minus(exact).abs();
    expect(error(convertChurnRate(5, 12)).lte(error(100 * (1 - 0.95 ** 12)))).toBe(true);
  });

  it("annual to monthly and back returns the rate", () => {
    const monthly = convertChurnRate(36, 1 / 12);
    expect(convertChurnRate(monthly, 12)).toBeCloseTo(36, 10);
  });

  it("0 and 100 are fixed points", () => {
    expect(convertChurnRate(0, 7.5)).toBe(0);
    expect(convertChurnRate(100, 1 / 12)).toBe(100);
  });

  it("stays within 0-100 for tiny and huge period counts", () => {
    expect(convertChurnRate(1e-9, 1e-9)).toBeGreaterThanOrEqual(0);
    expect(convertChurnRate(99.999, 1e6)).toBe(100);
  });

  it("refuses bad arguments", () => {
    expect(failure(() => convertChurnRate(101, 12))).toMatchInlineSnapshot(`"OUT_OF_RANGE convertChurnRate: rate is 101, expected a percent from 0 to 100"`);
    expect(failure(() => convertChurnRate(-1, 12))).toMatchInlineSnapshot(`"OUT_OF_RANGE convertChurnRate: rate is -1, expected a percent from 0 to 100"`);
    expect(failure(() => convertChurnRate(Number.NaN, 12))).toMatchInlineSnapshot(`"INVALID_INPUT convertChurnRate: rate is NaN, expected a finite number"`);
    expect(failure(() => convertChurnRate("5" as never, 12))).toMatchInlineSnapshot(`"INVALID_INPUT convertChurnRate: rate is "5", expected a finite number"`);
    expect(failure(() => convertChurnRate(5, 0))).toMatchInlineSnapshot(`"INVALID_INPUT convertChurnRate: periods is 0, expected a finite number > 0"`);
    expect(failure(() => convertChurnRate(5, Number.POSITIVE_INFINITY))).toMatchInlineSnapshot(`"INVALID_INPUT convertChurnRate: periods is Infinity, expected a finite number > 0"`);
    expect(failure(() => convertChurnRate(5, "12" as never))).toMatchInlineSnapshot(`"INVALID_INPUT convertChurnRate: periods is "12", expected a finite number > 0"`);
  });
});

describe("zero customers at the start", () => {
  it.each([
    ["churnRate", () => churnRate({ customersAtStart: 0, customersLost: 0 })],
    ["retentionRate", () => retentionRate({ customersAtStart: 0, customersAtEnd: 0, newCustomers: 0 })],
  ] as const)("%s names input.customersAtStart", (metric, run) => {
    try {
      run();
      throw new Error("expected an error");
    } catch (e) {
      const error = e as { code: string; metric: string; issues: Array<{ path: unknown }> };
      expect(error.code).toBe("EMPTY_INPUT");
      expect(error.metric).toBe(metric);
      expect(error.issues[0]!.path).toEqual(["input", "customersAtStart"]);
    }
  });
});
