import { checkDecimals, type Checker, checkOneOf, readOptions } from "../internal/check.js";
import { addPeriods, checkTimeZone, type DateInput, type Period, periodLabel, periodOf, periodFromStartDay, toEpochMs } from "../internal/date.js";
import { valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import type { BusinessRateOptions } from "../business/churn.js";
import { finishSubscriptionChurn, type SubscriptionChurnResult } from "../business/subscriptions.js";
import { checkIdentifier } from "./dialect.js";
import { buildQuery, builder, type Column, Params, type Plan, readSpec, type SqlQuery, type SqlSource, type StatsRow } from "./query.js";

/** Calendar periods of a churn series: every period of `unit` in `timeZone` that overlaps [from, to). */
export interface ChurnSeries {
  /** The length of a period. */
  unit: Period;
  /** The first instant of the series: its first period is the one holding it. */
  from: DateInput;
  /** The first instant after the series (exclusive): its last period is the one holding the instant before it. */
  to: DateInput;
  /** The IANA zone whose calendar defines the periods; default `'UTC'`. */
  timeZone?: string;
}

/**
 * What {@link churnFromSubscriptionsQuery} reads: one row per subscription, and either one half-open period
 * [periodStart, periodEnd) or a `series` of calendar periods.
 */
export interface ChurnFromSubscriptionsQuerySpec extends SqlSource {
  /** The column holding who subscribed. */
  customerId: string;
  /** The column holding when the subscription started (inclusive). */
  startedAt: string;
  /** The column holding when it ended (exclusive); NULL while it runs. */
  endedAt: string;
  /** The first instant of the period (with `periodEnd`, instead of `series`). */
  periodStart?: DateInput;
  /** The first instant after the period (exclusive). */
  periodEnd?: DateInput;
  /** One result per calendar period, each measured over its own [start, end). */
  series?: ChurnSeries;
}

/** The most periods one series holds: ten years of days. */
export const MAX_SERIES_PERIODS = 3660;

const DATE_EXPECTED = "expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds";

const checkInstant: Checker<DateInput> = (value, path, metric) => {
  toEpochMs(value, metric, path);
  return value as DateInput;
};

const checkSeries: Checker<ChurnSeries> = (value, path, metric) => {
  const o = readOptions<ChurnSeries>(value, metric, {
    unit: checkOneOf<Period>("day", "week", "month", "quarter", "year"),
    from: checkInstant,
    to: checkInstant,
    timeZone: (v, p, m) => checkTimeZone(v, m, p),
  }, "series");
  for (const key of ["unit", "from", "to"] as const) {
    if (o[key] === undefined) throw valueError("INVALID_INPUT", metric, [...path, key], undefined, key === "unit" ? "expected one of 'day', 'week', 'month', 'quarter', 'year'" : DATE_EXPECTED);
  }
  return o;
};

/** A period's bounds as the statement compares them, and the first local day that labels it. */
interface Bounds {
  day: string;
  start: number;
  end: number;
}

/** The periods of a series: from the one holding `from` while they start before `to`. */
function seriesBounds(series: ChurnSeries, metric: string): { unit: Period; timeZone: string; periods: Bounds[] } {
  const timeZone = series.timeZone ?? "UTC";
  const from = toEpochMs(series.from, metric, ["spec", "series", "from"]);
  const to = toEpochMs(series.to, metric, ["spec", "series", "to"]);
  if (!(to > from)) throw valueError("INVALID_INPUT", metric, ["spec", "series", "to"], series.to, "expected an instant after series.from");
  const periods: Bounds[] = [];
  const next = (startDay: number) => periodFromStartDay(addPeriods(startDay, series.unit, 1), series.unit, timeZone);
  for (let p = periodOf(from, series.unit, timeZone); p.start < to; p = next(p.startDay)) {
    if (periods.length === MAX_SERIES_PERIODS) {
      throw valueError("OUT_OF_RANGE", metric, ["spec", "series", "to"], series.to, `expected at most ${MAX_SERIES_PERIODS} periods in the series`);
    }
    const day = periodLabel(p.startDay, "day");
    if (!/^\d{4}-/.test(day)) throw valueError("OUT_OF_RANGE", metric, ["spec", "series", "from"], series.from, "expected periods within the years 0000-9999");
    periods.push({ day, start: p.start, end: p.end });
  }
  return { unit: series.unit, timeZone, periods };
}

/**
 * Customer churn from subscription records per segment, over one half-open period or a series of calendar periods,
 * computed where the data lives: the engine tells, per customer, whether one of its subscriptions is active at each
 * bound and whether one started before the period, and counts the customers; `results` finishes the counts with
 * `churnFromSubscriptions`'s own code.
 *
 * A customer is active at t when startedAt <= t < endedAt (NULL endedAt: running). customersAtStart = active at the
 * period's start; customersLost = active at its start, not at its end; newCustomers and reactivated = active at its end,
 * not at its start, without or with a subscription started before it; rate = 100 × customersLost / customersAtStart.
 * With `series`, each calendar period of `unit` in `timeZone` that overlaps [from, to) is measured over its own
 * [start, end), its bounds the local midnights `byPeriod` gives (daylight-saving days included).
 *
 * @param spec - `dialect`, `from`, `customerId`, `startedAt`, `endedAt`, optional `by`, `inputTimeZone`, and either
 *   `periodStart` with `periodEnd` or `series` (`unit`, `from`, `to`, `timeZone`; at most {@link MAX_SERIES_PERIODS} periods)
 * @param options - the options of `churnFromSubscriptions` (`decimals`)
 * @returns the statement, its parameters and `results(rows)`, one group per segment (and period, with `series`);
 *   `count` is the group's subscription rows
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for a bad name, option or bound, both or neither of the
 *   two ways to give periods; `OUT_OF_RANGE` for a series too long; `results` throws `EMPTY_INPUT` for a group
 *   without a customer active at its start and `INVALID_INPUT` for a NULL customer id or startedAt, or an endedAt
 *   before its startedAt, as `churnFromSubscriptions` does
 *
 * @example
 * ```ts
 * import { churnFromSubscriptionsQuery } from "cx-metrics/sql";
 * const q = churnFromSubscriptionsQuery({
 *   dialect: "postgres", from: "subscriptions", customerId: "customer_id", startedAt: "started_at", endedAt: "ended_at",
 *   series: { unit: "month", from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z" },
 * });
 * const rows = [
 *   { cx_period: "2026-01-01", cx_count: 5, cx_at_start: 4, cx_lost: 1, cx_at_end: 4, cx_new: 1, cx_reactivated: 0, cx_no_id: 0, cx_no_start: 0, cx_backwards: 0 },
 *   { cx_period: "2026-02-01", cx_count: 5, cx_at_start: 4, cx_lost: 2, cx_at_end: 2, cx_new: 0, cx_reactivated: 0, cx_no_id: 0, cx_no_start: 0, cx_backwards: 0 },
 * ];
 * console.log(q.results(rows).map((g) => `${g.period}: ${g.result.rate}%`).join(", "));
 * // => 2026-01: 25%, 2026-02: 50%
 * ```
 */
export function churnFromSubscriptionsQuery(
  spec: ChurnFromSubscriptionsQuerySpec,
  options?: BusinessRateOptions,
): SqlQuery<SubscriptionChurnResult> {
  const metric = "churnFromSubscriptions";
  return builder(metric, () => {
    const o = readOptions<BusinessRateOptions>(options, metric, { decimals: checkDecimals });
    const s = readSpec<Omit<ChurnFromSubscriptionsQuerySpec, keyof SqlSource>>(
      spec,
      metric,
      { customerId: checkIdentifier, startedAt: checkIdentifier, endedAt: checkIdentifier, periodStart: checkInstant, periodEnd: checkInstant, series: checkSeries },
      ["customerId", "startedAt", "endedAt"],
      { period: false },
    );
    const source = s.source;
    const single = s.periodStart !== undefined || s.periodEnd !== undefined;
    if (single === (s.series !== undefined)) {
      throw valueError("INVALID_INPUT", metric, ["spec", "series"], s.series, "expected either periodStart with periodEnd, or series");
    }
    let bounds: { from: string; to: string };
    let periods: Bounds[] = [];
    if (s.series !== undefined) {
      const series = seriesBounds(s.series, metric);
      periods = series.periods;
      source.period = { unit: series.unit, timeZone: series.timeZone };
      bounds = { from: source.spec.quote("cx_from"), to: source.spec.quote("cx_to") };
    } else {
      for (const key of ["periodStart", "periodEnd"] as const) {
        if (s[key] === undefined) throw valueError("INVALID_INPUT", metric, ["spec", key], undefined, DATE_EXPECTED);
      }
      const start = toEpochMs(s.periodStart, metric, ["spec", "periodStart"]);
      const end = toEpochMs(s.periodEnd, metric, ["spec", "periodEnd"]);
      if (!(end > start)) throw valueError("INVALID_INPUT", metric, ["spec", "periodEnd"], s.periodEnd, "expected an instant after periodStart");
      bounds = { from: String(start), to: String(end) };
    }
    const { spec: d } = source;
    const q = d.quote;
    const params = new Params(d);
    const zone = () => (source.inputTimeZone === undefined ? undefined : params.add(source.inputTimeZone));
    const [id, start, end, n] = ["cx_id", "cx_start", "cx_end", "cx_n"].map(q) as [string, string, string, string];
    const activeAt = (t: string) => `CASE WHEN ${start} <= ${t} AND (${end} IS NULL OR ${t} < ${end}) THEN 1 ELSE 0 END`;
    const perCustomer: Column[] = [
      ["cx_n", "COUNT(*)"],
      ["cx_was", `MAX(${activeAt(bounds.from)})`],
      ["cx_is", `MAX(${activeAt(bounds.to)})`],
      ["cx_before", `MAX(CASE WHEN ${start} < ${bounds.from} THEN 1 ELSE 0 END)`],
      ["cx_no_start", `COUNT(CASE WHEN ${start} IS NULL THEN 1 END)`],
      ["cx_backwards", `COUNT(CASE WHEN ${end} < ${start} THEN 1 END)`],
      ["cx_backwards_value", `MIN(CASE WHEN ${end} < ${start} THEN ${end} END)`],
    ];
    const periodsCte = periods
      .map((p, i) => `    ${i === 0 ? "SELECT" : "UNION ALL SELECT"} '${p.day}' AS ${q("cx_period")}, ${p.start} AS ${q("cx_from")}, ${p.end} AS ${q("cx_to")}`)
      .join("\n");
    const flag = (cond: string) => `COUNT(CASE WHEN ${cond} THEN 1 END)`;
    const [was, is, before] = ["cx_was", "cx_is", "cx_before"].map(q) as [string, string, string];
    const plan: Plan = {
      metric,
      rows: [
        ["cx_id", q(s.customerId!)],
        ["cx_start", d.epochMs(q(s.startedAt!), zone())],
        ["cx_end", d.epochMs(q(s.endedAt!), zone())],
      ],
      stages: [
        ...(periods.length === 0 ? [] : [{ name: "cx_periods", select: () => periodsCte }]),
        {
          name: "cx_customers",
          select: (group) => {
            const keys = [...group, id].join(", ");
            return [
              "    SELECT",
              [...group, id, ...perCustomer.map(([alias, expr]) => `${expr} AS ${q(alias)}`)].map((c) => `      ${c}`).join(",\n"),
              `    FROM ${q("cx_rows")}${periods.length === 0 ? "" : ` CROSS JOIN ${q("cx_periods")}`}`,
              `    GROUP BY ${keys}`,
            ].join("\n");
          },
        },
      ],
      count: `SUM(${n})`,
      aggregates: [
        ["cx_at_start", flag(`${was} = 1`)],
        ["cx_lost", flag(`${was} = 1 AND ${is} = 0`)],
        ["cx_at_end", flag(`${is} = 1`)],
        ["cx_new", flag(`${is} = 1 AND ${was} = 0 AND ${before} = 0`)],
        ["cx_reactivated", flag(`${is} = 1 AND ${was} = 0 AND ${before} = 1`)],
        ["cx_no_id", `SUM(CASE WHEN ${id} IS NULL THEN ${n} ELSE 0 END)`],
        ["cx_no_start", `SUM(${q("cx_no_start")})`],
        ["cx_backwards", `SUM(${q("cx_backwards")})`],
        ["cx_backwards_value", `MIN(${q("cx_backwards_value")})`],
      ],
    };
    const query = buildQuery(source, params, plan, (row) => finishChurnRow(row, o.decimals));
    if (periods.length === 0 || source.by.length > 0) return query;
    // A series over an empty table has no group to return: the whole table's first period is empty, as the calculator says.
    return { ...query, results: (rows) => (Array.isArray(rows) && rows.length === 0 ? [finishEmptySeries(o.decimals)] : query.results(rows)) };
  });
}

function finishEmptySeries(decimals: number | undefined): never {
  return guard("churnFromSubscriptions", () => finishSubscriptionChurn({ atStart: 0, lost: 0, atEnd: 0, fresh: 0, reactivated: 0 }, decimals)) as never;
}

/** Refuses what `churnFromSubscriptions` refuses, then finishes the counts with its code. */
function finishChurnRow(row: StatsRow, decimals: number | undefined): SubscriptionChurnResult {
  if (row.sum("cx_no_id") > 0) {
    throw valueError("INVALID_INPUT", row.metric, ["customerId"], null, "expected a customer id: a non-empty string or a finite number");
  }
  if (row.sum("cx_no_start") > 0) throw valueError("INVALID_INPUT", row.metric, ["startedAt"], null, DATE_EXPECTED);
  if (row.sum("cx_backwards") > 0) {
    throw valueError("INVALID_INPUT", row.metric, ["endedAt"], row.maybe("cx_backwards_value"), "expected endedAt on or after startedAt");
  }
  return finishSubscriptionChurn(
    { atStart: row.sum("cx_at_start"), lost: row.sum("cx_lost"), atEnd: row.sum("cx_at_end"), fresh: row.sum("cx_new"), reactivated: row.sum("cx_reactivated") },
    decimals,
  );
}
