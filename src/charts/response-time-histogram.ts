import { checkCount } from "../internal/check.js";
import { plainError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { type DurationUnit, checkUnit } from "../internal/duration.js";
import { percentile } from "../internal/percentile.js";
import { type ChartOptions, type ChartSpec, chartSpec, checkList, checkNumber, PALETTE, readChartOptions, shown } from "./spec.js";

const METRIC = "responseTimeHistogram";

/** Options of {@link responseTimeHistogram}. */
export interface ResponseTimeHistogramOptions extends ChartOptions {
  /** The target time, drawn as a dotted line with the share of durations within it. */
  sla?: number | undefined;
  /** The unit the durations are in, for the labels; default `'minutes'`. Nothing is converted. */
  unit?: DurationUnit | undefined;
  /** The number of bins, equal on the log scale, from 1 to 200; default Sturges' rule, ⌈log2 n⌉ + 1 (at most 30). */
  bins?: number | undefined;
  /** What the durations measure, for the axis; default `'First response time'`. */
  measure?: string | undefined;
}

/** One bar of {@link responseTimeHistogram}: a bin from `start` to `end` (log-equal widths) and its count. */
export interface HistogramBin {
  /** The bin's lower edge (inclusive). */
  start: number;
  /** The bin's upper edge (exclusive, but the last bin holds the maximum). */
  end: number;
  /** Durations in the bin. */
  count: number;
}

const UNIT_SHORT: Record<DurationUnit, string> = {
  milliseconds: "ms",
  seconds: "s",
  minutes: "min",
  hours: "h",
  days: "d",
};

/**
 * A histogram of durations on a log scale (response times span seconds to days), with the median and the 90th
 * percentile (linear interpolation, as `firstResponseTime` computes them) as lines, and the SLA target when given.
 * Bins have equal widths in log(duration) from the smallest positive duration to the largest; zero durations, which a
 * log scale cannot place, are counted in the first bin and said so in the description.
 *
 * @param durations - non-negative finite durations (an array or a typed array), in `unit`
 * @param options - `sla`, `unit`, `bins`, `measure`, `title`, `width`, `height`
 * @returns a Vega-Lite 6 specification: one bar per bin, then the median, p90 and SLA lines
 * @throws `CxMetricsError` `INVALID_INPUT` for a duration that is not a number or bad options; `OUT_OF_RANGE` for
 *   a negative or infinite duration; `EMPTY_INPUT` with no duration, or only zeros
 *
 * @example
 * ```ts
 * import { responseTimeHistogram } from "cx-metrics/charts";
 * const spec = responseTimeHistogram([1, 10, 100, 1000], { bins: 3, sla: 60 });
 * console.log(spec.data.values.map((b) => `${b.start}-${b.end}: ${b.count}`).join(", "));
 * // => 1-10: 1, 10-100: 1, 100-1000: 2
 * console.log(spec.title.text);
 * // => First response time: median 55 min, 90th percentile 730 min
 * ```
 */
export function responseTimeHistogram(durations: ArrayLike<number>, options?: ResponseTimeHistogramOptions): ChartSpec<HistogramBin> {
  return guard(METRIC, () => {
    const opts = readChartOptions<ResponseTimeHistogramOptions>(options, METRIC, {
      sla: (v, path, metric) => checkNumber(v, path, metric, Number.MIN_VALUE),
      unit: checkUnit,
      bins: (v, path, metric) => {
        const n = checkCount(v, path, metric);
        if (n < 1 || n > 200) throw valueError("OUT_OF_RANGE", metric, path, v, "expected an integer from 1 to 200");
        return n;
      },
      measure: (v, path, metric) => {
        if (typeof v === "string" && v.trim() !== "") return v;
        throw valueError("INVALID_INPUT", metric, path, v, "expected a non-empty string");
      },
    });
    const list = checkList(durations, ["durations"], METRIC, "durations");
    const sorted = new Float64Array(list.length);
    for (let i = 0; i < list.length; i++) sorted[i] = checkNumber(list[i], ["durations", i], METRIC, 0);
    sorted.sort();
    let firstPositive = 0;
    while (firstPositive < sorted.length && sorted[firstPositive] === 0) firstPositive++;
    if (firstPositive === sorted.length) {
      throw plainError("EMPTY_INPUT", METRIC, ["durations"], "durations are all zero: a log scale has nothing to place");
    }
    const zeros = firstPositive;
    const binCount = opts.bins ?? Math.min(30, Math.ceil(Math.log2(sorted.length)) + 1);
    const lo = Math.log10(sorted[firstPositive]!);
    const hi = Math.log10(sorted[sorted.length - 1]!);
    // A single distinct value still gets a visible bar: one decade centred on it.
    const [from, step] = hi > lo ? [lo, (hi - lo) / binCount] : [lo - 0.5, 1 / binCount];
    const edge = (k: number) => 10 ** (from + k * step);
    const values: HistogramBin[] = [];
    for (let k = 0; k < binCount; k++) values.push({ start: edge(k), end: edge(k + 1), count: 0 });
    values[0]!.start = hi > lo ? sorted[firstPositive]! : values[0]!.start;
    values[binCount - 1]!.end = hi > lo ? sorted[sorted.length - 1]! : values[binCount - 1]!.end;
    values[0]!.count += zeros;
    for (let i = firstPositive; i < sorted.length; i++) {
      const k = Math.min(binCount - 1, Math.max(0, Math.floor((Math.log10(sorted[i]!) - from) / step)));
      values[k]!.count++;
    }
    const unit = opts.unit ?? "minutes";
    const u = UNIT_SHORT[unit];
    const median = percentile(sorted, 50);
    const p90 = percentile(sorted, 90);
    const measure = opts.measure ?? "First response time";
    const lines: Array<{ label: string; value: number; kind: string }> = [
      { label: `Median ${shown(median)} ${u}`, value: median, kind: "median" },
      { label: `90th percentile ${shown(p90)} ${u}`, value: p90, kind: "p90" },
    ];
    let slaSentence = "";
    if (opts.sla !== undefined) {
      let within = 0;
      for (let i = 0; i < sorted.length; i++) if (sorted[i]! <= opts.sla) within++;
      lines.push({ label: `Target ${shown(opts.sla)} ${u}`, value: opts.sla, kind: "sla" });
      slaSentence = ` ${within} of ${sorted.length} (${shown((100 * within) / sorted.length)}%) are within the target of ${shown(opts.sla)} ${unit}.`;
    }
    return chartSpec(
      opts,
      {
        title: `${measure}: median ${shown(median)} ${u}, 90th percentile ${shown(p90)} ${u}`,
        subtitle: `${sorted.length} durations in ${unit}, on a logarithmic axis`,
        description:
          `Histogram of ${sorted.length} durations of ${measure.toLowerCase()} in ${unit} on a logarithmic scale, ${binCount} bins: ` +
          `${values.map((b) => `${shown(b.start, 2)} to ${shown(b.end, 2)}: ${b.count}`).join("; ")}. ` +
          `The median is ${shown(median)} ${unit} and the 90th percentile ${shown(p90)} ${unit}.${slaSentence}` +
          (zeros === 0 ? "" : ` ${zeros} zero duration${zeros === 1 ? " is" : "s are"} counted in the first bin.`),
        width: 480,
        height: 240,
      },
      values,
      {
        layer: [
          {
            mark: { type: "bar", color: PALETTE.sky, stroke: PALETTE.blue, strokeWidth: 0.5, tooltip: true },
            encoding: {
              x: {
                field: "start",
                type: "quantitative",
                scale: { type: "log", domain: [values[0]!.start, values[binCount - 1]!.end], nice: false },
                title: `${measure} (${unit}, logarithmic)`,
                axis: { format: "~s", labelFlush: true },
              },
              x2: { field: "end" },
              y: { field: "count", type: "quantitative", title: "Tickets", axis: { tickMinStep: 1 } },
              y2: { datum: 0 },
            },
          },
          {
            data: { values: lines },
            mark: { type: "rule", strokeWidth: 2 },
            encoding: {
              x: { field: "value", type: "quantitative" },
              color: {
                field: "label",
                type: "nominal",
                title: null,
                scale: { domain: lines.map((l) => l.label), range: [PALETTE.black, PALETTE.orange, PALETTE.vermillion].slice(0, lines.length) },
              },
              strokeDash: {
                field: "label",
                type: "nominal",
                title: null,
                scale: { domain: lines.map((l) => l.label), range: [[1, 0], [6, 3], [2, 2]].slice(0, lines.length) },
              },
            },
          },
        ],
      },
    );
  });
}
