import type { OptionSpec } from "./args.js";
import { COMMON_OPTIONS, GLOBAL_OPTIONS } from "./common.js";
import type { MetricCommand } from "./metrics/types.js";

const PROGRAM = "cx-metrics";

function optionLines(specs: ReadonlyArray<OptionSpec>, appliesTo?: (spec: OptionSpec) => string | undefined): string[] {
  const names = specs.map((s) => `--${s.name}${s.value === undefined ? "" : ` ${s.value}`}`);
  const width = Math.max(...names.map((n) => n.length));
  return specs.map((s, i) => {
    const applies = appliesTo?.(s);
    const notes = [
      ...(applies === undefined ? [] : [applies]),
      ...(s.required === true ? ["required"] : []),
      ...(s.default === undefined ? [] : [`default: ${s.default}`]),
      ...(s.example === undefined ? [] : [s.value === undefined ? `e.g. ${PROGRAM} ${s.example}` : `e.g. --${s.name} ${s.example}`]),
    ];
    return `  ${names[i]!.padEnd(width)}  ${s.help}${notes.length === 0 ? "" : ` (${notes.join("; ")})`}`;
  });
}

/** `cx-metrics --help`. */
export function mainHelp(metrics: ReadonlyArray<MetricCommand>): string {
  const width = Math.max(...metrics.map((m) => m.name.length));
  return [
    `${PROGRAM}: customer-experience metrics from CSV, NDJSON and JSON exports, streamed`,
    "",
    "Usage:",
    `  ${PROGRAM} <metric> <file | -> [options]`,
    `  ${PROGRAM} <metric> --help`,
    `  ${PROGRAM} report <file | -> --metric <metric> [options] --out report.html   (a self-contained HTML report)`,
    `  ${PROGRAM} --version`,
    "",
    "Metrics:",
    ...metrics.map((m) => `  ${m.name.padEnd(width)}  ${m.summary}`),
    "",
    "Common options:",
    ...optionLines([...COMMON_OPTIONS.filter((o) => o.name !== "help"), ...GLOBAL_OPTIONS], (spec) => appliesTo(spec, metrics)),
    "",
    "Input: the first CSV line names the columns; NDJSON has one JSON object per line; JSON is an array of objects.",
    "Empty cells are missing values. `-` reads standard input (CSV unless --input says otherwise); .gz files are",
    "decompressed as they stream; .tsv files are read with tabs.",
    "Dates: ISO 8601 with Z or an offset (2026-03-22 17:33:48 -0500 too), or local dates and times read in",
    "--input-time-zone; numeric timestamps in --epoch-unit (without it, only milliseconds from 1e11 up).",
    "",
    "Exit codes: 0 success; 2 bad options, unreadable input, a missing column, an invalid row, a limit reached,",
    "a failed write or no result (one line on stderr, nothing on stdout); 1 a bug.",
    "",
    "Examples:",
    ...metrics.slice(0, 4).map((m) => `  ${PROGRAM} ${m.examples[0]!}`),
    `  ${PROGRAM} nps survey.csv --column nps --by channel --format json`,
    `  ${PROGRAM} csat survey.csv --column csat --period month --date-column submittedAt --time-zone Europe/Paris`,
    `  cat survey.ndjson | ${PROGRAM} nps - --input ndjson --column nps --skip-invalid`,
    "",
    `Run '${PROGRAM} <metric> --help' for the options of a metric.`,
    "",
  ].join("\n");
}

/** The metrics a common option applies to, when not all of them: `nps, csat, ces`. */
function appliesTo(spec: OptionSpec, metrics: ReadonlyArray<MetricCommand>): string | undefined {
  if (!COMMON_OPTIONS.includes(spec)) return undefined;
  const users = metrics.filter((m) => commonOptionsOf(m).includes(spec));
  return users.length === metrics.length ? undefined : `${users.map((m) => m.name).join(", ")} only`;
}

/** `cx-metrics <metric> --help`. */
export function metricHelp(metric: MetricCommand): string {
  const common = commonOptionsOf(metric);
  return [
    `${PROGRAM} ${metric.name}: ${metric.summary}`,
    "",
    `Usage: ${PROGRAM} ${metric.name} <file | -> [options]`,
    "",
    metric.description,
    "",
    `Options of ${metric.name}:`,
    ...optionLines(metric.options),
    "",
    "Common options:",
    ...optionLines(common),
    "",
    "Examples:",
    ...metric.examples.map((e) => `  ${PROGRAM} ${e}`),
    "",
  ].join("\n");
}

/** The common options a metric accepts: all but those it redefines, and the time series ones when it has none. */
export function commonOptionsOf(metric: MetricCommand): OptionSpec[] {
  return COMMON_OPTIONS.filter(
    (o) =>
      (metric.timeSeries || (o.name !== "period" && o.name !== "date-column")) &&
      (metric.intervals === true || o.name !== "confidence") &&
      (metric.keepsRows !== undefined || o.name !== "max-rows") &&
      !metric.options.some((m) => m.name === o.name),
  );
}

/** The hint after a usage error. */
export function usageHint(metric: string | undefined): string {
  return metric === undefined ? `Run '${PROGRAM} --help' for usage.` : `Run '${PROGRAM} ${metric} --help' for its options.`;
}
