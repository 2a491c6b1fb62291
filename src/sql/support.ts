import { checkBoolean, readOptions } from "../internal/check.js";
import { checkUnit, type DurationUnit } from "../internal/duration.js";
import { plainError, valueError } from "../internal/fail.js";
import { type FirstContactResolutionResult, finishFirstContactResolution, rateCheckers } from "../support/fcr.js";
import { finishFirstResponseTime, type ResponseTimeResult } from "../support/first-response.js";
import { finishReopenRate, type ReopenRateResult } from "../support/reopen.js";
import { finishResolutionTime, type ResolutionTimeResult } from "../support/resolution.js";
import type { DurationSummary } from "../support/duration-stats.js";
import { checkIdentifier, type DialectSpec } from "./dialect.js";
import { percentileFraction } from "../internal/percentile.js";
import { buildQuery, builder, type Column, Params, type Plan, type ResolvedSource, readSpec, type SqlPeriod, type SqlQuery, type SqlSource, type StatsRow } from "./query.js";

/** What {@link firstResponseTimeQuery} reads: when each ticket was created and first answered. */
export interface FirstResponseTimeQuerySpec extends SqlSource {
  /** The column holding when the customer's question arrived. */
  createdAt: string;
  /** The column holding when an agent first answered; NULL while unanswered. */
  firstResponseAt: string;
  /** Local calendar periods of a column of the table (usually `createdAt`'s). */
  period?: SqlPeriod;
}

/** What {@link resolutionTimeQuery} reads: when each ticket was created and resolved. */
export interface ResolutionTimeQuerySpec extends SqlSource {
  /** The column holding when the ticket was opened. */
  createdAt: string;
  /** The column holding when it was resolved; NULL while open. */
  resolvedAt: string;
  /** Local calendar periods of a column of the table. */
  period?: SqlPeriod;
}

/** The options of the duration builders: those of the calculators, without business hours, and `approximate`. */
export interface DurationQueryOptions {
  /** The unit of the results; default `'minutes'`. */
  unit?: DurationUnit;
  /** Round the results to this many decimals (0-15), half away from zero. */
  decimals?: number;
  /**
   * Allows the dialect's approximate percentile where it has no exact continuous one (BigQuery); required there, and
   * without effect where the percentiles are exact.
   */
  approximate?: boolean;
}

/** What {@link firstContactResolutionRateQuery} reads. */
export interface FirstContactResolutionRateQuerySpec extends SqlSource {
  /** The boolean column telling whether the ticket is resolved. */
  resolved: string;
  /** The column holding how many replies agents sent. */
  agentReplies: string;
  /** Local calendar periods of a column of the table. */
  period?: SqlPeriod;
}

/** What {@link reopenRateQuery} reads. */
export interface ReopenRateQuerySpec extends SqlSource {
  /** The column holding how many times the ticket was reopened. */
  reopens: string;
  /** Local calendar periods of a column of the table. */
  period?: SqlPeriod;
}

/** The options of the rate builders: those of the calculators. */
export interface RateQueryOptions {
  /** Round the rate to this many decimals (0-15), half away from zero. */
  decimals?: number;
}

const durationCheckers = {
  unit: checkUnit,
  decimals: rateCheckers.decimals,
  approximate: checkBoolean,
};

function readDurationOptions(
  options: unknown,
  metric: string,
  spec: DialectSpec,
  dialect: string,
): { unit: DurationUnit; decimals: number | undefined; approximate: boolean } {
  if (options !== null && typeof options === "object" && "businessHours" in options) {
    throw plainError(
      "INVALID_INPUT",
      metric,
      ["options", "businessHours"],
      "options.businessHours cannot be written in portable SQL (holidays, per-day hours and zones per ticket): compute business-hour durations with the calculator",
    );
  }
  const o = readOptions<DurationQueryOptions>(options, metric, durationCheckers);
  if (!spec.exactPercentile && o.approximate !== true) {
    throw plainError(
      "INVALID_INPUT",
      metric,
      ["options", "approximate"],
      `${dialect} has no exact continuous percentile aggregate: pass { approximate: true } to accept its approximate median and p90`,
    );
  }
  return { unit: o.unit ?? "minutes", decimals: o.decimals, approximate: !spec.exactPercentile };
}

const PERCENTS = [50, 90] as const;

