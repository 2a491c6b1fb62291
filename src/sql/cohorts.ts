import { checkDecimals, checkOneOf, type Checker, readOptions } from "../internal/check.js";
import { checkTimeZone, type DateInput, localDay, type Period, periodIndex, periodStartDay, toEpochMs } from "../internal/date.js";
import { plainError, valueError } from "../internal/fail.js";
import { type Cohort, type CohortOptions, type CohortRetentionResult, finishCohort, MAX_COHORT_ENTRIES } from "../business/cohorts.js";
import { checkIdentifier } from "./dialect.js";
import { builder, Params, type Plan, readSegments, readSpec, type SqlQuery, type SqlSource, type StatsRow, statement } from "./query.js";

/** What {@link cohortRetentionQuery} reads: one row per subscription. */
export interface CohortRetentionQuerySpec extends SqlSource {
  /** The column holding who subscribed. */
  customerId: string;
  /** The column holding when the subscription started (inclusive). */
  startedAt: string;
  /** The column holding when it ended (exclusive); NULL while it runs. */
  endedAt: string;
}

const DATE_EXPECTED = "expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds";
/** Sorts after every `YYYY-MM-DD` text: the end of a running subscription. */
const RUNNING = "9999-99-99";

const cohortCheckers: { readonly [K in keyof CohortOptions]-?: Checker<NonNullable<CohortOptions[K]>> } = {
  period: checkOneOf<Period>("day", "week", "month", "quarter", "year"),
  asOf: (value, path, metric) => {
    toEpochMs(value, metric, path);
    return value as DateInput;
  },
  timeZone: (value, path, metric) => checkTimeZone(value, metric, path),
  decimals: checkDecimals,
};

/**
 * Retention by acquisition cohort per segment, computed where the data lives: per subscription the engine finds the
 * local periods its start and end fall in, merges each customer's subscriptions into disjoint runs of periods (gaps and
 * islands over window functions), and counts per cohort where runs begin and end; `results` adds those counts up
 * column by column and finishes each cohort with `cohortRetention`'s own code.
 *
 * A customer's cohort is the period (in `timeZone`, default UTC) of its first `startedAt`; it is active at the start
 * b_k of the k-th following period when one of its subscriptions has startedAt <= b_k < endedAt, that is when the
 * period of (startedAt − 1 ms) is before period k and the period of (endedAt − 1 ms) is not. retention[0] = 100;
 * retention[k] = 100 × (customers of the cohort active at b_k) / size, columns up to the last period starting on or
 * before `asOf`; customers whose first subscription starts after `asOf` are left out.
 *
 * @param spec - `dialect`, `from`, `customerId`, `startedAt`, `endedAt`, optional `by`, `inputTimeZone`
 * @param options - the options of `cohortRetention`: `period`, `asOf`, optional `timeZone` and `decimals`
 * @returns the statement, its parameters and `results(rows)`: one group per segment whose result is the segment's
 *   `CohortRetentionResult`; `count` is the segment's subscription rows
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for a bad name or option; `results` throws
 *   `INVALID_INPUT` for a NULL customer id or startedAt, or an endedAt before its startedAt, and `OUT_OF_RANGE` when
 *   a segment's cohorts would hold more than `MAX_COHORT_ENTRIES` retention entries, as `cohortRetention` does
 *
 * @example
 * ```ts
 * import { cohortRetentionQuery } from "cx-metrics/sql";
 * const q = cohortRetentionQuery(
 *   { dialect: "duckdb", from: "subscriptions", customerId: "customer_id", startedAt: "started_at", endedAt: "ended_at" },
 *   { period: "month", asOf: "2026-03-15T00:00:00Z" },
 * );
 * const rows = [
 *   { cx_cohort: "2026-01-01", cx_at: "", cx_count: 2, cx_size: 2, cx_delta: 0, cx_no_id: 0, cx_no_start: 0, cx_backwards: 0 },
 *   { cx_cohort: "2026-01-01", cx_at: "2025-12-01", cx_count: 0, cx_size: 0, cx_delta: 1, cx_no_id: 0, cx_no_start: 0, cx_backwards: 0 },
 *   { cx_cohort: "2026-01-01", cx_at: "2026-01-01", cx_count: 0, cx_size: 0, cx_delta: 1, cx_no_id: 0, cx_no_start: 0, cx_backwards: 0 },
 *   { cx_cohort: "2026-01-01", cx_at: "2026-02-01", cx_count: 0, cx_size: 0, cx_delta: -1, cx_no_id: 0, cx_no_start: 0, cx_backwards: 0 },
 * ];
 * console.log(JSON.stringify(q.results(rows)[0].result.cohorts));
 * // => [{"cohort":"2026-01","size":2,"retention":[100,100,50]}]
 * ```
 */
