import * as z from "zod/mini";
import { type DateInput, DateInputSchema, localDay, TimeZoneSchema, toEpochMs } from "../internal/date.js";
import { parseWith, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { addScaled, fractionToNumber, isMoney, type Money, MoneyAdder, MoneySchema, pow10n, type Scaled, toScaled } from "../internal/money.js";
import { checkRecord } from "./shared.js";

const METRIC = "rfmSummary";

/** A customer identifier: a string or a finite number (`4` and `"4"` are different customers). */
export const CustomerIdSchema = /* @__PURE__ */ (() =>
  z.union([
  z.string(),
  z.number().check(z.refine(Number.isFinite, { error: "expected a string or a finite number" })),
]))();

/** One purchase: who bought, when, and optionally for how much. Extra keys are accepted and ignored. */
export const RfmTransactionSchema = /* @__PURE__ */ (() =>
  z.object({
  customerId: CustomerIdSchema,
  at: DateInputSchema,
  amount: z.optional(MoneySchema),
}))();

/** One purchase. */
export type RfmTransaction = { customerId: string | number; at: DateInput; amount?: Money };

/** Options of {@link rfmSummary}; unknown keys are refused. */
export const RfmSummaryOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
  /** The end of the observation: purchases on later (local) days are ignored. */
  observationEnd: DateInputSchema,
  /** The time unit of recency and T: `'day'` (default) or `'week'` (days / 7). */
  unit: z.optional(z.enum(["day", "week"], { error: 'expected "day" or "week"' })),
  /** The end of the calibration period (its whole local day included); later purchases count as holdout. */
  calibrationEnd: z.optional(DateInputSchema),
  /** The IANA zone whose calendar days group the purchases; default `'UTC'`. */
  timeZone: z.optional(TimeZoneSchema),
}, { error: "expected an object with observationEnd" }))();

/** Options of {@link rfmSummary}. */
export type RfmSummaryOptions = z.infer<typeof RfmSummaryOptionsSchema>;

/** One customer's recency-frequency-monetary summary, the input of the BG/NBD and Gamma-Gamma models. */
export interface RfmCustomer {
  /** The customer's identifier, as given. */
  customerId: string | number;
  /** Repeat purchases: the number of distinct purchase days minus one. */
  frequency: number;
  /** Time from the first to the last purchase day, in `unit` (0 without repeats). */
  recency: number;
  /** Time from the first purchase day to the end of the calibration (or observation) period, in `unit`. */
  T: number;
  /** Mean of the repeat purchase days' totals (the first day excluded; 0 without repeats); present when amounts are given. */
  monetaryValue?: number;
  /** Distinct purchase days after `calibrationEnd`, up to `observationEnd`; present when `calibrationEnd` is given. */
  holdoutFrequency?: number;
}

interface Tally {
  customerId: string | number;
  /** Each purchase day's amount: as given for a day of one purchase (read exactly only if it is a repeat day), summed exactly otherwise. */
  days: Map<number, Money | Scaled | null>;
  /** Created on the first holdout purchase: most customers have none. */
  holdout: Set<number> | null;
}

/** A day's amount read exactly. */
function exact(value: Money | Scaled): Scaled {
  return typeof value === "object" ? value : toScaled(value);
}

function compareIds(p: string | number, q: string | number): number {
  if (typeof p === "number") return typeof q === "number" ? p - q : -1;
  if (typeof q === "number") return 1;
  return p < q ? -1 : 1; // ids are distinct map keys, never equal
}

/**
 * Turns a transaction log into one recency-frequency-monetary summary per customer, the input of {@link fitBgNbd} and
 * {@link fitGammaGamma} (the conventions of Fader, Hardie & Lee 2005 and of the lifetimes package).
 *
 * Purchases are grouped by calendar day in `timeZone` (a day's amounts summed into one purchase). With d_1 < ... < d_k
 * a customer's purchase days and E the last day of the calibration period (the local day of `calibrationEnd`, or of
 * `observationEnd` without it): frequency = k - 1, recency = (d_k - d_1) / u, T = (E - d_1) / u with u = 1 day or
 * 7 days, monetaryValue = (Σ_{j>=2} day total_j) / (k - 1), or 0 when k = 1. Both ends are inclusive days: a purchase
 * at any time on E's day belongs to the calibration period, so a customer who first bought on 1997-01-01 has
 * T = 272 / 7 = 38.857 weeks at a calibration end of 1997-09-30. Purchases after `observationEnd`'s day are ignored;
 * with `calibrationEnd`, the distinct purchase days after it are `holdoutFrequency`, and customers whose first purchase
 * falls after it are left out. Rows are ordered by first purchase day, then by customer id (numbers before strings).
 *
 * @param transactions - purchases `{ customerId, at, amount? }`; `at` is a Date, an ISO 8601 string with Z or an
 *   offset, or epoch milliseconds; `amount` (a number or a decimal string) on every purchase or on none
 * @param options - `observationEnd` (required), `unit` (`'day'` default or `'week'`), `calibrationEnd`, `timeZone`
 * @returns one summary per customer; `monetaryValue` when amounts are given, `holdoutFrequency` with `calibrationEnd`
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a transaction that is not an object, a bad customer id, date or
 *   amount, amounts on some purchases only, bad options, or a calibration end after the observation end
 *
 * @example
 * ```ts
 * import { rfmSummary } from "cx-metrics";
 * const rows = rfmSummary(
 *   [
 *     { customerId: "ann", at: "2026-01-01T10:00:00Z", amount: 20 },
 *     { customerId: "ann", at: "2026-01-08T09:00:00Z", amount: 30 },
 *     { customerId: "ann", at: "2026-01-08T18:00:00Z", amount: "5.50" },
 *     { customerId: "bob", at: "2026-01-05T12:00:00Z", amount: 12 },
 *   ],
 *   { observationEnd: "2026-01-15T00:00:00Z", unit: "week" },
 * );
 * const { customerId, frequency, recency, T, monetaryValue } = rows[0];
 * console.log(customerId, frequency, recency, T, monetaryValue);
 * // => ann 1 1 2 35.5
 * console.log(rows[1].frequency, rows[1].T.toFixed(3), rows[1].monetaryValue);
 * // => 0 1.429 0
 * ```
 */
