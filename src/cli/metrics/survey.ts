import { createCesAccumulator, createCsatAccumulator, createNpsAccumulator } from "../../index.js";
import type { OptionSpec } from "../args.js";
import { integerReader, readWeight } from "../values.js";
import { countColumn, intervalColumn, numberColumn, SMALL_SAMPLE_COLUMN } from "./show.js";
import { BAR, type Context, type MetricCommand, plan, type Result, type Sink, type View } from "./types.js";

// NPS, CSAT and CES stream through the library's mergeable accumulators: each group keeps a few sums, so memory does
// not grow with the number of rows.

interface SurveyRow {
  score: number;
  weight: number;
}

/** What the command line needs of an accumulator. */
interface SurveyAccumulator {
  add(score: number, weight?: number): unknown;
  // NPS and the proportions take different interval names; --interval has already checked the one given.
  result(options?: { decimals?: number; confidence?: number; interval?: never }): unknown;
}

interface SurveySettings {
  readonly scale: [number, number];
  create(): SurveyAccumulator;
  /** The interval methods of --interval. */
  readonly intervals: ReadonlyArray<string>;
}

function accumulatorSink(settings: SurveySettings, context: Context, interval: string | undefined): Sink<SurveyRow> {
  const accumulator = settings.create();
  const options = {
    ...(context.decimals === undefined ? {} : { decimals: context.decimals }),
    ...(context.confidence === undefined ? {} : { confidence: context.confidence }),
    ...(interval === undefined ? {} : { interval: interval as never }),
  };
  return {
    add: ({ score, weight }) => accumulator.add(score, weight),
    result: () => accumulator.result(options) as Result,
  };
}

const COLUMN: OptionSpec = {
  name: "column",
  value: "NAME",
  example: "nps",
  help: "the column holding the answers",
  required: true,
};
const WEIGHT: OptionSpec = {
  name: "weight-column",
  value: "NAME",
  example: "weight",
  help: "a column of row weights from 0 to 1e15 (an empty cell weighs 1)",
};
const NPS_INTERVALS = ["wald", "adjusted-wald"];
const PROPORTION_INTERVALS = ["wilson", "wald"];

function intervalOption(methods: ReadonlyArray<string>): OptionSpec {
  return {
    name: "interval",
    value: "METHOD",
    example: methods[1]!,
    help: `the confidence interval's method: ${methods.join(" or ")}`,
    default: methods[0]!,
  };
}

const SCALE: OptionSpec = { name: "scale", value: "MIN-MAX", example: "1-7", help: "the rating scale", default: "1-5" };

function readScale(context: Context): [number, number] {
  const text = context.options.string("scale");
  if (text === undefined) return [1, 5];
  const match = /^\s*(-?\d+)\s*(?:-|\.\.)\s*(-?\d+)\s*$/.exec(text);
  const scale: [number, number] | undefined = match === null ? undefined : [Number(match[1]), Number(match[2])];
  if (scale === undefined || scale[0] >= scale[1]) {
    throw context.options.fail(`--scale is "${text}", expected MIN-MAX such as 1-5 or 0-10`);
  }
  return scale;
}

function threshold(context: Context, name: string, scale: [number, number]): number | undefined {
  return context.options.integer(name, scale[0], scale[1]);
}

function surveyPlan(context: Context, settings: SurveySettings, view: View, what: string) {
  const column = context.options.required("column", "it names the column holding the answers");
  const weightColumn = context.options.string("weight-column");
  const [min, max] = settings.scale;
  const interval = context.options.choice("interval", settings.intervals);
  return plan<SurveyRow>({
    columns: {
      score: { column, option: "--column" },
      ...(weightColumn === undefined ? {} : { weight: { column: weightColumn, option: "--weight-column", optional: true } }),
    },
    read(fields) {
      const score = integerReader(fields.score!, column, min, max);
      const weight = fields.weight;
      // One object for every row: the sink reads it at once.
      const answer: SurveyRow = { score: 0, weight: 1 };
      return (row) => {
        const value = score(row);
        if (value === undefined) return undefined;
        answer.score = value;
        answer.weight = weight === undefined ? 1 : (readWeight(weight(row), weightColumn!) ?? 1);
        return answer;
      };
    },
    valueColumn: column,
    create: () => accumulatorSink(settings, context, interval),
    view,
    missing: `without ${what} in "${column}"`,
  });
}

