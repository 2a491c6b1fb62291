import { churnFromSubscriptions, cohortRetention, historicalClv } from "../../index.js";
import { isMoney } from "../../internal/money.js";
import { roundTo } from "../../internal/round.js";
import type { Options, OptionSpec } from "../args.js";
import { PERIODS } from "../common.js";
import { RowError } from "../errors.js";
import { instantReader, isMissing, parseInstant, requiredInstantReader, requireKey } from "../values.js";
import { countColumn, fixed, numberColumn } from "./show.js";
import { BAR, type Context, type MetricCommand, plan, type Result, type TableColumn } from "./types.js";

// Churn, cohorts and CLV are computed over whole customer histories: each group keeps its records until the end.

interface Subscription {
  customerId: string;
  startedAt: number;
  endedAt: number | null;
}

interface Transaction {
  customerId: string;
  at: number;
  amount: string | number;
}

const CUSTOMER: OptionSpec = {
  name: "customer-column",
  value: "NAME",
  example: "customer_id",
  help: "the column of customer ids",
  required: true,
};
const START: OptionSpec = {
  name: "start-column",
  value: "NAME",
  example: "started_at",
  help: "the column of when each subscription started",
  required: true,
};
const END: OptionSpec = {
  name: "end-column",
  value: "NAME",
  example: "ended_at",
  help: "the column of when each subscription ended, empty while it runs", required: true,
};

/** A date option: ISO 8601, epoch milliseconds, or a local date or date-time read in --time-zone. */
function dateOption(options: Options, name: string, timeZone: string): number | undefined {
  const text = options.string(name);
  if (text === undefined) return undefined;
  const at = parseInstant(text, { timeZone, epochUnit: "ms" });
  if (typeof at === "string") throw options.fail(`--${name} is "${text}", expected a date such as 2026-01-01 or 2026-01-01T00:00:00Z`);
  return at;
}

function requiredDate(options: Options, name: string, timeZone: string): number {
  options.required(name);
  return dateOption(options, name, timeZone)!;
}

/** The plan shared by churn and cohorts: subscription records, collected per group, computed at the end. */
function subscriptionPlan(context: Context, compute: (subscriptions: Subscription[]) => Result, view: ReturnType<typeof churnView>) {
  const { options, reading } = context;
  const customer = options.required("customer-column");
  const start = options.required("start-column");
  const end = options.required("end-column");
  return plan<Subscription>({
    columns: {
      customer: { column: customer, option: "--customer-column" },
      start: { column: start, option: "--start-column" },
      end: { column: end, option: "--end-column", optional: true },
    },
    read(fields) {
      const [customerField, endField] = [fields.customer!, fields.end!];
      const startOf = requiredInstantReader(fields.start!, start, reading);
      const endOf = instantReader(endField, end, reading);
      return (row) => {
        const customerId = requireKey(customerField(row), customer);
        const startedAt = startOf(row);
        const endedAt = endOf(row) ?? null;
        if (endedAt !== null && endedAt < startedAt) throw new RowError(end, endField(row), `expected an instant not before "${start}"`);
        return { customerId, startedAt, endedAt };
      };
    },
    valueColumn: start,
    create() {
      const subscriptions: Subscription[] = [];
      return { add: (s) => subscriptions.push(s), result: () => compute(subscriptions) };
    },
    view,
  });
}

function churnView(decimals: number | undefined) {
  return {
    columns: [
      numberColumn("churn", "rate", decimals, "%"),
      countColumn("at start", "customersAtStart"),
      countColumn("lost", "customersLost"),
      BAR,
      numberColumn("retention", "retentionRate", decimals, "%"),
      countColumn("new", "newCustomers"),
      countColumn("reactivated", "reactivated"),
      countColumn("at end", "customersAtEnd"),
    ] as ReadonlyArray<TableColumn>,
    bar: { value: (r: Result) => r.rate as number, min: 0, max: 100 },
  };
}

export const churnCommand: MetricCommand = {
  name: "churn",
  summary: "customer churn over a period, from subscription records",
  description:
    "Churn over [--period-start, --period-end): 100 x customers active at the start and not at the end / customers active at the start. A customer may have several subscriptions; an empty end cell is a subscription still running.",
  options: [
    CUSTOMER,
    START,
    END,
    {
      name: "period-start",
      value: "DATE",
      example: "2026-01-01",
      help: "the first instant of the period",
      required: true,
    },
    {
      name: "period-end",
      value: "DATE",
      example: "2026-02-01",
      help: "the first instant after the period",
      required: true,
    },
  ],
  examples: [
    "churn subscriptions.csv --customer-column customer_id --start-column started_at --end-column ended_at --period-start 2026-01-01 --period-end 2026-02-01",
    "churn subscriptions.csv --customer-column customer_id --start-column started_at --end-column ended_at --period-start 2026-01-01 --period-end 2026-04-01 --by plan",
  ],
  timeSeries: false,
  keepsRows: () => true,
  async prepare(context) {
    const { options, timeZone, decimals } = context;
    const periodStart = requiredDate(options, "period-start", timeZone);
    const periodEnd = requiredDate(options, "period-end", timeZone);
    if (!(periodEnd > periodStart)) throw options.fail("--period-end must be after --period-start");
    return subscriptionPlan(
      context,
      (subscriptions) => {
        const result = churnFromSubscriptions(subscriptions, { periodStart, periodEnd });
        // The calculator has no rounding option: round its percentages here, once, when --decimals is given.
        return (decimals === undefined ? result : roundFields(result, ["rate", "retentionRate"], decimals)) as unknown as Result;
      },
      churnView(decimals),
    );
  },
};

