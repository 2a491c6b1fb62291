// The order builders without an engine: refusals, golden statements, results' errors and exact sums.
import { describe, expect, it } from "vitest";
import { historicalClv } from "../../src/index.js";
import { DIALECTS, historicalClvQuery, purchaseFrequencyQuery, repeatCustomerRateQuery } from "../../src/sql/index.js";
import { errorOf } from "../helpers/errors.js";

const base = { dialect: "duckdb", from: "orders", customerId: "customer_id", at: "ordered_at" } as const;
const good = { cx_count: 3, cx_customers: 2, cx_repeat: 1, cx_no_id: 0, cx_no_at: 0, cx_revenue: "0.3000000000", cx_no_amount: 0 };

describe("order builders", () => {
  it("refuse bad specs and options", () => {
    expect(errorOf(() => repeatCustomerRateQuery({ ...base, at: undefined } as never)).message).toContain("spec.at is missing");
    expect(errorOf(() => historicalClvQuery(base as never)).message).toContain("spec.amount is missing");
    expect(errorOf(() => purchaseFrequencyQuery(base, { decimals: -1 })).message).toContain("options.decimals");
    expect(errorOf(() => historicalClvQuery({ ...base, amount: "a" }, { acquisitionCost: "1e3" })).message).toMatchInlineSnapshot(
      `"historicalClv: options.acquisitionCost is "1e3", expected a finite number or a plain decimal string such as "1234.50""`,
    );
    expect(errorOf(() => repeatCustomerRateQuery(base, { weights: [] } as never)).message).toContain('unknown key "weights"');
  });

  it("finish with the calculators' code and errors", () => {
    const q = historicalClvQuery({ ...base, amount: "total" }, { decimals: 2 });
    const tx = [
      { customerId: 1, at: 0, amount: 0.1 },
      { customerId: 1, at: 0, amount: 0.2 },
      { customerId: 2, at: 0, amount: 0 },
    ];
    expect(q.results([good])[0]!.result).toStrictEqual(historicalClv(tx, { decimals: 2 }));
    expect(q.results([{ ...good, cx_revenue: { toString: () => "0.3" } }])[0]!.result).toStrictEqual(historicalClv(tx, { decimals: 2 }));
    expect(q.results([{ ...good, cx_revenue: 0.3 }])[0]!.result.revenue).toBe(0.3);
    expect(q.results([{ ...good, cx_revenue: 3n }])[0]!.result.revenue).toBe(3);
    expect(errorOf(() => q.results([{ ...good, cx_customers: 0, cx_revenue: null }])).code).toBe("EMPTY_INPUT");
    expect(errorOf(() => q.results([{ ...good, cx_revenue: "1e5" }])).message).toContain('rows[0].cx_revenue is "1e5", expected a number from the engine');
    expect(errorOf(() => q.results([{ ...good, cx_no_amount: 1 }])).message).toContain("historicalClv: amount is null");
    expect(errorOf(() => q.results([{ ...good, cx_no_id: 1 }])).message).toContain("historicalClv: customerId is null");
    expect(errorOf(() => q.results([{ ...good, cx_no_at: 1 }])).message).toContain("historicalClv: at is null");
    expect(repeatCustomerRateQuery(base).results([good])[0]!.result.rate).toBe(50);
    expect(errorOf(() => purchaseFrequencyQuery(base).results([{ ...good, cx_customers: 0 }])).code).toBe("EMPTY_INPUT");
  });

  it.each(DIALECTS)("match the golden statements for %s", async (dialect) => {
    const text = [
      repeatCustomerRateQuery({ ...base, dialect, from: "shop.orders", by: ["country"] }, { decimals: 1 }).text,
      purchaseFrequencyQuery({ ...base, dialect, period: { column: "ordered_at", unit: "month", timeZone: "Europe/Paris" } }).text,
      historicalClvQuery({ ...base, dialect, amount: "total", from: { sql: "SELECT * FROM orders WHERE NOT test" } }, { acquisitionCost: "25.50" }).text,
    ].join(";\n\n");
    await expect(`${text};\n`).toMatchFileSnapshot(`golden/orders.${dialect}.sql`);
  });
});
