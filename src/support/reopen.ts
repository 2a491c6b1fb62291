import { checkCount, readOptions } from "../internal/check.js";
import { emptyError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { ratio } from "../internal/round.js";
import { type RateOptions, rateCheckers, readRateCounts, readRecord } from "./fcr.js";

const METRIC = "reopenRate";

/** A ticket as {@link reopenRate} reads it (other fields are ignored). */
export interface ReopenTicket {
  /** How many times the ticket was reopened after being resolved (a non-negative integer). */
  reopens: number;
}

/** The counts form of {@link reopenRate}. */
export interface ReopenCounts {
  /** Tickets reopened at least once (a non-negative integer, at most `total`). */
  reopened: number;
  /** All tickets (a non-negative integer). */
  total: number;
}

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
    const opts = readOptions<RateOptions>(options, METRIC, rateCheckers);
    let reopened = 0;
    let total = 0;
    if (Array.isArray(input)) {
      for (let i = 0; i < input.length; i++) {
        if (checkCount(readRecord(input[i], METRIC, i).reopens, ["tickets", i, "reopens"], METRIC) > 0) reopened++;
      }
      total = input.length;
    } else {
      [reopened, total] = readRateCounts(input, "reopened", "total", METRIC);
    }
    return finishReopenRate(reopened, total, opts.decimals);
  });
}

/** Finishes the reopen rate from its two counts. */
export function finishReopenRate(reopened: number, total: number, decimals: number | undefined): ReopenRateResult {
  if (total === 0) throw emptyError(METRIC, [], "no tickets: the reopen rate of nothing is undefined");
  return { metric: METRIC, rate: ratio(reopened, total, 100, decimals), reopened, total };
}