/** Per-row durations in milliseconds, and per group what the duration finish needs: exact order statistics or not. */
function durationPlan(source: ResolvedSource, params: Params, start: string, end: string, metric: string, approximate: boolean): Plan {
  const { spec } = source;
  const q = spec.quote;
  const zone = () => (source.inputTimeZone === undefined ? undefined : params.add(source.inputTimeZone));
  const startMs = spec.epochMs(q(start), zone());
  const endMs = spec.epochMs(q(end), zone());
  const d = q("cx_d");
  const rows: Column[] = [
    ["cx_start", startMs],
    ["cx_end", endMs],
    ["cx_d", `${endMs} - ${startMs}`],
  ];
  const aggregates: Column[] = [
    ["cx_durations", `COUNT(${d})`],
    ["cx_missing", spec.countIf(`${q("cx_end")} IS NULL`)],
    ["cx_no_start", spec.countIf(`${q("cx_start")} IS NULL`)],
    ["cx_negative", spec.countIf(`${d} < 0`)],
    ["cx_sum", `SUM(${d})`],
    ["cx_min", `MIN(${d})`],
    ["cx_max", `MAX(${d})`],
  ];
  if (approximate) {
    for (const p of PERCENTS) aggregates.push([`cx_p${p}`, spec.approximatePercentile!(d, p)]);
    return { metric, rows, aggregates };
  }
  // Exact: the two order statistics each percentile interpolates between, picked by rank; the library interpolates.
  const rank = q("cx_rank");
  const n = q("cx_n");
  for (const p of PERCENTS) {
    const lo = `FLOOR((${n} - 1) * ${p} / 100)`;
    aggregates.push([`cx_p${p}_low`, `MAX(CASE WHEN ${rank} = ${lo} + 1 THEN ${d} END)`]);
    aggregates.push([`cx_p${p}_high`, `MAX(CASE WHEN ${rank} = ${lo} + 2 THEN ${d} END)`]);
  }
  const ranked = (partition: string): Column[] => {
    const over = partition === "" ? "" : `PARTITION BY ${partition}`;
    return [
      ["cx_rank", `ROW_NUMBER() OVER (${over === "" ? "" : `${over} `}ORDER BY ${d} NULLS LAST)`],
      ["cx_n", `COUNT(${d}) OVER (${over})`],
    ];
  };
  return { metric, rows, ranked, aggregates };
}

const DATE_EXPECTED = "expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds";

/** The duration statistics of one group, refusing what the calculator refuses. */
function readDurations(row: StatsRow, endField: string, approximate: boolean): DurationSummary {
  if (row.sum("cx_no_start") > 0) throw valueError("INVALID_INPUT", row.metric, ["createdAt"], null, DATE_EXPECTED);
  if (row.sum("cx_negative") > 0) {
    throw valueError("INVALID_INPUT", row.metric, [endField], row.maybe("cx_min"), "expected an instant not before createdAt (the duration in milliseconds is negative)");
  }
  const count = row.sum("cx_durations");
  const exact = (percent: number): [number, number] => {
    // Only the two order statistics the interpolation reads, at their 0-based ranks.
    const lo = Math.floor(((count - 1) * percent) / 100);
    const sorted: Record<number, number> & { length: number } = { length: count };
    sorted[lo] = row.sum(`cx_p${percent}_low`);
    sorted[lo + 1] = row.sum(`cx_p${percent}_high`);
    return percentileFraction(sorted, percent);
  };
  return {
    count,
    sum: row.sum("cx_sum"),
    min: row.sum("cx_min"),
    max: row.sum("cx_max"),
    percentile: approximate ? (percent) => [row.sum(`cx_p${percent}`), 1] : exact,
  };
}

/** A duration builder: reads the two instant columns, plans the statistics, finishes with the calculator's code. */
function durationQuery<R>(
  metric: string,
  endField: string,
  spec: unknown,
  options: DurationQueryOptions | undefined,
  finish: (summary: DurationSummary, missing: number, unit: DurationUnit, decimals: number | undefined) => R,
): SqlQuery<R> {
  return builder(metric, () => {
    const s = readSpec<Record<string, string>>(spec, metric, { createdAt: checkIdentifier, [endField]: checkIdentifier }, ["createdAt", endField]);
    const o = readDurationOptions(options, metric, s.source.spec, s.source.dialect);
    const params = new Params(s.source.spec);
    const plan = durationPlan(s.source, params, s.createdAt!, s[endField]!, metric, o.approximate);
    return buildQuery(s.source, params, plan, (row) => finish(readDurations(row, endField, o.approximate), row.sum("cx_missing"), o.unit, o.decimals));
  });
}

