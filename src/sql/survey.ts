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

/**
 * Per-row value and weight of an integer scale, and per-group band sums, extremes and the first fractional value.
 * The bands compare against the cuts alone: a group holding any value off the scale is refused by its extremes or its
 * fractional value before the bands are read, so they never need the scale's own test on every row.
 */
function scalePlan(
  source: ResolvedSource,
  column: string,
  weight: string | undefined,
  cuts: readonly number[],
  values: boolean,
): { rows: Column[]; aggregates: Column[] } {
  const { spec } = source;
  const q = spec.quote;
  const v = q(V);
  const rows: Column[] = [[V, `CAST(${q(column)} AS ${spec.double})`]];
  // The weight of each answered row; NULL for rows without an answer.
  if (weight !== undefined) rows.push([W, `CASE WHEN ${q(column)} IS NOT NULL THEN CAST(${q(weight)} AS ${spec.double}) END`]);
  const w = q(W);
  const amount = (cond: string) => (weight === undefined ? spec.countIf(cond) : `SUM(CASE WHEN ${cond} THEN ${w} END)`);
  const aggregates: Column[] = [];
  for (let b = 0; b <= cuts.length; b++) {
    const parts: string[] = [];
    if (b > 0) parts.push(`${v} >= ${cuts[b - 1]}`);
    if (b < cuts.length) parts.push(`${v} < ${cuts[b]}`);
    aggregates.push([`cx_band_${b + 1}`, amount(parts.join(" AND "))]);
  }
  if (values) aggregates.push(["cx_sum_values", weight === undefined ? `SUM(${v})` : `SUM(${v} * ${w})`]);
  aggregates.push(["cx_min", `MIN(${v})`], ["cx_max", `MAX(${v})`], ["cx_fraction", `MIN(CASE WHEN ${v} <> FLOOR(${v}) THEN ${v} END)`]);
  if (weight !== undefined) {
    aggregates.push(
      ["cx_sum_squares", `SUM(${w} * ${w})`],
      ["cx_answers", `COUNT(${v})`],
      ["cx_weights", `COUNT(${w})`],
      ["cx_min_weight", `MIN(${w})`],
      ["cx_max_weight", `MAX(${w})`],
    );
  }
  return { rows, aggregates };
}

/**
 * The band sums of one group, refusing a value off the scale or a bad weight as the calculator does: the lowest value
 * when it is below the scale, else the highest when it is above, else the lowest fractional one; a NULL weight of an
 * answer, else the lowest weight when negative, else the highest when not finite.
 */
function readBands(
  s: StatsRow,
  bands: number,
  weighted: boolean,
  field: string,
  min: number,
  max: number,
): { bands: number[]; total: number; sumOfSquares: number; sumOfValues: number } {
  const low = s.maybe("cx_min");
  const high = s.maybe("cx_max");
  const fraction = s.maybe("cx_fraction");
  const off = low !== null && low < min ? low : high !== null && high > max ? high : fraction;
  if (off !== null) throw elementError(off, [field], min, max, s.metric);
  if (weighted) {
    const lightest = s.maybe("cx_min_weight");
    const heaviest = s.maybe("cx_max_weight");
    const bad =
      s.sum("cx_weights") < s.sum("cx_answers")
        ? null
        : lightest !== null && lightest < 0
          ? lightest
          : heaviest !== null && !Number.isFinite(heaviest)
            ? heaviest
            : undefined;
    if (bad !== undefined) throw valueError("INVALID_INPUT", s.metric, ["weight"], bad, "expected a finite, non-negative weight");
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
 * const rows = [{ cx_key_1: "chat", cx_count: 3, cx_band_1: 1, cx_band_2: 0, cx_band_3: 2, cx_min: 3, cx_max: 10 }];
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
    const plan = scalePlan(s.source, s.score, s.weight, [7, 9], false);
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
    const plan = scalePlan(s.source, s.rating, s.weight, [cut], true);
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
