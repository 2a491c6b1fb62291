import { type Checker, checkDecimals, checkOneOf, readOptions } from "../internal/check.js";
import { type DurationUnit, checkUnit, UNIT_MS } from "../internal/duration.js";
import { CxMetricsError } from "../errors.js";
import { plainError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { checkStateKeys, stateCount, stateNumber, stateOf } from "./state.js";
import { ratio } from "../internal/round.js";
import { MAX_DURATION_MS, QuantileSketch, type SketchState } from "../internal/sketch.js";
import { type BusinessCalendar, checkCalendar, CompiledCalendar } from "../support/business-hours.js";
import { computeDurationStats } from "../support/duration-stats.js";
import type { ResponseTimeResult } from "../support/first-response.js";
import type { ResolutionTimeResult } from "../support/resolution.js";
import { ticketDurations } from "../support/ticket-durations.js";

/** Which duration an accumulator measures. */
export type ResponseTimeMeasure = "firstResponseTime" | "resolutionTime";

/** Options of {@link createResponseTimeAccumulator}. */
export interface ResponseTimeAccumulatorOptions {
  /** `'firstResponseTime'` (default: tickets with `firstResponseAt`) or `'resolutionTime'` (tickets with `resolvedAt`). */
  measure?: ResponseTimeMeasure;
  /** The unit of the result; default `'minutes'`. */
  unit?: DurationUnit;
  /** Count business time only, as `firstResponseTime` does. */
  businessHours?: BusinessCalendar;
  /** Round the result to this many decimals (0-15), half away from zero. */
  decimals?: number;
  /** `'exact'` (default: keeps every duration) or `'sketch'` (bounded memory, percentiles within `relativeAccuracy`). */
  mode?: "exact" | "sketch";
  /** The sketch's relative accuracy α, in (0, 0.5]; default 0.01 (1%). */
  relativeAccuracy?: number;
}

/** The JSON state of a response-time accumulator: pass it back to {@link createResponseTimeAccumulator} to restore it. */
export interface ResponseTimeAccumulatorState {
  /** `'responseTime'`. */
  metric: "responseTime";
  /** The state format, 1; a state without it is read as 1, any other is refused. */
  version?: 1;
  /** What is measured. */
  measure: ResponseTimeMeasure;
  /** The result's unit. */
  unit: DurationUnit;
  /** The result's decimals, when set. */
  decimals?: number;
  /** The calendar, when business hours count. */
  businessHours?: BusinessCalendar;
  /** `'exact'` or `'sketch'`. */
  mode: "exact" | "sketch";
  /** Tickets without an end (unanswered or unresolved). */
  missing: number;
  /** Exact mode: every duration in milliseconds. */
  durations?: number[];
  /** Sketch mode: how many durations, their sum, the shortest and the longest, in milliseconds. */
  count?: number;
  sum?: number;
  min?: number;
  max?: number;
  /** Sketch mode: the sketch's buckets. */
  sketch?: SketchState;
}

/** A mergeable first-response or resolution time. */
export interface ResponseTimeAccumulator<R> {
  /** Adds one ticket. */
  add(ticket: object): ResponseTimeAccumulator<R>;
  /** Adds an array of tickets. */
  addAll(tickets: ReadonlyArray<object>): ResponseTimeAccumulator<R>;
  /** Adds another accumulator's content (or its state) into this one; their options must match. */
  merge(other: ResponseTimeAccumulator<R> | ResponseTimeAccumulatorState): ResponseTimeAccumulator<R>;
  /** The same result as the batch function on everything added (percentiles within α in sketch mode). */
  result(options?: { unit?: DurationUnit; decimals?: number }): R;
  /** The state, as plain JSON data. */
  toJSON(): ResponseTimeAccumulatorState;
}

/** The finest relative accuracy a sketch takes: 0.01% keeps a year of milliseconds within about 120,000 buckets. */
export const MIN_RELATIVE_ACCURACY = 1e-4;

const checkAccuracy: Checker<number> = (value, path, metric) => {
  if (typeof value === "number" && value >= MIN_RELATIVE_ACCURACY && value <= 0.5) return value;
  throw valueError("INVALID_INPUT", metric, path, value, `expected a relative accuracy in [${MIN_RELATIVE_ACCURACY}, 0.5]`);
};

const STATE_KEYS = ["metric", "version", "measure", "unit", "decimals", "businessHours", "mode", "missing", "durations", "count", "sum", "min", "max", "sketch"];
const EXACT_ONLY = ["durations"];
const SKETCH_ONLY = ["count", "sum", "min", "max", "sketch"];
const SKETCH_STATE_KEYS = ["relativeAccuracy", "zeros", "buckets"];

const creationCheckers = {
  measure: checkOneOf<ResponseTimeMeasure>("firstResponseTime", "resolutionTime"),
  unit: checkUnit,
  businessHours: checkCalendar,
  decimals: checkDecimals,
  mode: checkOneOf<"exact" | "sketch">("exact", "sketch"),
  relativeAccuracy: checkAccuracy,
};

const resultCheckers = { unit: checkUnit, decimals: checkDecimals };

/** The largest chunk of {@link Durations}: 65,536 durations. */
const MAX_CHUNK = 1 << 16;

/**
 * The durations in milliseconds, in chunks: four bytes a duration while each is a whole number of milliseconds below
 * 2^32 (49.7 days), eight (a double, as exact as the duration given) in a chunk that holds one that is not. Chunks are
 * never copied to grow, so a long stream leaves no outgrown arrays behind for the garbage collector; each new chunk
 * is as large as everything held so far, up to {@link MAX_CHUNK}, so at most one chunk stands partly empty.
 */
class Durations {
  private readonly chunks: Array<Uint32Array | Float64Array> = [];
  private last: Uint32Array | Float64Array = new Uint32Array(0);
  private used = 0;
  length = 0;

  push(source: ArrayLike<number>): void {
    for (let i = 0; i < source.length; i++) {
      const d = source[i]!;
      if (this.used === this.last.length) {
        this.last = new Uint32Array(Math.min(MAX_CHUNK, Math.max(64, this.length + i)));
        this.chunks.push(this.last);
        this.used = 0;
      }
      if (d >>> 0 !== d && this.last instanceof Uint32Array) {
        this.last = Float64Array.from(this.last);
        this.chunks[this.chunks.length - 1] = this.last;
      }
      this.last[this.used++] = d;
    }
    this.length += source.length;
  }

  /** A copy of the durations (the statistics sort it in place), four bytes a duration when every chunk has four. */
  copy(): Float64Array | Uint32Array {
    const all = this.chunks.every((c) => c instanceof Uint32Array) ? new Uint32Array(this.length) : new Float64Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      const n = chunk === this.last ? this.used : chunk.length;
      all.set(chunk.subarray(0, n), at);
      at += n;
    }
    return all;
  }
}

