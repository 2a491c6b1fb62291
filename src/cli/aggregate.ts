import { CxMetricsError } from "../errors.js";
import { MAX_EPOCH_MS, type Period, periodOf } from "../internal/date.js";
import { InputError, RowError } from "./errors.js";
import { type ColumnRequest, type Field, locate, placeOf, type Row, type Source, type Table } from "./input/index.js";
import type { Plan, Result, Sink } from "./metrics/types.js";
import { type DateReading, readKey, requiredInstantReader } from "./values.js";

/** How rows are split into groups: by a column's value, by the calendar period of a date column, or both. */
export interface Grouping {
  readonly by?: string;
  readonly period?: { readonly period: Period; readonly dateColumn: string; readonly timeZone: string; readonly reading: DateReading };
}

/** One group's result: `key` is the segment (or the period label without --by), `period` the label with both. */
export interface Entry {
  readonly key?: string;
  readonly period?: string;
  readonly result: Result;
}

/** What happened to the rows, for the notes on stderr. */
export interface Tally {
  rows: number;
  missing: number;
  /** Rows left out by --where. */
  filtered: number;
  skipped: number;
  /** The first skipped rows: line numbers, or `[index]` for JSON array elements. */
  skippedPlaces: string[];
  /** Groups left out because they hold no value to compute from, with the calculator's reason. */
  empty: Array<{ name: string; reason: string }>;
}

const SHOWN_LINES = 5;

/** A tally of no rows yet; progress reads its row count while the rows stream. */
export function newTally(): Tally {
  return { rows: 0, missing: 0, filtered: 0, skipped: 0, skippedPlaces: [], empty: [] };
}

/** The default of --max-groups: each group holds an accumulator, so their number bounds memory. */
export const DEFAULT_MAX_GROUPS = 100_000;

/**
 * The default of --max-rows, for metrics that keep every row: a churn record takes a few hundred bytes of memory, so
 * five million stay inside Node's default heap.
 */
export const DEFAULT_MAX_ROWS = 5_000_000;

interface Group {
  readonly segment: string | undefined;
  readonly label: string | undefined;
  readonly sink: Sink<unknown>;
}

/** Streams every row of the table through the plan, one sink per group, and computes each group's result. */
export async function aggregate(
  source: Source,
  table: Table,
  metricPlan: Plan<unknown>,
  grouping: Grouping,
  options: {
    readonly skipInvalid: boolean;
    readonly maxGroups: number;
    /** The most rows the sinks may be given in all, for metrics that keep each one; undefined when they do not. */
    readonly maxRows?: number | undefined;
    readonly tally?: Tally;
    readonly where?: ReadonlyArray<Filter>;
    readonly skipRows?: number;
  },
): Promise<{ entries: Entry[]; tally: Tally }> {
  const { skipInvalid, maxGroups } = options;
  const maxRows = options.maxRows ?? Number.POSITIVE_INFINITY;
  let kept = 0;
  const fields: Record<string, Field> = {};
  for (const [name, request] of Object.entries(metricPlan.columns)) fields[name] = table.field(request);
  const read = metricPlan.read(fields);
  const keyOf = groupKey(table, grouping);
  const groups = new Map<string, Group>();
  // Segments keep the order they first appear in (as groupBy does); periods sort chronologically (as byPeriod does).
  const segmentOrder = new Map<string | undefined, number>();
  const tally = options.tally ?? newTally();
  const keep = rowFilter(table, options.where ?? []);
  let toSkip = options.skipRows ?? 0;

  const refuse = (row: Row, error: RowError) => {
    if (!skipInvalid) throw new InputError(`${source.name}, ${locate(row)}: ${error.message}`);
    tally.skipped++;
    if (tally.skippedPlaces.length < SHOWN_LINES) tally.skippedPlaces.push(placeOf(row));
  };
  // A sink that adds values in batches learns of a refused value late; it reports it with the row's place.
  const late = (place: Row, error: unknown) => {
    if (!(error instanceof CxMetricsError)) throw error;
    const issue = error.issues[0];
    refuse(place, new RowError(metricPlan.valueColumn, issue?.input, issue?.expected ?? error.message));
  };

  await table.scan((row) => {
    if (toSkip > 0) {
      toSkip--;
      return;
    }
    tally.rows++;
    try {
      if (row.invalid !== undefined) throw new RowError(undefined, undefined, row.invalid);
      if (!keep(row)) {
        tally.filtered++;
        return;
      }
      const value = read(row);
      if (value === undefined) {
        tally.missing++;
        return;
      }
      const { key, segment, label } = keyOf(row);
      let group = groups.get(key);
      if (group === undefined) {
        if (groups.size >= maxGroups) {
          throw new InputError(
            `${source.name}, ${locate(row)}: more than ${maxGroups} groups (--max-groups raises the limit; each group holds its own totals)`,
          );
        }
        group = { segment, label, sink: metricPlan.create(late) };
        if (!segmentOrder.has(segment)) segmentOrder.set(segment, segmentOrder.size);
        groups.set(key, group);
      }
      if (kept >= maxRows) {
        throw new InputError(
          `${source.name}, ${locate(row)}: more than ${maxRows} rows to keep in memory (--max-rows raises the limit; this metric keeps every row)`,
        );
      }
      addValue(group.sink, value, metricPlan.valueColumn, row);
      kept++;
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      refuse(row, error);
    }
  });
  for (const group of groups.values()) group.sink.flush?.();
  table.finish();
  const ordered = [...groups.values()].sort(
    (a, b) => segmentOrder.get(a.segment)! - segmentOrder.get(b.segment)! || compare(a.label, b.label),
  );
  return { entries: results(source, ordered, grouping, tally), tally };
}

