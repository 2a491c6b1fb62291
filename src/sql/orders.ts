import { checkDecimals, checkMoney, readOptions } from "../internal/check.js";
import { valueError } from "../internal/fail.js";
import { MONEY_EXPECTED } from "../internal/money.js";
import type { BusinessRateOptions } from "../business/churn.js";
import {
  finishHistoricalClv,
  finishPurchaseFrequency,
  finishRepeatCustomerRate,
  type HistoricalClvOptions,
  type HistoricalClvResult,
  type PurchaseFrequencyResult,
  type RepeatCustomerRateResult,
} from "../business/loyalty.js";
import { checkIdentifier } from "./dialect.js";
import { buildQuery, builder, type Column, Params, type Plan, type ResolvedSource, readSpec, type SqlPeriod, type SqlQuery, type SqlSource, type StatsRow } from "./query.js";

/** What {@link repeatCustomerRateQuery} and {@link purchaseFrequencyQuery} read: one row per transaction. */
export interface TransactionsQuerySpec extends SqlSource {
  /** The column holding who bought. */
  customerId: string;
  /** The column holding when. */
  at: string;
  /** The column holding how much; accepted for symmetry with {@link historicalClvQuery}, not read by the counts. */
  amount?: string;
  /** Local calendar periods of a column of the table (usually `at`'s): the metric of each period's transactions. */
  period?: SqlPeriod;
}

/** What {@link historicalClvQuery} reads: one row per transaction, with its amount. */
export interface HistoricalClvQuerySpec extends TransactionsQuerySpec {
  /** The column holding each transaction's amount (refunds negative), summed as an exact decimal. */
  amount: string;
}

const ID_EXPECTED = "expected a customer id: a non-empty string or a finite number";
const DATE_EXPECTED = "expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds";

/** Per customer its transactions (and their exact sum), per group the customers, those who came back, the orders. */
function ordersPlan(source: ResolvedSource, metric: string, s: { customerId: string; at: string; amount?: string | undefined }, withAmount: boolean): Plan {
  const { spec: d } = source;
  const q = d.quote;
  const [id, at, amount, n] = ["cx_id", "cx_at", "cx_amount", "cx_n"].map(q) as [string, string, string, string];
  const rows: Column[] = [
    ["cx_id", q(s.customerId)],
    ["cx_at", q(s.at)],
  ];
  const perCustomer: Column[] = [
    ["cx_n", "COUNT(*)"],
    ["cx_no_at", `COUNT(CASE WHEN ${at} IS NULL THEN 1 END)`],
  ];
  const aggregates: Column[] = [
    ["cx_customers", `COUNT(CASE WHEN ${id} IS NOT NULL THEN 1 END)`],
    ["cx_repeat", `COUNT(CASE WHEN ${id} IS NOT NULL AND ${n} >= 2 THEN 1 END)`],
    ["cx_no_id", `SUM(CASE WHEN ${id} IS NULL THEN ${n} ELSE 0 END)`],
    ["cx_no_at", `SUM(${q("cx_no_at")})`],
  ];
  if (withAmount) {
    // Through text: a double column's value at its shortest decimal representation (as the calculator reads a number),
    // where a direct cast scales it in floating point first; decimal and text columns pass unchanged.
    rows.push(["cx_amount", `CAST(CAST(${q(s.amount!)} AS ${d.text}) AS ${d.decimal})`]);
    perCustomer.push(["cx_revenue", `SUM(${amount})`], ["cx_no_amount", `COUNT(CASE WHEN ${amount} IS NULL THEN 1 END)`]);
    aggregates.push(["cx_revenue", `SUM(${q("cx_revenue")})`], ["cx_no_amount", `SUM(${q("cx_no_amount")})`]);
  }
  return {
    metric,
    rows,
    stages: [
      {
        name: "cx_customers",
        select: (group) =>
          [
            "    SELECT",
            [...group, id, ...perCustomer.map(([alias, expr]) => `${expr} AS ${q(alias)}`)].map((c) => `      ${c}`).join(",\n"),
            `    FROM ${q("cx_rows")}`,
            `    GROUP BY ${[...group, id].join(", ")}`,
          ].join("\n"),
      },
    ],
    count: `SUM(${n})`,
    aggregates,
  };
}

/** Refuses what the calculators refuse of a group's transactions. */
function refuseBadTransactions(row: StatsRow): void {
  if (row.sum("cx_no_id") > 0) throw valueError("INVALID_INPUT", row.metric, ["customerId"], null, ID_EXPECTED);
  if (row.sum("cx_no_at") > 0) throw valueError("INVALID_INPUT", row.metric, ["at"], null, DATE_EXPECTED);
}

function transactionsQuery<R>(
  metric: string,
  spec: unknown,
  withAmount: boolean,
  finish: (row: StatsRow) => R,
): SqlQuery<R> {
  const s = readSpec<{ customerId: string; at: string; amount?: string }>(
    spec,
    metric,
    { customerId: checkIdentifier, at: checkIdentifier, amount: checkIdentifier },
    withAmount ? ["customerId", "at", "amount"] : ["customerId", "at"],
  );
  const plan = ordersPlan(s.source, metric, s, withAmount);
  return buildQuery(s.source, new Params(s.source.spec), plan, (row) => {
    refuseBadTransactions(row);
    return finish(row);
  });
}