function responseTimeState(value: unknown, metric: string, root: string): Record<string, unknown> {
  const state = stateOf(value, metric, root, "a response-time accumulator or its toJSON() state");
  if (state.metric !== "responseTime") {
    throw valueError("INVALID_INPUT", metric, [root], value, "expected a response-time accumulator or its toJSON() state");
  }
  checkStateKeys(state, STATE_KEYS, metric, root);
  const foreign = (state.mode === "sketch" ? EXACT_ONLY : SKETCH_ONLY).find((key) => state[key] !== undefined);
  if (foreign !== undefined) {
    throw plainError("INVALID_INPUT", metric, [root, foreign], `${root}.${foreign} belongs to the other mode: an ${String(state.mode)} state has none`);
  }
  if (state.sketch !== undefined) {
    checkStateKeys(stateOf(state.sketch, metric, `${root}.sketch`, "a sketch state"), SKETCH_STATE_KEYS, metric, `${root}.sketch`);
  }
  return state;
}

/**
 * The sketch part of a state, refusing what no sketch writes: fractional or negative counts, buckets out of order or
 * repeated, indexes no duration reaches, a count that is not the buckets' total, min above max, extremes in other
 * buckets than the first and last, a sum outside [count × min, count × max].
 */
function readSketchState(s: Record<string, unknown>, sketch: QuantileSketch, metric: string, root: string): { count: number; sum: number; min: number; max: number; state: SketchState } {
  const sk = s.sketch as SketchState;
  const at = (...path: Array<string | number>) => [root, ...path];
  const zeros = stateCount(sk.zeros, at("sketch", "zeros"), metric);
  const buckets = sk.buckets;
  if (!Array.isArray(buckets)) throw valueError("INVALID_INPUT", metric, at("sketch", "buckets"), buckets, "expected [index, count] pairs");
  let total = zeros;
  for (let i = 0; i < buckets.length; i++) {
    const b = buckets[i] as unknown;
    if (!(Array.isArray(b) && b.length === 2 && Number.isSafeInteger(b[0]) && Number.isSafeInteger(b[1]) && b[1] > 0)) {
      throw valueError("INVALID_INPUT", metric, at("sketch", "buckets", i), b, "expected an [index, count] pair of integers, the count positive");
    }
    if (i > 0 && !(b[0] > buckets[i - 1]![0])) {
      throw valueError("INVALID_INPUT", metric, at("sketch", "buckets", i, 0), b[0], `expected an index above the previous one (${buckets[i - 1]![0]}): buckets ascend, each once`);
    }
    if (!sketch.holdsIndex(b[0])) {
      throw valueError("INVALID_INPUT", metric, at("sketch", "buckets", i, 0), b[0], "expected the index of a duration within the range of a Date");
    }
    total += b[1];
  }
  const count = stateCount(s.count, at("count"), metric);
  if (count !== total) throw valueError("INVALID_INPUT", metric, at("count"), count, `expected ${total}, the number of values in the sketch`);
  const sum = stateNumber(s.sum, at("sum"), metric);
  const min = stateNumber(s.min, at("min"), metric);
  const max = stateNumber(s.max, at("max"), metric);
  if (count === 0) {
    for (const [key, v] of [["sum", sum], ["min", min], ["max", max]] as const) {
      if (v !== 0) throw valueError("INVALID_INPUT", metric, at(key), v, "expected 0 in an empty sketch");
    }
  } else {
    if (min > max) throw valueError("INVALID_INPUT", metric, at("min"), min, `expected at most max (${max})`);
    const lowest = zeros > 0 ? undefined : buckets[0]![0];
    if (zeros > 0 ? min !== 0 : sketch.indexOf(min) !== lowest) {
      throw valueError("INVALID_INPUT", metric, at("min"), min, "expected a duration in the sketch's lowest bucket");
    }
    const highest = buckets.length === 0 ? undefined : buckets[buckets.length - 1]![0];
    if (highest === undefined ? max !== 0 : sketch.indexOf(max) !== highest) {
      throw valueError("INVALID_INPUT", metric, at("max"), max, "expected a duration in the sketch's highest bucket");
    }
    // The sum was added up in floating point: a relative slack of 1e-9 is far below any real inconsistency.
    if (!(sum >= count * min * (1 - 1e-9) && sum <= count * max * (1 + 1e-9))) {
      throw valueError("INVALID_INPUT", metric, at("sum"), sum, `expected a sum between count × min (${count * min}) and count × max (${count * max})`);
    }
  }
  return { count, sum, min, max, state: { relativeAccuracy: sk.relativeAccuracy, zeros, buckets } };
}