/**
 * First-response time per segment and period, computed where the data lives: the engine computes each answered
 * ticket's wait in milliseconds and per group the count, sum, extremes and the order statistics the median and p90
 * interpolate between; `results` finishes them with `firstResponseTime`'s own code. Unanswered tickets are counted.
 *
 * mean = Σ (firstResponseAt − createdAt) / answered; median and p90 interpolate linearly between order statistics.
 *
 * @param spec - `dialect`, `from`, `createdAt`, `firstResponseAt`, optional `by`, `period`, `inputTimeZone`
 * @param options - `unit` (default `'minutes'`), `decimals`, `approximate` (required on BigQuery)
 * @returns the statement, its parameters and `results(rows)`
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for `businessHours` (not expressible in portable SQL),
 *   for BigQuery without `approximate: true`, for a bad name or option; `results` throws `EMPTY_INPUT` for a group
 *   without answered tickets and `INVALID_INPUT` for an answer before its question, as `firstResponseTime` does
 *
 * @example
 * ```ts
 * import { firstResponseTimeQuery } from "cx-metrics/sql";
 * const q = firstResponseTimeQuery({ dialect: "postgres", from: "tickets", createdAt: "created_at", firstResponseAt: "first_reply_at" });
 * console.log(q.text.includes("ROW_NUMBER() OVER (ORDER BY"), q.params.length);
 * // => true 0
 * ```
 */
export function firstResponseTimeQuery(spec: FirstResponseTimeQuerySpec, options?: DurationQueryOptions): SqlQuery<ResponseTimeResult> {
  return durationQuery("firstResponseTime", "firstResponseAt", spec, options, finishFirstResponseTime);
}

/**
 * Resolution time per segment and period, computed where the data lives, finished with `resolutionTime`'s own code;
 * unresolved tickets are counted.
 *
 * mean = Σ (resolvedAt − createdAt) / resolved; median and p90 interpolate linearly between order statistics.
 *
 * @param spec - `dialect`, `from`, `createdAt`, `resolvedAt`, optional `by`, `period`, `inputTimeZone`
 * @param options - `unit` (default `'minutes'`), `decimals`, `approximate` (required on BigQuery)
 * @returns the statement, its parameters and `results(rows)`
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for `businessHours`, for BigQuery without
 *   `approximate: true`, for a bad name or option; `results` throws `EMPTY_INPUT` for a group without resolved tickets
 *
 * @example
 * ```ts
 * import { resolutionTimeQuery } from "cx-metrics/sql";
 * const q = resolutionTimeQuery({ dialect: "bigquery", from: "support.tickets", createdAt: "opened", resolvedAt: "closed" }, { approximate: true });
 * console.log(q.text.includes("APPROX_QUANTILES"));
 * // => true
 * ```
 */
export function resolutionTimeQuery(spec: ResolutionTimeQuerySpec, options?: DurationQueryOptions): SqlQuery<ResolutionTimeResult> {
  return durationQuery("resolutionTime", "resolvedAt", spec, options, finishResolutionTime);
}

/**
 * The checks of a count column, each a plain aggregate: how many are not NULL, the lowest, and the lowest fractional
 * value. Together they find a NULL, negative or fractional count without testing every row for all three.
 */
function countChecks(q: (name: string) => string, alias: string): Column[] {
  const c = q(alias);
  return [
    [`${alias}_known`, `COUNT(${c})`],
    [`${alias}_min`, `MIN(${c})`],
    [`${alias}_fraction`, `MIN(CASE WHEN ${c} <> FLOOR(${c}) THEN ${c} END)`],
  ];
}

/** Refuses a NULL count first, then the lowest when negative, then the lowest fractional one. */
function refuseBadCount(row: StatsRow, alias: string, field: string): void {
  const missing = row.sum(`${alias}_known`) < row.sum("cx_count");
  const min = row.maybe(`${alias}_min`);
  const bad = missing ? null : min !== null && min < 0 ? min : row.maybe(`${alias}_fraction`);
  if (missing || bad !== null) throw valueError("INVALID_INPUT", row.metric, [field], bad, "expected a non-negative integer");
}