function addValue(sink: Sink<unknown>, value: unknown, column: string, row: Row): void {
  try {
    sink.add(value, row);
  } catch (error) {
    if (!(error instanceof CxMetricsError)) throw error;
    const issue = error.issues[0];
    throw new RowError(column, issue?.input, issue?.expected ?? error.message);
  }
}

/** One --where condition: the column's text equals (or, with `negate`, differs from) `value`. */
export interface Filter {
  readonly column: string;
  readonly value: string;
  readonly negate: boolean;
}

/** Reads `status=paid` or `status!=refunded`; undefined when the text is neither. */
export function parseFilter(text: string): Filter | undefined {
  const at = text.indexOf("=");
  if (at <= 0) return undefined;
  const negate = text[at - 1] === "!";
  const column = text.slice(0, negate ? at - 1 : at);
  if (column === "") return undefined;
  return { column, value: text.slice(at + 1), negate };
}

/** Whether a row passes every filter. Cells compare as text (a JSON number by its JSON spelling); nothing is evaluated. */
function rowFilter(table: Table, filters: ReadonlyArray<Filter>): (row: Row) => boolean {
  if (filters.length === 0) return () => true;
  const checks = filters.map((f) => ({ ...f, field: table.field({ column: f.column, option: "--where", optional: true }) }));
  return (row) => {
    for (const check of checks) {
      const cell = check.field(row);
      const text = cell === undefined || cell === null ? "" : typeof cell === "object" ? JSON.stringify(cell) : String(cell);
      if ((text === check.value) === check.negate) return false;
    }
    return true;
  };
}

/** A row's group: the map key, the segment and the period label. Reused from row to row. */
interface GroupOf {
  key: string;
  segment: string | undefined;
  label: string | undefined;
}

/** The group of a row; the returned object is overwritten by the next call. */
function groupKey(table: Table, grouping: Grouping): (row: Row) => GroupOf {
  const by = grouping.by === undefined ? undefined : column(table, { column: grouping.by, option: "--by" });
  const period = grouping.period;
  const date = period === undefined ? undefined : column(table, { column: period.dateColumn, option: "--date-column" });
  const group: GroupOf = { key: "", segment: undefined, label: undefined };
  if (by === undefined && date === undefined) return () => group;
  if (date === undefined) {
    const text = by!.field.key;
    return (row) => {
      group.segment = readKey(text === undefined ? by!.field(row) : text(row), by!.column);
      group.key = group.segment;
      return group;
    };
  }
  const labelOf = periodLabeler(period!.period, period!.timeZone);
  const instantOf = requiredInstantReader(date.field, date.column, period!.reading);
  return (row) => {
    const at = instantOf(row);
    // Periods are found a day or more either side of the instant, which must stay inside the range of a Date.
    if (Math.abs(at) > MAX_EPOCH_MS - PERIOD_MARGIN_MS) {
      throw new RowError(date.column, date.field(row), "too close to the limits of the date range to fall in a --period");
    }
    group.label = labelOf(at);
    group.segment = by === undefined ? undefined : readKey(by.field(row), by.column);
    group.key = by === undefined ? group.label : `${group.segment}\u0000${group.label}`;
    return group;
  };
}

/** Room kept at the ends of the date range for a period (a year) and a zone's offset. */
const PERIOD_MARGIN_MS = 400 * 86_400_000;

const RECENT_PERIODS = 16;

/**
 * The label of the period holding an instant. Finding it asks Intl for the zone's offset, so the last few periods seen
 * (as [start, end) instants) answer first: rows tend to come in time order or from a few periods.
 */
function periodLabeler(period: Period, timeZone: string): (at: number) => string {
  const recent: Array<{ start: number; end: number; label: string }> = [];
  return (at) => {
    for (const p of recent) if (at >= p.start && at < p.end) return p.label;
    const p = periodOf(at, period, timeZone);
    recent.unshift(p);
    if (recent.length > RECENT_PERIODS) recent.pop();
    return p.label;
  };
}

function column(table: Table, request: ColumnRequest): { column: string; field: Field } {
  return { column: request.column, field: table.field(request) };
}

function compare(a: string | undefined, b: string | undefined): number {
  return a === b ? 0 : (a ?? "") < (b ?? "") ? -1 : 1;
}

/** Each group's result; empty groups are left out and noted. */
function results(source: Source, groups: ReadonlyArray<Group>, grouping: Grouping, tally: Tally): Entry[] {
  const grouped = grouping.by !== undefined || grouping.period !== undefined;
  const entries: Entry[] = [];
  for (const group of groups) {
    let result: Result;
    try {
      result = group.sink.result();
    } catch (error) {
      if (!(error instanceof CxMetricsError)) throw error;
      if (!grouped || error.code !== "EMPTY_INPUT") throw new InputError(`${source.name}: ${error.message}`);
      tally.empty.push({ name: [group.segment, group.label].filter((s) => s !== undefined).join(" "), reason: error.message });
      continue;
    }
    if (!grouped) entries.push({ result });
    else if (group.segment !== undefined && group.label !== undefined) entries.push({ key: group.segment, period: group.label, result });
    else entries.push({ key: (group.segment ?? group.label)!, result });
  }
  if (entries.length === 0) {
    const why = tally.rows === 0 ? "it has no rows" : tally.empty.length > 0 ? tally.empty[0]!.reason : "no row has a value to compute from";
    throw new InputError(`${source.name}: no result: ${why}`);
  }
  return entries;
}
