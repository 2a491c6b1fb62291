import * as z from "zod";
import type { CompareOptions } from "../inference/compare.js";
import type { NpsSampleSizeInput, ProportionSampleSizeInput } from "../inference/sample-size.js";
import { onField, says } from "./issue.js";
import { confidenceSchema } from "./shared.js";

const percent = /* @__PURE__ */ (() =>
  z
    .number(says("expected a percent from 0 to 100"))
    .check(z.gte(0, says("expected a percent from 0 to 100")), z.lte(100, says("expected a percent from 0 to 100"))))();
const positive = /* @__PURE__ */ (() =>
  z.number(says("expected a positive number")).check(z.gt(0, says("expected a positive number"))))();

/** Options of `compareNps` and `compareProportions`; unknown keys are refused. */
export const CompareOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ confidence: confidenceSchema.optional() }, says("expected an object")) satisfies z.ZodType<CompareOptions>)();

/** Input of `npsSampleSize`. */
export const NpsSampleSizeInputSchema = /* @__PURE__ */ (() =>
  z
    .strictObject(
      {
        marginOfError: positive,
        confidence: confidenceSchema.optional(),
        expectedPromoterPercent: percent.optional(),
        expectedDetractorPercent: percent.optional(),
      },
      says("expected an object"),
    )
    .check(
      z.refine(
        (i) => (i.expectedPromoterPercent ?? 0) + (i.expectedDetractorPercent ?? 0) <= 100,
        onField("expectedDetractorPercent", "expected promoters and detractors to add up to at most 100"),
      ),
    ) satisfies z.ZodType<NpsSampleSizeInput>)();

/** Input of `proportionSampleSize`. */
export const ProportionSampleSizeInputSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    { marginOfError: positive, confidence: confidenceSchema.optional(), expectedPercent: percent.optional() },
    says("expected an object"),
  ) satisfies z.ZodType<ProportionSampleSizeInput>)();
