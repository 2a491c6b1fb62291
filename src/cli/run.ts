import type { Readable } from "node:stream";
import { isValidTimeZone, type Period } from "../internal/date.js";
import { aggregate, type Grouping, type Tally } from "./aggregate.js";
import { Options, parseArgs } from "./args.js";
import { OUTPUT_FORMATS, type OutputFormat, PERIODS } from "./common.js";
import { InputError, UsageError } from "./errors.js";
import { commonOptionsOf, mainHelp, metricHelp, usageHint } from "./help.js";
import { formatOf, INPUT_FORMATS, openTable, readDelimiter } from "./input/index.js";
import { findMetric, METRICS } from "./metrics/index.js";
import type { Context, MetricCommand } from "./metrics/types.js";
import { formatCsv } from "./output/csv.js";
import { formatJson } from "./output/json.js";
import { formatTable } from "./output/table.js";
import { startProgress } from "./progress.js";
import { type Observer, runReport, withChart } from "./report/index.js";

/** A stream the program writes to; `isTTY` decides the default format (stdout) and progress (stderr). */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** The program's surroundings, passed in so the program itself stays testable. */
export interface Io {
  readonly stdin: Readable;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly version: string;
  /** Sees the plan and the outcome of a run (the report and --chart draw from them). */
  readonly observer?: Observer;
}

const PROGRAM = "cx-metrics";

/** Runs one command line with `--chart FILE.svg` taken out and drawn from what the run computed. */
export function run(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  return argv[0] === "report" ? runReport(argv.slice(1), io, runMetric) : withChart(argv, io, runMetric);
}

