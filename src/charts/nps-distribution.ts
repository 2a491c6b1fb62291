import { readCounts } from "../internal/check.js";
import { emptyError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { isArrayLike } from "../internal/check.js";
import { type NpsCounts, nps } from "../survey/nps.js";
import { type ChartOptions, type ChartSpec, chartSpec, PALETTE, plural, readChartOptions, shown } from "./spec.js";

const METRIC = "npsDistributionChart";

/** The three NPS groups in the order the charts stack and list them, with their colours. */
export const NPS_GROUPS = [
  { key: "detractors", label: "Detractors (0-6)", color: PALETTE.vermillion },
  { key: "passives", label: "Passives (7-8)", color: PALETTE.grey },
  { key: "promoters", label: "Promoters (9-10)", color: PALETTE.blue },
] as const;

/** The colour scale of the three NPS groups, shared by the charts that show them. */
export function npsGroupScale(): { domain: string[]; range: string[] } {
  return { domain: NPS_GROUPS.map((g) => g.label), range: NPS_GROUPS.map((g) => g.color) };
}

/** One bar of {@link npsDistributionChart}: a score (or a group, from counts), its count and its group. */
export interface NpsDistributionRow {
  /** `'0'` to `'10'`, or the group's label when the chart was drawn from counts. */
  score: string;
  /** Responses with that score. */
  count: number;
  /** `'Detractors (0-6)'`, `'Passives (7-8)'` or `'Promoters (9-10)'`. */
  group: string;
}

function groupOf(score: number): (typeof NPS_GROUPS)[number] {
  return score <= 6 ? NPS_GROUPS[0] : score <= 8 ? NPS_GROUPS[1] : NPS_GROUPS[2];
}

/**
 * A bar chart of the answers to the 0-10 recommendation question: one bar per score (all eleven, empty ones too)
 * coloured by group, detractors (0-6) vermillion, passives (7-8) grey, promoters (9-10) blue; or, from counts, one bar
 * per group. The title carries the NPS, computed by `nps`: % promoters − % detractors.
 *
 * @param input - the 0-10 scores (an array or a typed array), or the counts `{ promoters, passives, detractors }`
 * @param options - `title`, `width`, `height`
 * @returns a Vega-Lite 6 specification with the counts inline
 * @throws `CxMetricsError` `INVALID_INPUT` for a score that is not an integer from 0 to 10, bad counts or options;
 *   `EMPTY_INPUT` with no answer
 *
 * @example
 * ```ts
 * import { npsDistributionChart } from "cx-metrics/charts";
 * const spec = npsDistributionChart([10, 9, 9, 8, 7, 6, 3, 10]);
 * console.log(spec.title.text);
 * // => NPS 25 from 8 responses
 * console.log(spec.data.values.length, spec.data.values[10]);
 * // => 11 { score: '10', count: 2, group: 'Promoters (9-10)' }
 * ```
 */
export function npsDistributionChart(
  input: ArrayLike<number> | NpsCounts,
  options?: ChartOptions,
): ChartSpec<NpsDistributionRow> {
  return guard(METRIC, () => {
    const opts = readChartOptions<ChartOptions>(options, METRIC, {});
    const values: NpsDistributionRow[] = [];
    let counts: NpsCounts;
    if (isArrayLike(input)) {
      const tally = new Array<number>(11).fill(0);
      for (let i = 0; i < input.length; i++) {
        const s = input[i];
        if (typeof s !== "number" || !Number.isInteger(s) || s < 0 || s > 10) {
          throw valueError("INVALID_INPUT", METRIC, ["scores", i], s, "expected an integer from 0 to 10");
        }
        tally[s]!++;
      }
      for (let s = 0; s <= 10; s++) values.push({ score: String(s), count: tally[s]!, group: groupOf(s).label });
      counts = { detractors: sum(tally, 0, 7), passives: sum(tally, 7, 9), promoters: sum(tally, 9, 11) };
    } else {
      if (typeof input !== "object" || input === null) {
        throw valueError("INVALID_INPUT", METRIC, ["input"], input, "expected an array of 0-10 scores or { promoters, passives, detractors }");
      }
      counts = readCounts(input, ["promoters", "passives", "detractors"], METRIC);
      for (const g of NPS_GROUPS) values.push({ score: g.label, count: counts[g.key], group: g.label });
    }
    const total = counts.promoters + counts.passives + counts.detractors;
    if (total === 0) throw emptyError(METRIC, [isArrayLike(input) ? "scores" : "counts"], "no response to draw");
    const score = nps(counts).score;
    const byScore = values.length === 11;
    return chartSpec(
      opts,
      {
        title: `NPS ${shown(score)} from ${plural(total, "response", "responses")}`,
        subtitle: "How likely are you to recommend us? Answers from 0 to 10",
        description:
          `Bar chart of ${plural(total, "answer", "answers")} to the 0-10 recommendation question` +
          `${byScore ? `, one bar per score (${values.map((v) => `${v.score}: ${v.count}`).join(", ")})` : ""}: ` +
          `${counts.detractors} detractors scoring 0-6, ${counts.passives} passives scoring 7-8, ${counts.promoters} promoters scoring 9-10. ` +
          `The Net Promoter Score is ${shown(score)}.`,
        width: byScore ? 440 : 300,
        height: 240,
      },
      values,
      {
        mark: { type: "bar", tooltip: true },
        encoding: {
          x: {
            field: "score",
            type: "ordinal",
            sort: values.map((v) => v.score),
            title: byScore ? "Score (0 = not at all likely, 10 = extremely likely)" : "Group",
            axis: { labelAngle: 0 },
          },
          y: { field: "count", type: "quantitative", title: "Responses", axis: { tickMinStep: 1 } },
          color: { field: "group", type: "nominal", title: "Group", scale: npsGroupScale() },
        },
      },
    );
  });
}

function sum(list: ReadonlyArray<number>, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += list[i]!;
  return s;
}
