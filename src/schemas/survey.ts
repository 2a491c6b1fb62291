import * as z from "zod";
import { withinScale } from "../internal/proportion.js";
import type { CesCounts, CesInput, CesOptions } from "../survey/ces.js";
import type { CsatCounts, CsatInput, CsatOptions } from "../survey/csat.js";
import type { NpsCounts, NpsInput, NpsOptions } from "../survey/nps.js";
import { onField, says } from "./issue.js";
import { confidenceSchema, decimalsSchema, integerArraySchema, nonNegativeInteger, scaleSchema, weightsSchema } from "./shared.js";

/** The counts form of an NPS input: how many promoters, passives and detractors answered. */
export const NpsCountsSchema = /* @__PURE__ */ (() =>
  z.object(
    { promoters: nonNegativeInteger, passives: nonNegativeInteger, detractors: nonNegativeInteger },
    says("expected { promoters, passives, detractors }"),
  ) satisfies z.ZodType<NpsCounts>)();

/** Answers to "how likely are you to recommend us?": integers from 0 to 10, in an array or a typed array. */
export const NpsScoresSchema = /* @__PURE__ */ (() => integerArraySchema(0, 10))();

/** What `nps` accepts: an array-like of 0-10 scores, or the counts of each category. */
export const NpsInputSchema = /* @__PURE__ */ (() =>
  z.union([NpsScoresSchema, NpsCountsSchema], says("expected an array of scores or { promoters, passives, detractors }")) satisfies z.ZodType<NpsInput>)();

/** Options of `nps`; unknown keys are refused so typos surface. */
export const NpsOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      weights: weightsSchema.optional(),
      decimals: decimalsSchema.optional(),
      confidence: confidenceSchema.optional(),
      interval: z.enum(["wald", "adjusted-wald"], says("expected one of 'wald', 'adjusted-wald'")).optional(),
    },
    says("expected an object"),
  ) satisfies z.ZodType<NpsOptions>)();

/** `{ [hitKey]: n, total: n }` with hits <= total, both non-negative integers. */
function countsSchema<K extends string>(hitKey: K) {
  return z
    .object({ [hitKey]: nonNegativeInteger, total: nonNegativeInteger } as Record<K | "total", typeof nonNegativeInteger>, says(`expected { ${hitKey}, total }`))
    .check(z.refine((c) => (c as Record<string, number>)[hitKey]! <= (c as Record<string, number>).total!, onField(hitKey, `expected ${hitKey} <= total`)));
}

/** Options common to the share-of-ratings metrics. */
const proportionOptionsShape = /* @__PURE__ */ (() => ({
  scale: scaleSchema.optional(),
  weights: weightsSchema.optional(),
  decimals: decimalsSchema.optional(),
  confidence: confidenceSchema.optional(),
  interval: z.enum(["wilson", "wald"], says("expected one of 'wilson', 'wald'")).optional(),
}))();

/** A threshold option that must lie on the scale (default 1-5). */
function thresholdWithin<K extends string>(key: K) {
  return z.refine<{ scale?: [number, number] | undefined }>((o) => {
    const threshold = (o as Record<string, unknown>)[key];
    return threshold === undefined || withinScale(threshold as number, o.scale ?? [1, 5]);
  }, onField(key, "expected an integer within the scale"));
}

/** The counts form of a CSAT input: satisfied responses out of all responses. */
export const CsatCountsSchema = /* @__PURE__ */ (() => countsSchema("satisfied") satisfies z.ZodType<CsatCounts>)();

/** Satisfaction ratings: integers in an array or a typed array (the scale, an option, bounds them further). */
export const CsatRatingsSchema = /* @__PURE__ */ (() => integerArraySchema(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER))();

/** What `csat` accepts: an array-like of ratings or the counts. */
export const CsatInputSchema = /* @__PURE__ */ (() =>
  z.union([CsatRatingsSchema, CsatCountsSchema], says("expected an array of ratings or { satisfied, total }")) satisfies z.ZodType<CsatInput>)();

/** Options of `csat`; unknown keys are refused. */
export const CsatOptionsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({ ...proportionOptionsShape, satisfiedFrom: z.int(says("expected an integer")).optional() }, says("expected an object"))
    .check(thresholdWithin("satisfiedFrom")) satisfies z.ZodType<CsatOptions>)();

/** The counts form of a CES input: responses that found it easy out of all responses. */
export const CesCountsSchema = /* @__PURE__ */ (() => countsSchema("agree") satisfies z.ZodType<CesCounts>)();

/** Effort ratings: integers in an array or a typed array (the scale, an option, bounds them further). */
export const CesRatingsSchema = /* @__PURE__ */ (() => integerArraySchema(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER))();

/** What `ces` accepts: an array-like of ratings or the counts. */
export const CesInputSchema = /* @__PURE__ */ (() =>
  z.union([CesRatingsSchema, CesCountsSchema], says("expected an array of ratings or { agree, total }")) satisfies z.ZodType<CesInput>)();

/** Options of `ces`; unknown keys are refused. */
export const CesOptionsSchema = /* @__PURE__ */ (() =>
  z
    .strictObject(
      {
        ...proportionOptionsShape,
        agreeFrom: z.int(says("expected an integer")).optional(),
        lowerIsEasier: z.boolean(says("expected true or false")).optional(),
      },
      says("expected an object"),
    )
    .check(thresholdWithin("agreeFrom")) satisfies z.ZodType<CesOptions>)();