function optionsFromState(state: unknown, metric: string): Record<string, unknown> {
  const s = responseTimeState(state, metric, "state");
  const options: Record<string, unknown> = {};
  for (const key of ["measure", "unit", "decimals", "businessHours", "mode"]) if (s[key] !== undefined) options[key] = s[key];
  const sketch = s.sketch as { relativeAccuracy?: unknown } | undefined;
  if (s.mode === "sketch" && sketch?.relativeAccuracy !== undefined) options.relativeAccuracy = sketch.relativeAccuracy;
  return options;
}

/** The options a state was made with, in a canonical form two accumulators can be compared by. */
function signature(o: {
  measure: ResponseTimeMeasure;
  unit: DurationUnit;
  decimals: number | undefined;
  businessHours: BusinessCalendar | undefined;
  mode: string;
  relativeAccuracy: number | undefined;
}): string {
  return JSON.stringify([o.measure, o.unit, o.decimals ?? null, o.businessHours ?? null, o.mode, o.mode === "sketch" ? o.relativeAccuracy : null]);
}

/** Re-roots "tickets[0]..." paths of a single added ticket at "ticket". */
function asSingle(error: unknown): unknown {
  if (!(error instanceof CxMetricsError)) return error;
  const issues = error.issues.map((issue) => {
    const path = ["ticket", ...issue.path.slice(2)];
    const message = issue.message.replace(/^tickets\[0\]/, "ticket");
    return { ...issue, path, message };
  });
  return new CxMetricsError(error.code, error.metric, issues);
}

