// The public surface of cx-metrics: grouped, hand-written re-exports.

// Errors
export { CxMetricsError } from "./errors.js";
export type { CxMetricsErrorCode, CxMetricsIssue } from "./errors.js";

// Uncertainty carried by survey results
export type { ConfidenceInterval, Uncertainty, NpsIntervalMethod, ProportionIntervalMethod } from "./inference/intervals.js";

// Dates, periods and time zones shared by every family
export { DateInputSchema, PeriodSchema, TimeZoneSchema } from "./internal/date.js";
export type { DateInput, Period } from "./internal/date.js";

// Survey metrics
export { nps, npsCategory, NpsInputSchema, NpsOptionsSchema, NpsCountsSchema, NpsScoresSchema } from "./survey/nps.js";
export type { NpsInput, NpsOptions, NpsResult, NpsCounts } from "./survey/nps.js";
export { csat, CsatInputSchema, CsatOptionsSchema, CsatCountsSchema, CsatRatingsSchema } from "./survey/csat.js";
export type { CsatInput, CsatOptions, CsatResult, CsatCounts } from "./survey/csat.js";
export { ces, CesInputSchema, CesOptionsSchema, CesCountsSchema, CesRatingsSchema } from "./survey/ces.js";
export type { CesInput, CesOptions, CesResult, CesCounts } from "./survey/ces.js";

// Comparisons and sample sizes
export { compareNps, compareProportions, CompareOptionsSchema } from "./inference/compare.js";
export type { CompareOptions, Comparison, NpsResultLike, ProportionCounts, ProportionResultLike } from "./inference/compare.js";
export { npsSampleSize, proportionSampleSize, NpsSampleSizeInputSchema, ProportionSampleSizeInputSchema } from "./inference/sample-size.js";
export type { NpsSampleSizeInput, ProportionSampleSizeInput } from "./inference/sample-size.js";

// Segments and periods
export { groupBy, byPeriod } from "./segment/group.js";
export type { Group, PeriodGroup, ByPeriodOptions } from "./segment/group.js";

// Mergeable accumulators
export { createNpsAccumulator, createCsatAccumulator, createCesAccumulator } from "./stream/survey.js";
export type {
  NpsAccumulator,
  NpsAccumulatorState,
  CsatAccumulator,
  CesAccumulator,
  CsatAccumulatorOptions,
  CesAccumulatorOptions,
  ProportionAccumulator,
  ProportionAccumulatorState,
  AccumulatorResultOptions,
} from "./stream/survey.js";

// Business metrics: money, customer lifetime value, churn, retention, cohorts and repeat purchases
export { MoneySchema } from "./internal/money.js";
export type { Money } from "./internal/money.js";
export { clv, clvFromChurn, ClvInputSchema, ClvFromChurnInputSchema, ClvOptionsSchema } from "./business/clv.js";
export type { ClvInput, ClvFromChurnInput, ClvOptions, ClvResult } from "./business/clv.js";
export {
  churnRate,
  retentionRate,
  convertChurnRate,
  ChurnInputSchema,
  RetentionInputSchema,
  BusinessRateOptionsSchema,
} from "./business/churn.js";
export type { ChurnInput, RetentionInput, BusinessRateOptions, ChurnResult, RetentionResult } from "./business/churn.js";
export { revenueChurn, RevenueChurnInputSchema } from "./business/revenue-churn.js";
export type { RevenueChurnInput, RevenueChurnResult } from "./business/revenue-churn.js";
export { SubscriptionSchema, TransactionSchema } from "./business/records.js";
export type { CustomerId, Subscription, Transaction } from "./business/records.js";
export { churnFromSubscriptions, ChurnPeriodSchema } from "./business/subscriptions.js";
export type { ChurnPeriod, SubscriptionChurnResult } from "./business/subscriptions.js";
export { cohortRetention, CohortOptionsSchema } from "./business/cohorts.js";
export type { CohortOptions, Cohort, CohortRetentionResult } from "./business/cohorts.js";
export {
  repeatCustomerRate,
  purchaseFrequency,
  historicalClv,
  HistoricalClvOptionsSchema,
} from "./business/loyalty.js";
export type {
  RepeatCustomerRateResult,
  PurchaseFrequencyResult,
  HistoricalClvOptions,
  HistoricalClvResult,
} from "./business/loyalty.js";
