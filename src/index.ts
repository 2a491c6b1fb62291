// The public surface of cx-metrics: grouped, hand-written re-exports.

// Errors
export { CxMetricsError } from "./errors.js";
export type { CxMetricsErrorCode, CxMetricsIssue } from "./errors.js";

// Survey metrics
export { nps, npsCategory, NpsInputSchema, NpsOptionsSchema, NpsCountsSchema, NpsScoresSchema } from "./survey/nps.js";
export type { NpsInput, NpsOptions, NpsResult, NpsCounts } from "./survey/nps.js";
export { csat, CsatInputSchema, CsatOptionsSchema, CsatCountsSchema, CsatRatingsSchema } from "./survey/csat.js";
export type { CsatInput, CsatOptions, CsatResult, CsatCounts } from "./survey/csat.js";
export { ces, CesInputSchema, CesOptionsSchema, CesCountsSchema, CesRatingsSchema } from "./survey/ces.js";
export type { CesInput, CesOptions, CesResult, CesCounts } from "./survey/ces.js";
