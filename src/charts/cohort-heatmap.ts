import { guard } from "../internal/guard.js";
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

const METRIC = "cohortHeatmap";

/** What {@link cohortHeatmap} reads: the shape of `cohortRetention`'s result (extra fields are ignored). */
export interface CohortHeatmapInput {
  /** One entry per cohort, in the order to draw them (top to bottom). */
  cohorts: ReadonlyArray<{ cohort: string | number; size: number; retention: ReadonlyArray<number> }>;
}

/** One cell of {@link cohortHeatmap}. */
export interface CohortCell {
  /** The row label: the cohort and its size. */
  cohort: string;
  /** Periods since the cohort started (0 is the starting period). */
  age: number;
  /** Percent of the cohort still active, 0-100. */
  retention: number;
  /** The cohort's size. */
  size: number;
}

/**
 * Retention by acquisition cohort as a heatmap: one row per cohort (labelled with its size), one column per period
 * since its start, each cell the percent still active, written in the cell and shaded on one blue scale (readable in
 * grey and with colour blindness).
 *
 * @param result - the result of `cohortRetention` (or any `{ cohorts: [{ cohort, size, retention }] }`)
 * @param options - `title`, `width`, `height`
 * @returns a Vega-Lite 6 specification with one cell per cohort and period
 * @throws `CxMetricsError` `INVALID_INPUT` for a malformed cohort or bad options; `OUT_OF_RANGE` for a
 *   percent outside 0-100 or a negative size; `EMPTY_INPUT` with no cohort
 *
 * @example
 * ```ts
 * import { cohortHeatmap } from "cx-metrics/charts";
 * const spec = cohortHeatmap({
 *   cohorts: [
 *     { cohort: "2026-01", size: 40, retention: [100, 80, 55] },
 *     { cohort: "2026-02", size: 25, retention: [100, 72] },
 *   ],
 * });
 * console.log(spec.data.values.length, spec.data.values[4]);
 * // => 5 { cohort: '2026-02 (25 customers)', age: 1, retention: 72, size: 25 }
 * ```
 */
export function cohortHeatmap(result: CohortHeatmapInput, options?: ChartOptions): ChartSpec<CohortCell> {
  return guard(METRIC, () => {
    const opts = readChartOptions<ChartOptions>(options, METRIC, {});
    const input = checkObject(result, ["result"], METRIC);
    const cohorts = checkList(input.cohorts, ["result", "cohorts"], METRIC, "result.cohorts");
    const values: CohortCell[] = [];
    const rows: string[] = [];
    let columns = 0;
    for (let i = 0; i < cohorts.length; i++) {
      const path = ["result", "cohorts", i];
      const c = checkObject(cohorts[i], path, METRIC);
      const name = checkLabel(c.cohort, [...path, "cohort"], METRIC);
      const size = checkNumber(c.size, [...path, "size"], METRIC, 0);
      const retention = checkList(c.retention, [...path, "retention"], METRIC, `${name}'s retention`);
      const label = `${name} (${shown(size)} customer${size === 1 ? "" : "s"})`;
      const cells: number[] = [];
      for (let k = 0; k < retention.length; k++) {
        const r = checkNumber(retention[k], [...path, "retention", k], METRIC, 0, 100);
        values.push({ cohort: label, age: k, retention: r, size });
        cells.push(r);
      }
      columns = Math.max(columns, retention.length);
      rows.push(`${label}: ${cells.map((r) => `${shown(r)}%`).join(", ")}`);
    }
    return chartSpec(
      opts,
      {
        title: "Customers still active, by when they started",
        subtitle: "Each row is a cohort; each column the number of periods since it started",
        description: `Heatmap of retention for ${cohorts.length} cohort${cohorts.length === 1 ? "" : "s"}, percent still active by periods since start: ${rows.join("; ")}.`,
        width: Math.max(200, Math.min(900, 46 * columns)),
        height: Math.max(60, 26 * cohorts.length),
      },
      values,
      {
        encoding: {
          x: { field: "age", type: "ordinal", title: "Periods since start", axis: { labelAngle: 0, orient: "top" } },
          y: { field: "cohort", type: "ordinal", sort: null, title: "Cohort", axis: { labelLimit: 220 } },
        },
        layer: [
          {
            mark: { type: "rect", tooltip: true, stroke: "white", strokeWidth: 1 },
            encoding: {
              color: {
                field: "retention",
                type: "quantitative",
                title: "% still active",
                scale: { scheme: "blues", domain: [0, 100] },
              },
              tooltip: [
                { field: "cohort", type: "ordinal", title: "Cohort" },
                { field: "age", type: "ordinal", title: "Periods since start" },
                { field: "retention", type: "quantitative", title: "% still active" },
              ],
            },
          },
          {
            mark: { type: "text", fontSize: 11 },
            encoding: {
              text: { field: "retention", type: "quantitative", format: ".0f" },
              color: { condition: { test: "datum.retention > 55", value: "white" }, value: "black" },
            },
          },
        ],
      },
    );
  });
}
