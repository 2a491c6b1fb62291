// Differential suite: churnFromSubscriptionsQuery on DuckDB and PostgreSQL gives what churnFromSubscriptions gives on
// the same rows, over one half-open period and over series of local calendar periods.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { byPeriod, churnFromSubscriptions, type Period } from "../../src/index.js";
import { toWallMs } from "../../src/internal/date.js";
import { churnFromSubscriptionsQuery, type SqlGroup, type SqlQuery } from "../../src/sql/index.js";
import { SUBSCRIPTION_COLUMNS, SUBSCRIPTION_SPEC, type SubscriptionRow, subscriptionCells, subscriptionRecords, subscriptionRows } from "./data.js";
import { type Engine, engines, inCi } from "./engines.js";
import { expectSame, reference } from "./reference.js";

const rows = subscriptionRows(inCi ? 40_000 : 8_000, 20261202);
const parisWall = (d: Date) => new Date(toWallMs(d.getTime(), "Europe/Paris"));
// Wall times in the hour Paris clocks fall back name two instants (engines and the library resolve them differently).
const unambiguous = (d: Date | null) => {
  if (d === null) return true;
  const wall = parisWall(d).getTime();
  return toWallMs(d.getTime() + 3_600_000, "Europe/Paris") !== wall && toWallMs(d.getTime() - 3_600_000, "Europe/Paris") !== wall;
};
const localRows = rows.filter((r) => unambiguous(r.startedAt) && unambiguous(r.endedAt));
const plain = subscriptionRecords;
const columns = SUBSCRIPTION_SPEC;

let list: Engine[] = [];
beforeAll(async () => {
  list = await engines();
  for (const e of list) {
    await e.load("subscriptions", SUBSCRIPTION_COLUMNS, subscriptionCells(rows, parisWall));
    await e.load("subscriptions_local", SUBSCRIPTION_COLUMNS, subscriptionCells(localRows, parisWall));
    await e.load("subscriptions_empty", SUBSCRIPTION_COLUMNS, []);
  }
}, 300_000);
afterAll(async () => {
  for (const e of list) await e.close();
});

async function check<R>(q: (engine: Engine) => SqlQuery<R>, expected: () => Array<SqlGroup<R>>, mayFail = false) {
  for (const engine of list) {
    const query = q(engine);
    const out = await engine.query(query.text, query.params);
    expectSame(() => query.results(out), expected, { mayFail });
  }
}

/** The periods byPeriod gives to the hours of [from, to): every period overlapping it, with its bounds. */
function periodsOf(unit: Period, from: string, to: string, timeZone: string) {
  const hours: number[] = [];
  for (let t = Date.parse(from); t < Date.parse(to); t += 3_600_000) hours.push(t);
  return byPeriod(hours, { date: (t) => t, period: unit, timeZone }, () => null);
}

/** Each segment's rows measured over each period with churnFromSubscriptions. */
function seriesReference(data: readonly SubscriptionRow[], by: ("plan")[], unit: Period, from: string, to: string, timeZone: string, decimals?: number) {
  const periods = periodsOf(unit, from, to, timeZone);
  return reference(data, { by }, (g) => g).flatMap((s) =>
    periods.map((p) => ({
      key: s.key,
      period: p.period,
      start: p.start,
      end: p.end,
      count: s.count,
      result: churnFromSubscriptions(plain(s.result), { periodStart: p.start, periodEnd: p.end }, decimals === undefined ? {} : { decimals }),
    })),
  );
}

