// Differential suite: the order builders on DuckDB and PostgreSQL give what the calculators give on the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { historicalClv, purchaseFrequency, repeatCustomerRate } from "../../src/index.js";
import { historicalClvQuery, purchaseFrequencyQuery, repeatCustomerRateQuery, type SqlQuery } from "../../src/sql/index.js";
import { TRANSACTION_COLUMNS, type TransactionRow, transactionCells, transactionRows } from "./data.js";
import { type Engine, engines, inCi } from "./engines.js";
import { expectSame, type ReferenceSpec, reference } from "./reference.js";

const rows = transactionRows(inCi ? 30_000 : 6_000, 11);
const columns = { customerId: "customer_id", at: "at" };
const plain = (g: readonly TransactionRow[]) => g.map((r) => ({ customerId: r.customerId, at: r.at }));
const withAmounts = (g: readonly TransactionRow[]) => g.map((r) => ({ customerId: r.customerId, at: r.at, amount: r.amount }));

let list: Engine[] = [];
beforeAll(async () => {
  list = await engines();
  for (const e of list) {
    await e.load("transactions", TRANSACTION_COLUMNS, transactionCells(rows));
    await e.load("transactions_empty", TRANSACTION_COLUMNS, []);
  }
}, 300_000);
afterAll(async () => {
  for (const e of list) await e.close();
});

async function check<R>(q: (engine: Engine) => SqlQuery<R>, ref: ReferenceSpec<TransactionRow>, compute: (g: TransactionRow[]) => R, data = rows, mayFail = false) {
  for (const engine of list) {
    const query = q(engine);
    const out = await engine.query(query.text, query.params);
    expectSame(() => query.results(out), () => reference(data, ref, compute), { mayFail });
  }
}

const at = (r: TransactionRow) => r.at;
const cases: Array<{ name: string; spec: Record<string, unknown>; ref: ReferenceSpec<TransactionRow> }> = [
  { name: "all transactions", spec: {}, ref: {} },
  { name: "by country", spec: { by: ["country"] }, ref: { by: ["country"] } },
  {
    name: "by country, Paris months",
    spec: { by: ["country"], period: { column: "at", unit: "month", timeZone: "Europe/Paris" } },
    ref: { by: ["country"], period: { date: at, unit: "month", timeZone: "Europe/Paris" } },
  },
  { name: "New York ISO weeks", spec: { period: { column: "at", unit: "week", timeZone: "America/New_York" } }, ref: { period: { date: at, unit: "week", timeZone: "America/New_York" } } },
];

describe.each(cases)("order builders match the calculators: $name", (c) => {
  it("repeatCustomerRateQuery equals repeatCustomerRate", async () => {
    await check((e) => repeatCustomerRateQuery({ dialect: e.name, from: "transactions", ...columns, ...c.spec } as never, { decimals: 2 }), c.ref, (g) => repeatCustomerRate(plain(g), { decimals: 2 }));
  });
  it("purchaseFrequencyQuery equals purchaseFrequency", async () => {
    await check((e) => purchaseFrequencyQuery({ dialect: e.name, from: "transactions", ...columns, amount: "amount", ...c.spec } as never), c.ref, (g) => purchaseFrequency(plain(g)));
  });
  it("historicalClvQuery equals historicalClv, amounts summed exactly", async () => {
    for (const amount of ["amount", "amount_text"]) {
      await check(
        (e) => historicalClvQuery({ dialect: e.name, from: "transactions", ...columns, amount, ...c.spec } as never, { acquisitionCost: "12.34" }),
        c.ref,
        (g) => historicalClv(withAmounts(g), { acquisitionCost: "12.34" }),
      );
    }
  });
});

describe("order builders on edge cases", () => {
  it("sums amounts whose double sum is not exact as the exact decimal", () => {
    const small = rows.slice(0, 400);
    let naive = 0;
    for (const r of small) naive += r.amount;
    expect(naive).not.toBe(historicalClv(withAmounts(small)).revenue);
  });

  it("gives an empty table the calculators' EMPTY_INPUT", async () => {
    await check((e) => repeatCustomerRateQuery({ dialect: e.name, from: "transactions_empty", ...columns }), {}, (g) => repeatCustomerRate(plain(g)), [], true);
    await check((e) => historicalClvQuery({ dialect: e.name, from: "transactions_empty", ...columns, amount: "amount" }), {}, (g) => historicalClv(withAmounts(g)), [], true);
  });

  it("refuses a NULL customer, time or amount, as the calculators do", async () => {
    const base: TransactionRow = { country: "FR", customerId: 1, at: new Date("2026-01-01T00:00:00Z"), amount: 5 };
    const bad: Array<[string, TransactionRow]> = [
      ["customerId", { ...base, customerId: null as never }],
      ["at", { ...base, at: null as never }],
      ["amount", { ...base, amount: null as never }],
    ];
    for (const [field, row] of bad) {
      for (const e of list) await e.load("transactions_bad", TRANSACTION_COLUMNS, [[base.country, base.customerId, base.at, base.amount, "5"], [row.country, row.customerId, row.at, row.amount, null]]);
      for (const engine of list) {
        const q = historicalClvQuery({ dialect: engine.name, from: "transactions_bad", ...columns, amount: "amount" });
        const out = await engine.query(q.text, q.params);
        expect(() => q.results(out)).toThrow(`historicalClv: ${field} is null`);
        expect(() => historicalClv(withAmounts([base, row]))).toThrow(`transactions[1].${field} is`);
      }
    }
  });
});
