// The builders' contract without an engine: spec and option errors, placeholders per dialect, the statement's shape,
// and how results() reads what clients return.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CxMetricsError, csat, nps } from "../../src/index.js";
import { cesQuery, csatQuery, DIALECTS, npsQuery } from "../../src/sql/index.js";
import { PACKAGE_VERSION } from "../../src/sql/version.js";
import { errorOf } from "../helpers/errors.js";
import type { Period } from "../../src/index.js";

const base = { dialect: "duckdb", from: "survey_responses", score: "nps" } as const;

describe("npsQuery spec and options", () => {
  it.each([
    [{ ...base, dialect: "mysql" }, "INVALID_INPUT", "spec.dialect"],
    [{ from: "t", score: "s" }, "INVALID_INPUT", "spec.dialect"],
    [{ dialect: "duckdb", score: "s" }, "INVALID_INPUT", "spec.from"],
    [{ dialect: "duckdb", from: "t" }, "INVALID_INPUT", "spec.score"],
    [{ ...base, from: "a..b" }, "INVALID_INPUT", "spec.from[1]"],
    [{ ...base, from: 3 }, "INVALID_INPUT", "spec.from"],
    [{ ...base, from: { sql: "  ;" } }, "INVALID_INPUT", "from.sql"],
    [{ ...base, from: { sql: "SELECT 1\u0000" } }, "INVALID_INPUT", "from.sql"],
    [{ ...base, from: {} }, "INVALID_INPUT", "spec.from.sql"],
    [{ ...base, from: { sql: "SELECT 1", extra: 1 } }, "INVALID_INPUT", "from"],
    [{ ...base, score: "" }, "INVALID_INPUT", "spec.score"],
    [{ ...base, score: "a\u0000b" }, "INVALID_INPUT", "spec.score"],
    [{ ...base, score: "x".repeat(1025) }, "INVALID_INPUT", "spec.score"],
    [{ ...base, by: "channel" }, "INVALID_INPUT", "spec.by"],
    [{ ...base, by: ["a", "a"] }, "INVALID_INPUT", "spec.by[1]"],
    [{ ...base, period: { unit: "week" } }, "INVALID_INPUT", "spec.period.column"],
    [{ ...base, period: { column: "at" } }, "INVALID_INPUT", "spec.period.unit"],
    [{ ...base, period: { column: "at", unit: "fortnight" } }, "INVALID_INPUT", "period.unit"],
    [{ ...base, period: { column: "at", unit: "day", timeZone: "Mars/Olympus" } }, "INVALID_INPUT", "period.timeZone"],
    [{ ...base, inputTimeZone: "nowhere" }, "INVALID_INPUT", "spec.inputTimeZone"],
    [{ ...base, scores: "nps" }, "INVALID_INPUT", "spec"],
    [null, "INVALID_INPUT", "spec"],
  ])("refuses %j", (spec, code, path) => {
    const error = errorOf(() => npsQuery(spec as never));
    expect(error.code).toBe(code);
    expect(error.metric).toBe("nps");
    expect(error.message).toContain(path);
  });

  it("refuses the weights option (the weight column replaces it) and bad calculator options", () => {
    expect(errorOf(() => npsQuery(base, { weights: [1] } as never)).message).toMatchInlineSnapshot(`"nps: options has unknown key "weights""`);
    expect(errorOf(() => npsQuery(base, { decimals: 16 })).message).toMatchInlineSnapshot(`"nps: options.decimals is 16, expected an integer from 0 to 15"`);
    expect(errorOf(() => csatQuery({ ...base, rating: "r" } as never, {})).message).toContain("spec has unknown key");
    expect(errorOf(() => csatQuery({ dialect: "duckdb", from: "t", rating: "r" }, { scale: [1, 5], satisfiedFrom: 9 })).message).toContain(
      "satisfiedFrom",
    );
  });

  it("keeps every non-CxMetricsError from escaping", () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error("boom"); } });
    const error = errorOf(() => npsQuery(hostile as never));
    expect(error).toBeInstanceOf(CxMetricsError);
    expect(error.message).toContain("boom");
  });
});