/**
 * Repeat customer rate per segment and period, computed where the data lives: the engine counts each customer's
 * transactions and, per group, the customers and those with two or more; `results` finishes them with
 * `repeatCustomerRate`'s own code.
 *
 * rate = 100 × (customers with >= 2 transactions) / (distinct customers), one correctly rounded division.
 *
 * @param spec - `dialect`, `from`, `customerId`, `at`, optional `amount` (not read), `by`, `period`, `inputTimeZone`
 * @param options - `decimals`
 * @returns the statement, its parameters and `results(rows)`; `count` is the group's transactions
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for a bad name or option; `results` throws
 *   `EMPTY_INPUT` for a group without transactions and `INVALID_INPUT` for a NULL customer id or `at`
 *
 * @example
 * ```ts
 * import { repeatCustomerRateQuery } from "cx-metrics/sql";
 * const q = repeatCustomerRateQuery({ dialect: "duckdb", from: "orders", customerId: "customer_id", at: "ordered_at" }, { decimals: 1 });
 * const rows = [{ cx_count: 4, cx_customers: 3, cx_repeat: 1, cx_no_id: 0, cx_no_at: 0 }];
 * console.log(JSON.stringify(q.results(rows)[0].result));
 * // => {"metric":"repeatCustomerRate","rate":33.3,"repeatCustomers":1,"customers":3}
 * ```
 */
export function repeatCustomerRateQuery(spec: TransactionsQuerySpec, options?: BusinessRateOptions): SqlQuery<RepeatCustomerRateResult> {
  const metric = "repeatCustomerRate";
  return builder(metric, () => {
    const o = readOptions<BusinessRateOptions>(options, metric, { decimals: checkDecimals });
    return transactionsQuery(metric, spec, false, (row) => finishRepeatCustomerRate(row.sum("cx_repeat"), row.sum("cx_customers"), o.decimals));
  });
}

/**
 * Purchase frequency per segment and period, computed where the data lives: the engine counts the transactions and
 * the distinct customers of each group; `results` finishes them with `purchaseFrequency`'s own code.
 *
 * perCustomer = orders / distinct customers, one correctly rounded division.
 *
 * @param spec - `dialect`, `from`, `customerId`, `at`, optional `amount` (not read), `by`, `period`, `inputTimeZone`
 * @param options - `decimals`
 * @returns the statement, its parameters and `results(rows)`; `count` is the group's transactions
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for a bad name or option; `results` throws
 *   `EMPTY_INPUT` for a group without transactions and `INVALID_INPUT` for a NULL customer id or `at`
 *
 * @example
 * ```ts
 * import { purchaseFrequencyQuery } from "cx-metrics/sql";
 * const q = purchaseFrequencyQuery({ dialect: "postgres", from: "orders", customerId: "customer_id", at: "ordered_at", by: ["country"] });
 * const rows = [{ cx_key_1: "FR", cx_count: "3", cx_customers: "2", cx_repeat: "1", cx_no_id: "0", cx_no_at: "0" }];
 * console.log(q.results(rows).map((g) => `${g.key.country}: ${g.result.perCustomer}`).join());
 * // => FR: 1.5
 * ```
 */
export function purchaseFrequencyQuery(spec: TransactionsQuerySpec, options?: BusinessRateOptions): SqlQuery<PurchaseFrequencyResult> {
  const metric = "purchaseFrequency";
  return builder(metric, () => {
    const o = readOptions<BusinessRateOptions>(options, metric, { decimals: checkDecimals });
    return transactionsQuery(metric, spec, false, (row) => finishPurchaseFrequency(row.sum("cx_count"), row.sum("cx_customers"), o.decimals));
  });
}

/**
 * Historical customer lifetime value per segment and period, computed where the data lives: the engine sums the
 * amounts exactly as the dialect's DECIMAL / NUMERIC and counts the distinct customers; `results` reads the sum as an
 * exact decimal and finishes it with `historicalClv`'s own exact arithmetic.
 *
 * revenue = Σ amount (exact); revenuePerCustomer = revenue / distinct customers; value = revenuePerCustomer −
 * acquisitionCost, each the correctly rounded value of the exact result.
 *
 * @param spec - `dialect`, `from`, `customerId`, `at`, `amount`, optional `by`, `period`, `inputTimeZone`
 * @param options - the options of `historicalClv` (`acquisitionCost`, `decimals`)
 * @returns the statement, its parameters and `results(rows)`; `count` is the group's transactions
 * @throws `CxMetricsError` (from `cx-metrics`) `INVALID_INPUT` for a bad name or option; `results` throws
 *   `EMPTY_INPUT` for a group without transactions, `INVALID_INPUT` for a NULL customer id, `at` or amount, and
 *   `OUT_OF_RANGE` for a revenue beyond the range of a number, as `historicalClv` does
 *
 * @example
 * ```ts
 * import { historicalClvQuery } from "cx-metrics/sql";
 * const q = historicalClvQuery({ dialect: "postgres", from: "orders", customerId: "customer_id", at: "ordered_at", amount: "total" }, { acquisitionCost: 10 });
 * const rows = [{ cx_count: "3", cx_customers: "2", cx_repeat: "1", cx_no_id: "0", cx_no_at: "0", cx_revenue: "60.0000000000", cx_no_amount: "0" }];
 * console.log(JSON.stringify(q.results(rows)[0].result));
 * // => {"metric":"historicalClv","value":20,"revenuePerCustomer":30,"customers":2,"revenue":60}
 * ```
 */
export function historicalClvQuery(spec: HistoricalClvQuerySpec, options?: HistoricalClvOptions): SqlQuery<HistoricalClvResult> {
  const metric = "historicalClv";
  return builder(metric, () => {
    const o = readOptions<HistoricalClvOptions>(options, metric, { acquisitionCost: checkMoney, decimals: checkDecimals });
    return transactionsQuery(metric, spec, true, (row) => {
      if (row.sum("cx_no_amount") > 0) throw valueError("INVALID_INPUT", metric, ["amount"], null, MONEY_EXPECTED);
      return finishHistoricalClv(row.decimal("cx_revenue"), row.sum("cx_customers"), o);
    });
  });
}
