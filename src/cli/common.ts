import type { OptionSpec } from "./args.js";

/** Options every metric accepts. */
export const COMMON_OPTIONS: ReadonlyArray<OptionSpec> = [
  { name: "by", value: "COLUMN", example: "channel", help: "one result per value of this column (segments)" },
  {
    name: "period",
    value: "PERIOD",
    example: "month",
    help: "one result per day, week, month, quarter or year of --date-column (time series)",
  },
  {
    name: "date-column",
    value: "NAME",
    example: "submittedAt",
    help: "the column holding each row's date, for --period",
  },
  {
    name: "where",
    value: "COLUMN=VALUE",
    example: "status=paid",
    help: "keep only rows whose column equals (=) or differs from (!=) the text; several are all required",
    repeatable: true,
  },
  {
    name: "skip-rows",
    value: "N",
    example: "2",
    help: "skip N records after the header (the extra header rows of Qualtrics exports)",
    default: "0",
  },
  {
    name: "time-zone",
    value: "ZONE",
    example: "Europe/Paris",
    help: "IANA zone of the reporting periods (--period) and of dates given as options",
    default: "UTC",
  },
  {
    name: "input-time-zone",
    value: "ZONE",
    example: "America/New_York",
    help: "IANA zone of the dates in the data written without an offset (2026-03-22 17:33:48)",
    default: "UTC",
  },
  {
    name: "epoch-unit",
    value: "UNIT",
    example: "s",
    help: "the unit of numeric timestamps in the data: s or ms",
    default: "milliseconds from 1e11 up, smaller numbers refused as ambiguous",
  },
  {
    name: "input",
    value: "FORMAT",
    example: "ndjson",
    help: "csv, ndjson or json",
    default: "from the file extension; csv for -",
  },
  { name: "delimiter", value: "CHAR", example: "\";\"", help: "the CSV field separator (tab: \"tab\")", default: "," },
  {
    name: "format",
    value: "FORMAT",
    example: "csv",
    help: "table, json or csv",
    default: "table on a terminal, json otherwise",
  },
  { name: "decimals", value: "N", example: "1", help: "round results to N decimals (0-15), half away from zero" },
  {
    name: "confidence",
    value: "LEVEL",
    example: "0.9",
    help: "the confidence level of intervals, e.g. 0.9 or 90",
    default: "0.95",
  },
  {
    name: "skip-invalid",
    example: "nps survey.csv --column nps --skip-invalid",
    help: "skip invalid rows (reported on stderr) instead of stopping at the first",
  },
  {
    name: "quiet",
    example: "nps big.csv --column nps --quiet",
    help: "no progress and no notes on stderr (errors and skipped rows are still reported)",
  },
  {
    name: "invalid-utf8",
    value: "MODE",
    example: "replace",
    help: "text that is not UTF-8: refuse names the row; replace reads it with U+FFFD",
    default: "refuse",
  },
  {
    name: "max-record-bytes",
    value: "SIZE",
    example: "256MiB",
    help: "the longest CSV record or NDJSON line (up to 256MiB)",
    default: "64MiB",
  },
  {
    name: "max-decompressed-bytes",
    value: "SIZE",
    example: "100GiB",
    help: "how far a .gz input may expand",
    default: "16GiB",
  },
  {
    name: "max-json-bytes",
    value: "SIZE",
    example: "400MiB",
    help: "the largest JSON array document, read whole (up to 500MiB; NDJSON streams any size)",
    default: "256MiB",
  },
  {
    name: "max-groups",
    value: "N",
    example: "1000000",
    help: "the most groups (--by values x periods) a run may hold",
    default: "100000",
  },
  {
    name: "max-rows",
    value: "N",
    example: "20000000",
    help: "the most rows a run may keep in memory, over all groups (exact response times keep each duration; churn, cohorts and CLV each record)",
    default: "5000000",
  },
  {
    name: "chart",
    value: "FILE.svg",
    example: "nps survey.csv --column nps --by channel --chart nps.svg",
    help: "also draw the result's chart to this SVG file (needs the vega and vega-lite packages)",
  },
  { name: "help", example: "nps --help", help: "show this help" },
];

/** The top-level flags. */
export const GLOBAL_OPTIONS: ReadonlyArray<OptionSpec> = [
  { name: "help", example: "nps --help", help: "show this help (cx-metrics <metric> --help: a metric's options)" },
  { name: "version", example: "--version", help: "print the version" },
];

export const PERIODS = ["day", "week", "month", "quarter", "year"] as const;
export const OUTPUT_FORMATS = ["table", "json", "csv"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
