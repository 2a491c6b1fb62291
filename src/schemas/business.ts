import * as z from "zod";
import { CHURN_EXPECTED, type BusinessRateOptions, type ChurnInput, type RetentionInput } from "../business/churn.js";
import { CLV_EXPECTED, type ClvFromChurnInput, type ClvInput, type ClvOptions } from "../business/clv.js";
import { COHORT_EXPECTED, type CohortOptions } from "../business/cohorts.js";
import type { HistoricalClvOptions } from "../business/loyalty.js";
import { CUSTOMER_ID_EXPECTED, type Subscription, type Transaction } from "../business/records.js";
import { lossesWithin, REVENUE_EXPECTED, type RevenueChurnInput } from "../business/revenue-churn.js";
import { type ChurnPeriod, PERIOD_EXPECTED } from "../business/subscriptions.js";
import { epochOf } from "../internal/date.js";
import { isMoney, toScaled } from "../internal/money.js";
import { onField, says } from "./issue.js";
import { DateInputSchema, decimalsSchema, MoneySchema, nonNegativeInteger, TimeZoneSchema } from "./shared.js";

// The business calculators' inputs and options. Each message is the calculator's own, taken from the module that
// reads the value, so a schema and its reader cannot drift apart in wording.

/** `{ decimals }`: the options of the business rate calculators and of clv. */
function decimalsOptions() {
  return z.strictObject({ decimals: decimalsSchema.optional() }, says("expected an object"));
}

/** A finite number checked against one range, with the calculator's two messages. */
function rangedNumber([typeExpected, rangeExpected]: readonly [string, string]) {
  return z.number(says(typeExpected)).check(z.gte(0, says(rangeExpected)));
}

/** What `clv` accepts; extra keys are ignored. */
export const ClvInputSchema = /* @__PURE__ */ (() =>
  z.object(
    { annualRevenuePerCustomer: MoneySchema, relationshipYears: rangedNumber(CLV_EXPECTED.years), acquisitionCost: MoneySchema },
    says("expected an object"),
  ) satisfies z.ZodType<ClvInput>)();

/** What `clvFromChurn` accepts: rates are percents per period; extra keys are ignored. */
export const ClvFromChurnInputSchema = /* @__PURE__ */ (() =>
  z.object(
    {
      revenuePerPeriod: MoneySchema,
      churnRate: z
        .number(says(CLV_EXPECTED.churnRate[0]))
        .check(z.gt(0, says(CLV_EXPECTED.churnRate[1])), z.lte(100, says(CLV_EXPECTED.churnRate[1]))),
      grossMargin: rangedNumber(CLV_EXPECTED.grossMargin).check(z.lte(100, says(CLV_EXPECTED.grossMargin[1]))).optional(),
      discountRate: rangedNumber(CLV_EXPECTED.discountRate).optional(),
      acquisitionCost: MoneySchema.optional(),
    },
    says("expected an object"),
  ) satisfies z.ZodType<ClvFromChurnInput>)();

/** Options of `clv` and `clvFromChurn`; unknown keys are refused. */
export const ClvOptionsSchema = /* @__PURE__ */ (() => decimalsOptions() satisfies z.ZodType<ClvOptions>)();

/** What `churnRate` accepts: customer counts with customersLost <= customersAtStart; extra keys are ignored. */
export const ChurnInputSchema = /* @__PURE__ */ (() =>
  z
    .object({ customersAtStart: nonNegativeInteger, customersLost: nonNegativeInteger }, says("expected an object"))
    .check(z.refine((c) => c.customersLost <= c.customersAtStart, onField("customersLost", CHURN_EXPECTED.lost))) satisfies z.ZodType<ChurnInput>)();

/** What `retentionRate` accepts: counts with newCustomers <= customersAtEnd <= customersAtStart + newCustomers. */
export const RetentionInputSchema = /* @__PURE__ */ (() =>
  z
    .object(
      { customersAtStart: nonNegativeInteger, customersAtEnd: nonNegativeInteger, newCustomers: nonNegativeInteger },
      says("expected an object"),
    )
    .check(
      z.refine((c) => c.newCustomers <= c.customersAtEnd, onField("newCustomers", CHURN_EXPECTED.fresh)),
      z.refine((c) => c.customersAtEnd - c.newCustomers <= c.customersAtStart, onField("customersAtEnd", CHURN_EXPECTED.kept)),
    ) satisfies z.ZodType<RetentionInput>)();

