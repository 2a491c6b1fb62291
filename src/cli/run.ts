import type { Readable } from "node:stream";
import { isValidTimeZone, type Period } from "../internal/date.js";
import { aggregate, type Grouping, type Tally } from "./aggregate.js";
import { Options, parseArgs } from "./args.js";
import { OUTPUT_FORMATS, type OutputFormat, PERIODS } from "./common.js";
import { InputError, OutputError, UsageError } from "./errors.js";
import { commonOptionsOf, mainHelp, metricHelp, usageHint } from "./help.js";
import { formatOf, INPUT_FORMATS, type InvalidUtf8, openTable, type ReadLimits, readDelimiter } from "./input/index.js";
import { findMetric, METRICS } from "./metrics/index.js";
import type { Context, MetricCommand } from "./metrics/types.js";
import { formatCsv } from "./output/csv.js";
import { formatJson } from "./output/json.js";
import { formatTable } from "./output/table.js";
import { type Output, Writer, writeAll } from "./output/write.js";
import { startProgress } from "./progress.js";
import { type Observer, runReport, withChart } from "./report/index.js";
import { didYouMean } from "./suggest.js";
import { escapeControls, quoteText } from "./text.js";
import { DEFAULT_MAX_GROUPS, DEFAULT_MAX_ROWS, type Filter, newTally, parseFilter } from "./aggregate.js";
import { DEFAULT_MAX_DECOMPRESSED_BYTES } from "./input/source.js";
import { type DateReading, EPOCH_UNITS } from "./values.js";

export type { Output } from "./output/write.js";

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
      io.stderr.write(`${PROGRAM}: ${oneLine(error.message)}\n${usageHint(error.metric)}\n`);
      return 2;
    }
    if (error instanceof InputError || error instanceof OutputError) {
      io.stderr.write(`${PROGRAM}: ${oneLine(error.message)}\n`);
      return 2;
    }
    io.stderr.write(`${PROGRAM}: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

/** The longest message shown; longer ones (a list of a huge header's names) are cut with a count. */
const MAX_MESSAGE = 2000;

/** A message on one line of a terminal: controls escaped, cut at {@link MAX_MESSAGE} characters. */
function oneLine(message: string): string {
  const text = escapeControls(message);
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}… (${text.length - MAX_MESSAGE} more characters)` : text;
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
        : `unknown metric ${quoteText(first)}${didYouMean(first, METRICS.map((m) => m.name))}; metrics: ${METRICS.map((m) => m.name).join(", ")}`,
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
  const { source, table } = await openTable(path, settings.input, settings.delimiter, io.stdin, settings.limits);
  const tally = newTally();
  const stopProgress = io.stderr.isTTY === true && !settings.quiet ? startProgress(source, io.stderr, () => tally.rows) : () => {};
  let outcome: Awaited<ReturnType<typeof aggregate>>;
  try {
    outcome = await aggregate(source, table, metricPlan, settings.grouping, { ...settings, tally });
  } finally {
    stopProgress();
  }
  io.observer?.outcome({ metric: metric.name, source: source.name, grouping: settings.grouping, ...outcome });
  const grouped = settings.grouping.by !== undefined || settings.grouping.period !== undefined;
  const pieces =
    settings.format === "json"
      ? formatJson(outcome.entries, grouped)
      : settings.format === "csv"
        ? formatCsv(outcome.entries, grouped, metricPlan.view)
        : formatTable(outcome.entries, metricPlan.view, headersOf(settings.grouping));
  await writeAll(new Writer(io.stdout), pieces);
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
  readonly maxGroups: number;
  readonly maxRows: number | undefined;
  readonly where: ReadonlyArray<Filter>;
  readonly skipRows: number;
  readonly limits: ReadLimits & { readonly maxDecompressedBytes: number };
}

const MIB = 1_048_576;
/** Defaults of the input limits (docs/errors.md lists them). */
export const DEFAULT_MAX_RECORD_BYTES = 64 * MIB;
export const DEFAULT_MAX_JSON_BYTES = 256 * MIB;
/** A JSON document is one string in memory; V8 strings stop short of 512 MiB. */
const MAX_JSON_BYTES = 500 * MIB;

