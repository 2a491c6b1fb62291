import { valueError } from "../internal/fail.js";
import type { Period } from "../internal/date.js";

/** The SQL engines a query can be written for. */
export type Dialect = "duckdb" | "postgres" | "bigquery" | "snowflake" | "spark" | "clickhouse";

/** Every {@link Dialect}, in the order the documentation lists them. */
export const DIALECTS: readonly Dialect[] = ["duckdb", "postgres", "bigquery", "snowflake", "spark", "clickhouse"];

/** How one dialect spells the few things that differ between engines. */
export interface DialectSpec {
  /** Quotes one identifier (already validated). */
  quote(name: string): string;
  /** The placeholder of the i-th parameter (1-based). */
  placeholder(index: number): string;
  /** The double-precision type. */
  readonly double: string;
  /** How many rows of the group satisfy a condition (NULL counting as false), in the engine's own fast spelling. */
  countIf(condition: string): string;
  /** The exact decimal type money is summed in. */
  readonly decimal: string;
  /** A column holding an instant (zoned, or local in `inputZone` when given) as the dialect's zoned timestamp. */
  instant(column: string, inputZone: string | undefined): string;
  /** Epoch milliseconds (an integer) of a column holding an instant, zoned or local in `inputZone` when given. */
  epochMs(column: string, inputZone: string | undefined): string;
  /** The zoned timestamp of an integer expression of epoch milliseconds. */
  fromEpochMs(ms: string): string;
  /** Whether the dialect has an exact continuous percentile; where it has not, `approximate: true` is required. */
  readonly exactPercentile: boolean;
  /** The approximate `percent`-th percentile of an expression, where the dialect has no exact one. */
  approximatePercentile?(expression: string, percent: number): string;
  /** The first local day (`YYYY-MM-DD` text) of the period holding the instant in the zone. */
  periodStart(instant: string, unit: Period, zone: string): string;
}

function doubled(quote: string): (name: string) => string {
  return (name) => `${quote}${name.split(quote).join(quote + quote)}${quote}`;
}

function backslashed(quote: string): (name: string) => string {
  return (name) => `${quote}${name.replace(/\\/g, "\\\\").split(quote).join(`\\${quote}`)}${quote}`;
}

const TRUNC_UNIT: Record<Period, string> = { day: "day", week: "week", month: "month", quarter: "quarter", year: "year" };