/** Options of the business rate calculators; unknown keys are refused. */
export const BusinessRateOptionsSchema = /* @__PURE__ */ (() => decimalsOptions() satisfies z.ZodType<BusinessRateOptions>)();

/** A non-negative amount of money (`"-0"` is zero). */
const nonNegativeMoney = /* @__PURE__ */ (() =>
  MoneySchema.check(z.refine((amount) => !isMoney(amount) || toScaled(amount).units >= 0n, says(REVENUE_EXPECTED.nonNegative))))();

/** What `revenueChurn` accepts: non-negative Money with churnedMrr + contractionMrr <= startingMrr; extra keys are ignored. */
export const RevenueChurnInputSchema = /* @__PURE__ */ (() =>
  z
    .object(
      {
        startingMrr: nonNegativeMoney,
        churnedMrr: nonNegativeMoney,
        contractionMrr: nonNegativeMoney.optional(),
        expansionMrr: nonNegativeMoney.optional(),
        reactivationMrr: nonNegativeMoney.optional(),
      },
      says("expected an object"),
    )
    .check(z.refine(lossesWithin, onField("churnedMrr", REVENUE_EXPECTED.losses))) satisfies z.ZodType<RevenueChurnInput>)();

/** Who a record belongs to: a non-empty string or a finite number. */
const customerIdSchema = /* @__PURE__ */ (() =>
  z.union([z.string(says(CUSTOMER_ID_EXPECTED)).min(1, says(CUSTOMER_ID_EXPECTED)), z.number(says(CUSTOMER_ID_EXPECTED))], says(CUSTOMER_ID_EXPECTED)))();

/**
 * One subscription: active from `startedAt` (inclusive) to `endedAt` (exclusive, on or after startedAt); a missing or
 * null `endedAt` means it is still running. Extra keys are accepted and ignored.
 */
export const SubscriptionSchema = /* @__PURE__ */ (() =>
  z
    .object({ customerId: customerIdSchema, startedAt: DateInputSchema, endedAt: DateInputSchema.nullable().optional() }, says("expected an object"))
    .check(
      z.refine(
        (s) => s.endedAt == null || !(epochOf(s.endedAt) < epochOf(s.startedAt)),
        onField("endedAt", "expected endedAt on or after startedAt"),
      ),
    ) satisfies z.ZodType<Subscription>)();

/** One purchase: who bought, when, and optionally how much. Extra keys are accepted and ignored. */
export const TransactionSchema = /* @__PURE__ */ (() =>
  z.object(
    { customerId: customerIdSchema, at: DateInputSchema, amount: MoneySchema.optional() },
    says("expected an object"),
  ) satisfies z.ZodType<Transaction>)();

/** The half-open period [periodStart, periodEnd) of `churnFromSubscriptions`; unknown keys are refused. */
export const ChurnPeriodSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({ periodStart: DateInputSchema, periodEnd: DateInputSchema }, says(PERIOD_EXPECTED.object))
    .check(z.refine((p) => epochOf(p.periodEnd) > epochOf(p.periodStart), onField("periodEnd", PERIOD_EXPECTED.after))) satisfies z.ZodType<ChurnPeriod>)();

/** Options of `cohortRetention`; unknown keys are refused. */
export const CohortOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    {
      period: z.enum(["day", "week", "month", "quarter", "year"], says(COHORT_EXPECTED.period)),
      asOf: DateInputSchema,
      timeZone: TimeZoneSchema.optional(),
      decimals: decimalsSchema.optional(),
    },
    says(COHORT_EXPECTED.object),
  ) satisfies z.ZodType<CohortOptions>)();

/** Options of `historicalClv`; unknown keys are refused. */
export const HistoricalClvOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject(
    { acquisitionCost: MoneySchema.optional(), decimals: decimalsSchema.optional() },
    says("expected an object"),
  ) satisfies z.ZodType<HistoricalClvOptions>)();
