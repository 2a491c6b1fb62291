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
    name: "time-zone",
    value: "ZONE",
    example: "Europe/Paris",
    help: "IANA zone of the periods and of dates written without an offset",
    default: "UTC",
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
