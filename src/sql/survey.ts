import { readOptions } from "../internal/check.js";
import type { ProportionResultOptions, ProportionSpec } from "../internal/proportion.js";
import { elementError } from "../internal/tally.js";
import { valueError } from "../internal/fail.js";
import { type CesOptions, type CesResult, cesSpec, computeCes, optionCheckers as cesCheckers } from "../survey/ces.js";
import { type CsatOptions, type CsatResult, computeCsat, csatSpec, optionCheckers as csatCheckers } from "../survey/csat.js";
import { computeNps, type NpsOptions, type NpsResult, optionCheckers as npsCheckers } from "../survey/nps.js";
import { checkIdentifier } from "./dialect.js";
import {
  buildQuery,
  builder,
  type Column,
  Params,
  type ResolvedSource,
  readSpec,
  type SqlPeriod,
  type SqlQuery,
  type SqlSource,
  type StatsRow,
} from "./query.js";

/** What {@link npsQuery} reads: the source, the score column, an optional weight column and period. */
export interface NpsQuerySpec extends SqlSource {
  /** The column holding each answer's 0-10 score (integer, decimal, float or text); NULL is no answer. */
  score: string;
  /** A column of non-negative weights, one per answer. */
  weight?: string;
  /** Local calendar periods: one result per period. */
  period?: SqlPeriod;
}

/** What {@link csatQuery} reads. */
export interface CsatQuerySpec extends SqlSource {
  /** The column holding each rating on the scale (integer, decimal, float or text); NULL is no answer. */
  rating: string;
  /** A column of non-negative weights, one per rating. */
  weight?: string;
  /** Local calendar periods: one result per period. */
  period?: SqlPeriod;
}

/** What {@link cesQuery} reads. */
export type CesQuerySpec = CsatQuerySpec;

/** The options of {@link npsQuery}: those of `nps`, the weights coming from the `weight` column. */
export type NpsQueryOptions = Omit<NpsOptions, "weights">;
/** The options of {@link csatQuery}: those of `csat`, the weights coming from the `weight` column. */
export type CsatQueryOptions = Omit<CsatOptions, "weights">;
/** The options of {@link cesQuery}: those of `ces`, the weights coming from the `weight` column. */
export type CesQueryOptions = Omit<CesOptions, "weights">;

const V = "cx_v";
const W = "cx_w";

/** Per-row value and weight of an integer scale, and per-group band sums with the first value off the scale. */
function scalePlan(
  source: ResolvedSource,
  column: string,
  weight: string | undefined,
  min: number,
  max: number,
  cuts: readonly number[],
): { rows: Column[]; aggregates: Column[] } {
  const { spec } = source;
  const q = spec.quote;
  const v = q(V);
  const w = q(W);
  const rows: Column[] = [[V, `CAST(${q(column)} AS ${spec.double})`]];
  if (weight !== undefined) rows.push([W, `CAST(${q(weight)} AS ${spec.double})`]);
  const valid = `${v} >= ${min} AND ${v} <= ${max} AND ${v} = FLOOR(${v})`;
  const amount = (cond: string, what: string) =>
    weight === undefined ? `COUNT(CASE WHEN ${cond} THEN 1 END)` : `SUM(CASE WHEN ${cond} THEN ${what} END)`;
  const bounds = [Number.NEGATIVE_INFINITY, ...cuts, Number.POSITIVE_INFINITY];
  const aggregates: Column[] = [];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const parts = [valid];
    if (bounds[b]! > min) parts.push(`${v} >= ${bounds[b]}`);
    if (bounds[b + 1]! <= max) parts.push(`${v} < ${bounds[b + 1]}`);
    aggregates.push([`cx_band_${b + 1}`, amount(parts.join(" AND "), w)]);
  }
  aggregates.push([`cx_sum_values`, `SUM(CASE WHEN ${valid} THEN ${weight === undefined ? v : `${v} * ${w}`} END)`]);
  if (weight !== undefined) aggregates.push([`cx_sum_squares`, `SUM(CASE WHEN ${valid} THEN ${w} * ${w} END)`]);
  const off = `${v} IS NOT NULL AND NOT (${valid})`;
  aggregates.push([`cx_off_scale`, `COUNT(CASE WHEN ${off} THEN 1 END)`]);
  aggregates.push([`cx_off_scale_value`, `MIN(CASE WHEN ${off} THEN ${v} END)`]);
  if (weight !== undefined) {
    const badWeight = `${v} IS NOT NULL AND (${w} IS NULL OR NOT (${w} >= 0 AND ${w} * 0 = 0))`;
    aggregates.push([`cx_bad_weight`, `COUNT(CASE WHEN ${badWeight} THEN 1 END)`]);
    aggregates.push([`cx_bad_weight_value`, `MIN(CASE WHEN ${badWeight} THEN ${w} END)`]);
  }
  return { rows, aggregates };
}

