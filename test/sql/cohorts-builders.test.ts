// cohortRetentionQuery without an engine: refusals, golden statements, and how results() adds the engine's counts up.
import { describe, expect, it } from "vitest";
import { cohortRetention, MAX_COHORT_ENTRIES } from "../../src/index.js";
import { cohortRetentionQuery, DIALECTS } from "../../src/sql/index.js";
import { errorOf } from "../helpers/errors.js";

const base = { dialect: "postgres", from: "subscriptions", customerId: "customer_id", startedAt: "started_at", endedAt: "ended_at" } as const;
const options = { period: "month", asOf: "2026-03-15T00:00:00Z" } as const;
const row = (cohort: string | null, at: string, extra: Record<string, unknown> = {}) => ({
  cx_cohort: cohort,
  cx_at: at,
  cx_count: 0,
  cx_size: 0,
  cx_delta: 0,
  cx_no_id: 0,
  cx_no_start: 0,
  cx_backwards: 0,
  cx_backwards_value: null,
  ...extra,
});

describe("cohortRetentionQuery spec and options", () => {
  it.each([
    [undefined, "options is null"],
    [{ asOf: 0 }, "options.period is missing"],
    [{ period: "month" }, "options.asOf is missing"],
    [{ period: "fortnight", asOf: 0 }, "options.period"],
    [{ period: "month", asOf: "yesterday" }, 'options.asOf is "yesterday"'],
    [{ period: "month", asOf: 0, timeZone: "Nowhere" }, "options.timeZone"],
    [{ period: "month", asOf: 0, decimals: 20 }, "options.decimals"],
    [{ period: "month", asOf: 0, weights: [] }, 'unknown key "weights"'],
  ])("refuses options %j", (opts, message) => {
    const error = errorOf(() => cohortRetentionQuery(base, opts as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.metric).toBe("cohortRetention");
    expect(error.message).toContain(message);
  });

  it("refuses a spec without its columns or with a period", () => {
    expect(errorOf(() => cohortRetentionQuery({ ...base, endedAt: undefined } as never, options)).message).toContain("spec.endedAt is missing");
    expect(errorOf(() => cohortRetentionQuery({ ...base, period: { column: "x", unit: "day" } } as never, options)).message).toContain('unknown key "period"');
  });

  it.each(DIALECTS)("matches the golden statement for %s", async (dialect) => {
    const text = cohortRetentionQuery({ ...base, dialect, from: "billing.subscriptions", by: ["plan"], inputTimeZone: "America/New_York" }, { ...options, timeZone: "Europe/Paris", period: "week" }).text;
    await expect(`${text};\n`).toMatchFileSnapshot(`golden/cohorts.${dialect}.sql`);
  });
});

describe("cohortRetentionQuery results(rows)", () => {
  const q = cohortRetentionQuery(base, options);

  it("adds up where runs begin and end, clamping those outside the columns, and leaves out cohorts of no customer", () => {
    const subs = [
      { customerId: 1, startedAt: "2026-01-05T10:00:00Z", endedAt: "2026-02-20T00:00:00Z" },
      { customerId: 2, startedAt: "2026-01-20T10:00:00Z" },
      { customerId: 3, startedAt: "2026-02-03T10:00:00Z", endedAt: "2026-03-01T00:00:00Z" },
    ];
    const rows = [
      row("2026-01-01", "", { cx_size: 2, cx_count: 2 }),
      row("2026-01-01", "2026-01-01", { cx_delta: 2 }),
      row("2026-01-01", "2026-02-01", { cx_delta: -1 }),
      row("2026-02-01", "", { cx_size: 1, cx_count: 1 }),
      row("2026-02-01", "2026-02-01", { cx_delta: 1 }),
      row("2026-02-01", "2026-02-01", { cx_delta: -1 }),
      row("2026-04-01", "", { cx_size: 0, cx_count: 4 }),
    ];
    expect(q.results(rows)).toStrictEqual([{ key: {}, count: 7, result: cohortRetention(subs, options) }]);
  });

  it("refuses what the calculator refuses, and a segment past the entries limit", () => {
    expect(errorOf(() => q.results([row(null, "", { cx_no_id: 1 })])).message).toContain("cohortRetention: customerId is null");
    expect(errorOf(() => q.results([row(null, "", { cx_no_start: 1 })])).message).toContain("cohortRetention: startedAt is null");
    const backwards = [row("2026-01-01", "", { cx_backwards: 1, cx_backwards_value: 9 }), row("2026-02-01", "", { cx_backwards: 2, cx_backwards_value: 4 }), row("2026-02-01", "", { cx_backwards: 1 })];
    expect(errorOf(() => q.results(backwards)).message).toMatchInlineSnapshot(`"cohortRetention: endedAt is 4, expected endedAt on or after startedAt"`);
    const days = cohortRetentionQuery(base, { period: "day", asOf: "4000-01-01T00:00:00Z" });
    const error = errorOf(() => days.results([row("1970-01-01", "", { cx_size: 1 }), row("1971-01-01", "", { cx_size: 1 })]));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toContain(`over the limit of ${MAX_COHORT_ENTRIES} per call`);
    expect(errorOf(() => q.results([row("January", "")])).message).toContain('rows[0].cx_cohort is "January", expected the period\'s first day as YYYY-MM-DD');
  });

  it("gives one group per segment, ordered by key, and no rows one empty group without by", () => {
    const by = cohortRetentionQuery({ ...base, by: ["plan"] }, options);
    const out = by.results([row("2026-01-01", "", { cx_key_1: "pro", cx_size: 1 }), row("2026-01-01", "", { cx_key_1: "basic", cx_size: 1 }), row("2026-01-01", "2026-01-01", { cx_key_1: "pro", cx_delta: 1 })]);
    expect(out.map((g) => [g.key.plan, g.result.cohorts[0]!.retention])).toEqual([["basic", [100, 0, 0]], ["pro", [100, 100, 100]]]);
    expect(q.results([])).toStrictEqual([{ key: {}, count: 0, result: cohortRetention([], options) }]);
    expect(errorOf(() => q.results({} as never)).message).toContain("expected the array of rows");
    expect(errorOf(() => q.results([1 as never])).message).toContain("rows[0] is 1, expected an object");
  });
});
