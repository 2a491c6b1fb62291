import { checkDecimals, checkMoney, readOptions } from "../internal/check.js";
import { emptyError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { fractionToNumber, type Money, MONEY_EXPECTED, MoneyAdder, pow10n, rescale, type Scaled, toScaled } from "../internal/money.js";
import { ratio } from "../internal/round.js";
import { type BusinessRateOptions, readRateOptions } from "./churn.js";
import {
  type CustomerId,
  checkArray,
  checkFinite,
  checkTransactionAt,
  countPurchases,
  customerIdAt,
  recordAt,
  type Transaction,
} from "./records.js";

/** The share of customers who came back: customers with two or more transactions. */
export interface RepeatCustomerRateResult {
  /** Always `'repeatCustomerRate'`. */
  metric: "repeatCustomerRate";
  /** 100 × repeatCustomers / customers. */
  rate: number;
  /** Customers with two or more transactions. */
  repeatCustomers: number;
  /** Distinct customers. */
  customers: number;
}

/** How often a customer buys. */
export interface PurchaseFrequencyResult {
  /** Always `'purchaseFrequency'`. */
  metric: "purchaseFrequency";
  /** orders / customers. */
  perCustomer: number;
  /** Transactions. */
  orders: number;
  /** Distinct customers. */
  customers: number;
}

/** Options of {@link historicalClv}; unknown keys are refused. */
export interface HistoricalClvOptions {
  /** Subtracted from the revenue per customer, as Money (default 0). */
  acquisitionCost?: Money | undefined;
  /** Round the money results to this many decimals (0-15), half away from zero. */
  decimals?: number | undefined;
}

const historicalClvOptions = { acquisitionCost: checkMoney, decimals: checkDecimals };

/** Customer lifetime value measured from what customers actually spent. */
export interface HistoricalClvResult {
  /** Always `'historicalClv'`. */
  metric: "historicalClv";
  /** revenuePerCustomer − acquisitionCost. */
  value: number;
  /** revenue / customers. */
  revenuePerCustomer: number;
  /** Distinct customers. */
  customers: number;
  /** The exact sum of every amount. */
  revenue: number;
}

function noCustomers(metric: string): never {
  throw emptyError(metric, ["transactions"], "transactions is empty: there are no customers");
}

/**
 * Repeat customer rate: the percent of customers with two or more transactions.
 *
 * rate = 100 × (customers with >= 2 transactions) / (distinct customers), one correctly rounded division. Customers are
 * told apart by `customerId` (`1` and `"1"` are different customers).
 *
 * @param transactions - records with `customerId`, `at` and optional `amount`
 * @param options - `decimals`: round the rate half away from zero
 * @returns the rate, the repeat customers and the customers
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a record that is not an object, a missing id, an unparseable
 *   date or a malformed amount (naming the record's index); `EMPTY_INPUT` when there are no transactions
 *
 * @example
 * ```ts
 * import { repeatCustomerRate } from "cx-metrics";
 * const transactions = [
 *   { customerId: "a", at: "2026-01-03T10:00:00Z" },
 *   { customerId: "a", at: "2026-02-11T10:00:00Z" },
 *   { customerId: "b", at: "2026-01-09T10:00:00Z" },
 *   { customerId: "c", at: "2026-01-10T10:00:00Z" },
 * ];
 * console.log(JSON.stringify(repeatCustomerRate(transactions, { decimals: 1 })));
 * // => {"metric":"repeatCustomerRate","rate":33.3,"repeatCustomers":1,"customers":3}
 * ```
 */
export function repeatCustomerRate(transactions: ReadonlyArray<Transaction>, options?: BusinessRateOptions): RepeatCustomerRateResult {
  const metric = "repeatCustomerRate";
  return guard(metric, () => {
    const { decimals } = readRateOptions(options, metric);
    const counts = countPurchases(transactions, metric);
    let repeat = 0;
    for (const n of counts.values()) if (n >= 2) repeat++;
    return finishRepeatCustomerRate(repeat, counts.size, decimals);
  });
}

/**
 * Purchase frequency: how many orders a customer places on average.
 *
 * perCustomer = orders / distinct customers, one correctly rounded division.
 *
 * @param transactions - records with `customerId`, `at` and optional `amount`
 * @param options - `decimals`: round perCustomer half away from zero
 * @returns orders per customer, the orders and the customers
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a record that is not an object, a missing id, an unparseable
 *   date or a malformed amount (naming the record's index); `EMPTY_INPUT` when there are no transactions
 *
 * @example
 * ```ts
 * import { purchaseFrequency } from "cx-metrics";
 * const transactions = [
 *   { customerId: 7, at: 1767225600000 },
 *   { customerId: 7, at: 1767312000000 },
 *   { customerId: 8, at: 1767398400000 },
 * ];
 * console.log(JSON.stringify(purchaseFrequency(transactions)));
 * // => {"metric":"purchaseFrequency","perCustomer":1.5,"orders":3,"customers":2}
 * ```
 */
export function purchaseFrequency(transactions: ReadonlyArray<Transaction>, options?: BusinessRateOptions): PurchaseFrequencyResult {
  const metric = "purchaseFrequency";
  return guard(metric, () => {
    const { decimals } = readRateOptions(options, metric);
    const counts = countPurchases(transactions, metric);
    let orders = 0;
    for (const n of counts.values()) orders += n;
    return finishPurchaseFrequency(orders, counts.size, decimals);
  });
}

/**
 * Historical customer lifetime value: what customers actually spent, per customer, minus the acquisition cost.
 *
 * revenue = Σ amount (exact); revenuePerCustomer = revenue / distinct customers; value = revenuePerCustomer −
 * acquisitionCost. The sum runs on scaled integers (no decimal object per amount), so a million transactions cost
 * little more than a plain loop, and every result is the correctly rounded value of the exact decimal result.
 *
 * @param transactions - records with `customerId`, `at` and `amount` (required here; refunds may be negative)
 * @param options - `acquisitionCost` (Money, default 0) and `decimals`
 * @returns the value, the revenue per customer, the customers and the revenue
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a record that is not an object, a missing id, an unparseable
 *   date, a missing or malformed amount (naming the record's index) or a bad option; `OUT_OF_RANGE` for a revenue beyond the range of a
 *   number; `EMPTY_INPUT` when there are no transactions
 *
 * @example
 * ```ts
 * import { historicalClv } from "cx-metrics";
 * const transactions = [
 *   { customerId: "a", at: "2026-01-03T10:00:00Z", amount: 0.1 },
 *   { customerId: "a", at: "2026-02-11T10:00:00Z", amount: 0.2 },
 *   { customerId: "b", at: "2026-01-09T10:00:00Z", amount: "59.70" },
 * ];
 * console.log(JSON.stringify(historicalClv(transactions, { acquisitionCost: 10 })));
 * // => {"metric":"historicalClv","value":20,"revenuePerCustomer":30,"customers":2,"revenue":60}
 * ```
 */
export function historicalClv(transactions: ReadonlyArray<Transaction>, options?: HistoricalClvOptions): HistoricalClvResult {
  const metric = "historicalClv";
  return guard(metric, () => {
    const o = readOptions<HistoricalClvOptions>(options, metric, historicalClvOptions);
    const list = checkArray(transactions, metric, "transactions", "transactions");
    const customers = new Set<CustomerId>();
    const adder = new MoneyAdder();
    for (let i = 0; i < list.length; i++) {
      const record = recordAt(list, i, metric, "transactions");
      const id = customerIdAt(record, i, metric, "transactions");
      checkTransactionAt(record, i, metric);
      if (!adder.add(record.amount)) {
        throw valueError("INVALID_INPUT", metric, ["transactions", i, "amount"], record.amount, MONEY_EXPECTED);
      }
      customers.add(id);
    }
    return finishHistoricalClv(adder.total(), customers.size, o);
  });
}

/** The finish of {@link repeatCustomerRate}, shared with the SQL builder; EMPTY_INPUT without customers. */
export function finishRepeatCustomerRate(repeat: number, customers: number, decimals: number | undefined): RepeatCustomerRateResult {
  const metric = "repeatCustomerRate";
  if (customers === 0) noCustomers(metric);
  return { metric, rate: ratio(repeat, customers, 100, decimals), repeatCustomers: repeat, customers };
}

/** The finish of {@link purchaseFrequency}, shared with the SQL builder; EMPTY_INPUT without customers. */
export function finishPurchaseFrequency(orders: number, customers: number, decimals: number | undefined): PurchaseFrequencyResult {
  const metric = "purchaseFrequency";
  if (customers === 0) noCustomers(metric);
  return { metric, perCustomer: ratio(orders, customers, 1, decimals), orders, customers };
}

/** The finish of {@link historicalClv}, shared with the SQL builder: the exact revenue over the customers. */
export function finishHistoricalClv(revenue: Scaled, customers: number, o: HistoricalClvOptions): HistoricalClvResult {
  const metric = "historicalClv";
  if (customers === 0) noCustomers(metric);
  const cost = toScaled(o.acquisitionCost ?? 0);
  const scale = Math.max(revenue.scale, cost.scale);
  const n = BigInt(customers);
  // Everything over the common denominator 10^scale × customers.
  const den = pow10n(scale) * n;
  const perCustomer = rescale(revenue, scale);
  return checkFinite({
    metric,
    value: fractionToNumber(perCustomer - rescale(cost, scale) * n, den, o.decimals),
    revenuePerCustomer: fractionToNumber(perCustomer, den, o.decimals),
    customers,
    revenue: fractionToNumber(revenue.units, pow10n(revenue.scale), o.decimals),
  }, metric);
}
