// The support builders without an engine: refusals, percentiles per dialect, golden statements, results' errors.
import { describe, expect, it } from "vitest";
import { resolutionTime } from "../../src/index.js";
import { DIALECTS, firstContactResolutionRateQuery, firstResponseTimeQuery, reopenRateQuery, resolutionTimeQuery } from "../../src/sql/index.js";
import { errorOf } from "../helpers/errors.js";

const frt = { dialect: "duckdb", from: "tickets", createdAt: "created_at", firstResponseAt: "first_reply_at" } as const;

describe("duration builders", () => {
  it("refuse business hours: they cannot be written in portable SQL", () => {
    const error = errorOf(() => firstResponseTimeQuery(frt, { businessHours: { timeZone: "UTC" } } as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatchInlineSnapshot(
      `"firstResponseTime: options.businessHours cannot be written in portable SQL (holidays, per-day hours and zones per ticket): compute business-hour durations with the calculator"`,
    );
    expect(errorOf(() => resolutionTimeQuery({ ...frt, resolvedAt: "r" } as never, { businessHours: {} } as never)).metric).toBe("resolutionTime");
  });

  it("require approximate: true where the dialect has no exact continuous percentile, naming it", () => {
    const error = errorOf(() => firstResponseTimeQuery({ ...frt, dialect: "bigquery" }));
    expect(error.message).toMatchInlineSnapshot(
      `"firstResponseTime: bigquery has no exact continuous percentile aggregate: pass { approximate: true } to accept its approximate median and p90"`,
    );
    expect(firstResponseTimeQuery({ ...frt, dialect: "bigquery" }, { approximate: true }).text).toContain("APPROX_QUANTILES(`cx_d`, 100)[OFFSET(90)]");
    for (const dialect of DIALECTS.filter((d) => d !== "bigquery")) {
      const text = firstResponseTimeQuery({ ...frt, dialect }, { approximate: true }).text;
      expect(text).toContain("ROW_NUMBER() OVER (ORDER BY");
      expect(text).not.toContain("APPROX");
    }
  });

  it("refuse bad options and specs", () => {
    expect(errorOf(() => firstResponseTimeQuery(frt, { unit: "fortnights" } as never)).message).toContain("options.unit");
    expect(errorOf(() => firstResponseTimeQuery(frt, { approximate: 1 } as never)).message).toContain("options.approximate");
    expect(errorOf(() => firstResponseTimeQuery({ ...frt, firstResponseAt: undefined } as never)).message).toContain("spec.firstResponseAt");
  });

  it("finish approximate percentiles as they come", () => {
    const q = resolutionTimeQuery({ dialect: "bigquery", from: "t", createdAt: "a", resolvedAt: "b" }, { approximate: true, unit: "seconds" });
    const row = { cx_count: 3, cx_durations: 2, cx_missing: 1, cx_no_start: 0, cx_negative: 0, cx_sum: 3000, cx_min: 1000, cx_max: 2000, cx_p50: 1000, cx_p90: 2000 };
    expect(q.results([row])[0]!.result).toEqual({ metric: "resolutionTime", unit: "seconds", mean: 1.5, median: 1, p90: 2, min: 1, max: 2, resolved: 2, unresolved: 1 });
  });

  it("refuse a missing creation instant or an end before it, and give an empty group EMPTY_INPUT", () => {
    const q = resolutionTimeQuery({ dialect: "postgres", from: "t", createdAt: "a", resolvedAt: "b" });
    const row = { cx_count: 1, cx_durations: 0, cx_missing: 1, cx_no_start: 0, cx_negative: 0, cx_sum: null, cx_min: null, cx_max: null };
    expect(errorOf(() => q.results([row])).message).toBe(errorOf(() => resolutionTime([{ createdAt: 0, resolvedAt: null }])).message);
    expect(errorOf(() => q.results([{ ...row, cx_no_start: 1 }])).message).toContain("createdAt is null");
    expect(errorOf(() => q.results([{ ...row, cx_negative: 1, cx_min: -5 }])).message).toMatchInlineSnapshot(
      `"resolutionTime: resolvedAt is -5, expected an instant not before createdAt (the duration in milliseconds is negative)"`,
    );
  });

  it.each(DIALECTS)("match the golden statements for %s", async (dialect) => {
    const text = [
      firstResponseTimeQuery(
        { ...frt, dialect, by: ["team"], inputTimeZone: "Europe/Berlin", period: { column: "created_at", unit: "month", timeZone: "Europe/Berlin" } },
        { approximate: true, unit: "hours" },
      ).text,
      firstContactResolutionRateQuery({ dialect, from: "support.tickets", resolved: "is_resolved", agentReplies: "agent_replies", by: ["channel"] }).text,
      reopenRateQuery({ dialect, from: { sql: "SELECT * FROM tickets WHERE closed" }, reopens: "reopen_count" }, { decimals: 1 }).text,
    ].join(";\n\n");
    await expect(`${text};\n`).toMatchFileSnapshot(`golden/support.${dialect}.sql`);
  });
});

describe("rate builders", () => {
  const fcr = firstContactResolutionRateQuery({ dialect: "duckdb", from: "t", resolved: "r", agentReplies: "n" }, { decimals: 0 });
  const good = { cx_count: 2, cx_resolved: 2, cx_first_contact: 1, cx_resolved_known: 2, cx_replies_known: 2, cx_replies_min: 0 };

  it("finish with the calculators' code and errors", () => {
    expect(fcr.results([good])[0]!.result).toEqual({ metric: "firstContactResolution", rate: 50, resolvedOnFirstContact: 1, resolved: 2 });
    expect(errorOf(() => fcr.results([{ ...good, cx_resolved: 0, cx_first_contact: 0 }])).code).toBe("EMPTY_INPUT");
    expect(errorOf(() => fcr.results([{ ...good, cx_resolved_known: 1 }])).message).toMatchInlineSnapshot(`"firstContactResolutionRate: resolved is null, expected true or false"`);
    expect(errorOf(() => fcr.results([{ ...good, cx_replies_fraction: 1.5 }])).message).toMatchInlineSnapshot(
      `"firstContactResolutionRate: agentReplies is 1.5, expected a non-negative integer"`,
    );
    expect(errorOf(() => fcr.results([{ ...good, cx_replies_known: 1 }])).message).toContain("agentReplies is null");
    expect(errorOf(() => fcr.results([{ ...good, cx_replies_min: -2, cx_replies_fraction: -2.5 }])).message).toContain("agentReplies is -2,");
    const reopen = reopenRateQuery({ dialect: "spark", from: "t", reopens: "n" });
    expect(errorOf(() => reopen.results([{ cx_count: 1, cx_reopened: 0, cx_reopens_known: 1, cx_reopens_min: -1 }])).message).toContain("reopens is -1");
    expect(errorOf(() => reopenRateQuery({ dialect: "spark", from: "t", reopens: "n" }, { decimals: -1 })).message).toContain("options.decimals");
    expect(errorOf(() => firstContactResolutionRateQuery({ dialect: "spark", from: "t", resolved: "r" } as never)).message).toContain("spec.agentReplies");
  });
});
