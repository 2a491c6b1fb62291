import { checkBoolean, checkCount, checkDecimals, readCounts, readOptions } from "../internal/check.js";
import { emptyError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { ratio } from "../internal/round.js";

const METRIC = "firstContactResolutionRate";

/** Options of the support rates ({@link firstContactResolutionRate}, {@link reopenRate}); unknown keys are refused. */
export interface RateOptions {
  /** Round the rate to this many decimals (0-15), half away from zero. */
  decimals?: number | undefined;
}

/** A ticket as {@link firstContactResolutionRate} reads it (other fields are ignored). */
export interface FirstContactTicket {
  /** Whether the ticket is resolved. */
  resolved: boolean;
  /** How many replies agents sent on it (a non-negative integer). */
  agentReplies: number;
}

/** The counts form of {@link firstContactResolutionRate}. */
export interface FirstContactCounts {
  /** Resolved tickets with at most one agent reply (a non-negative integer, at most `resolved`). */
  resolvedOnFirstContact: number;
  /** Resolved tickets (a non-negative integer). */
  resolved: number;
}

/** The first-contact resolution rate and its counts. */
export interface FirstContactResolutionResult {
  /** Always `'firstContactResolution'`. */
  metric: "firstContactResolution";
  /** 100 × resolvedOnFirstContact / resolved, from 0 to 100. */
  rate: number;
  /** Resolved tickets with at most one agent reply. */
  resolvedOnFirstContact: number;
  /** Resolved tickets. */
  resolved: number;
}

/** Options readers of the support rates. */
export const rateCheckers = { decimals: checkDecimals };

/** The counts form of a rate: both counts non-negative integers, the part no larger than the whole. */
export function readRateCounts(input: unknown, part: string, whole: string, metric: string): [number, number] {
  if (typeof input !== "object" || input === null) {
    throw valueError("INVALID_INPUT", metric, ["input"], input, `expected an array of tickets or { ${part}, ${whole} }`);
  }
  const counts = readCounts(input, [part, whole], metric);
  if (counts[part]! > counts[whole]!) {
    throw valueError("INVALID_INPUT", metric, ["counts", part], counts[part], `expected ${part} <= ${whole}`, "custom");
  }
  return [counts[part]!, counts[whole]!];
}

/** Reads a record the way z.object does: a non-null, non-array object. */
export function readRecord(value: unknown, metric: string, index: number): Record<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  throw valueError("INVALID_INPUT", metric, ["tickets", index], value, "expected a ticket object");
}

/**
 * First-contact resolution rate: the percent of resolved tickets that needed at most one agent reply.
 *
 * FCR = 100 × resolved tickets with agentReplies <= 1 / resolved tickets, one correctly rounded division (rounded half
 * away from zero when `decimals` is given). Unresolved tickets are left out of both counts.
 *
 * @param input - `{ resolved, agentReplies }` records (extra fields ignored), or `{ resolvedOnFirstContact, resolved }`
 * @param options - `decimals`
 * @returns the rate with its counts
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a non-boolean `resolved`, a negative or fractional count (naming
 *   the ticket's index) or resolvedOnFirstContact > resolved; `EMPTY_INPUT` when no ticket is resolved
 *
 * @example
 * ```ts
 * import { firstContactResolutionRate } from "cx-metrics";
 * const result = firstContactResolutionRate([
 *   { resolved: true, agentReplies: 1 },
 *   { resolved: true, agentReplies: 3 },
 *   { resolved: true, agentReplies: 0 },
 *   { resolved: false, agentReplies: 1 },
 * ]);
 * console.log(result.rate, result.resolvedOnFirstContact, result.resolved);
 * // => 66.66666666666667 2 3
 * console.log(firstContactResolutionRate({ resolvedOnFirstContact: 70, resolved: 80 }, { decimals: 1 }).rate);
 * // => 87.5
 * ```
 */
export function firstContactResolutionRate(
  input: ReadonlyArray<FirstContactTicket> | FirstContactCounts,
  options?: RateOptions,
): FirstContactResolutionResult {
  return guard(METRIC, () => {
    const opts = readOptions<RateOptions>(options, METRIC, rateCheckers);
    let firstContact = 0;
    let resolved = 0;
    if (Array.isArray(input)) {
      for (let i = 0; i < input.length; i++) {
        const ticket = readRecord(input[i], METRIC, i);
        const isResolved = ticket.resolved;
        checkBoolean(isResolved, ["tickets", i, "resolved"], METRIC);
        const replies = checkCount(ticket.agentReplies, ["tickets", i, "agentReplies"], METRIC);
        if (isResolved) {
          resolved++;
          if (replies <= 1) firstContact++;
        }
      }
    } else {
      [firstContact, resolved] = readRateCounts(input, "resolvedOnFirstContact", "resolved", METRIC);
    }
    return finishFirstContactResolution(firstContact, resolved, opts.decimals);
  });
}

/** Finishes the first-contact resolution rate from its two counts. */
export function finishFirstContactResolution(firstContact: number, resolved: number, decimals: number | undefined): FirstContactResolutionResult {
  if (resolved === 0) throw emptyError(METRIC, [], "no resolved tickets: the first-contact resolution rate of nothing is undefined");
  return {
    metric: "firstContactResolution",
    rate: ratio(firstContact, resolved, 100, decimals),
    resolvedOnFirstContact: firstContact,
    resolved,
  };
}
