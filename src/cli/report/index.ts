// `cx-metrics report FILE --metric M [options] --out report.html` and `--chart FILE.svg` on the metric commands. Both
// run the metric command itself (same reading, same calculators) with an observer, then draw what it computed.
import { writeFile } from "node:fs/promises";
import { UsageError } from "../errors.js";
import { findMetric, METRICS } from "../metrics/index.js";
import { renderSvg } from "../render/svg.js";
import type { Io } from "../run.js";
import { chartsOf } from "./charts.js";
import { reportHtml } from "./html.js";
import { type Observed, watch } from "./observe.js";

export type { Observer } from "./observe.js";

type Runner = (argv: ReadonlyArray<string>, io: Io) => Promise<number>;

const PROGRAM = "cx-metrics";

const REPORT_HELP = `${PROGRAM} report: one self-contained HTML page (charts as inline SVG, the result tables, the coverage of the data
and the definitions used), with no script, font or link to fetch: it opens offline and prints cleanly.

Usage:
  ${PROGRAM} report <file | -> --metric <metric> [the metric's options] --out report.html

Options:
  --metric NAME    the metric to report: ${METRICS.map((m) => m.name).join(", ")} (default nps)
  --out FILE       where to write the page (required)
  --title TEXT     the page's title (default: the metric and the file)

Every option of the metric applies (see '${PROGRAM} <metric> --help'): --by draws one bar per segment, --period with
--date-column draws the trend. Charts need the optional packages vega and vega-lite (npm install vega vega-lite).

Example:
  ${PROGRAM} report survey.csv --metric nps --column nps --by channel --out report.html
`;

/** Takes `--name VALUE` or `--name=VALUE` out of a command line. */
function take(argv: string[], name: string): string | undefined {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === flag) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${flag} needs a value`, "report");
      argv.splice(i, 2);
      return value;
    }
    if (arg.startsWith(`${flag}=`)) {
      argv.splice(i, 1);
      return arg.slice(flag.length + 1);
    }
  }
  return undefined;
}

/** Runs the metric's own command with an observer, its usual output discarded; the exit code and what it saw. */
async function observe(run: Runner, argv: ReadonlyArray<string>, io: Io, keepOutput: boolean): Promise<[number, Observed | undefined]> {
  const { observer, seen } = watch();
  const quiet = {
    write: (_text: string, done?: (error?: Error | null) => void) => {
      done?.();
      return true;
    },
    isTTY: false,
  };
  const code = await run(argv, { ...io, stdout: keepOutput ? io.stdout : quiet, observer });
  return [code, seen()];
}

async function failing(io: Io, action: () => Promise<number>): Promise<number> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${PROGRAM}: ${error.message}\nRun '${PROGRAM} report --help' for its options.\n`);
      return 2;
    }
    io.stderr.write(`${PROGRAM}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

/** The metric command with `--chart FILE.svg`: its output as usual, then its first chart written to the file. */
export function withChart(argv: ReadonlyArray<string>, io: Io, run: Runner): Promise<number> {
  if (!argv.some((a) => a === "--chart" || a.startsWith("--chart="))) return run(argv, io);
  return failing(io, async () => {
    const rest = [...argv];
    const path = take(rest, "chart")!;
    if (!path.toLowerCase().endsWith(".svg")) throw new UsageError(`--chart writes SVG: expected a file name ending in .svg, got "${path}"`, rest[0]);
    const [code, seen] = await observe(run, rest, io, true);
    if (code !== 0 || seen === undefined) return code;
    const [chart] = chartsOf(seen, { businessHours: rest.includes("--business-hours") });
    if (chart === undefined) {
      io.stderr.write(`${PROGRAM}: --chart: ${seen.metric} ${describeGrouping(seen)}has no chart; try --by or --period\n`);
      return 2;
    }
    await writeFile(path, await renderSvg(chart.spec));
    io.stderr.write(`${PROGRAM}: wrote ${path}\n`);
    return 0;
  });
}

function describeGrouping(seen: Observed): string {
  const parts = [seen.grouping.by === undefined ? "" : "with --by", seen.grouping.period === undefined ? "" : "with --period"].filter((p) => p !== "");
  return parts.length === 0 ? "without --by or --period " : `${parts.join(" and ")} `;
}

/** `cx-metrics report`. */
export function runReport(argv: ReadonlyArray<string>, io: Io, run: Runner): Promise<number> {
  if (argv.length === 0 || argv.includes("--help") || argv.includes("-h")) {
    (argv.length === 0 ? io.stderr : io.stdout).write(REPORT_HELP);
    return Promise.resolve(argv.length === 0 ? 2 : 0);
  }
  return failing(io, async () => {
    const rest = [...argv];
    const out = take(rest, "out");
    if (out === undefined) throw new UsageError("report needs --out FILE.html: where to write the page", "report");
    const metricName = take(rest, "metric") ?? "nps";
    const title = take(rest, "title");
    const metric = findMetric(metricName);
    if (metric === undefined) throw new UsageError(`--metric is "${metricName}"; metrics: ${METRICS.map((m) => m.name).join(", ")}`, "report");
    if (rest.some((a) => a === "--format" || a.startsWith("--format=") || a === "--chart" || a.startsWith("--chart="))) {
      throw new UsageError("report writes HTML: --format and --chart do not apply", "report");
    }
    const [code, seen] = await observe(run, [metric.name, ...rest], io, false);
    if (code !== 0 || seen === undefined) return code;
    const specs = chartsOf(seen, { businessHours: rest.includes("--business-hours") });
    const charts = [];
    for (const { spec } of specs) charts.push({ svg: await renderSvg(spec), title: spec.title.text, description: spec.description });
    const notes =
      rest.includes("--business-hours") && (metric.name === "first-response-time" || metric.name === "resolution-time")
        ? ["The histogram of durations is drawn in elapsed time only, so it is left out of a business-hours report."]
        : [];
    const html = reportHtml(seen, {
      title: title ?? `${metric.name} report: ${seen.source}`,
      version: io.version,
      generatedAt: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      command: ["report", ...argv].map((a) => (/^[\w./:=-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)).join(" "),
      definition: metric.description,
      charts,
      notes,
    });
    await writeFile(out, html);
    io.stderr.write(`${PROGRAM}: wrote ${out} (${charts.length} chart${charts.length === 1 ? "" : "s"}, ${seen.entries.length} result${seen.entries.length === 1 ? "" : "s"})\n`);
    return 0;
  });
}
