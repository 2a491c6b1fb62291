import { checkOneOf, type Checker, readOptions } from "../internal/check.js";
import { checkTimeZone, daysFromCivil, type Period, periodFromStartDay } from "../internal/date.js";
import { valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { DIALECT_SPECS, DIALECTS, type Dialect, type DialectSpec, checkIdentifier } from "./dialect.js";
import { PACKAGE_VERSION } from "./version.js";

/** A value of a segment column as {@link SqlQuery.results} reports it. */
export type SqlKeyValue = string | number | boolean | null;

/** One row as an engine's Node client returns it: an object keyed by column name. */
export type SqlRow = Readonly<Record<string, unknown>>;

/** One group of a query's results: its segment key, its period when the query has one, and the calculator's result. */
export interface SqlGroup<R> {
  /** The values of the `by` columns, keyed by column name; `{}` without `by`. */
  key: Record<string, SqlKeyValue>;
  /** The period's label, exactly as `byPeriod` writes it (`2026-W47`), when the query has a period. */
  period?: string;
  /** The instant the period starts (local midnight in its zone). */
  start?: Date;
  /** The instant the next period starts. */
  end?: Date;
  /** How many rows the group holds. */
  count: number;
  /** What the calculator gives for the group's rows. */
  result: R;
}

/** A generated query: one SQL statement, its parameters, and the function that turns the engine's rows into results. */
export interface SqlQuery<R> {
  /** One SQL statement, whose first line is a comment naming the metric and the package version. */
  text: string;
  /** The values of the statement's placeholders, in order; `[]` when it has none. */
  params: unknown[];
  /**
   * Finishes the engine's rows with the calculator's own code: one entry per group, ordered by the `by` values
   * ascending (nulls last), then by period.
   */
  results(rows: readonly SqlRow[]): Array<SqlGroup<R>>;
}

/** Local calendar periods of a time series: units and labels as `byPeriod`. */
export interface SqlPeriod {
  /** The column holding each row's instant. */
  column: string;
  /** The length of a period. */
  unit: Period;
  /** The IANA zone whose calendar defines the periods; default `'UTC'`. */
  timeZone?: string;
}

/** Where the rows come from and how they are grouped: what every builder takes. */
export interface SqlSource {
  /** The engine the statement is written for. */
  dialect: Dialect;
  /**
   * A table name, its dotted parts quoted one by one (`analytics.responses`), or `{ sql }`: the caller's own trusted
   * subquery, used as a common table expression.
   */
  from: string | { sql: string };
  /** Segment columns: one result per distinct combination of their values. */
  by?: readonly string[];
  /**
   * The zone in which timestamps without a zone are read; default `'UTC'`. Leave it out for columns that carry their
   * zone (TIMESTAMPTZ and the like).
   */
  inputTimeZone?: string;
}

/** What a query reads, before the metric's own columns. */
export interface ResolvedSource {
  dialect: Dialect;
  spec: DialectSpec;
  from: string | { sql: string };
  by: string[];
  inputTimeZone: string | undefined;
  /** Local calendar periods; `column` is absent when a later stage supplies each row's period (a series of bounds). */
  period: { column?: string; unit: Period; timeZone: string } | undefined;
}

/**
 * Collects the values bound as parameters. Expressions carry a token per value; `write` turns the tokens into the
 * dialect's placeholders in the order they appear, repeating a value for positional `?` placeholders.
 */
export class Params {
  private readonly values: unknown[] = [];
  constructor(private readonly spec: DialectSpec) {}
  /** Binds a value and returns the token that stands for it until the statement is written. */
  add(value: unknown): string {
    this.values.push(value);
    return `\u0000${this.values.length - 1}\u0000`;
  }
  /** The statement with placeholders, and the values in placeholder order. */
  write(text: string): { text: string; params: unknown[] } {
    const params: unknown[] = [];
    const positional = this.spec.placeholder(1) === this.spec.placeholder(2);
    // Tokens are NUL-delimited (NUL is refused in names and subqueries): every odd part is a value's index.
    const out = text
      .split("\u0000")
      .map((part, i) => {
        if (i % 2 === 0) return part;
        const index = Number(part);
        if (positional) {
          params.push(this.values[index]);
          return this.spec.placeholder(params.length);
        }
        return this.spec.placeholder(index + 1);
      })
      .join("");
    return { text: out, params: positional ? params : [...this.values] };
  }
}

const checkDialect = checkOneOf<Dialect>(...DIALECTS);

const checkFrom: Checker<string | { sql: string }> = (value, path, metric) => {
  if (typeof value === "string") {
    const parts = value.split(".");
    for (let i = 0; i < parts.length; i++) checkIdentifier(parts[i], [...path, i], metric);
    return value;
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const o = readOptions<{ sql: string }>(value, metric, { sql: checkSql }, String(path[path.length - 1]));
    if (o.sql === undefined) throw valueError("INVALID_INPUT", metric, [...path, "sql"], undefined, "expected a SELECT statement");
    return { sql: o.sql };
  }
  throw valueError("INVALID_INPUT", metric, path, value, "expected a table name or { sql }");
};

const checkSql: Checker<string> = (value, path, metric) => {
  if (typeof value === "string" && value.trim().replace(/;+\s*$/, "") !== "" && !value.includes("\u0000")) return value;
  throw valueError("INVALID_INPUT", metric, path, value, "expected a SELECT statement");
};

/** A list of column names. */
export const checkColumns: Checker<string[]> = (value, path, metric) => {
  if (!Array.isArray(value)) throw valueError("INVALID_INPUT", metric, path, value, "expected an array of column names");
  const names = value.map((v, i) => checkIdentifier(v, [...path, i], metric));
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (seen.has(name)) throw valueError("INVALID_INPUT", metric, [...path, i], name, "expected each column once");
    seen.add(name);
  });
  return names;
};

