import * as z from "zod/mini";
import { emptyError, parseWith, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { ratio } from "../internal/round.js";
import { nonNegativeInteger } from "../internal/schemas.js";
import { type RateOptions, RateOptionsSchema, readCount, readRecord } from "./fcr.js";

const METRIC = "reopenRate";

/** A ticket as {@link reopenRate} reads it (other fields are ignored). */
export const ReopenTicketSchema = z.object({
  /** How many times the ticket was reopened after being resolved. */
  reopens: nonNegativeInteger,
});

/** A ticket as {@link reopenRate} reads it. */
export type ReopenTicket = z.infer<typeof ReopenTicketSchema>;

/** The counts form of {@link reopenRate}: reopened <= total. */
export const ReopenCountsSchema = z
  .object({ reopened: nonNegativeInteger, total: nonNegativeInteger })
  .check(z.refine((c) => c.reopened <= c.total, { error: "expected reopened <= total", path: ["reopened"] }));

/** The counts form of {@link reopenRate}. */
export type ReopenCounts = z.infer<typeof ReopenCountsSchema>;

/** The reopen rate and its counts. */
export interface ReopenRateResult {
  /** Always `'reopenRate'`. */
  metric: "reopenRate";
  /** 100 × reopened / total, from 0 to 100. */
  rate: number;
  /** Tickets reopened at least once. */
  reopened: number;
  /** All tickets. */
  total: number;
}

/**
 * Ticket reopen rate: the percent of tickets reopened at least once.
 *
 * reopen rate = 100 × tickets with reopens >= 1 / tickets, one correctly rounded division (rounded half away from zero
 * when `decimals` is given).
 *
 * @param input - `{ reopens }` records (extra fields ignored), or `{ reopened, total }`
 * @param options - `decimals`
 * @returns the rate with its counts
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a negative or fractional count (naming the ticket's index) or
 *   reopened > total; `EMPTY_INPUT` when there are no tickets
 *
 * @example
 * ```ts
 * import { reopenRate } from "cx-metrics";
 * const result = reopenRate([{ reopens: 0 }, { reopens: 2 }, { reopens: 0 }, { reopens: 1 }]);
 * console.log(result.rate, result.reopened, result.total);
 * // => 50 2 4
 * console.log(reopenRate({ reopened: 1, total: 3 }, { decimals: 2 }).rate);
 * // => 33.33
 * ```
 */
export function reopenRate(input: ReadonlyArray<ReopenTicket> | ReopenCounts, options?: RateOptions): ReopenRateResult {
  return guard(METRIC, () => {
    const opts = options === undefined ? {} : parseWith(RateOptionsSchema, options, METRIC, "options");
    let reopened = 0;
    let total = 0;
    if (Array.isArray(input)) {
      for (let i = 0; i < input.length; i++) {
        if (readCount(readRecord(input[i], METRIC, i).reopens, METRIC, ["tickets", i, "reopens"]) > 0) reopened++;
      }
      total = input.length;
    } else {
      if (typeof input !== "object" || input === null) {
        throw valueError("INVALID_INPUT", METRIC, ["input"], input, "expected an array of tickets or { reopened, total }");
      }
      const counts = parseWith(ReopenCountsSchema, input, METRIC, "counts");
      reopened = counts.reopened;
      total = counts.total;
    }
    if (total === 0) throw emptyError(METRIC, [], "no tickets: the reopen rate of nothing is undefined");
    return { metric: METRIC, rate: ratio(reopened, total, 100, opts.decimals), reopened, total };
  });
}
