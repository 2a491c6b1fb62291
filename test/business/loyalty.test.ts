import { describe, expect, it } from "vitest";
import { HistoricalClvOptionsSchema, historicalClv, purchaseFrequency, repeatCustomerRate, TransactionSchema } from "../../src/index.js";
import fixtures from "../fixtures/business.json" with { type: "json" };
import { failure } from "./helpers.js";

/** `customers` buyers of whom the first `repeat` bought twice. */
function buyers(customers: number, repeat: number) {
  const rows: Array<{ customerId: number; at: number }> = [];
  for (let c = 0; c < customers; c++) {
    rows.push({ customerId: c, at: c });
    if (c < repeat) rows.push({ customerId: c, at: c + 1 });
  }
  return rows;
}

describe("repeatCustomerRate fixtures", () => {
  it.each(fixtures.repeatCustomerRate.map((f) => [f.name, f] as const))("%s", (_name, f) => {
    expect(repeatCustomerRate(buyers(f.customers, f.repeatCustomers))).toEqual({
      metric: "repeatCustomerRate",
      repeatCustomers: f.repeatCustomers,
      customers: f.customers,
      ...f.expected,
    });
  });
});

const rows = [
  { customerId: "a", at: "2026-01-03T10:00:00Z", amount: "19.99" },
  { customerId: "a", at: "2026-02-11T10:00:00Z", amount: 5.01 },
  { customerId: "a", at: "2026-03-11T10:00:00Z", amount: 5 },
  { customerId: "b", at: new Date("2026-01-09T10:00:00Z"), amount: "10" },
  { customerId: 1, at: 1767225600000 },
];