function roundFields<T extends object>(result: T, fields: ReadonlyArray<string>, decimals: number): T {
  const rounded = { ...result } as Record<string, unknown>;
  for (const field of fields) {
    const value = rounded[field];
    if (typeof value === "number") rounded[field] = roundTo(value, decimals);
  }
  return rounded as T;
}

export const cohortsCommand: MetricCommand = {
  name: "cohorts",
  summary: "retention by acquisition cohort, from subscription records",
  description:
    "Customers grouped by the period of their first subscription; for each cohort, the percent still active at the start of each following period (+0 is always 100%). Periods are read in --time-zone; columns stop at --as-of.",
  options: [
    CUSTOMER,
    START,
    END,
    {
      name: "period",
      value: "PERIOD",
      example: "month",
      help: "the cohort length: day, week, month, quarter or year",
      default: "month",
    },
    { name: "as-of", value: "DATE", example: "2026-06-30", help: "the last instant to report on", default: "now" },
  ],
  examples: [
    "cohorts subscriptions.csv --customer-column customer_id --start-column started_at --end-column ended_at --as-of 2026-06-30",
    "cohorts subscriptions.csv --customer-column customer_id --start-column started_at --end-column ended_at --period quarter --as-of 2026-12-31 --format csv",
  ],
  timeSeries: false,
  keepsRows: () => true,
  async prepare(context) {
    const { options, timeZone, decimals } = context;
    const period = options.choice("period", PERIODS) ?? "month";
    const asOf = dateOption(options, "as-of", timeZone) ?? Date.now();
    const view = {
      columns: (rows: ReadonlyArray<Result>) => {
        let periods = 0;
        for (const r of rows) periods = Math.max(periods, (r.retention as number[]).length);
        return [
          { header: "cohort", cell: (r: Result) => String(r.cohort), left: true },
          countColumn("size", "size"),
          ...Array.from({ length: periods }, (_, k) => ({
            header: `+${k}`,
            cell: (r: Result) => {
              const value = (r.retention as number[])[k];
              return value === undefined ? "" : `${fixed(value, decimals)}%`;
            },
          })),
        ];
      },
      explode: (result: Result) =>
        (result.cohorts as Array<{ cohort: string; size: number; retention: number[] }>).map((c) => {
          const row: Record<string, unknown> = { metric: result.metric, cohort: c.cohort, size: c.size, retention: c.retention };
          return row as Result;
        }),
    };
    return subscriptionPlan(
      context,
      (subscriptions) =>
        cohortRetention(subscriptions, { period, asOf, timeZone, ...(decimals === undefined ? {} : { decimals }) }) as unknown as Result,
      view as unknown as ReturnType<typeof churnView>,
    );
  },
};

export const clvCommand: MetricCommand = {
  name: "clv",
  summary: "historical customer lifetime value, from transactions",
  description:
    "Historical CLV: total revenue / customers - acquisition cost. Amounts are summed as exact decimals; refunds may be negative.",
  options: [
    CUSTOMER,
    {
      name: "amount-column",
      value: "NAME",
      example: "total",
      help: "the column of transaction amounts such as 49.90",
      required: true,
    },
    {
      name: "date-column",
      value: "NAME",
      example: "ordered_at",
      help: "the column of transaction dates",
      required: true,
    },
    {
      name: "acquisition-cost",
      value: "AMOUNT",
      example: "35",
      help: "subtracted from the revenue per customer",
      default: "0",
    },
  ],
  examples: [
    "clv orders.csv --customer-column customer_id --amount-column total --date-column ordered_at",
    "clv orders.ndjson --customer-column customer_id --amount-column total --date-column ordered_at --acquisition-cost 35 --by country",
  ],
  timeSeries: false,
  keepsRows: () => true,
  async prepare(context) {
    const { options, decimals } = context;
    const customer = options.required("customer-column");
    const amountColumn = options.required("amount-column");
    const dateColumn = options.required("date-column");
    const cost = options.string("acquisition-cost");
    if (cost !== undefined && !isMoney(cost.trim())) {
      throw options.fail(`--acquisition-cost is "${cost}", expected an amount such as 25 or 19.90`);
    }
    return plan<Transaction>({
      columns: {
        customer: { column: customer, option: "--customer-column" },
        amount: { column: amountColumn, option: "--amount-column" },
        at: { column: dateColumn, option: "--date-column" },
      },
      read(fields) {
        const [customerField, amountField] = [fields.customer!, fields.amount!];
        const atOf = requiredInstantReader(fields.at!, dateColumn, context.reading);
        return (row) => {
          const customerId = requireKey(customerField(row), customer);
          const at = atOf(row);
          const cell = amountField(row);
          const amount = typeof cell === "string" ? cell.trim() : cell;
          if (isMissing(cell) || !isMoney(amount)) throw new RowError(amountColumn, cell, "expected an amount such as 49.90");
          return { customerId, at, amount };
        };
      },
      valueColumn: amountColumn,
      create() {
        const transactions: Transaction[] = [];
        return {
          add: (t) => transactions.push(t),
          result: () =>
            historicalClv(transactions, {
              ...(cost === undefined ? {} : { acquisitionCost: cost.trim() }),
              ...(decimals === undefined ? {} : { decimals }),
            }) as unknown as Result,
        };
      },
      view: {
        columns: [
          numberColumn("CLV", "value", decimals ?? 2),
          countColumn("customers", "customers"),
          BAR,
          numberColumn("revenue/customer", "revenuePerCustomer", decimals ?? 2),
          numberColumn("revenue", "revenue", decimals ?? 2),
        ],
        bar: { value: (r) => r.value as number, min: 0 },
      },
    });
  },
};
