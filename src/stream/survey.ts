import { type Checker, checkBoolean, checkConfidence, checkDecimals, checkInteger, checkOneOf, checkScale, readOptions } from "../internal/check.js";
import { formatPath, plainError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { checkStateKeys, stateNumber, stateOf } from "./state.js";
import { type ProportionSpec, proportionCheckers, type ProportionResultOptions } from "../internal/proportion.js";
import { elementError, tally } from "../internal/tally.js";
import type { NpsIntervalMethod, ProportionIntervalMethod } from "../inference/intervals.js";
import { type CesOptions, type CesResult, cesSpec, computeCes } from "../survey/ces.js";
import { type CsatOptions, type CsatResult, computeCsat, csatSpec } from "../survey/csat.js";
import { computeNps, type NpsResult, type NpsResultOptions } from "../survey/nps.js";

// Survey accumulators keep three band sums and two moments: O(1) memory whatever the number of responses, exact for
// integer counts, and mergeable in any order.

interface Bands {
  low: number;
  mid: number;
  high: number;
  sumOfSquares: number;
  sumOfValues: number;
}

const checkSum: Checker<number> = stateNumber;

const NPS_STATE_KEYS = ["metric", "version", "promoters", "passives", "detractors", "sumOfSquares", "sumOfValues"];
const PROPORTION_STATE_KEYS = [
  "metric",
  "version",
  "scale",
  "threshold",
  "lowerIsEasier",
  "hits",
  "total",
  "sumOfSquares",
  "sumOfValues",
  "decimals",
  "confidence",
  "interval",
];

function readBands(state: Record<string, unknown>, keys: [low: string, mid: string, high: string], metric: string, root: string): Bands {
  const [lowKey, midKey, highKey] = keys;
  return {
    low: checkSum(state[lowKey], [root, lowKey], metric),
    mid: checkSum(state[midKey], [root, midKey], metric),
    high: checkSum(state[highKey], [root, highKey], metric),
    sumOfSquares: checkSum(state.sumOfSquares, [root, "sumOfSquares"], metric),
    sumOfValues: checkSum(state.sumOfValues, [root, "sumOfValues"], metric),
  };
}

function expectKind(state: Record<string, unknown>, kind: string, metric: string, root: string): void {
  if (state.metric !== kind) {
    throw valueError("INVALID_INPUT", metric, [root, "metric"], state.metric, `expected '${kind}': only accumulators of the same metric merge`);
  }
}

/** A band tally that grows response by response or array by array. */
class BandCounter {
  low = 0;
  mid = 0;
  high = 0;
  sumOfSquares = 0;
  sumOfValues = 0;

  constructor(
    readonly min: number,
    readonly max: number,
    readonly midFrom: number,
    readonly highFrom: number,
    readonly metric: string,
    readonly field: string,
  ) {}

  add(value: unknown, weight: unknown): void {
    const v = value as number;
    if (!(v >= this.min && v <= this.max && Math.floor(v) === v)) {
      throw elementError(value, [this.field === "scores" ? "score" : "rating"], this.min, this.max, this.metric);
    }
    const w = weight === undefined ? 1 : (weight as number);
    if (!(typeof w === "number" && w >= 0 && w < Number.POSITIVE_INFINITY)) {
      throw valueError("INVALID_INPUT", this.metric, ["weight"], weight, "expected a finite, non-negative weight");
    }
    const high = v >= this.highFrom ? w : 0;
    const mid = high === 0 && v >= this.midFrom ? w : 0;
    this.addBands({ low: w - high - mid, mid, high, sumOfSquares: w * w, sumOfValues: v * w }, weight === undefined ? [] : ["weight"]);
  }

  addAll(values: unknown, weights: unknown): void {
    if (values === null || typeof values !== "object" || typeof (values as ArrayLike<unknown>).length !== "number") {
      throw valueError("INVALID_INPUT", this.metric, [this.field], values, `expected an array of ${this.field}`);
    }
    if (weights !== undefined && (weights === null || typeof weights !== "object")) {
      throw valueError("INVALID_INPUT", this.metric, ["weights"], weights, "expected an array of weights");
    }
    const t = tally(values as ArrayLike<unknown>, this, weights as ArrayLike<unknown> | undefined);
    this.addBands(t, weights === undefined ? [this.field] : ["weights"]);
  }

  /**
   * Adds sums, refusing (and keeping the accumulator as it was) what the batch function refuses on the whole: sums or
   * squares that leave the range of a double (weights of 1e200), an effective sample size that is no longer a number
   * (weights of 1e-200), and counts past 2^53 − 1, beyond which doubles stop counting exactly.
   */
  addBands(b: Bands, path: ReadonlyArray<PropertyKey>): void {
    const low = this.low + b.low;
    const mid = this.mid + b.mid;
    const high = this.high + b.high;
    const sumOfSquares = this.sumOfSquares + b.sumOfSquares;
    const sumOfValues = this.sumOfValues + b.sumOfValues;
    const total = low + mid + high;
    const size = total === 0 ? 1 : (total * total) / sumOfSquares;
    if (!(Number.isFinite(total) && Number.isFinite(sumOfSquares) && Number.isFinite(sumOfValues) && size > 0 && Number.isFinite(size))) {
      throw plainError(
        "OUT_OF_RANGE",
        this.metric,
        path,
        `${formatPath(path, "the weights")} would take the sums or squares of the weights out of the range of a double`,
      );
    }
    if (sumOfSquares === total && total > Number.MAX_SAFE_INTEGER) {
      throw plainError(
        "OUT_OF_RANGE",
        this.metric,
        path,
        `${formatPath(path, "the response")} would take the count of responses past 2^53 − 1 (${Number.MAX_SAFE_INTEGER}), beyond which it would not be exact`,
      );
    }
    this.low = low;
    this.mid = mid;
    this.high = high;
    this.sumOfSquares = sumOfSquares;
    this.sumOfValues = sumOfValues;
  }

  /**
   * Refuses sums no accumulator could have produced: Σ value × weight outside what the bands allow (each band's
   * values lie between its cut points), Σ weights² above (Σ weights)² or zero with responses, or zero without them.
   */
  checkState(b: Bands, metric: string, root: string): Bands {
    const total = b.low + b.mid + b.high;
    const lowest = b.low * this.min + b.mid * this.midFrom + b.high * this.highFrom;
    const highest = b.low * (this.midFrom - 1) + b.mid * (this.highFrom - 1) + b.high * this.max;
    // Sums of products in floating point drift by a few ulps per term: a relative slack far below any real mistake.
    const slack = 1e-9;
    if (!(b.sumOfValues >= lowest - slack * lowest && b.sumOfValues <= highest + slack * highest)) {
      throw valueError(
        "INVALID_INPUT",
        metric,
        [root, "sumOfValues"],
        b.sumOfValues,
        `expected a sum of ${this.field} between ${lowest} and ${highest} for these counts`,
      );
    }
    const squaresFit = total === 0 ? b.sumOfSquares === 0 : b.sumOfSquares > 0 && b.sumOfSquares / total <= total * (1 + slack);
    if (!squaresFit) {
      throw valueError("INVALID_INPUT", metric, [root, "sumOfSquares"], b.sumOfSquares, `expected a sum of squared weights in (0, ${total}²] for a total of ${total}`);
    }
    return b;
  }

  get total(): number {
    return this.low + this.mid + this.high;
  }
}

/** Result options an accumulator's `result()` takes. */
export interface AccumulatorResultOptions<I extends string> {
  /** Round to this many decimals (0-15), half away from zero. */
  decimals?: number;
  /** The confidence level of the interval, in (0, 1); default 0.95. */
  confidence?: number;
  /** The interval method. */
  interval?: I;
}

/** The JSON state of an NPS accumulator: pass it back to {@link createNpsAccumulator} to restore it. */
export interface NpsAccumulatorState {
  /** `'nps'`. */
  metric: "nps";
  /** The state format, 1; a state without it is read as 1, any other is refused. */
  version?: 1;
  /** Promoters (Σ weights). */
  promoters: number;
  /** Passives (Σ weights). */
  passives: number;
  /** Detractors (Σ weights). */
  detractors: number;
  /** Σ weights² (the number of responses when unweighted). */
  sumOfSquares: number;
  /** Σ score × weight. */
  sumOfValues: number;
}

/** A mergeable NPS in constant memory. */
export interface NpsAccumulator {
  /** Adds one 0-10 score, with an optional weight (default 1). */
  add(score: number, weight?: number): NpsAccumulator;
  /** Adds an array or typed array of scores, with optional weights. */
  addAll(scores: ArrayLike<number>, weights?: ArrayLike<number>): NpsAccumulator;
  /** Adds another NPS accumulator's content (or its state) into this one and returns this one. */
  merge(other: NpsAccumulator | NpsAccumulatorState): NpsAccumulator;
  /** The same result as `nps()` on everything added, intervals included. */
  result(options?: AccumulatorResultOptions<NpsIntervalMethod>): NpsResult;
  /** The state, as plain JSON data. */
  toJSON(): NpsAccumulatorState;
}

const npsResultCheckers = {
  decimals: checkDecimals,
  confidence: checkConfidence,
  interval: checkOneOf<NpsIntervalMethod>("wald", "adjusted-wald"),
};

const NPS_KEYS: [string, string, string] = ["detractors", "passives", "promoters"];

/**
 * Creates a mergeable NPS accumulator: responses can be added one at a time or in arrays, in any order and in
 * separate processes, and merged; `result()` equals `nps()` on everything added.
 *
 * @param state - a state from `toJSON()` (after a JSON round trip if you like) to continue from
 * @returns the accumulator
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a malformed state; the accumulator's methods throw what `nps` throws
 *
 * @example
 * ```ts
 * import { createNpsAccumulator } from "cx-metrics";
 * const north = createNpsAccumulator().addAll([10, 9, 6]);
 * const south = createNpsAccumulator().add(8).add(3);
 * const restored = createNpsAccumulator(JSON.parse(JSON.stringify(south)));
 * console.log(north.merge(restored).result().score);
 * // => 0
 * ```
 */
export function createNpsAccumulator(state?: NpsAccumulatorState): NpsAccumulator {
  const metric = "createNpsAccumulator";
  const counter = new BandCounter(0, 10, 7, 9, "nps", "scores");
  guard(metric, () => {
    if (state !== undefined) counter.addBands(readNpsState(state, counter, metric, "state"), ["state"]);
  });
  const chain = (step: () => void) =>
    guard("nps", () => {
      step();
      return acc;
    });
  const acc: NpsAccumulator = {
    add: (score, weight) => chain(() => counter.add(score, weight)),
    addAll: (scores, weights) => chain(() => counter.addAll(scores, weights)),
    merge: (other) => chain(() => counter.addBands(readNpsState(other, counter, "nps", "other"), ["other"])),
    result: (options) =>
      guard("nps", () => {
        const o = readOptions<NpsResultOptions>(options, "nps", npsResultCheckers);
        return computeNps(
          { promoters: counter.high, passives: counter.mid, detractors: counter.low, total: counter.total, sumOfSquares: counter.sumOfSquares },
          o,
        );
      }),
    toJSON: () => ({
      metric: "nps",
      version: 1,
      promoters: counter.high,
      passives: counter.mid,
      detractors: counter.low,
      sumOfSquares: counter.sumOfSquares,
      sumOfValues: counter.sumOfValues,
    }),
  };
  return acc;
}

function readNpsState(value: unknown, counter: BandCounter, metric: string, root: string): Bands {
  const s = stateOf(value, metric, root);
  expectKind(s, "nps", metric, root);
  checkStateKeys(s, NPS_STATE_KEYS, metric, root);
  return counter.checkState(readBands(s, NPS_KEYS as [string, string, string], metric, root), metric, root);
}

/** The JSON state of a CSAT or CES accumulator. */
export interface ProportionAccumulatorState<M extends "csat" | "ces"> {
  /** `'csat'` or `'ces'`. */
  metric: M;
  /** The state format, 1; a state without it is read as 1, any other is refused. */
  version?: 1;
  /** The rating scale. */
  scale: [number, number];
  /** The threshold in force (`satisfiedFrom`, or `agreeFrom`). */
  threshold: number;
  /** For CES: whether the easy answers are the low ones. */
  lowerIsEasier: boolean;
  /** Responses counted as a success (Σ weights). */
  hits: number;
  /** All responses (Σ weights). */
  total: number;
  /** Σ weights². */
  sumOfSquares: number;
  /** Σ rating × weight. */
  sumOfValues: number;
  /** The result's decimals, when set at creation. */
  decimals?: number;
  /** The result's confidence level, when set at creation. */
  confidence?: number;
  /** The result's interval method, when set at creation. */
  interval?: ProportionIntervalMethod;
}

/** A mergeable CSAT or CES in constant memory. */
export interface ProportionAccumulator<M extends "csat" | "ces", R> {
  /** Adds one rating, with an optional weight (default 1). */
  add(rating: number, weight?: number): ProportionAccumulator<M, R>;
  /** Adds an array or typed array of ratings, with optional weights. */
  addAll(ratings: ArrayLike<number>, weights?: ArrayLike<number>): ProportionAccumulator<M, R>;
  /** Adds another accumulator's content (or its state) into this one; the scales and thresholds must match. */
  merge(other: ProportionAccumulator<M, R> | ProportionAccumulatorState<M>): ProportionAccumulator<M, R>;
  /** The same result as the batch function on everything added, intervals included. */
  result(options?: AccumulatorResultOptions<ProportionIntervalMethod>): R;
  /** The state, as plain JSON data. */
  toJSON(): ProportionAccumulatorState<M>;
}

/** A mergeable CSAT accumulator. */
export type CsatAccumulator = ProportionAccumulator<"csat", CsatResult>;
/** A mergeable CES accumulator. */
export type CesAccumulator = ProportionAccumulator<"ces", CesResult>;

const proportionResultCheckers = {
  decimals: checkDecimals,
  confidence: checkConfidence,
  interval: proportionCheckers.interval,
};

function proportionAccumulator<M extends "csat" | "ces", R>(
  kind: M,
  spec: ProportionSpec,
  defaults: ProportionResultOptions,
  compute: (t: { hits: number; total: number; sumOfSquares: number; sumOfValues: number }, spec: ProportionSpec, o: ProportionResultOptions) => R,
  state: unknown,
): ProportionAccumulator<M, R> {
  const cut = spec.downward ? spec.threshold + 1 : spec.threshold;
  const counter = new BandCounter(spec.scale[0], spec.scale[1], cut, cut, kind, "ratings");
  const readState = (value: unknown, metric: string, root: string): Bands => {
    const s = stateOf(value, metric, root);
    expectKind(s, kind, metric, root);
    checkStateKeys(s, PROPORTION_STATE_KEYS, metric, root);
    const scale = checkScale(s.scale, [root, "scale"], metric);
    const threshold = checkInteger(s.threshold, [root, "threshold"], metric);
    const lowerIsEasier = s.lowerIsEasier === true;
    const theirDefaults = JSON.stringify([s.decimals ?? null, s.confidence ?? null, s.interval ?? null]);
    const ourDefaults = JSON.stringify([defaults.decimals ?? null, defaults.confidence ?? null, defaults.interval ?? null]);
    if (theirDefaults !== ourDefaults) {
      throw plainError(
        "INVALID_INPUT",
        metric,
        [root],
        `${root} rounds and estimates with other options (decimals, confidence, interval): only accumulators with the same options merge`,
      );
    }
    if (scale[0] !== spec.scale[0] || scale[1] !== spec.scale[1] || threshold !== spec.threshold || lowerIsEasier !== spec.downward) {
      throw plainError(
        "INVALID_INPUT",
        metric,
        [root],
        `${root} counts on scale ${scale[0]}-${scale[1]} from ${threshold}${lowerIsEasier ? " down" : ""}, this one on ${spec.scale[0]}-${spec.scale[1]} from ${spec.threshold}${spec.downward ? " down" : ""}: only accumulators with the same options merge`,
      );
    }
    const hits = checkSum(s.hits, [root, "hits"], metric);
    const total = checkSum(s.total, [root, "total"], metric);
    if (hits > total) throw valueError("INVALID_INPUT", metric, [root, "hits"], hits, "expected hits <= total");
    const bands = { low: 0, mid: 0, high: 0, sumOfSquares: checkSum(s.sumOfSquares, [root, "sumOfSquares"], metric), sumOfValues: checkSum(s.sumOfValues, [root, "sumOfValues"], metric) };
    if (spec.downward) {
      bands.low = hits;
      bands.high = total - hits;
    } else {
      bands.high = hits;
      bands.low = total - hits;
    }
    return counter.checkState(bands, metric, root);
  };
  if (state !== undefined) counter.addBands(readState(state, kind, "state"), ["state"]);
  const hits = () => (spec.downward ? counter.low : counter.high);
  const chain = (step: () => void) =>
    guard(kind, () => {
      step();
      return acc;
    });
  const acc: ProportionAccumulator<M, R> = {
    add: (rating, weight) => chain(() => counter.add(rating, weight)),
    addAll: (ratings, weights) => chain(() => counter.addAll(ratings, weights)),
    merge: (other) => chain(() => counter.addBands(readState(other, kind, "other"), ["other"])),
    result: (options) =>
      guard(kind, () => {
        const o = { ...defaults, ...readOptions<ProportionResultOptions>(options, kind, proportionResultCheckers) };
        return compute({ hits: hits(), total: counter.total, sumOfSquares: counter.sumOfSquares, sumOfValues: counter.sumOfValues }, spec, o);
      }),
    toJSON: () => ({
      metric: kind,
      version: 1 as const,
      scale: [spec.scale[0], spec.scale[1]],
      threshold: spec.threshold,
      lowerIsEasier: spec.downward,
      hits: hits(),
      total: counter.total,
      sumOfSquares: counter.sumOfSquares,
      sumOfValues: counter.sumOfValues,
      // resultDefaults() sets only the keys that were given.
      ...(defaults as { decimals?: number; confidence?: number; interval?: ProportionIntervalMethod }),
    }),
  };
  return acc;
}

/** Without options, a state brings its own: the accumulator continues exactly as the one that wrote it. */
function optionsFromState(state: unknown, kind: "csat" | "ces", thresholdKey: string): Record<string, unknown> {
  const s = stateOf(state, kind, "state");
  expectKind(s, kind, kind, "state");
  const options: Record<string, unknown> = { scale: s.scale, [thresholdKey]: s.threshold };
  if (kind === "ces") options.lowerIsEasier = s.lowerIsEasier === true;
  for (const key of ["decimals", "confidence", "interval"]) if (s[key] !== undefined) options[key] = s[key];
  return options;
}

function resultDefaults(o: { decimals?: number | undefined; confidence?: number | undefined; interval?: ProportionIntervalMethod | undefined }) {
  const defaults: ProportionResultOptions = {};
  if (o.decimals !== undefined) defaults.decimals = o.decimals;
  if (o.confidence !== undefined) defaults.confidence = o.confidence;
  if (o.interval !== undefined) defaults.interval = o.interval;
  return defaults;
}

/** Options of {@link createCsatAccumulator}: those of `csat` but `weights` (weights go with each rating). */
export type CsatAccumulatorOptions = Omit<CsatOptions, "weights">;
/** Options of {@link createCesAccumulator}: those of `ces` but `weights` (weights go with each rating). */
export type CesAccumulatorOptions = Omit<CesOptions, "weights">;

const csatCreateCheckers = {
  scale: checkScale,
  satisfiedFrom: checkInteger,
  decimals: checkDecimals,
  confidence: checkConfidence,
  interval: proportionCheckers.interval,
};
const cesCreateCheckers = {
  scale: checkScale,
  agreeFrom: checkInteger,
  lowerIsEasier: checkBoolean,
  decimals: checkDecimals,
  confidence: checkConfidence,
  interval: proportionCheckers.interval,
};

/**
 * Creates a mergeable CSAT accumulator with `csat`'s options (scale, threshold, and defaults for the result).
 *
 * @param options - `scale`, `satisfiedFrom`, and `decimals`, `confidence`, `interval` as defaults for `result()`
 * @param state - a state from `toJSON()` to continue from; it must have been made with the same scale and threshold
 * @returns the accumulator
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad options or a state that does not match them
 *
 * @example
 * ```ts
 * import { createCsatAccumulator } from "cx-metrics";
 * const acc = createCsatAccumulator({ decimals: 1 });
 * acc.addAll([5, 4, 2]).add(3);
 * console.log(acc.result().score, acc.toJSON().hits);
 * // => 50 2
 * ```
 */
export function createCsatAccumulator(options?: CsatAccumulatorOptions, state?: ProportionAccumulatorState<"csat">): CsatAccumulator {
  return guard("createCsatAccumulator", () => {
    const given = options === undefined && state !== undefined ? optionsFromState(state, "csat", "satisfiedFrom") : options;
    const o = readOptions<CsatAccumulatorOptions>(given, "csat", csatCreateCheckers);
    return proportionAccumulator("csat", csatSpec(o), resultDefaults(o), computeCsat, state);
  });
}

/**
 * Creates a mergeable CES accumulator with `ces`'s options (scale, threshold, direction, and defaults for the result).
 *
 * @param options - `scale`, `agreeFrom`, `lowerIsEasier`, and `decimals`, `confidence`, `interval` for `result()`
 * @param state - a state from `toJSON()` to continue from; it must have been made with the same options
 * @returns the accumulator
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad options or a state that does not match them
 *
 * @example
 * ```ts
 * import { createCesAccumulator } from "cx-metrics";
 * const a = createCesAccumulator().addAll([5, 4]);
 * const b = createCesAccumulator().addAll([2, 1]);
 * console.log(a.merge(b).result().score);
 * // => 50
 * ```
 */
export function createCesAccumulator(options?: CesAccumulatorOptions, state?: ProportionAccumulatorState<"ces">): CesAccumulator {
  return guard("createCesAccumulator", () => {
    const given = options === undefined && state !== undefined ? optionsFromState(state, "ces", "agreeFrom") : options;
    const o = readOptions<CesAccumulatorOptions>(given, "ces", cesCreateCheckers);
    return proportionAccumulator("ces", cesSpec(o), resultDefaults(o), computeCes, state);
  });
}