/** The spelling of each dialect. */
export const DIALECT_SPECS: Readonly<Record<Dialect, DialectSpec>> = {
  duckdb: {
    quote: doubled('"'),
    placeholder: (i) => `$${i}`,
    double: "DOUBLE",
    countIf: (c) => `count_if(${c})`,
    decimal: "DECIMAL(38, 10)",
    instant: (c, zone) => (zone === undefined ? `make_timestamptz(epoch_us(${c}))` : `timezone(${zone}, CAST(${c} AS TIMESTAMP))`),
    epochMs: (c, zone) => (zone === undefined ? `epoch_ms(${c})` : `epoch_ms(timezone(${zone}, CAST(${c} AS TIMESTAMP)))`),
    fromEpochMs: (ms) => `make_timestamptz((${ms}) * 1000)`,
    exactPercentile: true,
    periodStart: (t, unit, zone) => `strftime(date_trunc('${TRUNC_UNIT[unit]}', timezone(${zone}, ${t})), '%Y-%m-%d')`,
  },
  postgres: {
    quote: doubled('"'),
    placeholder: (i) => `$${i}`,
    double: "DOUBLE PRECISION",
    countIf: (c) => `COUNT(*) FILTER (WHERE ${c})`,
    decimal: "NUMERIC",
    instant: (c, zone) =>
      zone === undefined ? `to_timestamp(EXTRACT(EPOCH FROM ${c}))` : `(CAST(${c} AS TIMESTAMP) AT TIME ZONE ${zone})`,
    epochMs: (c, zone) =>
      `CAST(FLOOR(EXTRACT(EPOCH FROM ${zone === undefined ? c : `(CAST(${c} AS TIMESTAMP) AT TIME ZONE ${zone})`}) * 1000) AS BIGINT)`,
    fromEpochMs: (ms) => `(TIMESTAMPTZ 'epoch' + (${ms}) * INTERVAL '1 millisecond')`,
    exactPercentile: true,
    periodStart: (t, unit, zone) => `to_char(date_trunc('${TRUNC_UNIT[unit]}', ${t} AT TIME ZONE ${zone}), 'YYYY-MM-DD')`,
  },
  bigquery: {
    quote: backslashed("`"),
    placeholder: (i) => `@p${i}`,
    double: "FLOAT64",
    countIf: (c) => `COUNTIF(${c})`,
    decimal: "BIGNUMERIC",
    instant: (c, zone) => (zone === undefined ? `CAST(${c} AS TIMESTAMP)` : `TIMESTAMP(CAST(${c} AS DATETIME), ${zone})`),
    epochMs: (c, zone) => `UNIX_MILLIS(${DIALECT_SPECS.bigquery.instant(c, zone)})`,
    // PERCENTILE_CONT is an analytic function only; the aggregate is APPROX_QUANTILES.
    fromEpochMs: (ms) => `TIMESTAMP_MILLIS(${ms})`,
    exactPercentile: false,
    approximatePercentile: (e, percent) => `APPROX_QUANTILES(${e}, 100)[OFFSET(${percent})]`,
    periodStart: (t, unit, zone) =>
      `FORMAT_DATETIME('%Y-%m-%d', DATETIME_TRUNC(DATETIME(${t}, ${zone}), ${unit === "week" ? "ISOWEEK" : unit.toUpperCase()}))`,
  },
  snowflake: {
    quote: doubled('"'),
    placeholder: () => "?",
    double: "DOUBLE",
    countIf: (c) => `COUNT_IF(${c})`,
    decimal: "NUMBER(38, 10)",
    instant: (c, zone) =>
      zone === undefined
        ? `CONVERT_TIMEZONE('UTC', CAST(${c} AS TIMESTAMP_TZ))`
        : `CONVERT_TIMEZONE(${zone}, 'UTC', CAST(${c} AS TIMESTAMP_NTZ))`,
    epochMs: (c, zone) => `DATE_PART(EPOCH_MILLISECOND, ${DIALECT_SPECS.snowflake.instant(c, zone)})`,
    fromEpochMs: (ms) => `TO_TIMESTAMP_TZ(${ms}, 3)`,
    exactPercentile: true,
    periodStart: (t, unit, zone) => {
      const local = `CAST(CONVERT_TIMEZONE(${zone}, ${t}) AS DATE)`;
      // Monday-based weeks whatever the account's WEEK_START: back to the ISO weekday 1.
      const start = unit === "week" ? `DATEADD(DAY, 1 - DAYOFWEEKISO(${local}), ${local})` : `DATE_TRUNC('${unit.toUpperCase()}', ${local})`;
      return `TO_CHAR(${start}, 'YYYY-MM-DD')`;
    },
  },
  spark: {
    quote: doubled("`"),
    placeholder: (i) => `:p${i}`,
    double: "DOUBLE",
    countIf: (c) => `count_if(${c})`,
    decimal: "DECIMAL(38, 10)",
    instant: (c, zone) => (zone === undefined ? `CAST(${c} AS TIMESTAMP)` : `to_utc_timestamp(CAST(${c} AS TIMESTAMP_NTZ), ${zone})`),
    epochMs: (c, zone) => `unix_millis(${DIALECT_SPECS.spark.instant(c, zone)})`,
    fromEpochMs: (ms) => `timestamp_millis(${ms})`,
    exactPercentile: true,
    periodStart: (t, unit, zone) => `date_format(date_trunc('${unit.toUpperCase()}', from_utc_timestamp(${t}, ${zone})), 'yyyy-MM-dd')`,
  },
  clickhouse: {
    quote: (name) => `"${name.replace(/\\/g, "\\\\").split('"').join('""')}"`,
    placeholder: (i) => `{p${i}:String}`,
    double: "Float64",
    countIf: (c) => `countIf(${c})`,
    decimal: "Decimal(38, 10)",
    instant: (c, zone) => (zone === undefined ? `toDateTime64(${c}, 3, 'UTC')` : `toDateTime64(toString(${c}), 3, ${zone})`),
    epochMs: (c, zone) => `toUnixTimestamp64Milli(${DIALECT_SPECS.clickhouse.instant(c, zone)})`,
    fromEpochMs: (ms) => `fromUnixTimestamp64Milli(${ms}, 'UTC')`,
    exactPercentile: true,
    periodStart: (t, unit, zone) => {
      const fn: Record<Period, string> = {
        day: `toDate(${t}, ${zone})`,
        week: `toStartOfWeek(${t}, 1, ${zone})`,
        month: `toStartOfMonth(${t}, ${zone})`,
        quarter: `toStartOfQuarter(${t}, ${zone})`,
        year: `toStartOfYear(${t}, ${zone})`,
      };
      return `toString(${fn[unit]})`;
    },
  },
};

/** The longest identifier accepted: past every engine's own limit, so the engine's message is the one users see. */
const MAX_IDENTIFIER = 1024;

/**
 * Validates one identifier part: a non-empty string without NUL characters. Anything else (quotes, backticks,
 * semicolons, comment markers, spaces, any script) is allowed, because quoting makes it a name and nothing more.
 */
export function checkIdentifier(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string): string {
  if (typeof value !== "string" || value === "") {
    throw valueError("INVALID_INPUT", metric, path, value, "expected a column or table name (a non-empty string)");
  }
  if (value.includes("\u0000") || value.length > MAX_IDENTIFIER) {
    throw valueError("INVALID_INPUT", metric, path, value, `expected a name without NUL characters, at most ${MAX_IDENTIFIER} characters`);
  }
  return value;
}