/** A size in bytes: `1000000`, `64MiB`, `64M`, `2G` (binary units). */
function readBytes(options: Options, name: string, fallback: number, max: number): number {
  const text = options.string(name);
  if (text === undefined) return fallback;
  const match = /^\s*(\d+)\s*(k|kib|m|mib|g|gib)?\s*$/i.exec(text);
  const scale = { k: 1024, m: MIB, g: 1024 * MIB }[(match?.[2] ?? "").charAt(0).toLowerCase() as "k" | "m" | "g"] ?? 1;
  const bytes = match === null ? Number.NaN : Number(match[1]) * scale;
  if (!(bytes >= 1 && bytes <= max)) throw options.fail(`--${name} is "${text}", expected a size from 1 byte to ${max} bytes, such as 128MiB`);
  return bytes;
}

/** Validates the common options, before any input is read. */
function readSettings(options: Options, metric: MetricCommand, path: string, io: Io): Settings {
  const timeZone = readZone(options, "time-zone");
  const reading: DateReading = { timeZone: readZone(options, "input-time-zone"), epochUnit: options.choice("epoch-unit", EPOCH_UNITS) };
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
      grouping.period = { period, dateColumn, timeZone, reading };
    } else if (dateColumn !== undefined) {
      throw options.fail("--date-column is used with --period (day, week, month, quarter or year)");
    }
  }
  const context = { options, timeZone, reading, decimals, confidence };
  // Read even when this run keeps no rows (a sketch), so that a malformed value is still refused.
  const maxRows = options.integer("max-rows", 1, 1_000_000_000) ?? DEFAULT_MAX_ROWS;
  return {
    context,
    grouping,
    input,
    delimiter: readDelimiter(options.string("delimiter"), path),
    format: options.choice("format", OUTPUT_FORMATS) ?? (io.stdout.isTTY === true ? "table" : "json"),
    skipInvalid: options.flag("skip-invalid"),
    quiet: options.flag("quiet"),
    maxGroups: options.integer("max-groups", 1, 100_000_000) ?? DEFAULT_MAX_GROUPS,
    maxRows: metric.keepsRows?.(context) === true ? maxRows : undefined,
    where: options.list("where").map((text) => {
      const filter = parseFilter(text);
      if (filter === undefined) throw options.fail(`--where is "${text}", expected COLUMN=VALUE or COLUMN!=VALUE, such as status=paid`);
      return filter;
    }),
    skipRows: options.integer("skip-rows", 0, 1_000_000) ?? 0,
    limits: {
      maxRecordBytes: readBytes(options, "max-record-bytes", DEFAULT_MAX_RECORD_BYTES, 256 * MIB),
      maxJsonBytes: readBytes(options, "max-json-bytes", DEFAULT_MAX_JSON_BYTES, MAX_JSON_BYTES),
      maxDecompressedBytes: readBytes(options, "max-decompressed-bytes", DEFAULT_MAX_DECOMPRESSED_BYTES, 2 ** 50),
      invalidUtf8: options.choice("invalid-utf8", INVALID_UTF8) ?? "refuse",
    },
  };
}

const INVALID_UTF8: ReadonlyArray<InvalidUtf8> = ["refuse", "replace"];

function readZone(options: Options, name: string): string {
  const zone = options.string(name) ?? "UTC";
  if (!isValidTimeZone(zone)) throw options.fail(`--${name} is "${zone}", expected an IANA time-zone name such as Europe/Paris`);
  return zone;
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
const SHOWN_EMPTY = 20;

function notes(tally: Tally, missing: string | undefined, quiet: boolean): string {
  const lines: string[] = [];
  if (tally.skipped > 0) {
    const more = tally.skipped > tally.skippedPlaces.length ? ", …" : "";
    const elements = tally.skippedPlaces[0]!.startsWith("[");
    const what = elements ? "element" : "line";
    lines.push(
      `${PROGRAM}: skipped ${tally.skipped} invalid row${tally.skipped === 1 ? "" : "s"} (${what}${tally.skipped === 1 ? "" : "s"} ${tally.skippedPlaces.join(", ")}${more})`,
    );
  }
  if (!quiet) {
    if (tally.filtered > 0) lines.push(`${PROGRAM}: left out ${tally.filtered} row${tally.filtered === 1 ? "" : "s"} by --where`);
    if (tally.missing > 0) {
      lines.push(`${PROGRAM}: left out ${tally.missing} row${tally.missing === 1 ? "" : "s"} ${missing ?? "without a value"}`);
    }
    const shown = tally.empty.slice(0, SHOWN_EMPTY);
    for (const group of shown) lines.push(`${PROGRAM}: left out group ${quoteText(group.name)}: ${group.reason}`);
    if (tally.empty.length > shown.length) lines.push(`${PROGRAM}: left out ${tally.empty.length - shown.length} more empty groups`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}
