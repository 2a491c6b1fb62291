// Which charts a run's results make: the same cx-metrics/charts functions a library user calls, fed from the
// command line's results and the values the observer kept.
import {
  cohortHeatmap,
  npsBreakdownChart,
  npsDistributionChart,
  responseTimeHistogram,
  type TrendMetric,
  trendChart,
  type VegaLiteSpec,
} from "../../charts/index.js";
import { type DurationUnit, UNIT_MS } from "../../internal/duration.js";
import type { Entry } from "../aggregate.js";
import type { Observed } from "./observe.js";

/** One chart of a report: its spec and the group it belongs to, when the results are split. */
export interface ReportChart {
  readonly spec: VegaLiteSpec;
}

const TREND: Record<string, TrendMetric> = { nps: "nps", csat: "csat", ces: "ces" };
const DURATIONS: Record<string, string> = { "first-response-time": "First response time", "resolution-time": "Resolution time" };

/** The entries of each segment (one list when the results are not split by --by). */
function bySegment(entries: ReadonlyArray<Entry>, split: boolean): Array<[string | undefined, Entry[]]> {
  if (!split) return [[undefined, [...entries]]];
  const out = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = e.key as string;
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push(e);
  }
  return [...out];
}

/** The charts of a run, most telling first; empty when the metric has none. `businessHours` skips the histogram. */
export function chartsOf(seen: Observed, options: { businessHours: boolean }): ReportChart[] {
  const { metric, entries, grouping } = seen;
  const charts: ReportChart[] = [];
  const periods = grouping.period !== undefined;
  const segments = grouping.by !== undefined;
  if (metric === "nps") {
    const total = seen.scores.reduce((a, b) => a + b, 0);
    if (total > 0) {
      const scores = new Uint8Array(total);
      let i = 0;
      seen.scores.forEach((count, score) => {
        scores.fill(score, i, i + count);
        i += count;
      });
      charts.push({ spec: npsDistributionChart(scores) });
    }
    if (segments && !periods) {
      charts.push({ spec: npsBreakdownChart(entries.map((e) => ({ key: e.key as string, result: e.result as never }))) });
    }
  }
  const trend = TREND[metric];
  if (trend !== undefined && periods) {
    for (const [segment, list] of bySegment(entries, segments)) {
      const spec = trendChart(
        list.map((e) => ({ period: (segments ? e.period : e.key) as string, result: e.result as never })),
        { metric: trend, ...(segment === undefined ? {} : { title: `${trend.toUpperCase()} by period: ${segment}` }) },
      );
      charts.push({ spec });
    }
  }
  const measure = DURATIONS[metric];
  if (measure !== undefined && !options.businessHours && seen.durations.length > 0 && seen.durations.some((d) => d > 0)) {
    const unit = (entries[0]!.result.unit as DurationUnit | undefined) ?? "minutes";
    const scale = UNIT_MS[unit];
    charts.push({ spec: responseTimeHistogram(seen.durations.map((ms) => ms / scale), { unit, measure }) });
  }
  if (metric === "cohorts") {
    for (const e of entries) {
      const title = e.key === undefined ? undefined : `Customers still active, by when they started: ${e.key}`;
      charts.push({ spec: cohortHeatmap(e.result as never, title === undefined ? undefined : { title }) });
    }
  }
  return charts;
}
