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