export function rfmSummary(transactions: RfmTransaction[], options: RfmSummaryOptions): RfmCustomer[] {
  return guard(METRIC, () => {
    const opts = parseWith(RfmSummaryOptionsSchema, options, METRIC, "options");
    const timeZone = opts.timeZone ?? "UTC";
    const endDay = localDay(toEpochMs(opts.observationEnd, METRIC, ["options", "observationEnd"]), timeZone);
    const calibrationDay =
      opts.calibrationEnd === undefined ? endDay : localDay(toEpochMs(opts.calibrationEnd, METRIC, ["options", "calibrationEnd"]), timeZone);
    if (calibrationDay > endDay) {
      throw valueError("INVALID_INPUT", METRIC, ["options", "calibrationEnd"], opts.calibrationEnd, "expected a day on or before observationEnd");
    }
    const unitDays = opts.unit === "week" ? 7 : 1;
    if (!Array.isArray(transactions)) {
      throw valueError("INVALID_INPUT", METRIC, ["transactions"], transactions, "expected an array of transactions");
    }
    const byCustomer = new Map<string | number, Tally>();
    let withAmount = -1;
    let withoutAmount = -1;
    for (let i = 0; i < transactions.length; i++) {
      const row = checkRecord(transactions[i], METRIC, ["transactions", i], "expected an object with customerId and at");
      const id = row.customerId;
      if (typeof id !== "string" && (typeof id !== "number" || !Number.isFinite(id))) {
        throw valueError("INVALID_INPUT", METRIC, ["transactions", i, "customerId"], id, "expected a string or a finite number");
      }
      const day = localDay(toEpochMs(row.at, METRIC, ["transactions", i, "at"]), timeZone);
      let amount: Money | null = null;
      if (row.amount === undefined) {
        if (withoutAmount < 0) withoutAmount = i;
      } else {
        if (!isMoney(row.amount)) {
          throw valueError("INVALID_INPUT", METRIC, ["transactions", i, "amount"], row.amount, 'expected a finite number or a plain decimal string such as "1234.50"');
        }
        amount = row.amount;
        if (withAmount < 0) withAmount = i;
      }
      if (day > endDay) continue;
      let tally = byCustomer.get(id);
      if (tally === undefined) byCustomer.set(id, (tally = { customerId: id, days: new Map(), holdout: null }));
      if (day > calibrationDay) {
        (tally.holdout ??= new Set()).add(day);
      } else {
        const sum = tally.days.get(day);
        tally.days.set(day, sum === undefined || sum === null || amount === null ? amount : addScaled(exact(sum), toScaled(amount)));
      }
    }
    const monetary = withAmount >= 0;
    if (monetary && withoutAmount >= 0) {
      throw valueError(
        "INVALID_INPUT",
        METRIC,
        ["transactions", withoutAmount, "amount"],
        undefined,
        `expected an amount on every transaction, as transactions[${withAmount}] has one`,
      );
    }
    const rows: Array<{ first: number; row: RfmCustomer }> = [];
    for (const tally of byCustomer.values()) {
      if (tally.days.size === 0) continue;
      let first = Number.POSITIVE_INFINITY;
      let last = Number.NEGATIVE_INFINITY;
      for (const day of tally.days.keys()) {
        if (day < first) first = day;
        if (day > last) last = day;
      }
      const frequency = tally.days.size - 1;
      const row: RfmCustomer = {
        customerId: tally.customerId,
        frequency,
        recency: (last - first) / unitDays,
        T: (calibrationDay - first) / unitDays,
      };
      if (monetary) {
        // Repeat days of one purchase go through the exact fast adder; the few days of several purchases are already sums.
        const adder = new MoneyAdder();
        let merged: Scaled = { units: 0n, scale: 0 };
        for (const [day, sum] of tally.days) {
          if (day === first) continue;
          if (typeof sum === "object") merged = addScaled(merged, sum!);
          else adder.add(sum);
        }
        const repeat = addScaled(adder.total(), merged);
        row.monetaryValue = frequency === 0 ? 0 : fractionToNumber(repeat.units, BigInt(frequency) * pow10n(repeat.scale));
      }
      if (opts.calibrationEnd !== undefined) row.holdoutFrequency = tally.holdout?.size ?? 0;
      rows.push({ first, row });
    }
    rows.sort((p, q) => p.first - q.first || compareIds(p.row.customerId, q.row.customerId));
    return rows.map((r) => r.row);
  });
}