describe("the statement", () => {
  it("starts with a comment naming the metric and the package version, which follows package.json", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(PACKAGE_VERSION).toBe(pkg.version);
    for (const dialect of DIALECTS) {
      expect(npsQuery({ ...base, dialect }).text.split("\n")[0]).toBe(`-- cx-metrics ${pkg.version}: nps`);
    }
  });

  it("has no params without a period, and uses each dialect's placeholders with one", () => {
    const expected = { duckdb: ["$1", "$2"], postgres: ["$1", "$2"], bigquery: ["@p1", "@p2"], snowflake: ["?", "?"], spark: [":p1", ":p2"], clickhouse: ["{p1:String}", "{p2:String}"] };
    for (const dialect of DIALECTS) {
      expect(npsQuery({ ...base, dialect }).params).toEqual([]);
      const q = npsQuery({ ...base, dialect, inputTimeZone: "Europe/Paris", period: { column: "at", unit: "week", timeZone: "Asia/Tokyo" } });
      for (const p of expected[dialect]) expect(q.text).toContain(p);
      if (dialect === "snowflake") {
        // Positional: one value per placeholder, in the order they appear (the week start reads the local day twice).
        expect(q.params).toEqual(["Asia/Tokyo", "Europe/Paris", "Asia/Tokyo", "Europe/Paris"]);
        expect(q.text.split("?").length - 1).toBe(4);
      } else {
        expect(q.params).toEqual(["Europe/Paris", "Asia/Tokyo"]);
      }
    }
  });

  it("quotes dotted table names part by part, and uses a caller's subquery as a CTE", () => {
    expect(npsQuery({ ...base, from: "analytics.responses" }).text).toContain('FROM "analytics"."responses"');
    expect(npsQuery({ ...base, dialect: "bigquery", from: "proj.ds.t`x" }).text).toContain("FROM `proj`.`ds`.`t\\`x`");
    const q = npsQuery({ ...base, from: { sql: "SELECT *\n\nFROM r WHERE ok;\n" } });
    expect(q.text).toContain('"cx_source" AS (\nSELECT *\n\nFROM r WHERE ok\n  )');
    expect(q.text).toContain('FROM "cx_source"');
  });

  it("quotes identifiers per dialect, doubling or escaping embedded quotes", () => {
    const name = 'a"b`c\\d';
    const texts = Object.fromEntries(DIALECTS.map((d) => [d, npsQuery({ ...base, dialect: d, score: name }).text]));
    expect(texts.duckdb).toContain('CAST("a""b`c\\d" AS DOUBLE)');
    expect(texts.postgres).toContain('CAST("a""b`c\\d" AS DOUBLE PRECISION)');
    expect(texts.snowflake).toContain('CAST("a""b`c\\d" AS DOUBLE)');
    expect(texts.bigquery).toContain("CAST(`a\"b\\`c\\\\d` AS FLOAT64)");
    expect(texts.spark).toContain("CAST(`a\"b``c\\d` AS DOUBLE)");
    expect(texts.clickhouse).toContain('CAST("a""b`c\\\\d" AS Float64)');
  });

  it.each(DIALECTS)("matches the golden statements for %s", async (dialect) => {
    const period = { column: "submitted_at", unit: "week", timeZone: "Europe/Paris" } as const;
    const text = [
      npsQuery({ dialect, from: "analytics.survey_responses", score: "nps", by: ["channel"], period, weight: "w" }, { decimals: 1 }).text,
      csatQuery({ dialect, from: { sql: "SELECT * FROM ratings WHERE ok" }, rating: "stars", inputTimeZone: "America/New_York", period: { ...period, unit: "month" } }).text,
      cesQuery({ dialect, from: "effort", rating: "effort", by: ["team", "region"] }, { lowerIsEasier: true, scale: [1, 7] }).text,
    ].join(";\n\n");
    await expect(`${text};\n`).toMatchFileSnapshot(`golden/survey.${dialect}.sql`);
  });
});