/** The band sums of one group, refusing a value off the scale or a bad weight as the calculator does. */
function readBands(
  s: StatsRow,
  bands: number,
  weighted: boolean,
  field: string,
  min: number,
  max: number,
): { bands: number[]; total: number; sumOfSquares: number; sumOfValues: number } {
  if (s.sum("cx_off_scale") > 0) throw elementError(s.maybe("cx_off_scale_value"), [field], min, max, s.metric);
  if (weighted && s.sum("cx_bad_weight") > 0) {
    throw valueError("INVALID_INPUT", s.metric, ["weight"], s.maybe("cx_bad_weight_value"), "expected a finite, non-negative weight");
  }
  const values: number[] = [];
  let total = 0;
  for (let b = 1; b <= bands; b++) {
    const x = s.sum(`cx_band_${b}`);
    values.push(x);
    // Summed band by band, low to high, as the calculators sum them.
    total += x;
  }
  return { bands: values, total, sumOfSquares: weighted ? s.sum("cx_sum_squares") : total, sumOfValues: s.sum("cx_sum_values") };
}

const optionalColumn = checkIdentifier;

/**
 * The Net Promoter Score per segment and period, computed where the data lives: the engine counts promoters, passives
 * and detractors (or sums their weights), and `results` finishes each group with `nps`'s own code.
 *
 * NPS = 100 × (promoters − detractors) / responses, with the same interval, rounding and errors as `nps`.
 *
 * @param spec - `dialect`, `from`, `score`, optional `by`, `period`, `weight`, `inputTimeZone`
 * @param options - the options of `nps` (`decimals`, `confidence`, `interval`)
 * @returns the statement, its parameters and `results(rows)`
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for an unknown dialect, a bad name or option; `results` throws
 *   `EMPTY_INPUT` for a group without answers and `OUT_OF_RANGE` for a score off 0-10, as `nps` does
 *
 * @example
 * ```ts
 * import { npsQuery } from "cx-metrics/sql";
 * const q = npsQuery({ dialect: "postgres", from: "survey_responses", score: "nps", by: ["channel"] });
 * const rows = [{ cx_key_1: "chat", cx_count: 3, cx_band_1: 1, cx_band_2: 0, cx_band_3: 2, cx_sum_values: 25, cx_off_scale: 0, cx_off_scale_value: null }];
 * console.log(q.results(rows).map((g) => `${g.key.channel}: ${g.result.score.toFixed(1)}`).join(", "));
 * // => chat: 33.3
 * ```
 */
export function npsQuery(spec: NpsQuerySpec, options?: NpsQueryOptions): SqlQuery<NpsResult> {
  const metric = "nps";
  return builder(metric, () => {
    const { weights: _weights, ...checkers } = npsCheckers;
    const opts = readOptions<NpsQueryOptions>(options, metric, checkers);
    const s = readSpec<{ score: string; weight?: string }>(spec, metric, { score: checkIdentifier, weight: optionalColumn }, ["score"]);
    const params = new Params(s.source.spec);
    const weighted = s.weight !== undefined;
    const plan = scalePlan(s.source, s.score, s.weight, 0, 10, [7, 9]);
    return buildQuery(s.source, params, { metric, ...plan }, (row) => {
      const t = readBands(row, 3, weighted, "score", 0, 10);
      const [detractors, passives, promoters] = t.bands as [number, number, number];
      return computeNps({ promoters, passives, detractors, total: t.total, sumOfSquares: t.sumOfSquares }, opts);
    });
  });
}