/**
 * Creates a mergeable first-response (or resolution) time accumulator: tickets can be added one at a time or in
 * arrays, in any order and in separate processes, and merged; `result()` equals `firstResponseTime()` (or
 * `resolutionTime()`) on everything added.
 *
 * The default mode is exact and keeps every duration (8 bytes each). `mode: 'sketch'` keeps memory bounded for streams of
 * tens of millions of tickets: a DDSketch-style logarithmic histogram whose median and p90 are within a relative error
 * of `relativeAccuracy` (default 1%) of the exact interpolated percentiles, with about 1,200 buckets covering a
 * millisecond to a year at 1%; the mean, min, max and counts stay exact.
 *
 * @param options - `measure`, `unit`, `businessHours`, `decimals`, `mode`, `relativeAccuracy`
 * @param state - a state from `toJSON()` to continue from; it must have been made with the same options
 * @returns the accumulator
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad options or a state that does not match them; the methods throw
 *   what the batch function throws (naming the ticket), and `result()` throws `EMPTY_INPUT` before any ticket with an end
 *
 * @example
 * ```ts
 * import { createResponseTimeAccumulator } from "cx-metrics";
 * const morning = createResponseTimeAccumulator().addAll([
 *   { createdAt: "2026-11-23T09:00:00Z", firstResponseAt: "2026-11-23T09:04:00Z" },
 *   { createdAt: "2026-11-23T09:10:00Z", firstResponseAt: null },
 * ]);
 * const afternoon = createResponseTimeAccumulator().add({ createdAt: "2026-11-23T14:00:00Z", firstResponseAt: "2026-11-23T14:02:00Z" });
 * const r = morning.merge(JSON.parse(JSON.stringify(afternoon))).result();
 * console.log(r.mean, r.median, r.answered, r.unanswered);
 * // => 3 3 2 1
 * ```
 */