describe("repeatCustomerRate", () => {
  it("a repeat customer has two or more transactions; 1 and '1' are different customers", () => {
    expect(repeatCustomerRate([...rows, { customerId: "1", at: 0 }])).toEqual({
      metric: "repeatCustomerRate",
      rate: 25,
      repeatCustomers: 1,
      customers: 4,
    });
  });

  it("rounds with decimals", () => {
    expect(repeatCustomerRate(buyers(3, 2), { decimals: 1 }).rate).toBe(66.7);
  });

  it("no transactions is EMPTY_INPUT", () => {
    expect(failure(() => repeatCustomerRate([]))).toMatchInlineSnapshot(`"EMPTY_INPUT repeatCustomerRate: transactions is empty: there are no customers"`);
  });

  it("names the record's index for bad records", () => {
    expect(failure(() => repeatCustomerRate([rows[0]!, { customerId: "c", at: "2026-01-01" }]))).toMatchInlineSnapshot(`"INVALID_INPUT repeatCustomerRate: transactions[1].at is "2026-01-01", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`);
    expect(failure(() => repeatCustomerRate([rows[0]!, { customerId: "c", at: 0, amount: "1e2" }]))).toMatchInlineSnapshot(`"INVALID_INPUT repeatCustomerRate: transactions[1].amount is "1e2", expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => repeatCustomerRate([{ at: 0 } as never]))).toMatchInlineSnapshot(`"INVALID_INPUT repeatCustomerRate: transactions[0].customerId is missing, expected a customer id: a non-empty string or a finite number"`);
    expect(failure(() => repeatCustomerRate([rows[0]!, "row" as never]))).toMatchInlineSnapshot(`"INVALID_INPUT repeatCustomerRate: transactions[1] is "row", expected an object"`);
    expect(failure(() => repeatCustomerRate(undefined as never))).toMatchInlineSnapshot(`"INVALID_INPUT repeatCustomerRate: transactions is missing, expected an array of transactions"`);
    expect(failure(() => repeatCustomerRate(rows, { decimals: 2, extra: true } as never))).toMatchInlineSnapshot(`"INVALID_INPUT repeatCustomerRate: options has unknown key "extra""`);
  });
});

describe("purchaseFrequency", () => {
  it("is orders per customer", () => {
    expect(purchaseFrequency(rows)).toEqual({ metric: "purchaseFrequency", perCustomer: 5 / 3, orders: 5, customers: 3 });
    expect(purchaseFrequency(rows, { decimals: 2 }).perCustomer).toBe(1.67);
  });

  it("no transactions is EMPTY_INPUT", () => {
    expect(failure(() => purchaseFrequency([]))).toMatchInlineSnapshot(`"EMPTY_INPUT purchaseFrequency: transactions is empty: there are no customers"`);
  });

  it("refuses a bad date with its index", () => {
    expect(failure(() => purchaseFrequency([rows[0]!, { customerId: "c", at: Number.NaN }]))).toMatchInlineSnapshot(`"INVALID_INPUT purchaseFrequency: transactions[1].at is NaN, expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`);
  });
});

describe("historicalClv", () => {
  const paid = rows.slice(0, 4);

  it("sums amounts exactly and divides once", () => {
    expect(historicalClv(paid)).toEqual({ metric: "historicalClv", value: 20, revenuePerCustomer: 20, customers: 2, revenue: 40 });
  });

  it("subtracts the acquisition cost from the exact revenue per customer", () => {
    const r = historicalClv(
      [
        { customerId: 1, at: 0, amount: 0.1 },
        { customerId: 2, at: 0, amount: 0.2 },
        { customerId: 3, at: 0, amount: 0.3 },
      ],
      { acquisitionCost: "0.1" },
    );
    expect(r).toEqual({ metric: "historicalClv", value: 0.1, revenuePerCustomer: 0.2, customers: 3, revenue: 0.6 });
  });

  it("ten transactions of 0.1 are 1, where a float loop gives 0.9999999999999999", () => {
    const ten = Array.from({ length: 10 }, () => ({ customerId: "a", at: 0, amount: 0.1 }));
    expect(ten.reduce((s, t) => s + t.amount, 0)).not.toBe(1);
    expect(historicalClv(ten).revenue).toBe(1);
  });

  it("takes refunds, sub-cent prices and decimal strings", () => {
    const r = historicalClv(
      [
        { customerId: "a", at: 0, amount: "100.005" },
        { customerId: "a", at: 0, amount: -20 },
        { customerId: "b", at: 0, amount: "0.0049" },
      ],
      { decimals: 2 },
    );
    // revenue 80.0099 -> 80.01; per customer 40.00495 -> 40.00 (rounded once, from the exact value)
    expect(r).toEqual({ metric: "historicalClv", value: 40, revenuePerCustomer: 40, customers: 2, revenue: 80.01 });
  });

  it("rounds the exact value, not the difference of rounded parts", () => {
    const r = historicalClv([{ customerId: "a", at: 0, amount: "0.015" }], { acquisitionCost: "0.01", decimals: 2 });
    expect(r).toMatchObject({ value: 0.01, revenuePerCustomer: 0.02, revenue: 0.02 });
  });

  it("no transactions is EMPTY_INPUT", () => {
    expect(failure(() => historicalClv([]))).toMatchInlineSnapshot(`"EMPTY_INPUT historicalClv: transactions is empty: there are no customers"`);
  });

  it("a revenue beyond the range of a number is OUT_OF_RANGE", () => {
    const huge = { customerId: 1, at: 0, amount: 1.5e308 };
    expect(failure(() => historicalClv([huge, huge]))).toMatchInlineSnapshot(`"OUT_OF_RANGE historicalClv: value is beyond the range of a number (about ±1.8e308)"`);
  });

  it("refuses a missing or malformed amount with its index", () => {
    expect(failure(() => historicalClv([paid[0]!, { customerId: 1, at: 0 }]))).toMatchInlineSnapshot(`"INVALID_INPUT historicalClv: transactions[1].amount is missing, expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => historicalClv([paid[0]!, paid[1]!, { customerId: 1, at: 0, amount: "12.5 EUR" }]))).toMatchInlineSnapshot(`"INVALID_INPUT historicalClv: transactions[2].amount is "12.5 EUR", expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => historicalClv([{ customerId: 1, at: "now", amount: 1 }]))).toMatchInlineSnapshot(`"INVALID_INPUT historicalClv: transactions[0].at is "now", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`);
    expect(failure(() => historicalClv([{ customerId: true as never, at: 0, amount: 1 }]))).toMatchInlineSnapshot(`"INVALID_INPUT historicalClv: transactions[0].customerId is true, expected a customer id: a non-empty string or a finite number"`);
    expect(failure(() => historicalClv([null as never]))).toMatchInlineSnapshot(`"INVALID_INPUT historicalClv: transactions[0] is null, expected an object"`);
    expect(failure(() => historicalClv({} as never))).toMatchInlineSnapshot(`"INVALID_INPUT historicalClv: transactions is an object, expected an array of transactions"`);
  });

  it("refuses bad options", () => {
    expect(failure(() => historicalClv(paid, { acquisitionCost: "1e2" }))).toMatchInlineSnapshot(`"INVALID_INPUT historicalClv: options.acquisitionCost is "1e2", expected a finite number or a plain decimal string such as "1234.50""`);
    expect(failure(() => historicalClv(paid, { cac: 5 } as never))).toMatchInlineSnapshot(`"INVALID_INPUT historicalClv: options has unknown key "cac""`);
  });

  it("the schemas: extra keys on transactions, none on options", () => {
    expect(TransactionSchema.safeParse({ customerId: "a", at: 0, sku: "X1" }).success).toBe(true);
    expect(TransactionSchema.safeParse({ customerId: "a", at: 0, amount: "1e2" }).success).toBe(false);
    expect(HistoricalClvOptionsSchema.safeParse({ acquisitionCost: 5, decimals: 2 }).success).toBe(true);
    expect(HistoricalClvOptionsSchema.safeParse({ acquisitionCost: 5, currency: "EUR" }).success).toBe(false);
  });
});