const checkZone: Checker<string> = (value, path, metric) => checkTimeZone(value, metric, path);

const checkPeriod: Checker<{ column: string; unit: Period; timeZone?: string }> = (value, path, metric) => {
  const o = readOptions<SqlPeriod>(value, metric, {
    column: checkIdentifier,
    unit: checkOneOf<Period>("day", "week", "month", "quarter", "year"),
    timeZone: checkZone,
  }, "period");
  if (o.column === undefined) throw valueError("INVALID_INPUT", metric, [...path, "column"], undefined, "expected a column name");
  if (o.unit === undefined) {
    throw valueError("INVALID_INPUT", metric, [...path, "unit"], undefined, "expected one of 'day', 'week', 'month', 'quarter', 'year'");
  }
  return o as { column: string; unit: Period; timeZone?: string };
};

/** The checkers of what every builder's first argument has: dialect, from, by, period, inputTimeZone. */
export const sourceCheckers = {
  dialect: checkDialect,
  from: checkFrom,
  by: checkColumns,
  period: checkPeriod,
  inputTimeZone: checkZone,
};

/** Reads the first argument of a builder: the source fields and the metric's own columns, unknown keys refused. */
export function readSpec<T extends object>(
  spec: unknown,
  metric: string,
  columns: { readonly [K in keyof T]-?: Checker<NonNullable<T[K]>> },
  required: ReadonlyArray<keyof T & string>,
  options: { period?: boolean } = {},
): T & { source: ResolvedSource } {
  const { period: _period, ...withoutPeriod } = sourceCheckers;
  const checkers = { ...(options.period === false ? withoutPeriod : sourceCheckers), ...columns } as Record<string, Checker<unknown>>;
  const o = readOptions<Record<string, unknown>>(spec ?? null, metric, checkers as never, "spec");
  for (const key of ["dialect", "from", ...required]) {
    if (o[key] === undefined) throw valueError("INVALID_INPUT", metric, ["spec", key], undefined, key === "dialect" ? `expected one of ${DIALECTS.map((d) => `'${d}'`).join(", ")}` : "expected a value");
  }
  const dialect = o.dialect as Dialect;
  const period = o.period as { column: string; unit: Period; timeZone?: string } | undefined;
  const source: ResolvedSource = {
    dialect,
    spec: DIALECT_SPECS[dialect],
    from: o.from as string | { sql: string },
    by: (o.by as string[] | undefined) ?? [],
    inputTimeZone: o.inputTimeZone as string | undefined,
    period: period === undefined ? undefined : { column: period.column, unit: period.unit, timeZone: period.timeZone ?? "UTC" },
  };
  return { ...(o as T), source };
}

