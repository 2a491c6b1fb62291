// cx-metrics/charts: Vega-Lite 6 specifications built from results. Pure functions returning plain JSON; nothing here
// renders, so the subpath has no run-time dependency.
export { VEGA_LITE_SCHEMA, PALETTE } from "./spec.js";
export type { VegaLiteSpec, ChartSpec, ChartOptions } from "./spec.js";
export { npsDistributionChart } from "./nps-distribution.js";
export type { NpsDistributionRow } from "./nps-distribution.js";
export { npsBreakdownChart } from "./nps-breakdown.js";
export type { NpsBreakdownGroup, NpsBreakdownRow } from "./nps-breakdown.js";
export { trendChart } from "./trend.js";
export type { TrendMetric, TrendPoint, TrendChartOptions, TrendRow } from "./trend.js";
export { cohortHeatmap } from "./cohort-heatmap.js";
export type { CohortHeatmapInput, CohortCell } from "./cohort-heatmap.js";
export { responseTimeHistogram } from "./response-time-histogram.js";
export type { ResponseTimeHistogramOptions, HistogramBin } from "./response-time-histogram.js";
export { calibrationHoldoutChart } from "./calibration-holdout.js";
export type { CalibrationHoldoutRow, CalibrationPoint } from "./calibration-holdout.js";
export { probabilityAliveChart } from "./probability-alive.js";
export type { ProbabilityAliveMatrix, ProbabilityAliveCell } from "./probability-alive.js";
