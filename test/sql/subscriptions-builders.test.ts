// churnFromSubscriptionsQuery without an engine: refusals, series bounds, golden statements, results' errors.
import { describe, expect, it } from "vitest";
import { churnFromSubscriptions } from "../../src/index.js";
import { churnFromSubscriptionsQuery, DIALECTS, MAX_SERIES_PERIODS } from "../../src/sql/index.js";
import { errorOf } from "../helpers/errors.js";

const base = { dialect: "duckdb", from: "subscriptions", customerId: "customer_id", startedAt: "started_at", endedAt: "ended_at" } as const;
const period = { periodStart: "2026-01-01T00:00:00Z", periodEnd: "2026-02-01T00:00:00Z" };
const good = { cx_count: 3, cx_at_start: 2, cx_lost: 1, cx_at_end: 2, cx_new: 1, cx_reactivated: 0, cx_no_id: 0, cx_no_start: 0, cx_backwards: 0 };

describe("churnFromSubscriptionsQuery spec and options", () => {
  it.each([
    [{ ...base }, "spec.series is missing, expected either periodStart with periodEnd, or series"],
    [{ ...base, ...period, series: { unit: "month", from: 0, to: 1 } }, "spec.series is an object"],
    [{ ...base, periodStart: period.periodStart }, "spec.periodEnd is missing"],
    [{ ...base, periodEnd: period.periodEnd }, "spec.periodStart is missing"],
    [{ ...base, periodStart: "2026-01-01", periodEnd: period.periodEnd }, 'spec.periodStart is "2026-01-01", expected a Date'],
    [{ ...base, ...period, periodEnd: period.periodStart }, "spec.periodEnd is \"2026-01-01T00:00:00Z\", expected an instant after periodStart"],
    [{ ...base, series: { from: 0, to: 1 } }, "spec.series.unit is missing"],
    [{ ...base, series: { unit: "month", to: 1 } }, "spec.series.from is missing"],
    [{ ...base, series: { unit: "month", from: 0 } }, "spec.series.to is missing"],
    [{ ...base, series: { unit: "month", from: 0, to: 0 } }, "spec.series.to is 0, expected an instant after series.from"],
    [{ ...base, series: { unit: "month", from: 0, to: 1, timeZone: "Nowhere/Else" } }, "series.timeZone"],
    [{ ...base, series: { unit: "month", from: 0, to: 1, step: 2 } }, 'series has unknown key "step"'],
    [{ ...base, ...period, period: { column: "started_at", unit: "month" } }, 'spec has unknown key "period"'],
    [{ ...base, ...period, endedAt: undefined }, "spec.endedAt is missing"],
    [{ ...base, ...period, customerId: "" }, "spec.customerId"],
  ])("refuses %j", (spec, message) => {
    const error = errorOf(() => churnFromSubscriptionsQuery(spec as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.metric).toBe("churnFromSubscriptions");
    expect(error.message).toContain(message);
  });

  it("refuses bad options and series too long or outside the years 0000-9999", () => {
    expect(errorOf(() => churnFromSubscriptionsQuery({ ...base, ...period }, { decimals: 1.5 })).message).toContain("options.decimals is 1.5");
    expect(errorOf(() => churnFromSubscriptionsQuery({ ...base, ...period }, { digits: 1 } as never)).message).toContain('unknown key "digits"');
    const long = errorOf(() => churnFromSubscriptionsQuery({ ...base, series: { unit: "day", from: "2020-01-01T00:00:00Z", to: "2030-01-09T00:00:00Z" } }));
    expect(long.code).toBe("OUT_OF_RANGE");
    expect(long.message).toContain(`expected at most ${MAX_SERIES_PERIODS} periods`);
    expect(churnFromSubscriptionsQuery({ ...base, series: { unit: "day", from: "2020-01-01T00:00:00Z", to: "2030-01-08T00:00:00Z" } }).text).toContain("'2030-01-07'");
    const ancient = errorOf(() => churnFromSubscriptionsQuery({ ...base, series: { unit: "year", from: "-000002-06-01T00:00:00Z", to: "0001-01-01T00:00:00Z" } }));
    expect(ancient.code).toBe("OUT_OF_RANGE");
    expect(ancient.message).toContain("expected periods within the years 0000-9999");
  });
});

describe("churnFromSubscriptionsQuery statements", () => {
  it("writes one period's bounds as epoch-millisecond literals, and a series' periods with their local bounds", () => {
    const one = churnFromSubscriptionsQuery({ ...base, ...period });
    expect(one.params).toEqual([]);
    expect(one.text).toContain(`"cx_start" <= 1767225600000 AND ("cx_end" IS NULL OR 1767225600000 < "cx_end")`);
    const paris = churnFromSubscriptionsQuery({ ...base, series: { unit: "month", from: "2026-03-15T00:00:00Z", to: "2026-03-31T22:00:00Z", timeZone: "Europe/Paris" } });
    // March in Paris runs from 2026-02-28T23:00Z to 2026-03-31T22:00Z (one hour short of 31 days); April starts at `to`.
    expect(paris.text).toContain(`SELECT '2026-03-01' AS "cx_period", ${Date.parse("2026-02-28T23:00:00Z")} AS "cx_from", ${Date.parse("2026-03-31T22:00:00Z")} AS "cx_to"`);
    expect(paris.text).not.toContain("UNION ALL");
    const months = churnFromSubscriptionsQuery({ ...base, series: { unit: "month", from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" } });
    expect(months.text.split("UNION ALL SELECT").length).toBe(12);
  });

  it.each(DIALECTS)("matches the golden statements for %s", async (dialect) => {
    const text = [
      churnFromSubscriptionsQuery({ ...base, dialect, from: "billing.subscriptions", by: ["plan"], ...period }, { decimals: 1 }).text,
      churnFromSubscriptionsQuery({
        ...base,
        dialect,
        from: { sql: "SELECT * FROM subscriptions WHERE NOT test" },
        inputTimeZone: "Europe/Paris",
        series: { unit: "quarter", from: "2026-01-01T00:00:00+01:00", to: "2026-07-01T00:00:00+02:00", timeZone: "Europe/Paris" },
      }).text,
    ].join(";\n\n");
    await expect(`${text};\n`).toMatchFileSnapshot(`golden/subscriptions.${dialect}.sql`);
  });
});

describe("churnFromSubscriptionsQuery results(rows)", () => {
  const q = churnFromSubscriptionsQuery({ ...base, ...period }, { decimals: 1 });

  it("finishes the counts with churnFromSubscriptions' code", () => {
    const subs = [
      { customerId: 1, startedAt: "2025-01-01T00:00:00Z", endedAt: "2026-01-10T00:00:00Z" },
      { customerId: 2, startedAt: "2025-01-01T00:00:00Z" },
      { customerId: 3, startedAt: "2026-01-05T00:00:00Z" },
    ];
    expect(q.results([good])).toStrictEqual([{ key: {}, count: 3, result: churnFromSubscriptions(subs, period, { decimals: 1 }) }]);
  });

  it("gives a group without a customer at the start EMPTY_INPUT, and refuses what the calculator refuses", () => {
    expect(errorOf(() => q.results([{ ...good, cx_at_start: 0, cx_lost: 0 }])).message).toBe(errorOf(() => churnFromSubscriptions([], period)).message);
    expect(errorOf(() => q.results([{ ...good, cx_no_id: 1 }])).message).toMatchInlineSnapshot(
      `"churnFromSubscriptions: customerId is null, expected a customer id: a non-empty string or a finite number"`,
    );
    expect(errorOf(() => q.results([{ ...good, cx_no_start: 2n }])).message).toContain("startedAt is null");
    expect(errorOf(() => q.results([{ ...good, cx_backwards: 1, cx_backwards_value: 17 }])).message).toMatchInlineSnapshot(
      `"churnFromSubscriptions: endedAt is 17, expected endedAt on or after startedAt"`,
    );
  });

  it("gives a series over no rows the calculator's EMPTY_INPUT without by, and no groups with by", () => {
    const series = { unit: "year", from: "2026-01-01T00:00:00Z", to: "2027-01-01T00:00:00Z" } as const;
    expect(errorOf(() => churnFromSubscriptionsQuery({ ...base, series }).results([])).code).toBe("EMPTY_INPUT");
    expect(churnFromSubscriptionsQuery({ ...base, series, by: ["plan"] }).results([])).toEqual([]);
    expect(errorOf(() => churnFromSubscriptionsQuery({ ...base, series }).results("x" as never)).message).toContain("expected the array of rows");
    const out = churnFromSubscriptionsQuery({ ...base, series }).results([{ ...good, cx_period: "2026-01-01" }]);
    expect(out.map((g) => [g.period, g.start, g.end])).toEqual([["2026", new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z")]]);
  });
});
