// The public surface of cx-metrics: grouped, hand-written re-exports.

// Errors
export { CxMetricsError, isCxMetricsError } from "./errors.js";
export type { CxMetricsErrorCode, CxMetricsIssue } from "./errors.js";

// Uncertainty carried by survey results
export type { ConfidenceInterval, Uncertainty, NpsIntervalMethod, ProportionIntervalMethod } from "./inference/intervals.js";

// Dates, periods and time zones shared by every family
export { DateInputSchema, PeriodSchema, TimeZoneSchema } from "./schemas/shared.js";
export type { DateInput, Period } from "./internal/date.js";

// Survey metrics
export { nps, npsCategory } from "./survey/nps.js";
export type { NpsInput, NpsOptions, NpsResult, NpsCounts } from "./survey/nps.js";
export { csat } from "./survey/csat.js";
export type { CsatInput, CsatOptions, CsatResult, CsatCounts } from "./survey/csat.js";
export { ces } from "./survey/ces.js";
export type { ProportionOptions } from "./internal/proportion.js";
export type { CesInput, CesOptions, CesResult, CesCounts } from "./survey/ces.js";

// Comparisons and sample sizes
export { compareNps, compareProportions } from "./inference/compare.js";
export type { CompareOptions, Comparison, NpsResultLike, ProportionCounts, ProportionResultLike } from "./inference/compare.js";
export { npsSampleSize, proportionSampleSize } from "./inference/sample-size.js";
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
export { MoneySchema } from "./schemas/shared.js";
export type { Money } from "./internal/money.js";
export { clv, clvFromChurn } from "./business/clv.js";
export type { ClvInput, ClvFromChurnInput, ClvOptions, ClvResult } from "./business/clv.js";
export { churnRate, retentionRate, convertChurnRate } from "./business/churn.js";
export type { ChurnInput, RetentionInput, BusinessRateOptions, ChurnResult, RetentionResult } from "./business/churn.js";
export { revenueChurn } from "./business/revenue-churn.js";
export type { RevenueChurnInput, RevenueChurnResult } from "./business/revenue-churn.js";
export type { CustomerId, Subscription, Transaction } from "./business/records.js";
export { churnFromSubscriptions } from "./business/subscriptions.js";
export type { ChurnPeriod, SubscriptionChurnResult } from "./business/subscriptions.js";
export { cohortRetention, MAX_COHORT_ENTRIES } from "./business/cohorts.js";
export type { CohortOptions, Cohort, CohortRetentionResult } from "./business/cohorts.js";
export { repeatCustomerRate, purchaseFrequency, historicalClv } from "./business/loyalty.js";
export type {
  RepeatCustomerRateResult,
  PurchaseFrequencyResult,
  HistoricalClvOptions,
  HistoricalClvResult,
} from "./business/loyalty.js";

// Support metrics: response and resolution times (calendar or business hours), first-contact resolution, reopens
export { firstResponseTime } from "./support/first-response.js";
export type {
  Ticket,
  ResponseTimeOptions,
  ResponseTimeResult,
  ResponseTimeTotalsResult,
  FirstResponseTotals,
  FirstResponseTotalsOptions,
} from "./support/first-response.js";
export { resolutionTime } from "./support/resolution.js";
export type { ResolutionTicket, ResolutionTimeResult } from "./support/resolution.js";
export { firstContactResolutionRate } from "./support/fcr.js";
export type { FirstContactTicket, FirstContactCounts, FirstContactResolutionResult, RateOptions } from "./support/fcr.js";
export { reopenRate } from "./support/reopen.js";
export type { ReopenTicket, ReopenCounts, ReopenRateResult } from "./support/reopen.js";
export { businessDuration } from "./support/business-hours.js";
export type { BusinessCalendar, Weekday } from "./support/business-hours.js";
export { DurationUnitSchema } from "./schemas/shared.js";
export type { DurationUnit } from "./internal/duration.js";

