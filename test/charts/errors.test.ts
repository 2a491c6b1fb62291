// Every refusal of the chart functions: the code and the message naming the field, the index and the value.
import { describe, expect, it } from "vitest";
import * as charts from "../../src/charts/index.js";
import { failure } from "../helpers/errors.js";

const ok = { frequency: [1], recency: [2], probability: [[0.5]] };
const call = (fn: (...a: never[]) => unknown, ...args: unknown[]) => () => (fn as (...a: unknown[]) => unknown)(...args);

const cases: Array<[string, () => unknown, string]> = [
  // Common options
  ["unknown option", call(charts.npsDistributionChart, [9], { colour: "red" }), 'INVALID_INPUT npsDistributionChart: options has unknown key "colour"'],
  ["options not an object", call(charts.npsDistributionChart, [9], 3), "INVALID_INPUT npsDistributionChart: options is 3, expected an object"],
  ["empty title", call(charts.npsDistributionChart, [9], { title: " " }), 'INVALID_INPUT npsDistributionChart: options.title is " ", expected a non-empty string'],
  ["tiny width", call(charts.npsDistributionChart, [9], { width: 10 }), "INVALID_INPUT npsDistributionChart: options.width is 10, expected an integer from 50 to 4000 (pixels)"],
  ["fractional height", call(charts.cohortHeatmap, { cohorts: [] }, { height: 60.5 }), "INVALID_INPUT cohortHeatmap: options.height is 60.5, expected an integer from 50 to 4000 (pixels)"],
  // npsDistributionChart
  ["score above 10", call(charts.npsDistributionChart, [9, 11]), "INVALID_INPUT npsDistributionChart: scores[1] is 11, expected an integer from 0 to 10"],
  ["fractional score", call(charts.npsDistributionChart, [2.5]), "INVALID_INPUT npsDistributionChart: scores[0] is 2.5, expected an integer from 0 to 10"],
  ["string score", call(charts.npsDistributionChart, ["9"]), 'INVALID_INPUT npsDistributionChart: scores[0] is "9", expected an integer from 0 to 10'],
  ["negative score", call(charts.npsDistributionChart, [-1]), "INVALID_INPUT npsDistributionChart: scores[0] is -1, expected an integer from 0 to 10"],
  ["no scores", call(charts.npsDistributionChart, []), "EMPTY_INPUT npsDistributionChart: no response to draw"],
  ["zero counts", call(charts.npsDistributionChart, { promoters: 0, passives: 0, detractors: 0 }), "EMPTY_INPUT npsDistributionChart: no response to draw"],
  ["bad count", call(charts.npsDistributionChart, { promoters: 1.5, passives: 0, detractors: 0 }), "INVALID_INPUT npsDistributionChart: counts.promoters is 1.5, expected a non-negative integer"],
  ["not an input", call(charts.npsDistributionChart, null), "INVALID_INPUT npsDistributionChart: input is null, expected an array of 0-10 scores or { promoters, passives, detractors }"],
  ["throwing getter", call(charts.npsDistributionChart, { get promoters() { throw new Error("boom"); } }), "INVALID_INPUT npsDistributionChart: input could not be read (boom)"],
  // npsBreakdownChart
  ["no groups", call(charts.npsBreakdownChart, []), "EMPTY_INPUT npsBreakdownChart: groups is empty: nothing to draw"],
  ["groups not an array", call(charts.npsBreakdownChart, "chat"), 'INVALID_INPUT npsBreakdownChart: groups is "chat", expected an array'],
  ["group not an object", call(charts.npsBreakdownChart, [null]), "INVALID_INPUT npsBreakdownChart: groups[0] is null, expected an object"],
  ["group without key", call(charts.npsBreakdownChart, [{ result: {} }]), "INVALID_INPUT npsBreakdownChart: groups[0].key is missing, expected a string or a number"],
  ["group without result", call(charts.npsBreakdownChart, [{ key: "a" }]), "INVALID_INPUT npsBreakdownChart: groups[0].result is missing, expected an object"],
  ["score out of range", call(charts.npsBreakdownChart, [{ key: "a", result: { score: 120, promoters: 1, passives: 0, detractors: 0 } }]), "OUT_OF_RANGE npsBreakdownChart: groups[0].result.score is 120, expected a number from -100 to 100"],
  ["NaN score", call(charts.npsBreakdownChart, [{ key: "a", result: { score: Number.NaN, promoters: 1, passives: 0, detractors: 0 } }]), "INVALID_INPUT npsBreakdownChart: groups[0].result.score is NaN, expected a number from -100 to 100"],
  ["negative count", call(charts.npsBreakdownChart, [{ key: "a", result: { score: 0, promoters: 1, passives: -1, detractors: 0 } }]), "OUT_OF_RANGE npsBreakdownChart: groups[0].result.passives is -1, expected a finite number >= 0"],
  ["empty group", call(charts.npsBreakdownChart, [{ key: "a", result: { score: 0, promoters: 0, passives: 0, detractors: 0 } }]), 'EMPTY_INPUT npsBreakdownChart: group "a" has no response to draw'],
  ["infinite key", call(charts.npsBreakdownChart, [{ key: Number.POSITIVE_INFINITY, result: {} }]), "INVALID_INPUT npsBreakdownChart: groups[0].key is Infinity, expected a string or a number"],
  // trendChart
  ["no metric", call(charts.trendChart, [{ period: "a", result: { score: 1, total: 1 } }], {}), "INVALID_INPUT trendChart: options.metric is missing, expected one of 'nps', 'csat', 'ces'"],
  ["no options", call(charts.trendChart, [{ period: "a", result: { score: 1, total: 1 } }]), "INVALID_INPUT trendChart: options.metric is missing, expected one of 'nps', 'csat', 'ces'"],
  ["unknown metric", call(charts.trendChart, [], { metric: "clv" }), `INVALID_INPUT trendChart: options.metric is "clv", expected one of 'nps', 'csat', 'ces'`],
  ["bad threshold", call(charts.trendChart, [], { metric: "nps", minSampleSize: -1 }), "INVALID_INPUT trendChart: options.minSampleSize is -1, expected a non-negative integer"],
  ["bad connectSmall", call(charts.trendChart, [], { metric: "nps", connectSmall: "yes" }), 'INVALID_INPUT trendChart: options.connectSmall is "yes", expected true or false'],
  ["no period", call(charts.trendChart, [], { metric: "nps" }), "EMPTY_INPUT trendChart: series is empty: nothing to draw"],
  ["CSAT above 100", call(charts.trendChart, [{ period: "a", result: { score: 101, total: 1 } }], { metric: "csat" }), "OUT_OF_RANGE trendChart: series[0].result.score is 101, expected a number from 0 to 100"],
  ["negative total", call(charts.trendChart, [{ period: "a", result: { score: 1, total: -2 } }], { metric: "nps" }), "OUT_OF_RANGE trendChart: series[0].result.total is -2, expected a finite number >= 0"],
  ["bad effective size", call(charts.trendChart, [{ period: "a", result: { score: 1, total: 2, effectiveSampleSize: "2" } }], { metric: "nps" }), 'INVALID_INPUT trendChart: series[0].result.effectiveSampleSize is "2", expected a finite number >= 0'],
  ["interval not an object", call(charts.trendChart, [{ period: "a", result: { score: 1, total: 2, confidenceInterval: 3 } }], { metric: "nps" }), "INVALID_INPUT trendChart: series[0].result.confidenceInterval is 3, expected an object"],
  ["interval below the range", call(charts.trendChart, [{ period: "a", result: { score: 1, total: 2, confidenceInterval: { lower: -101, upper: 3 } } }], { metric: "nps" }), "OUT_OF_RANGE trendChart: series[0].result.confidenceInterval.lower is -101, expected a number from -100 to 100"],
  ["interval upside down", call(charts.trendChart, [{ period: "a", result: { score: 1, total: 2, confidenceInterval: { lower: 0, upper: -0.5 } } }], { metric: "nps" }), "OUT_OF_RANGE trendChart: series[0].result.confidenceInterval.upper is -0.5, expected a number from 0 to 100"],
  ["period without a label", call(charts.trendChart, [{ result: {} }], { metric: "nps" }), "INVALID_INPUT trendChart: series[0].period is missing, expected a string or a number"],
  // cohortHeatmap
  ["result not an object", call(charts.cohortHeatmap, []), "INVALID_INPUT cohortHeatmap: result is [], expected an object"],
  ["no cohorts", call(charts.cohortHeatmap, { cohorts: [] }), "EMPTY_INPUT cohortHeatmap: result.cohorts is empty: nothing to draw"],
  ["empty retention", call(charts.cohortHeatmap, { cohorts: [{ cohort: "a", size: 1, retention: [] }] }), "EMPTY_INPUT cohortHeatmap: a's retention is empty: nothing to draw"],
  ["percent above 100", call(charts.cohortHeatmap, { cohorts: [{ cohort: "a", size: 1, retention: [100, 101] }] }), "OUT_OF_RANGE cohortHeatmap: result.cohorts[0].retention[1] is 101, expected a number from 0 to 100"],
  ["negative size", call(charts.cohortHeatmap, { cohorts: [{ cohort: "a", size: -1, retention: [100] }] }), "OUT_OF_RANGE cohortHeatmap: result.cohorts[0].size is -1, expected a finite number >= 0"],
  // responseTimeHistogram
  ["no durations", call(charts.responseTimeHistogram, []), "EMPTY_INPUT responseTimeHistogram: durations is empty: nothing to draw"],
  ["only zeros", call(charts.responseTimeHistogram, [0, 0]), "EMPTY_INPUT responseTimeHistogram: durations are all zero: a log scale has nothing to place"],
  ["negative duration", call(charts.responseTimeHistogram, [1, -1]), "OUT_OF_RANGE responseTimeHistogram: durations[1] is -1, expected a finite number >= 0"],
  ["infinite duration", call(charts.responseTimeHistogram, [Number.POSITIVE_INFINITY]), "OUT_OF_RANGE responseTimeHistogram: durations[0] is Infinity, expected a finite number >= 0"],
  ["null duration", call(charts.responseTimeHistogram, [null]), "INVALID_INPUT responseTimeHistogram: durations[0] is null, expected a finite number >= 0"],
  ["zero bins", call(charts.responseTimeHistogram, [1], { bins: 0 }), "OUT_OF_RANGE responseTimeHistogram: options.bins is 0, expected an integer from 1 to 200"],
  ["too many bins", call(charts.responseTimeHistogram, [1], { bins: 201 }), "OUT_OF_RANGE responseTimeHistogram: options.bins is 201, expected an integer from 1 to 200"],
  ["zero SLA", call(charts.responseTimeHistogram, [1], { sla: 0 }), "OUT_OF_RANGE responseTimeHistogram: options.sla is 0, expected a finite number >= 5e-324"],
  ["unknown unit", call(charts.responseTimeHistogram, [1], { unit: "weeks" }), `INVALID_INPUT responseTimeHistogram: options.unit is "weeks", expected 'milliseconds', 'seconds', 'minutes', 'hours' or 'days'`],
  ["empty measure", call(charts.responseTimeHistogram, [1], { measure: "" }), 'INVALID_INPUT responseTimeHistogram: options.measure is "", expected a non-empty string'],
  // calibrationHoldoutChart
  ["no rows", call(charts.calibrationHoldoutChart, []), "EMPTY_INPUT calibrationHoldoutChart: rows is empty: nothing to draw"],
  ["negative prediction", call(charts.calibrationHoldoutChart, [{ frequency: 0, actual: 0, predicted: -1 }]), "OUT_OF_RANGE calibrationHoldoutChart: rows[0].predicted is -1, expected a finite number >= 0"],
  ["bad customers", call(charts.calibrationHoldoutChart, [{ frequency: 0, actual: 0, predicted: 0, customers: "many" }]), 'INVALID_INPUT calibrationHoldoutChart: rows[0].customers is "many", expected a finite number >= 0'],
  // probabilityAliveChart
  ["matrix not an object", call(charts.probabilityAliveChart, 1), "INVALID_INPUT probabilityAliveChart: matrix is 1, expected an object"],
  ["no recency", call(charts.probabilityAliveChart, { ...ok, recency: [] }), "EMPTY_INPUT probabilityAliveChart: matrix.recency is empty: nothing to draw"],
  ["rows not one per frequency", call(charts.probabilityAliveChart, { ...ok, frequency: [1, 2] }), "INVALID_INPUT probabilityAliveChart: matrix.probability has 1 rows, expected one per frequency (2)"],
  ["row not one per recency", call(charts.probabilityAliveChart, { ...ok, probability: [[0.5, 0.4]] }), "INVALID_INPUT probabilityAliveChart: matrix.probability[0] has 2 values, expected one per recency (1)"],
  ["probability above 1", call(charts.probabilityAliveChart, { ...ok, probability: [[1.5]] }), "OUT_OF_RANGE probabilityAliveChart: matrix.probability[0][0] is 1.5, expected a number from 0 to 1"],
  ["negative T", call(charts.probabilityAliveChart, { ...ok, T: -1 }), "OUT_OF_RANGE probabilityAliveChart: matrix.T is -1, expected a finite number >= 0"],
  ["bad recency", call(charts.probabilityAliveChart, { ...ok, recency: ["x"] }), 'INVALID_INPUT probabilityAliveChart: matrix.recency[0] is "x", expected a finite number >= 0'],
];

describe("chart functions refuse bad input with a CxMetricsError", () => {
  it.each(cases)("%s", (_name, run, expected) => {
    expect(failure(run)).toBe(expected);
  });
});
