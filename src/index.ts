// The public surface of cx-metrics: grouped, hand-written re-exports.

// Errors
export { CxMetricsError, isCxMetricsError } from "./errors.js";
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
export { createResponseTimeAccumulator } from "./stream/response-time.js";
export type {
  ResponseTimeAccumulator,
  ResponseTimeAccumulatorOptions,
  ResponseTimeAccumulatorState,
  ResponseTimeMeasure,
} from "./stream/response-time.js";
export type { SketchState } from "./internal/sketch.js";
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
export { cohortRetention, CohortOptionsSchema, MAX_COHORT_ENTRIES } from "./business/cohorts.js";
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

// Support metrics: response and resolution times (calendar or business hours), first-contact resolution, reopens
export {
  firstResponseTime,
  TicketSchema,
  ResponseTimeOptionsSchema,
  FirstResponseTotalsSchema,
  FirstResponseTotalsOptionsSchema,
} from "./support/first-response.js";
export type {
  Ticket,
  ResponseTimeOptions,
  ResponseTimeResult,
  ResponseTimeTotalsResult,
  FirstResponseTotals,
  FirstResponseTotalsOptions,
} from "./support/first-response.js";
export { resolutionTime, ResolutionTicketSchema } from "./support/resolution.js";
export type { ResolutionTicket, ResolutionTimeResult } from "./support/resolution.js";
export {
  firstContactResolutionRate,
  FirstContactTicketSchema,
  FirstContactCountsSchema,
  RateOptionsSchema,
} from "./support/fcr.js";
export type { FirstContactTicket, FirstContactCounts, FirstContactResolutionResult, RateOptions } from "./support/fcr.js";
export { reopenRate, ReopenTicketSchema, ReopenCountsSchema } from "./support/reopen.js";
export type { ReopenTicket, ReopenCounts, ReopenRateResult } from "./support/reopen.js";
export {
  businessDuration,
  BusinessCalendarSchema,
  BusinessWindowSchema,
  BusinessDaySchema,
  WeeklyHoursSchema,
  TimeOfDaySchema,
  LocalDateSchema,
} from "./support/business-hours.js";
export type { BusinessCalendar, Weekday } from "./support/business-hours.js";
export { DurationUnitSchema } from "./internal/duration.js";
export type { DurationUnit } from "./internal/duration.js";

// Predictive customer lifetime value
export { rfmSummary, RfmSummaryOptionsSchema, RfmTransactionSchema, CustomerIdSchema } from "./predictive/rfm.js";
export type { RfmCustomer, RfmSummaryOptions, RfmTransaction } from "./predictive/rfm.js";
export {
  fitBgNbd,
  bgNbdExpectedPurchases,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  BgNbdParamsSchema,
  BgNbdCustomerSchema,
  BgNbdFitRowSchema,
  BgNbdFitInputSchema,
  BgNbdFitOptionsSchema,
} from "./predictive/bg-nbd.js";
export type { BgNbdParams, BgNbdCustomer, BgNbdFitRow, BgNbdFitOptions, BgNbdFit } from "./predictive/bg-nbd.js";
export {
  fitGammaGamma,
  gammaGammaExpectedSpend,
  GammaGammaParamsSchema,
  GammaGammaFitRowSchema,
  GammaGammaFitInputSchema,
  GammaGammaFitOptionsSchema,
  GammaGammaCustomerSchema,
} from "./predictive/gamma-gamma.js";
export type { GammaGammaParams, GammaGammaFitRow, GammaGammaFitOptions, GammaGammaCustomer, GammaGammaFit } from "./predictive/gamma-gamma.js";
export { fitShiftedBetaGeometric, sbgSurvival, sbgRetentionRate, SbgParamsSchema, SbgSurvivorsSchema, SbgFitOptionsSchema } from "./predictive/sbg.js";
export type { SbgParams, SbgFitOptions, SbgFit } from "./predictive/sbg.js";
export { predictiveClv, PredictiveClvInputSchema } from "./predictive/clv.js";
export type { PredictiveClvInput } from "./predictive/clv.js";