describe("periods per dialect", () => {
  const units: Period[] = ["day", "week", "month", "quarter", "year"];
  it.each(DIALECTS)("%s writes each unit's first local day, reading zoned and zone-less timestamps", async (dialect) => {
    const lines = units.flatMap((unit) =>
      [undefined, "America/Sao_Paulo"].map((inputTimeZone) => {
        const q = npsQuery({ ...base, dialect, ...(inputTimeZone === undefined ? {} : { inputTimeZone }), period: { column: "at", unit, timeZone: "Asia/Kolkata" } });
        return `${unit}: ${q.text.split("\n").find((l) => l.includes("cx_period") && l.includes(" AS "))!.trim()}`;
      }),
    );
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot(`golden/periods.${dialect}.txt`);
  });
});

describe("results(rows)", () => {
  const q = npsQuery({ ...base, by: ["channel"] });
  const row = (channel: unknown, high: unknown, low: unknown, extra: Record<string, unknown> = {}) => ({
    cx_key_1: channel,
    cx_count: 2,
    cx_band_1: low,
    cx_band_2: 0,
    cx_band_3: high,
    cx_sum_values: 0,
    cx_min: 0,
    cx_max: 10,
    cx_fraction: null,
    ...extra,
  });

  it("reads numbers, bigints, numeric text and decimal objects", () => {
    const decimal = { toString: () => "1" };
    const { cx_sum_values: _absent, ...withoutSum } = row("b", decimal, 1);
    const out = q.results([row("a", 1n, "1"), withoutSum]);
    expect(out.map((g) => g.result)).toStrictEqual([nps({ promoters: 1, passives: 0, detractors: 1 }), nps({ promoters: 1, passives: 0, detractors: 1 })]);
    expect(out[0]!.count).toBe(2);
  });

  it("orders groups by key ascending, nulls last, whatever order the rows come in", () => {
    const keys = [null, "b", "a", "B"].map((k) => row(k, 1, 0));
    expect(q.results(keys).map((g) => g.key.channel)).toEqual(["B", "a", "b", null]);
    const mixed = [row(true, 1, 0), row("x", 1, 0), row(2, 1, 0), row(false, 1, 0), row(1, 1, 0), row(null, 1, 0), row(null, 1, 0)];
    expect(q.results(mixed).map((g) => g.key.channel)).toEqual([false, true, 1, 2, "x", null, null]);
    expect(q.results([row(Number.NaN, 1, 0), row(Number.NaN, 1, 0)]).map((g) => g.key.channel)).toEqual([Number.NaN, Number.NaN]);
  });

  it("turns engine key values into plain data", () => {
    const when = new Date("2026-01-02T03:04:05Z");
    const keys = [row(5n, 1, 0), row(2n ** 60n, 1, 0), row(when, 1, 0), row({ toString: () => "obj" }, 1, 0), row(-0, 1, 0), row(undefined, 1, 0)];
    const out = q.results(keys).map((g) => g.key.channel);
    expect(out).toEqual([0, 5, "1152921504606846976", "2026-01-02T03:04:05.000Z", "obj", null]);
    expect(Object.is(out[0], 0)).toBe(true);
  });

  it("reads aliases folded to upper case (Snowflake's clients)", () => {
    const upper = Object.fromEntries(Object.entries(row("a", 3, 1)).map(([k, v]) => [k.toUpperCase(), v]));
    expect(q.results([upper])[0]!.result.score).toBe(50);
  });

  it("gives an empty group the calculator's EMPTY_INPUT, and a value off the scale its OUT_OF_RANGE", () => {
    expect(errorOf(() => q.results([row("a", 0, 0)])).code).toBe("EMPTY_INPUT");
    expect(errorOf(() => q.results([row("a", 0, 0)])).message).toBe(errorOf(() => nps([])).message);
    const off = errorOf(() => q.results([row("a", 1, 0, { cx_max: 11n })]));
    expect(off.code).toBe("OUT_OF_RANGE");
    expect(off.message).toMatchInlineSnapshot(`"nps: score is 11, outside 0-10"`);
    expect(errorOf(() => q.results([row("a", 1, 0, { cx_min: -1, cx_max: 12 })])).message).toMatchInlineSnapshot(`"nps: score is -1, outside 0-10"`);
    expect(errorOf(() => q.results([row("a", 1, 0, { cx_fraction: 7.5 })])).code).toBe("INVALID_INPUT");
    expect(errorOf(() => q.results([row("a", 1, 0, { cx_min: -0.5, cx_fraction: -0.5 })])).message).toContain("expected an integer");
  });

  it("refuses a bad weight as the calculator does: a missing one, else the lowest if negative, else the highest if not finite", () => {
    const w = npsQuery({ ...base, weight: "w" });
    const good = { cx_count: 1, cx_band_1: 0, cx_band_2: 0, cx_band_3: 1.5, cx_min: 10, cx_max: 10, cx_sum_squares: 2.25, cx_answers: 1, cx_weights: 1, cx_min_weight: 1.5, cx_max_weight: 1.5 };
    expect(w.results([good])[0]!.result).toStrictEqual(nps([10], { weights: [1.5] }));
    const message = (extra: Record<string, unknown>) => errorOf(() => w.results([{ ...good, ...extra }])).message;
    expect(message({ cx_weights: 0, cx_min_weight: null, cx_max_weight: null })).toMatchInlineSnapshot(`"nps: weight is null, expected a finite, non-negative weight"`);
    expect(message({ cx_min_weight: -1, cx_max_weight: Number.POSITIVE_INFINITY })).toMatchInlineSnapshot(`"nps: weight is -1, expected a finite, non-negative weight"`);
    expect(message({ cx_max_weight: Number.POSITIVE_INFINITY })).toMatchInlineSnapshot(`"nps: weight is Infinity, expected a finite, non-negative weight"`);
  });

  it("refuses what is not the engine's rows", () => {
    expect(errorOf(() => q.results("rows" as never)).message).toContain("expected the array of rows");
    expect(errorOf(() => q.results([null as never])).message).toContain("rows[0] is null");
    expect(errorOf(() => q.results([row("a", "x", 0)])).message).toMatchInlineSnapshot(`"nps: rows[0].cx_band_3 is "x", expected a number from the engine"`);
    expect(errorOf(() => q.results([row("a", " ", 0)])).code).toBe("INVALID_INPUT");
  });

  it("labels periods as byPeriod does, from the first local day the engine returns", () => {
    const p = csatQuery({ dialect: "postgres", from: "t", rating: "r", period: { column: "at", unit: "week", timeZone: "Europe/Paris" } });
    const r = (day: unknown) => ({ cx_period: day, cx_count: 1, cx_band_1: 0, cx_band_2: 1, cx_sum_values: 5, cx_off_scale: 0 });
    const out = p.results([r("2026-03-23"), r(new Date("2026-03-16T00:00:00Z")), r({ toString: () => "2025-12-29" })]);
    expect(out.map((g) => [g.period, g.start!.toISOString(), g.end!.toISOString()])).toEqual([
      ["2026-W01", "2025-12-28T23:00:00.000Z", "2026-01-04T23:00:00.000Z"],
      ["2026-W12", "2026-03-15T23:00:00.000Z", "2026-03-22T23:00:00.000Z"],
      ["2026-W13", "2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"],
    ]);
    expect(out[0]!.result).toStrictEqual(csat([5]));
    expect(errorOf(() => p.results([r("March")])).message).toContain("expected the period's first day as YYYY-MM-DD");
  });
});