export function createResponseTimeAccumulator(
  options?: ResponseTimeAccumulatorOptions & { measure?: "firstResponseTime" },
  state?: ResponseTimeAccumulatorState,
): ResponseTimeAccumulator<ResponseTimeResult>;
export function createResponseTimeAccumulator(
  options: ResponseTimeAccumulatorOptions & { measure: "resolutionTime" },
  state?: ResponseTimeAccumulatorState,
): ResponseTimeAccumulator<ResolutionTimeResult>;
export function createResponseTimeAccumulator(
  options?: ResponseTimeAccumulatorOptions,
  state?: ResponseTimeAccumulatorState,
): ResponseTimeAccumulator<ResponseTimeResult | ResolutionTimeResult> {
  const factory = "createResponseTimeAccumulator";
  return guard(factory, () => {
    // Without options, a state brings its own: the accumulator continues exactly as the one that wrote it.
    const given = options === undefined && state !== undefined ? optionsFromState(state, factory) : options;
    const o = readOptions<ResponseTimeAccumulatorOptions>(given, factory, creationCheckers);
    const measure = o.measure ?? "firstResponseTime";
    const mode = o.mode ?? "exact";
    if (o.relativeAccuracy !== undefined && mode !== "sketch") {
      throw plainError("INVALID_INPUT", factory, ["options", "relativeAccuracy"], "options.relativeAccuracy applies to mode 'sketch'");
    }
    const relativeAccuracy = mode === "sketch" ? (o.relativeAccuracy ?? 0.01) : undefined;
    const settings = { measure, unit: o.unit ?? "minutes", decimals: o.decimals, businessHours: o.businessHours, mode, relativeAccuracy };
    const own = signature(settings);
    const calendar = o.businessHours === undefined ? undefined : new CompiledCalendar(o.businessHours);
    const endKey = measure === "firstResponseTime" ? "firstResponseAt" : "resolvedAt";
    const exact = new Durations();
    const sketch = relativeAccuracy === undefined ? undefined : new QuantileSketch(relativeAccuracy);
    let missing = 0;
    let count = 0;
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;

    /** Counts past 2^53 − 1 would no longer be exact: refused before anything changes. */
    const checkCounts = (more: number, moreMissing: number, metric: string, path: string): void => {
      if (count + more > Number.MAX_SAFE_INTEGER || missing + moreMissing > Number.MAX_SAFE_INTEGER) {
        throw plainError("OUT_OF_RANGE", metric, [path], `${path} would take the count of tickets past 2^53 − 1 (${Number.MAX_SAFE_INTEGER}), beyond which it would not be exact`);
      }
    };

    const take = (durations: ArrayLike<number>): void => {
      for (let i = 0; i < durations.length; i++) {
        const d = durations[i]!;
        sum += d;
        if (d < min) min = d;
        if (d > max) max = d;
        sketch?.add(d);
      }
      count += durations.length;
      if (sketch === undefined) exact.push(durations);
    };

    const readState = (value: unknown, metric: string, root: string): void => {
      const s = responseTimeState(value, metric, root);
      const theirs = signature({
        measure: s.measure as ResponseTimeMeasure,
        unit: s.unit as DurationUnit,
        decimals: s.decimals as number | undefined,
        businessHours: s.businessHours as BusinessCalendar | undefined,
        mode: s.mode as string,
        relativeAccuracy: (s.sketch as SketchState | undefined)?.relativeAccuracy,
      });
      if (theirs !== own) {
        throw plainError("INVALID_INPUT", metric, [root], `${root} was made with other options: only accumulators with the same options merge`);
      }
      const theirMissing = stateCount(s.missing, [root, "missing"], metric);
      if (mode === "exact") {
        const durations = s.durations;
        if (!Array.isArray(durations)) throw valueError("INVALID_INPUT", metric, [root, "durations"], durations, "expected an array of durations");
        for (let i = 0; i < durations.length; i++) {
          const d = stateNumber(durations[i], [root, "durations", i], metric);
          if (d > MAX_DURATION_MS) throw valueError("INVALID_INPUT", metric, [root, "durations", i], d, "expected a duration within the range of a Date");
        }
        checkCounts(durations.length, theirMissing, metric, root);
        take(durations as number[]);
      } else {
        const theirs = readSketchState(s, sketch!, metric, root);
        checkCounts(theirs.count, theirMissing, metric, root);
        sketch!.merge(theirs.state);
        if (theirs.count > 0) {
          count += theirs.count;
          sum += theirs.sum;
          min = Math.min(min, theirs.min);
          max = Math.max(max, theirs.max);
        }
      }
      missing += theirMissing;
    };

    const chain = (metric: string, step: () => void) =>
      guard(metric, () => {
        step();
        return acc;
      });

    if (state !== undefined) readState(state, factory, "state");

    const acc: ResponseTimeAccumulator<ResponseTimeResult | ResolutionTimeResult> = {
      add: (ticket) =>
        chain(measure, () => {
          try {
            const t = ticketDurations([ticket], endKey, measure, calendar);
            checkCounts(t.durations.length, t.missing, measure, "ticket");
            missing += t.missing;
            take(t.durations);
          } catch (error) {
            throw asSingle(error);
          }
        }),
      addAll: (tickets) =>
        chain(measure, () => {
          if (!Array.isArray(tickets)) throw valueError("INVALID_INPUT", measure, ["tickets"], tickets, "expected an array of tickets");
          const t = ticketDurations(tickets, endKey, measure, calendar);
          checkCounts(t.durations.length, t.missing, measure, "tickets");
          missing += t.missing;
          take(t.durations);
        }),
      merge: (other) => chain(measure, () => readState(other, measure, "other")),
      result: (resultOptions) =>
        guard(measure, () => {
          const r = readOptions<{ unit?: DurationUnit; decimals?: number }>(resultOptions, measure, resultCheckers);
          const unit = r.unit ?? settings.unit;
          const decimals = r.decimals ?? settings.decimals;
          const what =
            measure === "firstResponseTime"
              ? "no answered tickets: the first-response time of nothing is undefined"
              : "no resolved tickets: the resolution time of nothing is undefined";
          let stats: { mean: number; median: number; p90: number; min: number; max: number };
          if (sketch === undefined) {
            stats = computeDurationStats(exact.copy(), unit, decimals, measure, what);
          } else {
            // The exact statistics on an empty set throw the same EMPTY_INPUT as the batch function.
            if (count === 0) computeDurationStats(new Float64Array(0), unit, decimals, measure, what);
            const unitMs = UNIT_MS[unit];
            // Percentile estimates are clamped to the exact extremes, which can only bring them closer to the truth.
            const at = (percent: number) => ratio(Math.min(Math.max(sketch.percentile(percent), min), max), unitMs, 1, decimals);
            stats = {
              mean: ratio(sum, count * unitMs, 1, decimals),
              median: at(50),
              p90: at(90),
              min: ratio(min, unitMs, 1, decimals),
              max: ratio(max, unitMs, 1, decimals),
            };
          }
          const counts = measure === "firstResponseTime" ? { answered: count, unanswered: missing } : { resolved: count, unresolved: missing };
          return { metric: measure, unit, ...stats, ...counts } as ResponseTimeResult | ResolutionTimeResult;
        }),
      toJSON: () => {
        const s: ResponseTimeAccumulatorState = { metric: "responseTime", version: 1, measure, unit: settings.unit, mode, missing };
        if (settings.decimals !== undefined) s.decimals = settings.decimals;
        if (settings.businessHours !== undefined) s.businessHours = settings.businessHours;
        if (sketch === undefined) {
          s.durations = Array.from(exact.copy());
        } else {
          s.count = count;
          s.sum = sum;
          s.min = count === 0 ? 0 : min;
          s.max = count === 0 ? 0 : max;
          s.sketch = sketch.toJSON();
        }
        return s;
      },
    };
    return acc;
  });
}