// ---- The statement ----

/** The alias of the i-th segment column in the generated SQL. */
const keyAlias = (i: number): string => `cx_key_${i + 1}`;
const PERIOD_ALIAS = "cx_period";
const COUNT_ALIAS = "cx_count";

/** A column of the per-row CTE or an aggregate of the final SELECT, by alias (quoted when written). */
export type Column = readonly [alias: string, expression: string];

/** What a metric adds to the statement: per-row values, optional window columns over them, and per-group aggregates. */
export interface Plan {
  metric: string;
  /** Columns computed per row from the caller's columns (quoted names). */
  rows: readonly Column[];
  /** Columns computed by window functions over the rows; `partition` is the group's columns, `""` without any. */
  ranked?: ((partition: string) => readonly Column[]) | undefined;
  /**
   * Common table expressions after the rows (and the window columns), in order; the last one is what the aggregates
   * read. Each writes its SELECT (indented by four spaces) from the group's columns.
   */
  stages?: ReadonlyArray<{ name: string; select: (group: readonly string[]) => string }> | undefined;
  /** Aggregates per group over the columns above. */
  aggregates: readonly Column[];
  /** What the group's `count` is; default `COUNT(*)`, the rows of the last step. */
  count?: string | undefined;
  /** Columns of the last step the final SELECT also groups by, after the group's own (quoted names). */
  groupAlso?: readonly string[] | undefined;
}

function fromClause(source: ResolvedSource): string {
  const { spec, from } = source;
  if (typeof from === "string") return from.split(".").map((part) => spec.quote(part)).join(".");
  return spec.quote("cx_source");
}

/** The group's columns as written in GROUP BY, PARTITION BY and ORDER BY. */
function groupColumns(source: ResolvedSource): string[] {
  const q = source.spec.quote;
  const cols = source.by.map((_, i) => q(keyAlias(i)));
  if (source.period !== undefined) cols.push(q(PERIOD_ALIAS));
  return cols;
}

/** Writes the statement of a plan over a source. */
export function statement(source: ResolvedSource, params: Params, plan: Plan): string {
  const { spec } = source;
  const q = spec.quote;
  const ctes: string[] = [];
  // Indentation is written with each line and never added afterwards: a quoted name or the caller's subquery may hold
  // newlines whose following characters are part of the name or of a string literal.
  if (typeof source.from !== "string") {
    const sql = source.from.sql.trim().replace(/;+\s*$/, "");
    ctes.push(`  ${q("cx_source")} AS (\n${sql}\n  )`);
  }
  const rowCols: string[] = source.by.map((name, i) => `${q(name)} AS ${q(keyAlias(i))}`);
  if (source.period?.column !== undefined) {
    const p = source.period as { column: string; unit: Period; timeZone: string };
    const instant = spec.instant(q(p.column), source.inputTimeZone === undefined ? undefined : params.add(source.inputTimeZone));
    rowCols.push(`${spec.periodStart(instant, p.unit, params.add(p.timeZone))} AS ${q(PERIOD_ALIAS)}`);
  }
  for (const [alias, expr] of plan.rows) rowCols.push(`${expr} AS ${q(alias)}`);
  ctes.push(`  ${q("cx_rows")} AS (\n    SELECT\n${rowCols.map((c) => `      ${c}`).join(",\n")}\n    FROM ${fromClause(source)}\n  )`);
  const group = groupColumns(source);
  let last = "cx_rows";
  if (plan.ranked !== undefined) {
    const windows = plan.ranked(group.join(", ")).map(([alias, expr]) => `      ${expr} AS ${q(alias)}`);
    ctes.push(`  ${q("cx_ranked")} AS (\n    SELECT\n      *,\n${windows.join(",\n")}\n    FROM ${q("cx_rows")}\n  )`);
    last = "cx_ranked";
  }
  for (const stage of plan.stages ?? []) {
    ctes.push(`  ${q(stage.name)} AS (\n${stage.select(group)}\n  )`);
    last = stage.name;
  }
  const groupBy = [...group, ...(plan.groupAlso ?? [])];
  const select = [...groupBy, `${plan.count ?? "COUNT(*)"} AS ${q(COUNT_ALIAS)}`, ...plan.aggregates.map(([alias, expr]) => `${expr} AS ${q(alias)}`)];
  const lines = [
    `-- cx-metrics ${PACKAGE_VERSION}: ${plan.metric}`,
    `WITH\n${ctes.join(",\n")}`,
    `SELECT\n${select.map((c) => `  ${c}`).join(",\n")}`,
    `FROM ${q(last)}`,
  ];
  if (groupBy.length > 0) {
    lines.push(`GROUP BY ${groupBy.join(", ")}`);
    lines.push(`ORDER BY ${groupBy.join(", ")}`);
  }
  return lines.join("\n");
}