export function cohortRetentionQuery(spec: CohortRetentionQuerySpec, options: CohortOptions): SqlQuery<CohortRetentionResult> {
  const metric = "cohortRetention";
  return builder(metric, () => {
    const o = readOptions<CohortOptions>(options ?? null, metric, cohortCheckers);
    for (const key of ["period", "asOf"] as const) {
      if (o[key] === undefined) {
        throw valueError("INVALID_INPUT", metric, ["options", key], undefined, key === "asOf" ? DATE_EXPECTED : "expected one of 'day', 'week', 'month', 'quarter', 'year'");
      }
    }
    const s = readSpec<{ customerId: string; startedAt: string; endedAt: string }>(
      spec,
      metric,
      { customerId: checkIdentifier, startedAt: checkIdentifier, endedAt: checkIdentifier },
      ["customerId", "startedAt", "endedAt"],
      { period: false },
    );
    const source = s.source;
    const unit = o.period;
    const timeZone = o.timeZone ?? "UTC";
    const asOf = toEpochMs(o.asOf, metric, ["options", "asOf"]);
    const lastIndex = periodIndex(localDay(asOf, timeZone), unit);
    const { spec: d } = source;
    const q = d.quote;
    const params = new Params(d);
    const zone = () => (source.inputTimeZone === undefined ? undefined : params.add(source.inputTimeZone));
    const periodOfMs = (ms: string) => d.periodStart(d.fromEpochMs(ms), unit, params.add(timeZone));
    const [id, start, end, lo, hi, cohort, first] = ["cx_id", "cx_start", "cx_end", "cx_lo", "cx_hi", "cx_cohort", "cx_first"].map(q) as [string, string, string, string, string, string, string];
    const startMs = d.epochMs(q(s.startedAt), zone());
    const endMs = d.epochMs(q(s.endedAt), zone());
    const plan: Plan = {
      metric,
      rows: [
        ["cx_id", q(s.customerId)],
        ["cx_start", startMs],
        ["cx_end", endMs],
        // Columns k with lo < period k <= hi are those whose first instant b_k has startedAt <= b_k < endedAt.
        ["cx_lo", periodOfMs(`${startMs} - 1`)],
        ["cx_hi", `COALESCE(${periodOfMs(`${endMs} - 1`)}, '${RUNNING}')`],
        ["cx_cohort", d.periodStart(d.fromEpochMs(startMs), unit, params.add(timeZone))],
      ],
      stages: [
        {
          name: "cx_ordered",
          select: (group) => {
            const customer = [...group, id].join(", ");
            const order = `PARTITION BY ${customer} ORDER BY ${lo}, ${hi}`;
            return [
              "    SELECT",
              "      *,",
              `      MIN(${start}) OVER (PARTITION BY ${customer}) AS ${first},`,
              `      MIN(${q("cx_cohort")}) OVER (PARTITION BY ${customer}) AS ${q("cx_customer_cohort")},`,
              `      MAX(${hi}) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS ${q("cx_reach")}`,
              `    FROM ${q("cx_rows")}`,
            ].join("\n");
          },
        },
        {
          name: "cx_marked",
          select: (group) => {
            const order = `PARTITION BY ${[...group, id].join(", ")} ORDER BY ${lo}, ${hi}`;
            const reach = q("cx_reach");
            return [
              "    SELECT",
              "      *,",
              `      SUM(CASE WHEN ${reach} IS NULL OR ${lo} >= ${reach} THEN 1 ELSE 0 END) OVER (${order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ${q("cx_island")}`,
              `    FROM ${q("cx_ordered")}`,
            ].join("\n");
          },
        },
        {
          name: "cx_islands",
          select: (group) => {
            const keys = [...group, id, q("cx_customer_cohort"), first, q("cx_island")];
            return [
              "    SELECT",
              [...keys, `MIN(${lo}) AS ${lo}`, `MAX(${hi}) AS ${hi}`].map((c) => `      ${c}`).join(",\n"),
              `    FROM ${q("cx_marked")}`,
              `    WHERE ${first} <= ${asOf}`,
              `    GROUP BY ${keys.join(", ")}`,
            ].join("\n");
          },
        },
        {
          name: "cx_events",
          select: (group) => {
            const keys = group.map((c) => `${c}, `).join("");
            const quiet = `0 AS ${q("cx_size")}, 0 AS ${q("cx_n")}, 0 AS ${q("cx_no_id")}, 0 AS ${q("cx_no_start")}, 0 AS ${q("cx_backwards")}, CAST(NULL AS ${d.double}) AS ${q("cx_backwards_value")}`;
            const cc = q("cx_customer_cohort");
            return [
              `    SELECT ${keys}${cc} AS ${cohort}, ${lo} AS ${q("cx_at")}, 1 AS ${q("cx_delta")}, ${quiet} FROM ${q("cx_islands")}`,
              `    UNION ALL SELECT ${keys}${cc}, ${hi}, -1, 0, 0, 0, 0, 0, CAST(NULL AS ${d.double}) FROM ${q("cx_islands")} WHERE ${hi} <> '${RUNNING}'`,
              `    UNION ALL SELECT ${keys}MIN(${cohort}), '', 0, CASE WHEN MIN(${start}) <= ${asOf} THEN 1 ELSE 0 END, COUNT(*), ` +
                `SUM(CASE WHEN ${id} IS NULL THEN 1 ELSE 0 END), SUM(CASE WHEN ${start} IS NULL THEN 1 ELSE 0 END), ` +
                `SUM(CASE WHEN ${end} < ${start} THEN 1 ELSE 0 END), CAST(MIN(CASE WHEN ${end} < ${start} THEN ${end} END) AS ${d.double}) FROM ${q("cx_rows")} GROUP BY ${keys}${id}`,
            ].join("\n");
          },
        },
      ],
      groupAlso: [cohort, q("cx_at")],
      count: `SUM(${q("cx_n")})`,
      aggregates: [
        ["cx_size", `SUM(${q("cx_size")})`],
        ["cx_delta", `SUM(${q("cx_delta")})`],
        ["cx_no_id", `SUM(${q("cx_no_id")})`],
        ["cx_no_start", `SUM(${q("cx_no_start")})`],
        ["cx_backwards", `SUM(${q("cx_backwards")})`],
        ["cx_backwards_value", `MIN(${q("cx_backwards_value")})`],
      ],
    };
    const { text, params: values } = params.write(statement(source, params, plan));
    return {
      text,
      params: values,
      results: (rows) => readSegments(source, metric, rows, (stats) => finishCohorts(stats, unit, lastIndex, o.decimals)),
    };
  });
}

