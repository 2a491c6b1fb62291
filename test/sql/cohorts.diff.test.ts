// Differential suite: cohortRetentionQuery on DuckDB and PostgreSQL gives what cohortRetention gives on the same rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CohortOptions, cohortRetention } from "../../src/index.js";
import { cohortRetentionQuery } from "../../src/sql/index.js";
import { SUBSCRIPTION_COLUMNS, SUBSCRIPTION_SPEC, type SubscriptionRow, subscriptionCells, subscriptionRecords, subscriptionRows } from "./data.js";
import { type Engine, engines, inCi } from "./engines.js";
import { expectSame, reference } from "./reference.js";

const rows = subscriptionRows(inCi ? 40_000 : 8_000, 7);
const utcWall = (d: Date) => d;
const plain = subscriptionRecords;
const columns = SUBSCRIPTION_SPEC;

let list: Engine[] = [];
beforeAll(async () => {
  list = await engines();
  for (const e of list) {
    await e.load("cohort_subscriptions", SUBSCRIPTION_COLUMNS, subscriptionCells(rows, utcWall));
    await e.load("cohort_empty", SUBSCRIPTION_COLUMNS, []);
  }
}, 300_000);
afterAll(async () => {
  for (const e of list) await e.close();
});

async function check(table: string, by: "plan"[], options: CohortOptions, data: readonly SubscriptionRow[] = rows, extra: Record<string, unknown> = {}) {
  for (const engine of list) {
    const q = cohortRetentionQuery({ dialect: engine.name, from: table, ...columns, by, ...extra }, options);
    const out = await engine.query(q.text, q.params);
    expectSame(() => q.results(out), () => reference(data, { by }, (g) => cohortRetention(plain(g), options)));
  }
}

describe("cohortRetentionQuery matches cohortRetention", () => {
  it("holds cohorts whose curves move (customers leave and come back)", () => {
    const { cohorts } = cohortRetention(plain(rows), { period: "month", asOf: "2026-11-15T00:00:00Z" });
    expect(cohorts.length).toBeGreaterThan(30);
    expect(cohorts.some((c) => c.retention.some((r, k) => k > 0 && r > c.retention[k - 1]!))).toBe(true);
  });

  it.each([
    ["Paris months by plan", ["plan"], { period: "month", asOf: "2026-11-15T00:00:00Z", timeZone: "Europe/Paris", decimals: 2 }],
    ["New York ISO weeks", [], { period: "week", asOf: "2026-06-01T04:00:00Z", timeZone: "America/New_York" }],
    ["Sydney quarters by plan", ["plan"], { period: "quarter", asOf: "2026-12-31T13:00:00Z", timeZone: "Australia/Sydney", decimals: 1 }],
    ["UTC years, asOf on a period's first instant", [], { period: "year", asOf: "2026-01-01T00:00:00Z" }],
    ["UTC days", ["plan"], { period: "day", asOf: "2026-03-31T22:00:00Z" }],
  ] as const)("%s", async (_name, by, options) => {
    await check("cohort_subscriptions", [...by], options);
  });

  it("gives an empty table no cohorts, as the calculator does", async () => {
    await check("cohort_empty", [], { period: "month", asOf: "2026-01-01T00:00:00Z" }, []);
    for (const engine of list) {
      const q = cohortRetentionQuery({ dialect: engine.name, from: "cohort_empty", ...columns, by: ["plan"] }, { period: "month", asOf: 0 });
      expect(q.results(await engine.query(q.text, q.params))).toEqual([]);
    }
  });

  it("refuses a NULL customer, a NULL start and an end before the start", async () => {
    const base = { plan: "x", customerId: 1, startedAt: new Date("2025-01-01T00:00:00Z"), endedAt: null };
    const bad: Array<[string, SubscriptionRow]> = [
      ["customerId", { ...base, customerId: null as never }],
      ["startedAt", { ...base, startedAt: null as never }],
      ["endedAt", { ...base, endedAt: new Date("2024-12-31T23:59:59.999Z") }],
    ];
    for (const [field, row] of bad) {
      for (const e of list) await e.load("cohort_bad", SUBSCRIPTION_COLUMNS, subscriptionCells([base, row], (d) => d ?? null));
      for (const engine of list) {
        const q = cohortRetentionQuery({ dialect: engine.name, from: "cohort_bad", ...columns }, { period: "month", asOf: "2026-01-01T00:00:00Z" });
        const out = await engine.query(q.text, q.params);
        expect(() => q.results(out)).toThrow(`cohortRetention: ${field} is`);
        expect(() => cohortRetention(plain([base, row]), { period: "month", asOf: "2026-01-01T00:00:00Z" })).toThrow(`[1].${field} is`);
      }
    }
  });
});