// ---- Reading the engine's rows ----

function cell(row: SqlRow, alias: string): unknown {
  if (Object.hasOwn(row, alias)) return row[alias];
  // Engines that fold names to upper case when the client does not keep the quoted spelling.
  const upper = alias.toUpperCase();
  return Object.hasOwn(row, upper) ? row[upper] : undefined;
}

/** Reads the engine's statistics of one group by alias. */
export class StatsRow {
  constructor(
    readonly row: SqlRow,
    readonly index: number,
    readonly metric: string,
  ) {}

  /** A number as the engine sent it (number, bigint, numeric text, a decimal object); `null` for SQL NULL. */
  maybe(alias: string): number | null {
    const v = cell(this.row, alias);
    if (v === null || v === undefined) return null;
    const n = typeof v === "number" ? v : typeof v === "bigint" ? Number(v) : Number(typeof v === "string" ? v : String(v));
    if (typeof v === "string" && v.trim() === "") return this.bad(alias, v);
    if (Number.isNaN(n)) return this.bad(alias, v);
    return n + 0;
  }

  /** A sum or count: SQL NULL (a sum over no rows) is 0. */
  sum(alias: string): number {
    return this.maybe(alias) ?? 0;
  }

  /** A local day written `YYYY-MM-DD` (text, or a date) as a day number; `null` for SQL NULL or an empty string. */
  day(alias: string): number | null {
    const v = cell(this.row, alias);
    if (v === null || v === undefined || v === "") return null;
    return dayNumber(v, this.index, alias, this.metric);
  }

  private bad(alias: string, value: unknown): never {
    throw valueError("INVALID_INPUT", this.metric, ["rows", this.index, alias], value, "expected a number from the engine");
  }
}

function keyValue(v: unknown): SqlKeyValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return v + 0;
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

const TYPE_ORDER = ["boolean", "number", "string"];

function compareKeys(a: SqlKeyValue, b: SqlKeyValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a !== typeof b) return TYPE_ORDER.indexOf(typeof a) - TYPE_ORDER.indexOf(typeof b);
  return a < b ? -1 : a > b ? 1 : 0;
}

function dayNumber(v: unknown, index: number, alias: string, metric: string): number {
  const text = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "string" ? v.slice(0, 10) : String(v).slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) throw valueError("INVALID_INPUT", metric, ["rows", index, alias], v, "expected the period's first day as YYYY-MM-DD");
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

function periodDay(v: unknown, index: number, metric: string): number {
  return dayNumber(v, index, PERIOD_ALIAS, metric);
}

/**
 * Turns the engine's rows into ordered groups, finishing each with the calculator's code. The first group whose
 * finish fails (an empty group, a value off the scale) throws the calculator's own error.
 */
