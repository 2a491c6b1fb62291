import type { DateInput } from "../internal/date.js";
import type { DurationUnit } from "../internal/duration.js";
import { valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { type DurationSummary, finishDurationStats, summarizeDurations } from "./duration-stats.js";
import { type ResponseTimeOptions, readResponseTimeOptions } from "./first-response.js";
import { ticketDurations } from "./ticket-durations.js";

const METRIC = "resolutionTime";

/** A ticket as {@link resolutionTime} reads it. */
export interface ResolutionTicket {
  /** When the ticket was opened. */
  createdAt: DateInput;
  /** When it was resolved; missing or null while open. */
  resolvedAt?: DateInput | null | undefined;
}

/** Resolution time statistics over resolved tickets, in `unit`. */
export interface ResolutionTimeResult {
  /** Always `'resolutionTime'`. */
  metric: "resolutionTime";
  /** The unit of mean, median, p90, min and max. */
  unit: DurationUnit;
  /** Total time to resolution / resolved tickets. */
  mean: number;
  /** The 50th percentile, interpolated linearly. */
  median: number;
  /** The 90th percentile, interpolated linearly. */
  p90: number;
  /** The fastest resolution. */
  min: number;
  /** The slowest resolution. */
  max: number;
  /** Tickets with a resolution. */
  resolved: number;
  /** Tickets without one, left out of the statistics. */
  unresolved: number;
}

/**
 * Time to resolution: how long tickets take from creation to resolution, over the resolved ones.
 *
 * mean = Σ (resolvedAt − createdAt) / resolved tickets; median and p90 interpolate linearly between order statistics
 * (numpy's default, Excel's PERCENTILE.INC). With `businessHours`, only business time counts (see
 * {@link businessDuration}). Unresolved tickets are counted in `unresolved` and left out of the statistics.
 *
 * @param tickets - `{ createdAt, resolvedAt? }` records (extra fields ignored)
 * @param options - `unit` (default `'minutes'`), `businessHours`, `decimals`
 * @returns mean, median, p90, min and max in `unit`, with the resolved and unresolved counts
 * @throws {@link CxMetricsError} `INVALID_INPUT` for an invalid date or a resolution before creation (naming the
 *   ticket's index), a bad calendar or option; `EMPTY_INPUT` when no ticket is resolved
 *
 * @example
 * ```ts
 * import { resolutionTime } from "cx-metrics";
 * const tickets = [
 *   { createdAt: "2026-11-23T09:00:00Z", resolvedAt: "2026-11-23T11:00:00Z" },
 *   { createdAt: "2026-11-23T09:00:00Z", resolvedAt: "2026-11-24T09:00:00Z" },
 *   { createdAt: "2026-11-23T12:00:00Z" },
 * ];
 * const result = resolutionTime(tickets, { unit: "hours" });
 * console.log(result.mean, result.median, result.max, result.resolved, result.unresolved);
 * // => 13 13 24 2 1
 * ```
 */
export function resolutionTime(tickets: ReadonlyArray<ResolutionTicket>, options?: ResponseTimeOptions): ResolutionTimeResult {
  return guard(METRIC, () => {
    if (!Array.isArray(tickets)) throw valueError("INVALID_INPUT", METRIC, ["tickets"], tickets, "expected an array of tickets");
    const { unit, calendar, decimals } = readResponseTimeOptions(options, METRIC);
    const { durations, missing } = ticketDurations(tickets, "resolvedAt", METRIC, calendar);
    return finishResolutionTime(summarizeDurations(durations), missing, unit, decimals);
  });
}

/** Finishes the resolution time from the resolved tickets' durations and the count of unresolved ones. */
export function finishResolutionTime(
  summary: DurationSummary,
  unresolved: number,
  unit: DurationUnit,
  decimals: number | undefined,
): ResolutionTimeResult {
  const stats = finishDurationStats(summary, unit, decimals, METRIC, "no resolved tickets: the resolution time of nothing is undefined");
  return { metric: METRIC, unit, ...stats, resolved: summary.count, unresolved };
}