// Every schema of the survey, inference, support and business calculators, also importable from `cx-metrics/schemas` (kept here
// so existing imports keep working; an app that does not use them ships none of them, nor zod).
export {
  NpsInputSchema,
  NpsOptionsSchema,
  NpsCountsSchema,
  NpsScoresSchema,
  CsatInputSchema,
  CsatOptionsSchema,
  CsatCountsSchema,
  CsatRatingsSchema,
  CesInputSchema,
  CesOptionsSchema,
  CesCountsSchema,
  CesRatingsSchema,
  CompareOptionsSchema,
  NpsSampleSizeInputSchema,
  ProportionSampleSizeInputSchema,
  TicketSchema,
  ResponseTimeOptionsSchema,
  FirstResponseTotalsSchema,
  FirstResponseTotalsOptionsSchema,
  ResolutionTicketSchema,
  FirstContactTicketSchema,
  FirstContactCountsSchema,
  RateOptionsSchema,
  ReopenTicketSchema,
  ReopenCountsSchema,
  BusinessCalendarSchema,
  BusinessWindowSchema,
  BusinessDaySchema,
  WeeklyHoursSchema,
  TimeOfDaySchema,
  LocalDateSchema,
  ClvInputSchema,
  ClvFromChurnInputSchema,
  ClvOptionsSchema,
  ChurnInputSchema,
  RetentionInputSchema,
  BusinessRateOptionsSchema,
  RevenueChurnInputSchema,
  SubscriptionSchema,
  TransactionSchema,
  ChurnPeriodSchema,
  CohortOptionsSchema,
  HistoricalClvOptionsSchema,
} from "./schemas/index.js";

// Predictive customer lifetime value
export { rfmSummary, RfmSummaryOptionsSchema, RfmTransactionSchema, CustomerIdSchema } from "./predictive/rfm.js";
export type { RfmCustomer, RfmSummaryOptions, RfmTransaction } from "./predictive/rfm.js";
export {
  fitBgNbd,
  bgNbdExpectedPurchases,
  bgNbdConditionalExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
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
export {
  fitParetoNbd,
  paretoNbdExpectedPurchases,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdProbabilityAlive,
} from "./predictive/pareto-nbd.js";
export type { ParetoNbdParams, ParetoNbdFit } from "./predictive/pareto-nbd.js";
export { fitMbgNbd, mbgNbdExpectedPurchases, mbgNbdConditionalExpectedPurchases, mbgNbdProbabilityAlive } from "./predictive/mbg-nbd.js";
export type { MbgNbdParams, MbgNbdFit } from "./predictive/mbg-nbd.js";
export {
  fitBgBb,
  bgBbExpectedPurchases,
  bgBbConditionalExpectedPurchases,
  bgBbProbabilityAlive,
  BG_BB_MAX_OPPORTUNITIES,
} from "./predictive/bg-bb.js";
export type { BgBbParams, BgBbCustomer, BgBbFitRow, BgBbFit } from "./predictive/bg-bb.js";
export type { ParameterInterval } from "./predictive/shared.js";
export {
  calibrationHoldout,
  probabilityAliveMatrix,
  cumulativeTransactions,
  CumulativeTransactionsOptionsSchema,
  CUMULATIVE_TRANSACTIONS_MAX_DAYS,
} from "./predictive/diagnostics.js";
export type { CumulativeTransactionsOptions, CumulativeTransactionsRow } from "./predictive/diagnostics.js";
export type { CalibrationHoldoutRow as PredictiveCalibrationRow, ProbabilityAliveMatrix as PredictiveAliveMatrix, PurchaseModelFit } from "./predictive/diagnostics.js";
export { predictiveClv, PredictiveClvInputSchema } from "./predictive/clv.js";
export { predictiveClvBootstrap, PredictiveClvBootstrapOptionsSchema, CLV_BOOTSTRAP_MAX_VALUES } from "./predictive/bootstrap.js";
export type { PredictiveClvBootstrap, PredictiveClvBootstrapOptions, PredictiveClvBootstrapCustomer, ClvInterval } from "./predictive/bootstrap.js";
export type { PredictiveClvInput } from "./predictive/clv.js";