function percentView(label: string, hits: string, context: Context): View {
  const d = context.decimals;
  return {
    columns: [
      numberColumn(label, "score", d, "%"),
      intervalColumn(d, context.confidence),
      countColumn("n", "total"),
      BAR,
      countColumn(hits, hits),
      numberColumn("mean", "mean", d ?? 2),
      SMALL_SAMPLE_COLUMN,
    ],
    bar: { value: (r) => r.score as number, min: 0, max: 100 },
  };
}

export const npsCommand: MetricCommand = {
  name: "nps",
  summary: "Net Promoter Score from 0-10 answers",
  description:
    "Net Promoter Score: % promoters (9-10) - % detractors (0-6), from -100 to 100. Empty cells are unanswered and left out.",
  options: [COLUMN, WEIGHT, intervalOption(NPS_INTERVALS)],
  examples: ["nps survey.csv --column nps", "nps survey.csv --column nps --by channel --format json"],
  timeSeries: true,
  intervals: true,
  async prepare(context) {
    const d = context.decimals;
    return surveyPlan(
      context,
      { scale: [0, 10], create: () => createNpsAccumulator(), intervals: NPS_INTERVALS },
      {
        columns: [
          numberColumn("NPS", "score", d),
          intervalColumn(d, context.confidence),
          countColumn("n", "total"),
          BAR,
          numberColumn("promoters", "promoterPercent", d, "%"),
          numberColumn("passives", "passivePercent", d, "%"),
          numberColumn("detractors", "detractorPercent", d, "%"),
          SMALL_SAMPLE_COLUMN,
        ],
        bar: { value: (r) => r.score as number, min: -100, max: 100 },
      },
      "a score",
    );
  },
};

export const csatCommand: MetricCommand = {
  name: "csat",
  summary: "Customer Satisfaction: % of satisfied ratings",
  description:
    "CSAT: 100 x satisfied ratings / ratings. Satisfied means the top two boxes on scales of 5 points or more (4-5 on 1-5), the top box on shorter ones, or --satisfied-from.",
  options: [
    COLUMN,
    SCALE,
    {
      name: "satisfied-from",
      value: "N",
      example: "4",
      help: "the lowest rating counted as satisfied",
      default: "top two boxes",
    },
    WEIGHT,
    intervalOption(PROPORTION_INTERVALS),
  ],
  examples: ["csat survey.csv --column csat", "csat survey.csv --column rating --scale 1-10 --satisfied-from 8 --by team"],
  timeSeries: true,
  intervals: true,
  async prepare(context) {
    const scale = readScale(context);
    const satisfiedFrom = threshold(context, "satisfied-from", scale);
    return surveyPlan(
      context,
      {
        scale,
        create: () => createCsatAccumulator({ scale, ...(satisfiedFrom === undefined ? {} : { satisfiedFrom }) }),
        intervals: PROPORTION_INTERVALS,
      },
      percentView("CSAT", "satisfied", context),
      "a rating",
    );
  },
};

export const cesCommand: MetricCommand = {
  name: "ces",
  summary: "Customer Effort Score: % of answers on the easy side",
  description:
    'CES: 100 x easy answers / answers. Easy means at or above the first value past the midpoint (4 on 1-5), or at or below it with --lower-is-easier (2 on 1-5), or --agree-from.',
  options: [
    COLUMN,
    SCALE,
    {
      name: "agree-from",
      value: "N",
      example: "5",
      help: "the threshold of an easy answer",
      default: "past the midpoint",
    },
    {
      name: "lower-is-easier",
      example: "ces effort.csv --column effort --lower-is-easier",
      help: "low ratings mean little effort (count ratings at or below the threshold)",
    },
    WEIGHT,
    intervalOption(PROPORTION_INTERVALS),
  ],
  examples: ["ces survey.csv --column ces", "ces effort.ndjson --column effort --scale 1-7 --lower-is-easier"],
  timeSeries: true,
  intervals: true,
  async prepare(context) {
    const scale = readScale(context);
    const agreeFrom = threshold(context, "agree-from", scale);
    const lowerIsEasier = context.options.flag("lower-is-easier");
    return surveyPlan(
      context,
      {
        scale,
        create: () => createCesAccumulator({ scale, lowerIsEasier, ...(agreeFrom === undefined ? {} : { agreeFrom }) }),
        intervals: PROPORTION_INTERVALS,
      },
      percentView("CES", "agree", context),
      "an answer",
    );
  },
};