/**
 * First-contact resolution rate per segment and period, computed where the data lives and finished with
 * `firstContactResolutionRate`'s own code.
 *
 * FCR = 100 × resolved tickets with at most one agent reply / resolved tickets.
 *
 * @param spec - `dialect`, `from`, `resolved` (boolean), `agentReplies`, optional `by`, `period`, `inputTimeZone`
 * @param options - `decimals`
 * @returns the statement, its parameters and `results(rows)`
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for a bad name or option; `results` throws
 *   `EMPTY_INPUT` for a group without resolved tickets and `INVALID_INPUT` for a NULL `resolved` or a negative,
 *   fractional or NULL reply count
 *
 * @example
 * ```ts
 * import { firstContactResolutionRateQuery } from "cx-metrics/sql";
 * const q = firstContactResolutionRateQuery({ dialect: "duckdb", from: "tickets", resolved: "is_resolved", agentReplies: "replies" });
 * const rows = [{ cx_count: 4, cx_resolved: 3, cx_first_contact: 2, cx_resolved_known: 4, cx_replies_known: 4, cx_replies_min: 0 }];
 * console.log(q.results(rows)[0].result.rate.toFixed(2));
 * // => 66.67
 * ```
 */
export function firstContactResolutionRateQuery(
  spec: FirstContactResolutionRateQuerySpec,
  options?: RateQueryOptions,
): SqlQuery<FirstContactResolutionResult> {
  const metric = "firstContactResolutionRate";
  return builder(metric, () => {
    const o = readOptions<RateQueryOptions>(options, metric, rateCheckers);
    const s = readSpec<{ resolved: string; agentReplies: string }>(spec, metric, { resolved: checkIdentifier, agentReplies: checkIdentifier }, [
      "resolved",
      "agentReplies",
    ]);
    const { spec: d } = s.source;
    const q = d.quote;
    const r = q("cx_is_resolved");
    const replies = q("cx_replies");
    const plan: Plan = {
      metric,
      rows: [
        ["cx_is_resolved", q(s.resolved)],
        ["cx_replies", `CAST(${q(s.agentReplies)} AS ${d.double})`],
      ],
      aggregates: [
        ["cx_resolved", d.countIf(r)],
        ["cx_first_contact", d.countIf(`${r} AND ${replies} <= 1`)],
        ["cx_resolved_known", `COUNT(${r})`],
        ...countChecks(q, "cx_replies"),
      ],
    };
    return buildQuery(s.source, new Params(d), plan, (row) => {
      if (row.sum("cx_resolved_known") < row.sum("cx_count")) throw valueError("INVALID_INPUT", metric, ["resolved"], null, "expected true or false");
      refuseBadCount(row, "cx_replies", "agentReplies");
      return finishFirstContactResolution(row.sum("cx_first_contact"), row.sum("cx_resolved"), o.decimals);
    });
  });
}

/**
 * Reopen rate per segment and period, computed where the data lives and finished with `reopenRate`'s own code.
 *
 * reopen rate = 100 × tickets reopened at least once / tickets.
 *
 * @param spec - `dialect`, `from`, `reopens`, optional `by`, `period`, `inputTimeZone`
 * @param options - `decimals`
 * @returns the statement, its parameters and `results(rows)`
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for a bad name or option; `results` throws
 *   `INVALID_INPUT` for a negative, fractional or NULL count of reopens
 *
 * @example
 * ```ts
 * import { reopenRateQuery } from "cx-metrics/sql";
 * const q = reopenRateQuery({ dialect: "snowflake", from: "tickets", reopens: "reopen_count" }, { decimals: 1 });
 * console.log(q.results([{ CX_COUNT: 8, CX_REOPENED: 1, CX_REOPENS_KNOWN: 8, CX_REOPENS_MIN: 0 }])[0].result.rate);
 * // => 12.5
 * ```
 */
export function reopenRateQuery(spec: ReopenRateQuerySpec, options?: RateQueryOptions): SqlQuery<ReopenRateResult> {
  const metric = "reopenRate";
  return builder(metric, () => {
    const o = readOptions<RateQueryOptions>(options, metric, rateCheckers);
    const s = readSpec<{ reopens: string }>(spec, metric, { reopens: checkIdentifier }, ["reopens"]);
    const { spec: d } = s.source;
    const q = d.quote;
    const plan: Plan = {
      metric,
      rows: [["cx_reopens", `CAST(${q(s.reopens)} AS ${d.double})`]],
      aggregates: [["cx_reopened", d.countIf(`${q("cx_reopens")} > 0`)], ...countChecks(q, "cx_reopens")],
    };
    return buildQuery(s.source, new Params(d), plan, (row) => {
      refuseBadCount(row, "cx_reopens", "reopens");
      return finishReopenRate(row.sum("cx_reopened"), row.sum("cx_count"), o.decimals);
    });
  });
}