/** Runs one metric's command line; resolves to the exit code. */
async function runMetric(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  try {
    return await execute(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${PROGRAM}: ${error.message}\n${usageHint(error.metric)}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr.write(`${PROGRAM}: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`${PROGRAM}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

async function execute(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  const first = argv[0];
  if (first === undefined) {
    io.stderr.write(mainHelp(METRICS));
    return 2;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    io.stdout.write(mainHelp(METRICS));
    return 0;
  }
  if (first === "--version" || first === "-v" || argv.includes("--version")) {
    io.stdout.write(`${io.version}\n`);
    return 0;
  }
  const metric = findMetric(first);
  if (metric === undefined) {
    throw new UsageError(
      first.startsWith("-")
        ? `expected a metric before ${first}; metrics: ${METRICS.map((m) => m.name).join(", ")}`
        : `unknown metric "${first}"; metrics: ${METRICS.map((m) => m.name).join(", ")}`,
    );
  }
  const args = parseArgs(argv.slice(1), [...metric.options, ...commonOptionsOf(metric)], metric.name);
  const options = new Options(args.options, metric.name);
  if (options.flag("help")) {
    io.stdout.write(metricHelp(metric));
    return 0;
  }
  const [path, extra] = args.positionals;
  if (path === undefined) throw options.fail("missing the input: a file path, or - for standard input");
  if (extra !== undefined) throw options.fail(`unexpected argument "${extra}" (one input at a time)`);

  const settings = readSettings(options, metric, path, io);
  const prepared = await metric.prepare(settings.context);
  const metricPlan = io.observer?.plan(prepared) ?? prepared;
  const { source, table } = await openTable(path, settings.input, settings.delimiter, io.stdin);
  const stopProgress = io.stderr.isTTY === true && !settings.quiet ? startProgress(source, io.stderr) : () => {};
  let outcome: Awaited<ReturnType<typeof aggregate>>;
  try {
    outcome = await aggregate(source, table, metricPlan, settings.grouping, settings.skipInvalid);
  } finally {
    stopProgress();
  }
  io.observer?.outcome({ metric: metric.name, source: source.name, grouping: settings.grouping, ...outcome });
  const grouped = settings.grouping.by !== undefined || settings.grouping.period !== undefined;
  const text =
    settings.format === "json"
      ? formatJson(outcome.entries, grouped)
      : settings.format === "csv"
        ? formatCsv(outcome.entries, grouped, metricPlan.view)
        : formatTable(outcome.entries, metricPlan.view, headersOf(settings.grouping));
  io.stdout.write(text);
  io.stderr.write(notes(outcome.tally, metricPlan.missing, settings.quiet));
  return 0;
}

interface Settings {
  readonly context: Context;
  readonly grouping: Grouping;
  readonly input: (typeof INPUT_FORMATS)[number];
  readonly delimiter: string;
  readonly format: OutputFormat;
  readonly skipInvalid: boolean;
  readonly quiet: boolean;
}

/** Validates the common options, before any input is read. */
function readSettings(options: Options, metric: MetricCommand, path: string, io: Io): Settings {
  const timeZone = options.string("time-zone") ?? "UTC";
  if (!isValidTimeZone(timeZone)) throw options.fail(`--time-zone is "${timeZone}", expected an IANA time-zone name such as Europe/Paris`);
  const input = options.choice("input", INPUT_FORMATS) ?? (path === "-" ? "csv" : formatOf(path));
  if (options.has("delimiter") && input !== "csv") throw options.fail(`--delimiter applies to CSV input, not ${input}`);
  const decimals = options.integer("decimals", 0, 15);
  const confidence = readConfidence(options);
  const grouping: { by?: string; period?: NonNullable<Grouping["period"]> } = {};
  const by = options.string("by");
  if (by !== undefined) grouping.by = by;
  if (metric.timeSeries) {
    const period = options.choice<Period>("period", PERIODS);
    const dateColumn = options.string("date-column");
    if (period !== undefined) {
      if (dateColumn === undefined) throw options.fail("--period needs --date-column: the column holding each row's date");
      grouping.period = { period, dateColumn, timeZone };
    } else if (dateColumn !== undefined) {
      throw options.fail("--date-column is used with --period (day, week, month, quarter or year)");
    }
  }
  return {
    context: { options, timeZone, decimals, confidence },
    grouping,
    input,
    delimiter: readDelimiter(options.string("delimiter"), path),
    format: options.choice("format", OUTPUT_FORMATS) ?? (io.stdout.isTTY === true ? "table" : "json"),
    skipInvalid: options.flag("skip-invalid"),
    quiet: options.flag("quiet"),
  };
}

/** A level in (0, 1), or a percentage from 50 up to (not including) 100. */
function readConfidence(options: Options): number | undefined {
  const level = options.number(
    "confidence",
    (n) => (n > 0 && n < 1) || (n >= 50 && n < 100),
    "a level between 0 and 1 such as 0.95 (or a percentage such as 95)",
  );
  return level === undefined ? undefined : level > 1 ? level / 100 : level;
}

function headersOf(grouping: Grouping): { key?: string; period?: string } {
  return {
    ...(grouping.by === undefined ? {} : { key: grouping.by }),
    ...(grouping.period === undefined ? {} : { period: grouping.period.period }),
  };
}

/**
 * What the run left out, for stderr. Skipped invalid rows are always reported, since they change the result; rows
 * without a value and empty groups are notes that `--quiet` silences.
 */
function notes(tally: Tally, missing: string | undefined, quiet: boolean): string {
  const lines: string[] = [];
  if (tally.skipped > 0) {
    const more = tally.skipped > tally.skippedLines.length ? ", …" : "";
    lines.push(
      `${PROGRAM}: skipped ${tally.skipped} invalid row${tally.skipped === 1 ? "" : "s"} (line${tally.skipped === 1 ? "" : "s"} ${tally.skippedLines.join(", ")}${more})`,
    );
  }
  if (!quiet) {
    if (tally.missing > 0) {
      lines.push(`${PROGRAM}: left out ${tally.missing} row${tally.missing === 1 ? "" : "s"} ${missing ?? "without a value"}`);
    }
    for (const group of tally.empty) lines.push(`${PROGRAM}: left out group "${group.name}": ${group.reason}`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
