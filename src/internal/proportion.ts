import * as z from "zod/mini";
import { emptyError, parseWith, plainError, valueError } from "./fail.js";
import { histogram } from "./histogram.js";
import { ratio } from "./round.js";
import { decimalsSchema, isArrayLike, nonNegativeInteger, scaleSchema, weightsSchema, withShallowWeights } from "./schemas.js";

// CSAT and CES are the same computation: the share of ratings at or past a threshold on an integer scale.

/** Options common to the share-of-ratings metrics. */
export const proportionOptionsShape = {
  scale: z.optional(scaleSchema),
  weights: z.optional(weightsSchema),
  decimals: z.optional(decimalsSchema),
};

/** `{ [hitKey]: n, total: n }` with hits <= total, both non-negative integers. */
export function countsSchema<K extends string>(hitKey: K) {
  return z
    .object({ [hitKey]: nonNegativeInteger, total: nonNegativeInteger } as Record<K | "total", typeof nonNegativeInteger>)
    .check(
      z.refine((c) => (c as Record<string, number>)[hitKey]! <= (c as Record<string, number>).total!, {
        error: `expected ${hitKey} <= total`,
        path: [hitKey],
      }),
    );
}

/** Trusted tallies. */
export interface ProportionTally {
  hits: number;
  total: number;
  sumOfSquares: number;
  /** Σ rating × weight, when ratings were given. */
  sumOfValues?: number;
}

export interface ProportionSpec {
  metric: string;
  hitKey: string;
  scale: [number, number];
  /** Ratings counted as hits are those >= threshold (or <= threshold when `downward`). */
  threshold: number;
  downward: boolean;
}

/** Validates a threshold option against the scale (INVALID_INPUT outside it or fractional). */
export function checkThreshold(metric: string, name: string, value: number, scale: [number, number]): number {
  if (!Number.isInteger(value) || value < scale[0] || value > scale[1]) {
    throw valueError("INVALID_INPUT", metric, ["options", name], value, `expected an integer within the scale ${scale[0]}-${scale[1]}`);
  }
  return value;
}

export function readOptions<T extends z.ZodMiniObject>(schema: T, options: unknown, metric: string): z.infer<T> {
  if (options === undefined) return {} as z.infer<T>;
  return parseWith(withShallowWeights(schema), options, metric, "options") as z.infer<T>;
}

export function proportionTally(
  input: unknown,
  spec: ProportionSpec,
  weights: ArrayLike<number> | undefined,
  counts: z.ZodMiniType,
): ProportionTally {
  const [min, max] = spec.scale;
  if (isArrayLike(input)) {
    const h = histogram(input, min, max, spec.metric, "ratings", weights);
    let hits = 0;
    for (let v = min; v <= max; v++) {
      if (spec.downward ? v <= spec.threshold : v >= spec.threshold) hits += h.counts[v - min]!;
    }
    return { hits, total: h.total, sumOfSquares: h.sumOfSquares, sumOfValues: h.sumOfValues };
  }
  if (weights !== undefined) {
    throw plainError("INVALID_INPUT", spec.metric, ["options", "weights"], "options.weights applies to ratings, not to counts");
  }
  const c = parseWith(counts, input, spec.metric, "counts") as Record<string, number>;
  return { hits: c[spec.hitKey]!, total: c.total!, sumOfSquares: c.total! };
}

/** The shared part of a CSAT or CES result. */
export interface ProportionCore {
  score: number;
  total: number;
  mean?: number;
}

export function computeProportion(t: ProportionTally, spec: ProportionSpec, decimals: number | undefined): ProportionCore {
  if (!(t.total > 0)) throw emptyError(spec.metric, [], "no responses: the share of nothing is undefined");
  const core: ProportionCore = { score: ratio(t.hits, t.total, 100, decimals), total: t.total };
  if (t.sumOfValues !== undefined) core.mean = ratio(t.sumOfValues, t.total, 1, decimals);
  return core;
}
