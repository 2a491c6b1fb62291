// cx-metrics/schemas: the zod schemas of every calculator's input and options, in classic zod so that an app can
// compose them (`.optional()`, `.extend()`, `z.object({ options: NpsOptionsSchema })`), turn them into JSON Schema with
// `z.toJSONSchema`, or hand them to any Standard Schema consumer. The calculators never import this module: they read
// their input with hand-written readers that property tests prove equal to these schemas.

// Shared building blocks: money, instants, time zones, periods, units
export { DateInputSchema, DurationUnitSchema, MoneySchema, PeriodSchema, TimeZoneSchema } from "./shared.js";

// Survey metrics
export {
  CesCountsSchema,
  CesInputSchema,
  CesOptionsSchema,
  CesRatingsSchema,
  CsatCountsSchema,
  CsatInputSchema,
  CsatOptionsSchema,
  CsatRatingsSchema,
  NpsCountsSchema,
  NpsInputSchema,
  NpsOptionsSchema,
  NpsScoresSchema,
} from "./survey.js";

// Comparisons and sample sizes
export { CompareOptionsSchema, NpsSampleSizeInputSchema, ProportionSampleSizeInputSchema } from "./inference.js";

// Support metrics
export {
  BusinessCalendarSchema,
  BusinessDaySchema,
  BusinessWindowSchema,
  FirstContactCountsSchema,
  FirstContactTicketSchema,
  FirstResponseTotalsOptionsSchema,
  FirstResponseTotalsSchema,
  LocalDateSchema,
  ReopenCountsSchema,
  ReopenTicketSchema,
  ResolutionTicketSchema,
  RateOptionsSchema,
  ResponseTimeOptionsSchema,
  TicketSchema,
  TimeOfDaySchema,
  WeeklyHoursSchema,
} from "./support.js";

// Business metrics
export {
  BusinessRateOptionsSchema,
  ChurnInputSchema,
  ChurnPeriodSchema,
  ClvFromChurnInputSchema,
  ClvInputSchema,
  ClvOptionsSchema,
  CohortOptionsSchema,
  HistoricalClvOptionsSchema,
  RetentionInputSchema,
  RevenueChurnInputSchema,
  SubscriptionSchema,
  TransactionSchema,
} from "./business.js";

// Predictive models: Pareto/NBD, MBG/NBD, BG/BB, the CLV bootstrap and the tracking diagnostic
export {
  BgBbCustomerSchema,
  BgBbFitRowSchema,
  BgBbParamsSchema,
  CumulativeTransactionsOptionsSchema,
  CustomerSummaryFitRowSchema,
  CustomerSummarySchema,
  MbgNbdParamsSchema,
  ParetoNbdParamsSchema,
  PredictiveClvBootstrapOptionsSchema,
  PredictiveFitOptionsSchema,
} from "./predictive.js";