function proportionQuery<O extends CsatQueryOptions | CesQueryOptions, R>(
  metric: "csat" | "ces",
  spec: CsatQuerySpec,
  options: O | undefined,
  checkers: Record<string, unknown>,
  resolve: (options: O) => ProportionSpec,
  compute: (t: { hits: number; total: number; sumOfSquares: number; sumOfValues: number }, spec: ProportionSpec, o: ProportionResultOptions) => R,
): SqlQuery<R> {
  return builder(metric, () => {
    const { weights: _weights, ...rest } = checkers;
    const opts = readOptions<O>(options, metric, rest as never);
    const p = resolve(opts);
    const s = readSpec<{ rating: string; weight?: string }>(spec, metric, { rating: checkIdentifier, weight: optionalColumn }, ["rating"]);
    const params = new Params(s.source.spec);
    const [min, max] = p.scale;
    const cut = p.downward ? p.threshold + 1 : p.threshold;
    const weighted = s.weight !== undefined;
    const plan = scalePlan(s.source, s.rating, s.weight, min, max, [cut]);
    return buildQuery(s.source, params, { metric, ...plan }, (row) => {
      const t = readBands(row, 2, weighted, "rating", min, max);
      const [low, high] = t.bands as [number, number];
      return compute({ hits: p.downward ? low : high, total: t.total, sumOfSquares: t.sumOfSquares, sumOfValues: t.sumOfValues }, p, opts);
    });
  });
}

/**
 * Customer satisfaction per segment and period, computed where the data lives: the engine counts satisfied ratings
 * (or sums their weights), and `results` finishes each group with `csat`'s own code.
 *
 * CSAT = 100 × satisfied / responses, satisfied meaning a rating of `satisfiedFrom` or more on the scale.
 *
 * @param spec - `dialect`, `from`, `rating`, optional `by`, `period`, `weight`, `inputTimeZone`
 * @param options - the options of `csat` (`scale`, `satisfiedFrom`, `decimals`, `confidence`, `interval`)
 * @returns the statement, its parameters and `results(rows)`
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for an unknown dialect, a bad name or option; `results` throws
 *   `EMPTY_INPUT` for a group without ratings and `OUT_OF_RANGE` for a rating off the scale, as `csat` does
 *
 * @example
 * ```ts
 * import { csatQuery } from "cx-metrics/sql";
 * const q = csatQuery({ dialect: "duckdb", from: "analytics.ratings", rating: "stars" });
 * console.log(q.text.split("\n")[0]);
 * // => -- cx-metrics 0.1.0: csat
 * ```
 */
export function csatQuery(spec: CsatQuerySpec, options?: CsatQueryOptions): SqlQuery<CsatResult> {
  return proportionQuery("csat", spec, options, csatCheckers, csatSpec, computeCsat);
}

/**
 * Customer effort per segment and period, computed where the data lives: the engine counts easy answers (or sums
 * their weights), and `results` finishes each group with `ces`'s own code.
 *
 * CES = 100 × easy answers / responses, easy meaning a rating past `agreeFrom` on the easy side of the scale.
 *
 * @param spec - `dialect`, `from`, `rating`, optional `by`, `period`, `weight`, `inputTimeZone`
 * @param options - the options of `ces` (`scale`, `agreeFrom`, `lowerIsEasier`, `decimals`, `confidence`, `interval`)
 * @returns the statement, its parameters and `results(rows)`
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for an unknown dialect, a bad name or option; `results` throws
 *   `EMPTY_INPUT` for a group without ratings and `OUT_OF_RANGE` for a rating off the scale, as `ces` does
 *
 * @example
 * ```ts
 * import { cesQuery } from "cx-metrics/sql";
 * const q = cesQuery({ dialect: "bigquery", from: "cx.effort", rating: "effort", by: ["team"] }, { scale: [1, 7] });
 * console.log(q.params.length, q.text.includes("`team`"));
 * // => 0 true
 * ```
 */
export function cesQuery(spec: CesQuerySpec, options?: CesQueryOptions): SqlQuery<CesResult> {
  return proportionQuery("ces", spec, options, cesCheckers, cesSpec, computeCes);
}