describe("churnFromSubscriptionsQuery matches churnFromSubscriptions", () => {
  const periods = [
    ["a UTC month", "2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"],
    ["a year", "2025-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"],
    ["a Paris month across the change to summer time", "2026-02-28T23:00:00.000Z", "2026-03-31T22:00:00.000Z"],
    ["an odd instant to another", "2025-07-13T08:21:17.123Z", "2025-07-13T08:21:17.124Z"],
  ] as const;
  it.each(periods)("over %s, whole table and by plan", async (_name, periodStart, periodEnd) => {
    for (const by of [[], ["plan"]] as ("plan")[][]) {
      await check(
        (e) => churnFromSubscriptionsQuery({ dialect: e.name, from: "subscriptions", ...columns, by, periodStart, periodEnd }, { decimals: 2 }),
        () => reference(rows, { by }, (g) => churnFromSubscriptions(plain(g), { periodStart, periodEnd }, { decimals: 2 })),
      );
    }
  });

  it("holds data where every count is at work (not only zeros)", () => {
    const r = churnFromSubscriptions(plain(rows), { periodStart: "2026-01-01T00:00:00Z", periodEnd: "2026-02-01T00:00:00Z" });
    expect(Math.min(r.customersAtStart, r.customersLost, r.newCustomers, r.reactivated)).toBeGreaterThan(10);
    expect(seriesReference(rows, ["plan"], "month", "2025-05-31T22:00:00Z", "2026-11-30T23:00:00Z", "Europe/Paris")).toHaveLength(4 * 18);
  });

  it("over a series of Paris months by plan, bounds on daylight-saving days", async () => {
    const series = { unit: "month", from: "2025-06-01T00:00:00+02:00", to: "2026-12-01T00:00:00+01:00", timeZone: "Europe/Paris" } as const;
    await check(
      (e) => churnFromSubscriptionsQuery({ dialect: e.name, from: "subscriptions", ...columns, by: ["plan"], series }),
      () => seriesReference(rows, ["plan"], "month", "2025-05-31T22:00:00Z", "2026-11-30T23:00:00Z", "Europe/Paris"),
    );
  });

  it("over series of New York ISO weeks and Sydney quarters, a bound inside a period taking that whole period", async () => {
    await check(
      (e) => churnFromSubscriptionsQuery({ dialect: e.name, from: "subscriptions", ...columns, series: { unit: "week", from: "2026-02-20T12:00:00Z", to: "2026-04-10T00:00:00Z", timeZone: "America/New_York" } }, { decimals: 1 }),
      () => seriesReference(rows, [], "week", "2026-02-20T12:00:00Z", "2026-04-10T00:00:00Z", "America/New_York", 1),
    );
    await check(
      (e) => churnFromSubscriptionsQuery({ dialect: e.name, from: "subscriptions", ...columns, by: ["plan"], series: { unit: "quarter", from: "2025-01-01T00:00:00Z", to: "2026-07-01T00:00:00Z", timeZone: "Australia/Sydney" } }),
      () => seriesReference(rows, ["plan"], "quarter", "2025-01-01T00:00:00Z", "2026-07-01T00:00:00Z", "Australia/Sydney"),
    );
  });

  it("reads timestamps without a zone in inputTimeZone as the same instants", async () => {
    const periodStart = "2026-02-28T23:00:00.000Z";
    const periodEnd = "2026-03-31T22:00:00.000Z";
    await check(
      (e) => churnFromSubscriptionsQuery({ dialect: e.name, from: "subscriptions_local", customerId: "customer_id", startedAt: "started_local", endedAt: "ended_local", inputTimeZone: "Europe/Paris", by: ["plan"], periodStart, periodEnd }),
      () => reference(localRows, { by: ["plan"] }, (g) => churnFromSubscriptions(plain(g), { periodStart, periodEnd })),
    );
    expect(localRows.length).toBeGreaterThan(rows.length * 0.95);
  });

  it("gives an empty table the calculator's EMPTY_INPUT, over one period and over a series", async () => {
    const period = { periodStart: "2026-01-01T00:00:00Z", periodEnd: "2026-02-01T00:00:00Z" };
    await check((e) => churnFromSubscriptionsQuery({ dialect: e.name, from: "subscriptions_empty", ...columns, ...period }), () => reference([], {}, (g) => churnFromSubscriptions(plain(g), period)), true);
    await check(
      (e) => churnFromSubscriptionsQuery({ dialect: e.name, from: "subscriptions_empty", ...columns, series: { unit: "year", from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" } }),
      () => seriesReference([], [], "year", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "UTC"),
      true,
    );
    for (const engine of list) {
      const q = churnFromSubscriptionsQuery({ dialect: engine.name, from: "subscriptions_empty", ...columns, by: ["plan"], ...period });
      expect(q.results(await engine.query(q.text, q.params))).toEqual([]);
    }
  });

  it("refuses a NULL customer, a NULL start and an end before the start, as the calculator does", async () => {
    const period = { periodStart: "2026-01-01T00:00:00Z", periodEnd: "2026-02-01T00:00:00Z" };
    const base = { plan: "x", customerId: 1, startedAt: new Date("2025-01-01T00:00:00Z"), endedAt: null };
    const bad: Array<[string, SubscriptionRow]> = [
      ["customerId", { ...base, customerId: null as never }],
      ["startedAt", { ...base, startedAt: null as never }],
      ["endedAt", { ...base, endedAt: new Date("2024-12-31T23:59:59.999Z") }],
    ];
    for (const [field, row] of bad) {
      const data = [base, row];
      for (const e of list) await e.load("subscriptions_bad", SUBSCRIPTION_COLUMNS, subscriptionCells(data, (d) => d ?? null));
      await check((e) => churnFromSubscriptionsQuery({ dialect: e.name, from: "subscriptions_bad", ...columns, ...period }), () => reference(data, {}, (g) => churnFromSubscriptions(plain(g), period)), true);
      for (const engine of list) {
        const q = churnFromSubscriptionsQuery({ dialect: engine.name, from: "subscriptions_bad", ...columns, ...period });
        const out = await engine.query(q.text, q.params);
        expect(() => q.results(out)).toThrow(`churnFromSubscriptions: ${field} is`);
      }
    }
  });
});
