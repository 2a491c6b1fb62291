import { checkBoolean, checkCount, checkOneOf } from "../internal/check.js";
import { SMALL_SAMPLE_SIZE } from "../inference/intervals.js";
import { guard } from "../internal/guard.js";
import {
  type ChartOptions,
  type ChartSpec,
  chartSpec,
  checkLabel,
  checkList,
  checkNumber,
  checkObject,
  PALETTE,
  readChartOptions,
  shown,
} from "./spec.js";

const METRIC = "trendChart";

/** The survey metrics {@link trendChart} draws. */
export type TrendMetric = "nps" | "csat" | "ces";

/**
 * One period of {@link trendChart}: its label and the metric's result for it (what `nps`, `csat` or
 * `ces` return; `byPeriod` gives `{ period, result }` pairs of this shape).
 */
export interface TrendPoint {
  /** The period's label, e.g. `2026-03`; periods are drawn in the order given. */
  period: string | number;
  /** The period's result: its score, its number of responses and, when known, its confidence interval. */
  result: {
    score: number;
    total: number;
    /** Used instead of `total` for the sample-size threshold when present (weighted responses). */
    effectiveSampleSize?: number | undefined;
    confidenceInterval?: { lower: number; upper: number; level?: number } | undefined;
  };
}

/** Options of {@link trendChart}. */
export interface TrendChartOptions extends ChartOptions {
  /** Which metric the results hold: it decides the axis, its range and the words. Required. */
  metric: TrendMetric;
  /**
   * Periods with fewer responses (effective responses when weighted) are drawn as hollow points, without a band, and
   * left out of the line; default 30.
   */
  minSampleSize?: number | undefined;
  /** Draw the line through the small periods too (they stay hollow); default false. */
  connectSmall?: boolean | undefined;
}

/** One period of {@link trendChart}'s data. */
export interface TrendRow {
  /** The period's label. */
  period: string;
  /** The metric's value. */
  score: number;
  /** The interval's bounds, null when the result carries none. */
  lower: number | null;
  /** The interval's upper bound, null when the result carries none. */
  upper: number | null;
  /** Responses (effective responses when weighted). */
  n: number;
  /** Whether the period reaches `minSampleSize`. */
  enough: boolean;
}

const METRICS: Record<TrendMetric, { name: string; axis: string; domain: [number, number] }> = {
  nps: { name: "NPS", axis: "NPS (−100 to 100)", domain: [-100, 100] },
  csat: { name: "CSAT", axis: "CSAT (% satisfied)", domain: [0, 100] },
  ces: { name: "CES", axis: "CES (% who found it easy)", domain: [0, 100] },
};

/**
 * A survey metric per period with its confidence band. Periods whose sample is below `minSampleSize` are drawn as
 * hollow points with no band and are left out of the line (unless `connectSmall`), so a noisy month never looks like a
 * trend.
 *
 * @param series - `{ period, result }` per period, in time order (the output of `byPeriod` with `nps`,
 *   `csat` or `ces`)
 * @param options - `metric` (required), `minSampleSize`, `connectSmall`, `title`, `width`, `height`
 * @returns a Vega-Lite 6 specification: the band, the line and one point per period
 * @throws `CxMetricsError` `INVALID_INPUT` for a missing metric, a period without a label or a result, or bad
 *   options; `OUT_OF_RANGE` for a score outside the metric's range; `EMPTY_INPUT` with no period
 *
 * @example
 * ```ts
 * import { nps } from "cx-metrics";
 * import { trendChart } from "cx-metrics/charts";
 * const series = [
 *   { period: "2026-01", result: nps({ promoters: 50, passives: 30, detractors: 20 }) },
 *   { period: "2026-02", result: nps({ promoters: 5, passives: 3, detractors: 2 }) },
 * ];
 * const spec = trendChart(series, { metric: "nps" });
 * console.log(spec.data.values.map((v) => `${v.period} ${v.score} ${v.enough ? "drawn" : "hollow"}`).join(", "));
 * // => 2026-01 30 drawn, 2026-02 30 hollow
 * ```
 */
