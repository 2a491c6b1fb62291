import * as z from "zod";
import type { BgBbCustomer, BgBbFitRow, BgBbParams } from "../predictive/bg-bb.js";
import { BG_BB_MAX_OPPORTUNITIES } from "../predictive/bg-bb.js";
import type { BgNbdCustomer, BgNbdFitOptions, BgNbdFitRow } from "../predictive/bg-nbd.js";
import type { PredictiveClvBootstrapOptions } from "../predictive/bootstrap.js";
import type { CumulativeTransactionsOptions } from "../predictive/diagnostics.js";
import type { MbgNbdParams } from "../predictive/mbg-nbd.js";
import type { ParetoNbdParams } from "../predictive/pareto-nbd.js";
import { onField, says } from "./issue.js";
import { DateInputSchema, nonNegativeInteger, TimeZoneSchema } from "./shared.js";

// The newer predictive models' parameters, customers and options, worded as the calculators' readers word them.

const positive = /* @__PURE__ */ (() => z.number(says("expected a finite number > 0")).check(z.gt(0, says("expected a finite number > 0"))))();
const nonNegative = /* @__PURE__ */ (() =>
  z.number(says("expected a finite number >= 0")).check(z.gte(0, says("expected a finite number >= 0"))))();

function integerIn(min: number, max: number) {
  const expected = `expected an integer in [${min}, ${max}]`;
  return z.int(says(expected)).check(z.gte(min, says(expected)), z.lte(max, says(expected)));
}

/** Pareto/NBD parameters `{ r, alpha, s, beta }`, all finite and > 0. */
export const ParetoNbdParamsSchema = /* @__PURE__ */ (() =>
  z.object({ r: positive, alpha: positive, s: positive, beta: positive }, says("expected Pareto/NBD parameters { r, alpha, s, beta }")) satisfies z.ZodType<ParetoNbdParams>)();

/** MBG/NBD parameters `{ r, alpha, a, b }`, all finite and > 0. */
export const MbgNbdParamsSchema = /* @__PURE__ */ (() =>
  z.object({ r: positive, alpha: positive, a: positive, b: positive }, says("expected BG/NBD parameters { r, alpha, a, b }")) satisfies z.ZodType<MbgNbdParams>)();

const summaryShape = { frequency: nonNegativeInteger, recency: nonNegative, T: nonNegative };

function summaryChecks<T extends { frequency: number; recency: number; T: number }>(schema: z.ZodType<T>) {
  return schema.check(
    z.refine((c) => c.recency <= c.T, onField("recency", "expected recency <= T")),
    z.refine((c) => c.frequency > 0 || c.recency === 0, onField("recency", "expected recency 0 when frequency is 0")),
  );
}

/** One customer's `{ frequency, recency, T }` summary, as the Pareto/NBD and MBG/NBD predictions take it. */
export const CustomerSummarySchema = /* @__PURE__ */ (() =>
  summaryChecks(z.object(summaryShape, says("expected an object with frequency, recency and T"))) satisfies z.ZodType<BgNbdCustomer>)();

/** One row `fitParetoNbd` and `fitMbgNbd` fit: a customer summary and an optional weight. */
export const CustomerSummaryFitRowSchema = /* @__PURE__ */ (() =>
  summaryChecks(
    z.object({ ...summaryShape, weight: nonNegative.optional() }, says("expected an object with frequency, recency and T")),
  ) satisfies z.ZodType<Omit<BgNbdFitRow, "weight"> & { weight?: number | undefined }>)();

/** Options of `fitParetoNbd`, `fitMbgNbd` and `fitBgBb`; unknown keys are refused. */
export const PredictiveFitOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    { penalizer: nonNegative.optional(), maxIterations: z.int(says("expected an integer >= 1")).check(z.gte(1, says("expected an integer >= 1"))).optional() },
    says("expected an object"),
  ) satisfies z.ZodType<BgNbdFitOptions>)();

/** BG/BB parameters `{ alpha, beta, gamma, delta }`, all finite and > 0. */
export const BgBbParamsSchema = /* @__PURE__ */ (() =>
  z.object(
    { alpha: positive, beta: positive, gamma: positive, delta: positive },
    says("expected BG/BB parameters { alpha, beta, gamma, delta }"),
  ) satisfies z.ZodType<BgBbParams>)();

const opportunity = /* @__PURE__ */ (() =>
  z
    .int(says("expected a non-negative integer"))
    .check(z.gte(0, says("expected a non-negative integer")), z.lte(BG_BB_MAX_OPPORTUNITIES, says(`expected an integer in [0, ${BG_BB_MAX_OPPORTUNITIES}]`))))();

const bgBbShape = {
  frequency: opportunity,
  recency: opportunity,
  n: opportunity.check(z.gte(1, says(`expected an integer in [1, ${BG_BB_MAX_OPPORTUNITIES}]`))),
};

function bgBbChecks<T extends BgBbCustomer>(schema: z.ZodType<T>) {
  return schema.check(
    z.refine((c) => c.recency <= c.n, onField("recency", "expected recency <= n")),
    z.refine((c) => c.frequency <= c.recency, onField("frequency", "expected frequency <= recency")),
    z.refine((c) => c.frequency > 0 || c.recency === 0, onField("recency", "expected recency 0 when frequency is 0")),
  );
}

/** One BG/BB customer: x = `frequency` transactions in n opportunities, the last at opportunity t_x = `recency`. */
export const BgBbCustomerSchema = /* @__PURE__ */ (() =>
  bgBbChecks(z.object(bgBbShape, says("expected an object with frequency, recency and n"))) satisfies z.ZodType<BgBbCustomer>)();

/** One row `fitBgBb` fits: a BG/BB customer and an optional weight. */
export const BgBbFitRowSchema = /* @__PURE__ */ (() =>
  bgBbChecks(
    z.object({ ...bgBbShape, weight: nonNegative.optional() }, says("expected an object with frequency, recency and n")),
  ) satisfies z.ZodType<Omit<BgBbFitRow, "weight"> & { weight?: number | undefined }>)();

/** Options of `predictiveClvBootstrap`; unknown keys are refused. */
export const PredictiveClvBootstrapOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      horizon: nonNegative,
      steps: z.int(says("expected an integer >= 1")).check(z.gte(1, says("expected an integer >= 1"))).optional(),
      discountRate: nonNegative.optional(),
      margin: nonNegative.optional(),
      replicates: integerIn(2, 10_000).optional(),
      level: z
        .number(says("expected a number strictly between 0 and 1"))
        .check(z.gt(0, says("expected a number strictly between 0 and 1")), z.lt(1, says("expected a number strictly between 0 and 1")))
        .optional(),
      seed: integerIn(0, Number.MAX_SAFE_INTEGER).optional(),
      bgNbd: PredictiveFitOptionsSchema.optional(),
      gammaGamma: PredictiveFitOptionsSchema.optional(),
    },
    says("expected an object with horizon"),
  ) satisfies z.ZodType<PredictiveClvBootstrapOptions>)();

/** Options of `cumulativeTransactions`; unknown keys are refused. */
export const CumulativeTransactionsOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      observationEnd: DateInputSchema,
      unit: z.enum(["day", "week"], says('expected "day" or "week"')).optional(),
      step: integerIn(1, 36_525).optional(),
      timeZone: TimeZoneSchema.optional(),
    },
    says("expected an object with observationEnd"),
  ) satisfies z.ZodType<CumulativeTransactionsOptions>)();
