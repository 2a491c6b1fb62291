import { describe, expect, it } from "vitest";
import { CohortOptionsSchema, cohortRetention } from "../../src/index.js";
import { failure } from "./helpers.js";

describe("cohortRetention", () => {
  it("groups by month of the first subscription and follows each cohort month by month", () => {
    const subs = [
      { customerId: 1, startedAt: "2026-01-05T10:00:00Z", endedAt: "2026-02-20T00:00:00Z" },
      { customerId: 2, startedAt: "2026-01-20T10:00:00Z" },
      { customerId: 3, startedAt: "2026-02-03T10:00:00Z", endedAt: "2026-03-01T00:00:00Z" },
    ];
    expect(cohortRetention(subs, { period: "month", asOf: "2026-03-15T00:00:00Z" })).toEqual({
      metric: "cohortRetention",
      cohorts: [
        { cohort: "2026-01", size: 2, retention: [100, 100, 50] },
        { cohort: "2026-02", size: 1, retention: [100, 0] },
      ],
    });
  });

  it("labels ISO weeks with the ISO week-numbering year: 2025-12-29 is in 2026-W01", () => {
    const { cohorts } = cohortRetention([{ customerId: "a", startedAt: "2025-12-29T12:00:00Z" }, { customerId: "b", startedAt: "2025-12-28T12:00:00Z" }], {
      period: "week",
      asOf: "2026-01-05T00:00:00Z",
    });
    expect(cohorts.map((c) => c.cohort)).toEqual(["2025-W52", "2026-W01"]);
    expect(cohorts.map((c) => c.retention)).toEqual([[100, 100, 100], [100, 100]]);
  });

  it("labels days, quarters and years", () => {
    const subs = [{ customerId: "a", startedAt: "2026-01-31T12:00:00Z" }];
    const label = (period: "day" | "quarter" | "year") => cohortRetention(subs, { period, asOf: "2026-02-01T00:00:00Z" }).cohorts[0]!.cohort;
    expect([label("day"), label("quarter"), label("year")]).toEqual(["2026-01-31", "2026-Q1", "2026"]);
  });

  it("reckons periods in the time zone given", () => {
    const subs = [{ customerId: "a", startedAt: "2026-01-31T23:30:00Z" }];
    const asOf = "2026-03-01T00:00:00Z";
    expect(cohortRetention(subs, { period: "month", asOf }).cohorts[0]!.cohort).toBe("2026-01");
    const budapest = cohortRetention(subs, { period: "month", asOf, timeZone: "Europe/Budapest" });
    expect(budapest.cohorts).toEqual([{ cohort: "2026-02", size: 1, retention: [100, 100] }]);
  });

  it("columns stop at the last period starting on or before asOf", () => {
    const subs = [{ customerId: "a", startedAt: "2026-01-15T00:00:00Z" }];
    expect(cohortRetention(subs, { period: "month", asOf: "2026-03-01T00:00:00Z" }).cohorts[0]!.retention).toEqual([100, 100, 100]);
    expect(cohortRetention(subs, { period: "month", asOf: "2026-02-28T23:59:59.999Z" }).cohorts[0]!.retention).toEqual([100, 100]);
    expect(cohortRetention(subs, { period: "month", asOf: "2026-01-15T00:00:00Z" }).cohorts[0]!.retention).toEqual([100]);
  });

  it("leaves out customers whose first subscription starts after asOf", () => {
    const subs = [
      { customerId: "a", startedAt: "2026-01-15T00:00:00Z" },
      { customerId: "b", startedAt: "2026-01-20T00:00:00Z" },
    ];
    expect(cohortRetention(subs, { period: "month", asOf: "2026-01-16T00:00:00Z" }).cohorts).toEqual([{ cohort: "2026-01", size: 1, retention: [100] }]);
    expect(cohortRetention([], { period: "month", asOf: "2026-01-16T00:00:00Z" }).cohorts).toEqual([]);
  });

  it("counts a customer with overlapping subscriptions once and sees it come back", () => {
    const subs = [
      { customerId: "a", startedAt: "2026-01-01T00:00:00Z", endedAt: "2026-03-15T00:00:00Z" },
      { customerId: "a", startedAt: "2026-01-10T00:00:00Z", endedAt: "2026-02-15T00:00:00Z" },
      { customerId: "a", startedAt: "2026-03-15T00:00:00Z", endedAt: "2026-04-01T00:00:00Z" },
      { customerId: "a", startedAt: "2026-05-01T00:00:00Z" },
      { customerId: "b", startedAt: "2026-01-02T00:00:00Z", endedAt: "2026-01-02T00:00:00Z" },
    ];
    const { cohorts } = cohortRetention(subs, { period: "month", asOf: "2026-06-01T00:00:00Z" });
    // a: active Feb 1, Mar 1, not Apr 1 (ended exactly then), back May 1 and Jun 1; b never active at a boundary.
    expect(cohorts).toEqual([{ cohort: "2026-01", size: 2, retention: [100, 50, 50, 0, 50, 50] }]);
  });

  it("reproduces the worked example of docs/churn.md", () => {
    const subs = [
      { customerId: "a", startedAt: "2025-06-01T00:00:00Z" },
      { customerId: "b", startedAt: "2025-06-01T00:00:00Z", endedAt: "2026-01-15T00:00:00Z" },
      { customerId: "c", startedAt: "2025-03-01T00:00:00Z", endedAt: "2025-09-01T00:00:00Z" },
      { customerId: "c", startedAt: "2026-01-20T00:00:00Z" },
      { customerId: "d", startedAt: "2026-01-10T00:00:00Z" },
      { customerId: "e", startedAt: "2026-01-05T00:00:00Z", endedAt: "2026-01-25T00:00:00Z" },
    ];
    expect(cohortRetention(subs, { period: "month", asOf: "2026-03-15T00:00:00Z" }).cohorts).toEqual([
      { cohort: "2025-03", size: 1, retention: [100, 100, 100, 100, 100, 100, 0, 0, 0, 0, 0, 100, 100] },
      { cohort: "2025-06", size: 2, retention: [100, 100, 100, 100, 100, 100, 100, 100, 50, 50] },
      { cohort: "2026-01", size: 2, retention: [100, 50, 50] },
    ]);
  });

  it("rounds with decimals", () => {
    const subs = [0, 1, 2].map((i) => ({ customerId: i, startedAt: Date.UTC(2026, 0, 1), endedAt: i === 0 ? null : Date.UTC(2026, 0, 15) }));
    expect(cohortRetention(subs, { period: "month", asOf: Date.UTC(2026, 1, 1), decimals: 2 }).cohorts[0]!.retention).toEqual([100, 33.33]);
    expect(cohortRetention(subs, { period: "month", asOf: Date.UTC(2026, 1, 1) }).cohorts[0]!.retention).toEqual([100, 100 / 3]);
  });

  it("refuses bad options", () => {
    const subs = [{ customerId: "a", startedAt: "2026-01-15T00:00:00Z" }];
    expect(failure(() => cohortRetention(subs, undefined as never))).toMatchInlineSnapshot(`"INVALID_INPUT cohortRetention: options is missing, expected an object with period and asOf"`);
    expect(failure(() => cohortRetention(subs, { period: "fortnight" as never, asOf: 0 }))).toMatchInlineSnapshot(`"INVALID_INPUT cohortRetention: options.period is "fortnight", expected "day", "week", "month", "quarter" or "year""`);
    expect(failure(() => cohortRetention(subs, { period: "month", asOf: "yesterday" }))).toMatchInlineSnapshot(`"INVALID_INPUT cohortRetention: options.asOf is "yesterday", expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds"`);
    expect(failure(() => cohortRetention(subs, { period: "month", asOf: 0, timeZone: "Mars/Olympus" }))).toMatchInlineSnapshot(`"INVALID_INPUT cohortRetention: options.timeZone is "Mars/Olympus", expected an IANA time-zone name"`);
    expect(failure(() => cohortRetention(subs, { period: "month", asOf: 0, tz: "UTC" } as never))).toMatchInlineSnapshot(`"INVALID_INPUT cohortRetention: options has unknown key "tz""`);
  });

  it("names the record's index for bad records", () => {
    const ok = { customerId: "a", startedAt: "2026-01-15T00:00:00Z" };
    const options = { period: "month", asOf: 0 } as const;
    expect(failure(() => cohortRetention([ok, { ...ok, endedAt: "2026-01-01T00:00:00Z" }], options))).toMatchInlineSnapshot(`"INVALID_INPUT cohortRetention: subscriptions[1].endedAt is "2026-01-01T00:00:00Z", expected endedAt on or after startedAt ("2026-01-15T00:00:00Z")"`);
    expect(failure(() => cohortRetention([ok, { customerId: null } as never], options))).toMatchInlineSnapshot(`"INVALID_INPUT cohortRetention: subscriptions[1].customerId is null, expected a customer id: a non-empty string or a finite number"`);
    expect(failure(() => cohortRetention("subs" as never, options))).toMatchInlineSnapshot(`"INVALID_INPUT cohortRetention: subscriptions is "subs", expected an array of subscriptions"`);
  });

  it("the options schema refuses unknown keys", () => {
    expect(CohortOptionsSchema.safeParse({ period: "week", asOf: 0 }).success).toBe(true);
    expect(CohortOptionsSchema.safeParse({ period: "week", asOf: 0, zone: "UTC" }).success).toBe(false);
  });
});