export function trendChart(series: ReadonlyArray<TrendPoint>, options: TrendChartOptions): ChartSpec<TrendRow> {
  return guard(METRIC, () => {
    const opts = readChartOptions<TrendChartOptions>(options, METRIC, {
      metric: checkOneOf<TrendMetric>("nps", "csat", "ces"),
      minSampleSize: checkCount,
      connectSmall: checkBoolean,
    });
    if (opts.metric === undefined) {
      throw checkOneOf<TrendMetric>("nps", "csat", "ces")(undefined, ["options", "metric"], METRIC);
    }
    const m = METRICS[opts.metric];
    const threshold = opts.minSampleSize ?? SMALL_SAMPLE_SIZE;
    const list = checkList(series, ["series"], METRIC, "series");
    const values: TrendRow[] = [];
    for (let i = 0; i < list.length; i++) {
      const point = checkObject(list[i], ["series", i], METRIC);
      const period = checkLabel(point.period, ["series", i, "period"], METRIC);
      const result = checkObject(point.result, ["series", i, "result"], METRIC);
      const path = ["series", i, "result"];
      const score = checkNumber(result.score, [...path, "score"], METRIC, m.domain[0], m.domain[1]);
      const n =
        result.effectiveSampleSize === undefined
          ? checkNumber(result.total, [...path, "total"], METRIC, 0)
          : checkNumber(result.effectiveSampleSize, [...path, "effectiveSampleSize"], METRIC, 0);
      let lower: number | null = null;
      let upper: number | null = null;
      if (result.confidenceInterval !== undefined) {
        const ci = checkObject(result.confidenceInterval, [...path, "confidenceInterval"], METRIC);
        // An adjusted-Wald NPS interval is centred on the adjusted score and may leave the score outside it.
        lower = checkNumber(ci.lower, [...path, "confidenceInterval", "lower"], METRIC, m.domain[0], m.domain[1]);
        upper = checkNumber(ci.upper, [...path, "confidenceInterval", "upper"], METRIC, lower, m.domain[1]);
      }
      values.push({ period, score, lower, upper, n, enough: n >= threshold });
    }
    const small = values.filter((v) => !v.enough);
    const describe = (v: TrendRow) =>
      `${v.period} ${shown(v.score)}${v.lower === null ? "" : ` (${shown(v.lower)} to ${shown(v.upper as number)})`} from ${shown(v.n)}`;
    const lineFilter = opts.connectSmall === true ? "true" : "datum.enough";
    return chartSpec(
      opts,
      {
        title: `${m.name} by period`,
        subtitle:
          `Shaded: the confidence interval. Hollow: fewer than ${threshold} responses` +
          (opts.connectSmall === true ? "" : ", left out of the line"),
        description:
          `Line chart of ${m.name} over ${values.length} period${values.length === 1 ? "" : "s"} with its confidence band: ` +
          `${values.map(describe).join("; ")}.` +
          (small.length === 0
            ? ""
            : ` ${small.length} period${small.length === 1 ? " has" : "s have"} fewer than ${threshold} responses and ${small.length === 1 ? "is" : "are"} drawn hollow: ${small.map((v) => v.period).join(", ")}.`),
        width: Math.max(320, Math.min(900, 48 * values.length)),
        height: 240,
      },
      values,
      {
        encoding: {
          x: { field: "period", type: "ordinal", sort: null, title: "Period", axis: { labelAngle: values.length > 8 ? -45 : 0 } },
        },
        layer: [
          {
            transform: [{ filter: "datum.enough && datum.lower !== null" }],
            mark: { type: "area", color: PALETTE.sky, opacity: 0.35 },
            encoding: {
              y: { field: "lower", type: "quantitative", title: m.axis, scale: { domain: m.domain } },
              y2: { field: "upper" },
            },
          },
          {
            transform: [{ filter: lineFilter }],
            mark: { type: "line", color: PALETTE.blue, strokeWidth: 2 },
            encoding: { y: { field: "score", type: "quantitative" } },
          },
          {
            mark: { type: "point", shape: "circle", size: 70, strokeWidth: 2, color: PALETTE.blue, tooltip: true },
            encoding: {
              y: { field: "score", type: "quantitative" },
              fill: { condition: { test: "datum.enough", value: PALETTE.blue }, value: "white" },
              tooltip: [
                { field: "period", type: "ordinal", title: "Period" },
                { field: "score", type: "quantitative", title: m.name },
                { field: "lower", type: "quantitative", title: "Interval from" },
                { field: "upper", type: "quantitative", title: "Interval to" },
                { field: "n", type: "quantitative", title: "Responses" },
              ],
            },
          },
        ],
      },
    );
  });
}
