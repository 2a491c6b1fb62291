import type { OptionSpec, Options } from "../args.js";
import type { ColumnRequest, Field, Row } from "../input/index.js";
import type { DateReading } from "../values.js";

/** Settings every metric may read, resolved from the common options. */
export interface Context {
  readonly options: Options;
  /** The zone of calendar periods and of the dates given as options (--time-zone); default UTC. */
  readonly timeZone: string;
  /** How dates in the data are read: --input-time-zone (default UTC) and --epoch-unit. */
  readonly reading: DateReading;
  readonly decimals: number | undefined;
  readonly confidence: number | undefined;
}

/** A result as the calculators return it: plain data with a `metric` field. */
export type Result = { readonly metric: string } & Readonly<Record<string, unknown>>;

/** Collects the values of one group and computes its result. */
export interface Sink<V> {
  /** Adds one row's value; the row is only valid during the call. */
  add(value: V, row: Row): void;
  /** Adds what a batching sink still holds; called once, after the last row. */
  flush?(): void;
  result(): Result;
}

/** How a batching sink reports a value the calculator refused after its row was read: the row's place and the error. */
export type LateRefusal = (place: Row, error: unknown) => void;

/** One column of the table format. */
export interface TableColumn {
  readonly header: string;
  cell(result: Result): string;
  /** Text columns align left; numbers right (the default). */
  readonly left?: boolean;
}

/** Where the bar goes among a view's columns (at the end when a view has no such marker). */
export const BAR: TableColumn = { header: "", cell: () => "" };

/** How the table format shows a metric: its columns after the group key, and the bar drawn for its headline. */
export interface View {
  /** The columns, or a function of the rows shown when they vary (one per cohort period). */
  readonly columns: ReadonlyArray<TableColumn> | ((rows: ReadonlyArray<Result>) => ReadonlyArray<TableColumn>);
  /** Splits a result holding several rows (cohorts) into one flat row each, for the table and CSV formats. */
  explode?(result: Result): Result[];
  readonly bar?: {
    value(result: Result): number;
    /** The bar's range; a range below zero draws a bar either side of zero. `max` undefined: the largest value. */
    readonly min: number;
    readonly max?: number;
  };
}

/** A metric ready to run: the columns it reads, how one row becomes a value, and the sink of each group. */
export interface Plan<V> {
  readonly columns: Readonly<Record<string, ColumnRequest>>;
  /** Reads one row; undefined when the row has no value for this metric (an empty cell). Throws RowError. */
  read(fields: Readonly<Record<string, Field>>): (row: Row) => V | undefined;
  /** The column named when the calculator itself refuses a value. */
  readonly valueColumn: string;
  create(late: LateRefusal): Sink<V>;
  readonly view: View;
  /** Words for rows without a value, for the note on stderr: `without a score in "nps"`. */
  readonly missing?: string;
}

/** A metric of the command line. */
export interface MetricCommand {
  readonly name: string;
  /** One line for `cx-metrics --help`. */
  readonly summary: string;
  /** A paragraph for `cx-metrics <metric> --help`. */
  readonly description: string;
  readonly options: ReadonlyArray<OptionSpec>;
  /** Example command lines (without the program name). */
  readonly examples: ReadonlyArray<string>;
  /**
   * Whether `--period` with `--date-column` splits the rows into a time series. Metrics computed over whole histories
   * (churn, cohorts, CLV) do not; those that give `--period` or `--date-column` a meaning of their own list them among
   * their options.
   */
  readonly timeSeries: boolean;
  /** Whether results carry confidence intervals (`--confidence` applies). */
  readonly intervals?: boolean;
  /**
   * Present for metrics that may keep every row they are given (exact percentiles, subscription and transaction
   * records), so that `--max-rows` applies: whether this run does (exact response times do, sketched ones do not).
   */
  readonly keepsRows?: (context: Context) => boolean;
  prepare(context: Context): Promise<Plan<unknown>>;
}

/** Erases a plan's value type once its reader and sinks are known to agree. */
export function plan<V>(p: Plan<V>): Plan<unknown> {
  return p as Plan<unknown>;
}
