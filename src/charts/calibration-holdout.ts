import { guard } from "../internal/guard.js";
import {
  type ChartOptions,
  type ChartSpec,
  chartSpec,
  checkList,
  checkNumber,
  checkObject,
  PALETTE,
  readChartOptions,
  shown,
} from "./spec.js";

const METRIC = "calibrationHoldoutChart";

/**
 * One row of {@link calibrationHoldoutChart}: the customers who made `frequency` repeat purchases in the calibration
 * period, and their average purchases in the holdout period, observed and as the model predicts them.
 */
export interface CalibrationHoldoutRow {
  /** Repeat purchases in the calibration period (the group's key), a non-negative number. */
  frequency: number;
  /** The group's mean purchases in the holdout period, observed. */
  actual: number;
  /** The group's mean purchases in the holdout period, as the fitted model predicts them. */
  predicted: number;
  /** How many customers the group holds (shown in the tooltip and the description when given). */
  customers?: number | undefined;
}

/** One point of {@link calibrationHoldoutChart}'s data. */
export interface CalibrationPoint {
  /** Repeat purchases in the calibration period. */
  frequency: number;
  /** `'Actual'` or `'Model'`. */
  series: string;
  /** Mean purchases in the holdout period. */
  purchases: number;
  /** Customers in the group, null when not given. */
  customers: number | null;
}

/**
 * The check of a purchase model on data it has not seen: for each number of repeat purchases in the calibration period,
 * the average purchases in the holdout period, observed (solid blue line, circles) and predicted (dashed orange line,
 * squares). Lines that stay together mean the model ranks and sizes customers' futures well.
 *
 * @param rows - one row per calibration frequency, sorted or not (drawn by frequency)
 * @param options - `title`, `width`, `height`
 * @returns a Vega-Lite 6 specification with two points per row
 * @throws `CxMetricsError` `INVALID_INPUT` for a row that is not an object or bad options; `OUT_OF_RANGE` for a
 *   negative or non-finite value; `EMPTY_INPUT` with no row
 *
 * @example
 * ```ts
 * import { calibrationHoldoutChart } from "cx-metrics/charts";
 * const spec = calibrationHoldoutChart([
 *   { frequency: 0, actual: 0.24, predicted: 0.21, customers: 1411 },
 *   { frequency: 1, actual: 0.72, predicted: 0.68, customers: 439 },
 * ]);
 * console.log(spec.data.values.length, spec.data.values[1]);
 * // => 4 { frequency: 0, series: 'Model', purchases: 0.21, customers: 1411 }
 * ```
 */
export function calibrationHoldoutChart(rows: ReadonlyArray<CalibrationHoldoutRow>, options?: ChartOptions): ChartSpec<CalibrationPoint> {
  return guard(METRIC, () => {
    const opts = readChartOptions<ChartOptions>(options, METRIC, {});
    const list = checkList(rows, ["rows"], METRIC, "rows");
    const read = [];
    for (let i = 0; i < list.length; i++) {
      const row = checkObject(list[i], ["rows", i], METRIC);
      read.push({
        frequency: checkNumber(row.frequency, ["rows", i, "frequency"], METRIC, 0),
        actual: checkNumber(row.actual, ["rows", i, "actual"], METRIC, 0),
        predicted: checkNumber(row.predicted, ["rows", i, "predicted"], METRIC, 0),
        customers: row.customers === undefined ? null : checkNumber(row.customers, ["rows", i, "customers"], METRIC, 0),
      });
    }
    read.sort((a, b) => a.frequency - b.frequency);
    const values: CalibrationPoint[] = [];
    for (const r of read) {
      values.push({ frequency: r.frequency, series: "Actual", purchases: r.actual, customers: r.customers });
      values.push({ frequency: r.frequency, series: "Model", purchases: r.predicted, customers: r.customers });
    }
    const series = { domain: ["Actual", "Model"] };
    return chartSpec(
      opts,
      {
        title: "Predicted against actual purchases in the holdout period",
        subtitle: "Customers grouped by their repeat purchases in the calibration period",
        description:
          `Line chart comparing, for ${read.length} group${read.length === 1 ? "" : "s"} of customers by repeat purchases in the calibration period, ` +
          `the average purchases in the holdout period observed and predicted by the model: ` +
          `${read.map((r) => `${shown(r.frequency)} repeat purchases${r.customers === null ? "" : ` (${shown(r.customers)} customers)`}: actual ${shown(r.actual, 2)}, model ${shown(r.predicted, 2)}`).join("; ")}.`,
        width: 440,
        height: 260,
      },
      values,
      {
        mark: { type: "line", point: { filled: true, size: 60 }, strokeWidth: 2, tooltip: true },
        encoding: {
          x: { field: "frequency", type: "quantitative", title: "Repeat purchases in the calibration period", axis: { tickMinStep: 1 } },
          y: { field: "purchases", type: "quantitative", title: "Holdout purchases per customer" },
          color: { field: "series", type: "nominal", title: null, scale: { ...series, range: [PALETTE.blue, PALETTE.orange] } },
          strokeDash: { field: "series", type: "nominal", title: null, scale: { ...series, range: [[1, 0], [6, 3]] } },
          shape: { field: "series", type: "nominal", title: null, scale: { ...series, range: ["circle", "square"] } },
          tooltip: [
            { field: "frequency", type: "quantitative", title: "Repeat purchases (calibration)" },
            { field: "series", type: "nominal", title: "Series" },
            { field: "purchases", type: "quantitative", title: "Average purchases (holdout)", format: ".3f" },
            { field: "customers", type: "quantitative", title: "Customers" },
          ],
        },
      },
    );
  });
}