export function readResults<R>(
  source: ResolvedSource,
  metric: string,
  rows: readonly SqlRow[],
  finish: (stats: StatsRow) => R,
): Array<SqlGroup<R>> {
  return guard(metric, () => {
    if (!Array.isArray(rows)) throw valueError("INVALID_INPUT", metric, ["rows"], rows, "expected the array of rows the engine returned");
    const groups = rows.map((row, index) => {
      if (typeof row !== "object" || row === null) throw valueError("INVALID_INPUT", metric, ["rows", index], row, "expected an object");
      const key: Record<string, SqlKeyValue> = {};
      source.by.forEach((name, i) => {
        key[name] = keyValue(cell(row, keyAlias(i)));
      });
      const stats = new StatsRow(row, index, metric);
      const day = source.period === undefined ? 0 : periodDay(cell(row, PERIOD_ALIAS), index, metric);
      return { key, day, stats };
    });
    groups.sort((a, b) => {
      for (const name of source.by) {
        const c = compareKeys(a.key[name]!, b.key[name]!);
        if (c !== 0) return c;
      }
      return a.day - b.day;
    });
    return groups.map(({ key, day, stats }) => {
      const group = { key } as SqlGroup<R>;
      if (source.period !== undefined) {
        const p = periodFromStartDay(day, source.period.unit, source.period.timeZone);
        group.period = p.label;
        group.start = new Date(p.start);
        group.end = new Date(p.end);
      }
      group.count = stats.sum(COUNT_ALIAS);
      group.result = finish(stats);
      return group;
    });
  });
}

/**
 * Turns the engine's rows, several per segment, into one group per segment ordered by key: `finish` gets the rows of
 * the segment, `count` is the sum of their counts; without `by` there is always one group. For statements whose final
 * SELECT groups by more than the segment.
 */
export function readSegments<R>(
  source: ResolvedSource,
  metric: string,
  rows: readonly SqlRow[],
  finish: (stats: StatsRow[]) => R,
): Array<SqlGroup<R>> {
  return guard(metric, () => {
    if (!Array.isArray(rows)) throw valueError("INVALID_INPUT", metric, ["rows"], rows, "expected the array of rows the engine returned");
    const segments = new Map<string, { key: Record<string, SqlKeyValue>; stats: StatsRow[] }>();
    rows.forEach((row, index) => {
      if (typeof row !== "object" || row === null) throw valueError("INVALID_INPUT", metric, ["rows", index], row, "expected an object");
      const key: Record<string, SqlKeyValue> = {};
      source.by.forEach((name, i) => {
        key[name] = keyValue(cell(row, keyAlias(i)));
      });
      const id = JSON.stringify(source.by.map((name) => [typeof key[name], key[name]]));
      let segment = segments.get(id);
      if (segment === undefined) segments.set(id, (segment = { key, stats: [] }));
      segment.stats.push(new StatsRow(row, index, metric));
    });
    // Without segment columns the whole table is one segment, even when it has no rows.
    if (source.by.length === 0 && segments.size === 0) segments.set("", { key: {}, stats: [] });
    const ordered = [...segments.values()].sort((a, b) => {
      let c = 0;
      for (let i = 0; c === 0 && i < source.by.length; i++) c = compareKeys(a.key[source.by[i]!]!, b.key[source.by[i]!]!);
      return c;
    });
    return ordered.map(({ key, stats }) => {
      let count = 0;
      for (const s of stats) count += s.sum(COUNT_ALIAS);
      return { key, count, result: finish(stats) };
    });
  });
}

/** Assembles a query from a source and a plan. */
export function buildQuery<R>(source: ResolvedSource, params: Params, plan: Plan, finish: (stats: StatsRow) => R): SqlQuery<R> {
  const { text, params: values } = params.write(statement(source, params, plan));
  return {
    text,
    params: values,
    results: (rows) => readResults(source, plan.metric, rows, finish),
  };
}

/** Reads a spec and builds the query in one guarded step, so nothing but a CxMetricsError escapes a builder. */
export function builder<R>(metric: string, run: () => SqlQuery<R>): SqlQuery<R> {
  return guard(metric, run);
}
