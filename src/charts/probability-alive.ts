import { plainError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { type ChartOptions, type ChartSpec, chartSpec, checkList, checkNumber, checkObject, readChartOptions, shown } from "./spec.js";

const METRIC = "probabilityAliveChart";

/**
 * What {@link probabilityAliveChart} draws: P(alive) on a grid, `probability[i][j]` for `frequency[i]` repeat purchases
 * and a last purchase at `recency[j]` (both in the model's time unit, for customers of the same age T).
 */
export interface ProbabilityAliveMatrix {
  /** The grid's repeat-purchase counts (rows), e.g. 0 to 30. */
  frequency: ReadonlyArray<number>;
  /** The grid's times of last purchase (columns), e.g. 0 to T. */
  recency: ReadonlyArray<number>;
  /** `probability[i][j]` in [0, 1]: one row per frequency, one value per recency. */
  probability: ReadonlyArray<ReadonlyArray<number>>;
  /** The customers' age T the grid was computed for, shown in the subtitle when given. */
  T?: number | undefined;
}

/** One cell of {@link probabilityAliveChart}. */
export interface ProbabilityAliveCell {
  /** Repeat purchases. */
  frequency: number;
  /** Time of the last purchase. */
  recency: number;
  /** The probability the customer is still active, in [0, 1]. */
  probability: number;
}

/**
 * The probability that a customer is still active, over repeat purchases (rows, most at the top) and the time of the
 * last purchase (columns), on the viridis scale (ordered in lightness, readable with colour blindness and in grey).
 * Fill the grid with `bgNbdProbabilityAlive(params, { frequency, recency, T })`.
 *
 * @param matrix - the grid: `frequency`, `recency` and `probability[i][j]`
 * @param options - `title`, `width`, `height`
 * @returns a Vega-Lite 6 specification with one cell per frequency and recency
 * @throws `CxMetricsError` `INVALID_INPUT` for a row whose length differs from `recency`, a non-number or bad
 *   options; `OUT_OF_RANGE` for a probability outside [0, 1] or a negative frequency or recency; `EMPTY_INPUT` for an
 *   empty axis
 *
 * @example
 * ```ts
 * import { bgNbdProbabilityAlive } from "cx-metrics";
 * import { probabilityAliveChart } from "cx-metrics/charts";
 * const params = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
 * const frequency = [0, 1, 2];
 * const recency = [0, 20, 38];
 * const probability = frequency.map((x) =>
 *   recency.map((tx) => bgNbdProbabilityAlive(params, { frequency: x, recency: x === 0 ? 0 : tx, T: 38 })),
 * );
 * const spec = probabilityAliveChart({ frequency, recency, probability, T: 38 });
 * console.log(spec.data.values.length, spec.data.values[0].probability);
 * // => 9 1
 * ```
 */
export function probabilityAliveChart(matrix: ProbabilityAliveMatrix, options?: ChartOptions): ChartSpec<ProbabilityAliveCell> {
  return guard(METRIC, () => {
    const opts = readChartOptions<ChartOptions>(options, METRIC, {});
    const m = checkObject(matrix, ["matrix"], METRIC);
    const frequency = checkList(m.frequency, ["matrix", "frequency"], METRIC, "matrix.frequency");
    const recency = checkList(m.recency, ["matrix", "recency"], METRIC, "matrix.recency");
    const probability = checkList(m.probability, ["matrix", "probability"], METRIC, "matrix.probability");
    const T = m.T === undefined ? undefined : checkNumber(m.T, ["matrix", "T"], METRIC, 0);
    if (probability.length !== frequency.length) {
      throw plainError(
        "INVALID_INPUT",
        METRIC,
        ["matrix", "probability"],
        `matrix.probability has ${probability.length} rows, expected one per frequency (${frequency.length})`,
      );
    }
    const xs: number[] = [];
    for (let j = 0; j < recency.length; j++) xs.push(checkNumber(recency[j], ["matrix", "recency", j], METRIC, 0));
    const values: ProbabilityAliveCell[] = [];
    const fs: number[] = [];
    let low = 1;
    let high = 0;
    for (let i = 0; i < frequency.length; i++) {
      const f = checkNumber(frequency[i], ["matrix", "frequency", i], METRIC, 0);
      fs.push(f);
      const row = checkList(probability[i], ["matrix", "probability", i], METRIC, `matrix.probability[${i}]`);
      if (row.length !== xs.length) {
        throw plainError(
          "INVALID_INPUT",
          METRIC,
          ["matrix", "probability", i],
          `matrix.probability[${i}] has ${row.length} values, expected one per recency (${xs.length})`,
        );
      }
      for (let j = 0; j < xs.length; j++) {
        const p = checkNumber(row[j], ["matrix", "probability", i, j], METRIC, 0, 1);
        low = Math.min(low, p);
        high = Math.max(high, p);
        values.push({ frequency: f, recency: xs[j]!, probability: p });
      }
    }
    return chartSpec(
      opts,
      {
        title: "Probability that a customer is still active",
        subtitle: `By repeat purchases and the time of the last purchase${T === undefined ? "" : `, for customers first seen ${shown(T)} periods ago`}`,
        description:
          `Heatmap of the probability that a customer is still active over ${frequency.length} repeat-purchase counts ` +
          `(${shown(fs[0]!)} to ${shown(fs[fs.length - 1]!)}) and ${xs.length} times of last purchase ` +
          `(${shown(xs[0]!)} to ${shown(xs[xs.length - 1]!)}); it ranges from ${shown(100 * low)}% to ${shown(100 * high)}%.`,
        width: Math.max(200, Math.min(640, 22 * xs.length)),
        height: Math.max(120, Math.min(480, 16 * frequency.length)),
      },
      values,
      {
        mark: { type: "rect", tooltip: true },
        encoding: {
          x: { field: "recency", type: "ordinal", title: "Time of the last purchase (recency)", axis: { labelAngle: 0, labelOverlap: true } },
          y: { field: "frequency", type: "ordinal", sort: "descending", title: "Repeat purchases (frequency)", axis: { labelOverlap: true } },
          color: {
            field: "probability",
            type: "quantitative",
            title: "Probability still active",
            scale: { scheme: "viridis", domain: [0, 1] },
            legend: { format: "%" },
          },
          tooltip: [
            { field: "frequency", type: "ordinal", title: "Repeat purchases" },
            { field: "recency", type: "ordinal", title: "Last purchase at" },
            { field: "probability", type: "quantitative", title: "Probability still active", format: ".1%" },
          ],
        },
      },
    );
  });
}
