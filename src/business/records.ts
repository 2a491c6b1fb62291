import { type DateInput, toEpochMs } from "../internal/date.js";
import { describeValue, plainError, valueError } from "../internal/fail.js";
import { isMoney, type Money, MONEY_EXPECTED } from "../internal/money.js";

// The records analysts export (subscriptions, transactions) and the tight loops that read them. Their schemas live in
// src/schemas/business.ts; property tests prove the loops equal to them: same verdict, same first bad index.

/** Who a record belongs to: a non-empty string or a finite number. `1` and `"1"` are different customers. */
export type CustomerId = string | number;

/** What a customer id must be. */
export const CUSTOMER_ID_EXPECTED = "expected a customer id: a non-empty string or a finite number";

/** True for a non-empty string or a finite number. */
export function isCustomerId(value: unknown): value is CustomerId {
  return typeof value === "string" ? value !== "" : Number.isFinite(value);
}

/**
 * One subscription: a customer is active from `startedAt` (inclusive) to `endedAt` (exclusive). Extra keys are
 * accepted and ignored.
 */
export interface Subscription {
  /** Who subscribed: a non-empty string or a finite number. */
  customerId: CustomerId;
  /** When the subscription started: a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds. */
  startedAt: DateInput;
  /** When it ended (exclusive), on or after startedAt; missing or null while it is still running. */
  endedAt?: DateInput | null | undefined;
}

/** One purchase: who bought, when, and optionally how much. Extra keys are accepted and ignored. */
export interface Transaction {
  /** Who bought: a non-empty string or a finite number. */
  customerId: CustomerId;
  /** When: a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds. */
  at: DateInput;
  /** How much, as Money (required by historicalClv; refunds may be negative). */
  amount?: Money | undefined;
}

/** Validated subscriptions as parallel columns; `ends[i]` is Infinity for a running subscription. */
export interface SubscriptionColumns {
  ids: CustomerId[];
  starts: Float64Array;
  ends: Float64Array;
}

/** INVALID_INPUT unless `input` is an array; `name` is how the message calls it. */
export function checkArray(input: unknown, metric: string, name: string, what: string): ReadonlyArray<unknown> {
  if (!Array.isArray(input)) throw valueError("INVALID_INPUT", metric, [name], input, `expected an array of ${what}`);
  return input;
}

/** The record at index i as an object, INVALID_INPUT otherwise. */
export function recordAt(list: ReadonlyArray<unknown>, i: number, metric: string, name: string): Record<string, unknown> {
  const record = list[i];
  if (typeof record !== "object" || record === null) {
    throw valueError("INVALID_INPUT", metric, [name, i], record, "expected an object");
  }
  return record as Record<string, unknown>;
}

/** The customer id of a record, INVALID_INPUT naming the index otherwise. */
export function customerIdAt(record: Record<string, unknown>, i: number, metric: string, name: string): CustomerId {
  const id = record.customerId;
  if (!isCustomerId(id)) throw valueError("INVALID_INPUT", metric, [name, i, "customerId"], id, CUSTOMER_ID_EXPECTED);
  return id;
}

/** Reads and validates subscriptions (the tight equivalent of `z.array(SubscriptionSchema)`). */
export function readSubscriptions(input: unknown, metric: string): SubscriptionColumns {
  const list = checkArray(input, metric, "subscriptions", "subscriptions");
  const n = list.length;
  const ids: CustomerId[] = new Array(n);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const record = recordAt(list, i, metric, "subscriptions");
    ids[i] = customerIdAt(record, i, metric, "subscriptions");
    const start = toEpochMs(record.startedAt, metric, ["subscriptions", i, "startedAt"]);
    const endedAt = record.endedAt;
    let end = Number.POSITIVE_INFINITY;
    if (endedAt !== undefined && endedAt !== null) {
      end = toEpochMs(endedAt, metric, ["subscriptions", i, "endedAt"]);
      if (end < start) {
        throw valueError(
          "INVALID_INPUT",
          metric,
          ["subscriptions", i, "endedAt"],
          endedAt,
          `expected endedAt on or after startedAt (${describeValue(record.startedAt)})`,
        );
      }
    }
    starts[i] = start;
    ends[i] = end;
  }
  return { ids, starts, ends };
}

/** Groups subscription indexes by customer, in order of first appearance. */
export function byCustomer(ids: ReadonlyArray<CustomerId>): Map<CustomerId, number[]> {
  const groups = new Map<CustomerId, number[]>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [i]);
    else group.push(i);
  }
  return groups;
}

/** True when one of the subscriptions is active at instant t: startedAt <= t < endedAt. */
export function activeAt(indexes: ReadonlyArray<number>, starts: Float64Array, ends: Float64Array, t: number): boolean {
  for (const i of indexes) if (starts[i]! <= t && t < ends[i]!) return true;
  return false;
}

/** The validated form of a transaction's `at`, INVALID_INPUT naming the index otherwise. */
export function checkTransactionAt(record: Record<string, unknown>, i: number, metric: string): void {
  const at = record.at;
  // Epoch numbers are the common fast case; everything else goes through the one DateInput reader.
  if (typeof at === "number" && at >= -8.64e15 && at <= 8.64e15) return;
  toEpochMs(at, metric, ["transactions", i, "at"]);
}

/** Purchases per customer (insertion-ordered), validating every transaction like `z.array(TransactionSchema)`. */
export function countPurchases(input: unknown, metric: string): Map<CustomerId, number> {
  const list = checkArray(input, metric, "transactions", "transactions");
  const counts = new Map<CustomerId, number>();
  for (let i = 0; i < list.length; i++) {
    const record = recordAt(list, i, metric, "transactions");
    const id = customerIdAt(record, i, metric, "transactions");
    checkTransactionAt(record, i, metric);
    const amount = record.amount;
    if (amount !== undefined && !isMoney(amount)) {
      throw valueError("INVALID_INPUT", metric, ["transactions", i, "amount"], amount, MONEY_EXPECTED);
    }
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Returns the result unchanged when every number in it is finite; an exact result beyond the range of a double
 * (about ±1.8e308) is OUT_OF_RANGE naming the field, never Infinity.
 */
export function checkFinite<T extends object>(result: T, metric: string): T {
  for (const [key, value] of Object.entries(result)) {
    if (typeof value === "number" && !Number.isFinite(value)) {
      throw plainError("OUT_OF_RANGE", metric, [key], `${key} is beyond the range of a number (about ±1.8e308)`);
    }
  }
  return result;
}
