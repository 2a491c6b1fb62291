// cx-metrics/sql: query builders that compute each group's statistics in the engine and finish them with the
// calculators' own code.

export { DIALECTS } from "./dialect.js";
export type { Dialect } from "./dialect.js";
export type { SqlGroup, SqlKeyValue, SqlPeriod, SqlQuery, SqlRow, SqlSource } from "./query.js";
export { npsQuery, csatQuery, cesQuery } from "./survey.js";
export type { CesQueryOptions, CesQuerySpec, CsatQueryOptions, CsatQuerySpec, NpsQueryOptions, NpsQuerySpec } from "./survey.js";
export { firstResponseTimeQuery, resolutionTimeQuery, firstContactResolutionRateQuery, reopenRateQuery } from "./support.js";
export type {
  DurationQueryOptions,
  FirstContactResolutionRateQuerySpec,
  FirstResponseTimeQuerySpec,
  RateQueryOptions,
  ReopenRateQuerySpec,
  ResolutionTimeQuerySpec,
} from "./support.js";
export { churnFromSubscriptionsQuery, MAX_SERIES_PERIODS } from "./subscriptions.js";
export type { ChurnFromSubscriptionsQuerySpec, ChurnSeries } from "./subscriptions.js";
export { cohortRetentionQuery } from "./cohorts.js";
export type { CohortRetentionQuerySpec } from "./cohorts.js";
