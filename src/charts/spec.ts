// What every chart shares: the spec's outer shape, the colour-blind-safe palette, the common options and the readers
// of plain inputs. Charts only describe pictures; rendering them is the caller's (or the command line's) job.
import { type Checker, readOptions } from "../internal/check.js";
import { plainError, valueError } from "../internal/fail.js";
import { roundTo } from "../internal/round.js";
import { isArrayLike } from "../internal/check.js";

/** The Vega-Lite 6 JSON schema every spec names in `$schema`. */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * A Vega-Lite 6 specification: plain JSON that `vega-lite`'s `compile`, the Vega editor, Observable, Jupyter and
 * Streamlit accept as is. Every spec this package builds has a `$schema`, a `title` and a `description` (the sentence a
 * screen reader reads for the whole chart).
 */
export interface VegaLiteSpec {
  /** Always the Vega-Lite 6 schema URL. */
  $schema: string;
  /** What the chart shows, in one or two sentences with its numbers, for screen readers and alt text. */
  description: string;
  /** The chart's title (and subtitle) in plain words. */
  title: { text: string; subtitle: string };
  /** The rest of the specification (data, marks, encodings, layers, config). */
  [key: string]: unknown;
}

/** A spec whose top-level data are rows of type `Row`, inline (`data.values`). */
export type ChartSpec<Row> = VegaLiteSpec & { data: { values: Row[] } };

/** Options every chart accepts; unknown keys are refused. */
export interface ChartOptions {
  /** Replaces the title (the default title carries the headline number). */
  title?: string | undefined;
  /** The width of the plot area in pixels (an integer from 50 to 4000). */
  width?: number | undefined;
  /** The height of the plot area in pixels (an integer from 50 to 4000). */
  height?: number | undefined;
}

/**
 * The Okabe-Ito palette: distinguishable with every common form of colour blindness. Opposites (detractors against
 * promoters, actual against predicted) are vermillion against blue, never red against green.
 */
export const PALETTE = {
  blue: "#0072B2",
  vermillion: "#D55E00",
  orange: "#E69F00",
  sky: "#56B4E9",
  grey: "#9A9A9A",
  black: "#000000",
} as const;

const checkTitle: Checker<string> = (value, path, metric) => {
  if (typeof value === "string" && value.trim() !== "") return value;
  throw valueError("INVALID_INPUT", metric, path, value, "expected a non-empty string");
};

const checkSize: Checker<number> = (value, path, metric) => {
  if (typeof value === "number" && Number.isInteger(value) && value >= 50 && value <= 4000) return value;
  throw valueError("INVALID_INPUT", metric, path, value, "expected an integer from 50 to 4000 (pixels)");
};

/** The checkers of {@link ChartOptions}, to spread into a chart's own. */
export const chartOptionCheckers = { title: checkTitle, width: checkSize, height: checkSize };

/** Reads options made of the common ones and a chart's own. */
export function readChartOptions<T extends ChartOptions>(
  options: unknown,
  metric: string,
  own: { readonly [K in Exclude<keyof T, keyof ChartOptions>]-?: Checker<NonNullable<T[K]>> },
): T {
  return readOptions<T>(options, metric, { ...chartOptionCheckers, ...own } as never);
}

/** The outer shape of every spec: schema, description, title, size and a quiet, print-friendly look. */
export function chartSpec<Row>(
  options: ChartOptions,
  defaults: { title: string; subtitle: string; description: string; width: number; height: number },
  values: Row[],
  body: Record<string, unknown>,
): ChartSpec<Row> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: defaults.description,
    title: { text: options.title ?? defaults.title, subtitle: defaults.subtitle },
    width: options.width ?? defaults.width,
    height: options.height ?? defaults.height,
    data: { values },
    ...body,
    config: {
      background: "white",
      font: "Helvetica, Arial, sans-serif",
      view: { stroke: null },
      title: { anchor: "start", fontSize: 15, subtitleFontSize: 12, subtitleColor: "#444444" },
      axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", labelColor: "#222222", titleColor: "#222222" },
      legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: "normal", orient: "bottom", labelLimit: 320, titleLimit: 320 },
    },
  };
}

/** A number as the titles and descriptions show it: at most `decimals` decimals, no trailing zeros. */
export function shown(x: number, decimals = 1): string {
  return String(roundTo(x, decimals));
}

/** `1 response`, `3 responses`. */
export function plural(n: number, one: string, many: string): string {
  return `${shown(n)} ${n === 1 ? one : many}`;
}

/** A finite number from `min` (to `max`). */
export function checkNumber(
  value: unknown,
  path: ReadonlyArray<PropertyKey>,
  metric: string,
  min: number,
  max = Number.POSITIVE_INFINITY,
): number {
  if (typeof value === "number" && Number.isFinite(value) && value >= min && value <= max) return value;
  const range = max === Number.POSITIVE_INFINITY ? `expected a finite number >= ${min}` : `expected a number from ${min} to ${max}`;
  throw valueError(typeof value === "number" && !Number.isNaN(value) ? "OUT_OF_RANGE" : "INVALID_INPUT", metric, path, value, range);
}

/** A label for an axis or a legend: a string, or a finite number shown as a string. */
export function checkLabel(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw valueError("INVALID_INPUT", metric, path, value, "expected a string or a number");
}

/** An object (not null, not an array) to read fields from. */
export function checkObject(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string): Record<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw valueError("INVALID_INPUT", metric, path, value, "expected an object");
}

/** A non-empty array-like (an array or a typed array); EMPTY_INPUT when it has no element. */
export function checkList(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string, what: string): ArrayLike<unknown> {
  if (!isArrayLike(value)) throw valueError("INVALID_INPUT", metric, path, value, "expected an array");
  const list = value as ArrayLike<unknown>;
  if (list.length === 0) throw plainError("EMPTY_INPUT", metric, path, `${what} is empty: nothing to draw`);
  return list;
}
