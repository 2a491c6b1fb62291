import { emptyError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { NPS_GROUPS, npsGroupScale } from "./nps-distribution.js";
import {
  type ChartOptions,
  type ChartSpec,
  chartSpec,
  checkLabel,
  checkList,
  checkNumber,
  checkObject,
  readChartOptions,
  shown,
} from "./spec.js";

const METRIC = "npsBreakdownChart";

/**
 * One segment of {@link npsBreakdownChart}: its name and its NPS result (what `nps` returns; `groupBy` gives
 * `{ key, result }` pairs of this shape). Counts may be weighted (fractional).
 */
export interface NpsBreakdownGroup {
  /** The segment's name, shown on the axis. */
  key: string | number;
  /** The segment's NPS: the score and the three counts (extra fields are ignored). */
  result: { score: number; promoters: number; passives: number; detractors: number };
}

/** One bar segment of {@link npsBreakdownChart}. */
export interface NpsBreakdownRow {
  /** The axis label: the segment's name, its NPS and its number of responses. */
  segment: string;
  /** `'Detractors (0-6)'`, `'Passives (7-8)'` or `'Promoters (9-10)'`. */
  group: string;
  /** Responses of that group in the segment. */
  count: number;
  /** The group's position in the stack: 0 detractors, 1 passives, 2 promoters. */
  order: number;
  /** The segment's NPS. */
  nps: number;
  /** The segment's responses. */
  total: number;
}

/**
 * 100% stacked bars, one per segment, of its detractors, passives and promoters (in that order, vermillion, grey and
 * blue), each bar labelled with the segment's NPS and number of responses. The score is the one each result carries:
 * nothing is recomputed.
 *
 * @param groups - `{ key, result }` per segment, in the order to draw them (the output of `groupBy` with `nps`)
 * @param options - `title`, `width`, `height`
 * @returns a Vega-Lite 6 specification
 * @throws `CxMetricsError` `INVALID_INPUT` for a group without a key or counts, or bad options; `OUT_OF_RANGE`
 *   for a negative count or a score outside -100..100; `EMPTY_INPUT` with no group, or a group of no response
 *
 * @example
 * ```ts
 * import { groupBy, nps } from "cx-metrics";
 * import { npsBreakdownChart } from "cx-metrics/charts";
 * const rows = [{ channel: "chat", score: 10 }, { channel: "email", score: 3 }, { channel: "chat", score: 8 }];
 * const spec = npsBreakdownChart(groupBy(rows, (r) => r.channel, (g) => nps(g.map((r) => r.score))));
 * console.log(spec.data.values.length, spec.data.values[2].segment);
 * // => 6 chat: NPS 50, n = 2
 * ```
 */
export function npsBreakdownChart(groups: ReadonlyArray<NpsBreakdownGroup>, options?: ChartOptions): ChartSpec<NpsBreakdownRow> {
  return guard(METRIC, () => {
    const opts = readChartOptions<ChartOptions>(options, METRIC, {});
    const list = checkList(groups, ["groups"], METRIC, "groups");
    const values: NpsBreakdownRow[] = [];
    const summaries: string[] = [];
    for (let i = 0; i < list.length; i++) {
      const group = checkObject(list[i], ["groups", i], METRIC);
      const key = checkLabel(group.key, ["groups", i, "key"], METRIC);
      const result = checkObject(group.result, ["groups", i, "result"], METRIC);
      const score = checkNumber(result.score, ["groups", i, "result", "score"], METRIC, -100, 100);
      const counts = NPS_GROUPS.map((g) => checkNumber(result[g.key], ["groups", i, "result", g.key], METRIC, 0));
      const total = counts[0]! + counts[1]! + counts[2]!;
      if (total === 0) throw emptyError(METRIC, ["groups", i, "result"], `group "${key}" has no response to draw`);
      const segment = `${key}: NPS ${shown(score)}, n = ${shown(total)}`;
      NPS_GROUPS.forEach((g, order) => {
        values.push({ segment, group: g.label, count: counts[order]!, order, nps: score, total });
      });
      summaries.push(`${key} NPS ${shown(score)} from ${shown(total)} (${counts.map((c, k) => `${shown(c)} ${NPS_GROUPS[k]!.key}`).join(", ")})`);
    }
    return chartSpec(
      opts,
      {
        title: "Detractors, passives and promoters by segment",
        subtitle: "Share of each segment's responses; NPS = % promoters − % detractors",
        description: `Stacked bar chart, one 100% bar per segment split into detractors, passives and promoters: ${summaries.join("; ")}.`,
        width: 440,
        height: Math.max(60, 34 * list.length),
      },
      values,
      {
        transform: [
          { joinaggregate: [{ op: "sum", field: "count", as: "segmentTotal" }], groupby: ["segment"] },
          { calculate: "datum.segmentTotal > 0 ? datum.count / datum.segmentTotal : 0", as: "share" },
        ],
        mark: { type: "bar", tooltip: true },
        encoding: {
          y: { field: "segment", type: "nominal", sort: null, title: null, axis: { labelLimit: 260 } },
          x: {
            field: "count",
            type: "quantitative",
            stack: "normalize",
            title: "Share of responses",
            axis: { format: "%" },
          },
          color: { field: "group", type: "nominal", title: "Group", scale: npsGroupScale() },
          order: { field: "order", type: "quantitative" },
          tooltip: [
            { field: "segment", type: "nominal", title: "Segment" },
            { field: "group", type: "nominal", title: "Group" },
            { field: "count", type: "quantitative", title: "Responses" },
            { field: "share", type: "quantitative", title: "Share", format: ".1%" },
          ],
        },
      },
    );
  });
}