/** Adds up one segment's counts column by column and finishes each cohort as `cohortRetention` does. */
function finishCohorts(stats: StatsRow[], unit: Period, lastIndex: number, decimals: number | undefined): CohortRetentionResult {
  const metric = "cohortRetention";
  const cohorts = new Map<number, { size: number; events: Array<[number, number]> }>();
  let noId = 0;
  let noStart = 0;
  let backwards = 0;
  let backwardsValue: number | null = null;
  for (const row of stats) {
    noId += row.sum("cx_no_id");
    noStart += row.sum("cx_no_start");
    if (row.sum("cx_backwards") > 0) {
      backwards += row.sum("cx_backwards");
      const v = row.maybe("cx_backwards_value");
      if (backwardsValue === null || (v !== null && v < backwardsValue)) backwardsValue = v;
    }
    const day = row.day("cx_cohort");
    if (day === null) continue;
    let c = cohorts.get(day);
    if (c === undefined) cohorts.set(day, (c = { size: 0, events: [] }));
    c.size += row.sum("cx_size");
    const at = row.day("cx_at");
    if (at !== null) c.events.push([periodIndex(at, unit), row.sum("cx_delta")]);
  }
  if (noId > 0) throw valueError("INVALID_INPUT", metric, ["customerId"], null, "expected a customer id: a non-empty string or a finite number");
  if (noStart > 0) throw valueError("INVALID_INPUT", metric, ["startedAt"], null, DATE_EXPECTED);
  if (backwards > 0) throw valueError("INVALID_INPUT", metric, ["endedAt"], backwardsValue, "expected endedAt on or after startedAt");
  const days = [...cohorts.keys()].filter((day) => cohorts.get(day)!.size > 0).sort((a, b) => a - b);
  let entries = 0;
  for (const day of days) {
    entries += lastIndex - periodIndex(day, unit) + 1;
    if (entries > MAX_COHORT_ENTRIES) {
      throw plainError(
        "OUT_OF_RANGE",
        metric,
        ["options", "asOf"],
        `the cohorts followed to options.asOf bring the retention entries to ${entries}, over the limit of ${MAX_COHORT_ENTRIES} per call: use a longer period or an earlier asOf`,
      );
    }
  }
  const out: Cohort[] = days.map((day) => {
    const c = cohorts.get(day)!;
    const startDay = periodStartDay(day, unit);
    const base = periodIndex(startDay, unit);
    const columns = lastIndex - base + 1;
    const diff = new Float64Array(columns + 1);
    // A run over periods lo < p <= hi begins at column index(lo) + 1 − base and ends before index(hi) + 1 − base;
    // columns before 1 and after the last are clamped, where a run's two events cancel.
    for (const [index, delta] of c.events) {
      const k = Math.min(Math.max(index + 1 - base, 1), columns);
      diff[k] = diff[k]! + delta;
    }
    return finishCohort(startDay, unit, c.size, diff, columns, decimals);
  });
  return { metric, cohorts: out };
}
