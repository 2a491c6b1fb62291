// The public surface of cx-metrics: grouped, hand-written re-exports.

// Errors
export { CxMetricsError } from "./errors.js";
export type { CxMetricsErrorCode, CxMetricsIssue } from "./errors.js";

// Uncertainty carried by survey results
export type { ConfidenceInterval, Uncertainty, NpsIntervalMethod, ProportionIntervalMethod } from "./inference/intervals.js";

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
export type { DateInput, Period } from "./internal/date.js";

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
