import type { DateInput } from "../internal/date.js";
import { checkCount, checkDecimals, readOptions } from "../internal/check.js";
import { checkUnit, type DurationUnit } from "../internal/duration.js";
import { emptyError, plainError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { ratio } from "../internal/round.js";
import { type BusinessCalendar, CompiledCalendar, checkCalendar } from "./business-hours.js";
import { type DurationSummary, finishDurationStats, summarizeDurations } from "./duration-stats.js";
import { ticketDurations } from "./ticket-durations.js";

const METRIC = "firstResponseTime";
const TOTAL_EXPECTED = "expected a finite, non-negative duration";

/** A ticket as {@link firstResponseTime} reads it. */
export interface Ticket {
  /** When the customer's question arrived. */
  createdAt: DateInput;
  /** When an agent first answered; missing or null while unanswered. */
  firstResponseAt?: DateInput | null | undefined;
}

/** Options of {@link firstResponseTime} and {@link resolutionTime}. */
export interface ResponseTimeOptions {
  /** The unit of the results; default `'minutes'`. */
  unit?: DurationUnit | undefined;
  /** Count only business time, in this calendar; default: all elapsed time. */
  businessHours?: BusinessCalendar | undefined;
  /** Round the results to this many decimals (0-15), half away from zero. */
  decimals?: number | undefined;
}

/** The totals form of {@link firstResponseTime}: total time to first answer (in `unit`) over a number of questions. */
export interface FirstResponseTotals {
  /** The summed time to first answer, in `unit` (finite, >= 0). */
  totalFirstResponseTime: number;
  /** How many questions were answered (a non-negative integer). */
  questions: number;
}

/** Options of the totals form of {@link firstResponseTime}; unknown keys are refused. */
export interface FirstResponseTotalsOptions {
  /** The unit `totalFirstResponseTime` is given in and the mean is reported in; default `'minutes'`. */
  unit?: DurationUnit | undefined;
  /** Round the mean to this many decimals (0-15), half away from zero. */
  decimals?: number | undefined;
}

/** First-response time statistics over answered tickets, in `unit`. */
export interface ResponseTimeResult {
  /** Always `'firstResponseTime'`. */
  metric: "firstResponseTime";
  /** The unit of mean, median, p90, min and max. */
  unit: DurationUnit;
  /** Total time to first answer / answered tickets. */
  mean: number;
  /** The 50th percentile, interpolated linearly. */
  median: number;
  /** The 90th percentile, interpolated linearly. */
  p90: number;
  /** The fastest first response. */
  min: number;
  /** The slowest first response. */
  max: number;
  /** Tickets with a first response. */
  answered: number;
  /** Tickets without one, left out of the statistics. */
  unanswered: number;
}

/** The mean first-response time from totals. */
export interface ResponseTimeTotalsResult {
  /** Always `'firstResponseTime'`. */
  metric: "firstResponseTime";
  /** The unit of `mean` (and of the given total). */
  unit: DurationUnit;
  /** totalFirstResponseTime / questions. */
  mean: number;
  /** The number of questions answered. */
  answered: number;
}

/** Reads the options of the ticket form: the unit, the compiled calendar (if any) and decimals. */
export function readResponseTimeOptions(
  options: unknown,
  metric: string,
): { unit: DurationUnit; calendar: CompiledCalendar | undefined; decimals: number | undefined } {
  const opts = readOptions<ResponseTimeOptions>(options, metric, responseTimeCheckers);
  return {
    unit: opts.unit ?? "minutes",
    calendar: opts.businessHours === undefined ? undefined : new CompiledCalendar(opts.businessHours),
    decimals: opts.decimals,
  };
}

const responseTimeCheckers = { unit: checkUnit, businessHours: checkCalendar, decimals: checkDecimals };
const totalsCheckers = { unit: checkUnit, decimals: checkDecimals };

function checkTotal(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string): number {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value + 0;
  throw valueError("INVALID_INPUT", metric, path, value, TOTAL_EXPECTED);
}

function totalsForm(totals: object, options: unknown): ResponseTimeTotalsResult {
  if (options !== null && typeof options === "object" && "businessHours" in options) {
    throw plainError("INVALID_INPUT", METRIC, ["options", "businessHours"], "options.businessHours applies to tickets, not to totals");
  }
  const opts = readOptions<FirstResponseTotalsOptions>(options, METRIC, totalsCheckers);
  const record = totals as Record<string, unknown>;
  const t = {
    totalFirstResponseTime: checkTotal(record.totalFirstResponseTime, ["totals", "totalFirstResponseTime"], METRIC),
    questions: checkCount(record.questions, ["totals", "questions"], METRIC),
  };
  if (t.questions === 0) throw emptyError(METRIC, ["totals", "questions"], "totals.questions is 0: no answered questions to average");
  const unit = opts.unit ?? "minutes";
  return { metric: METRIC, unit, mean: ratio(t.totalFirstResponseTime, t.questions, 1, opts.decimals), answered: t.questions };
}

/**
 * First-response time: how long customers wait for the first answer, over the tickets that have one.
 *
 * mean = Σ (firstResponseAt − createdAt) / answered tickets (the documents' "total time taken to first answer customer
 * questions / number of questions"); median and p90 interpolate linearly between order statistics (numpy's default,
 * Excel's PERCENTILE.INC). With `businessHours`, only business time counts (see {@link businessDuration}).
 * Unanswered tickets are counted in `unanswered` and left out of the statistics.
 * In the totals form, mean = totalFirstResponseTime / questions, with the total given in `unit`.
 *
 * @param tickets - `{ createdAt, firstResponseAt? }` records (extra fields ignored), or the totals
 *   `{ totalFirstResponseTime, questions }`
 * @param options - `unit` (default `'minutes'`), `businessHours`, `decimals`
 * @returns mean, median, p90, min and max in `unit`, with the answered and unanswered counts (the totals form returns
 *   the mean and the answered count)
 * @throws {@link CxMetricsError} `INVALID_INPUT` for an invalid date, a first response before creation (naming the
 *   ticket's index), a negative or fractional count, a bad calendar or option; `EMPTY_INPUT` when no ticket is answered
 *   or there are no questions
 *
 * @example
 * ```ts
 * import { firstResponseTime } from "cx-metrics";
 * const tickets = [
 *   { createdAt: "2026-11-23T09:00:00Z", firstResponseAt: "2026-11-23T09:01:00Z" },
 *   { createdAt: "2026-11-23T09:00:00Z", firstResponseAt: "2026-11-23T09:02:00Z" },
 *   { createdAt: "2026-11-23T09:00:00Z", firstResponseAt: "2026-11-23T09:03:00Z" },
 *   { createdAt: "2026-11-23T09:00:00Z", firstResponseAt: "2026-11-23T09:04:00Z" },
 *   { createdAt: "2026-11-23T10:00:00Z", firstResponseAt: null },
 * ];
 * const result = firstResponseTime(tickets);
 * console.log(result.mean, result.median, result.p90, result.answered, result.unanswered);
 * // => 2.5 2.5 3.7 4 1
 * console.log(firstResponseTime({ totalFirstResponseTime: 600, questions: 40 }).mean);
 * // => 15
 * ```
 */
export function firstResponseTime(tickets: ReadonlyArray<Ticket>, options?: ResponseTimeOptions): ResponseTimeResult;
export function firstResponseTime(totals: FirstResponseTotals, options?: FirstResponseTotalsOptions): ResponseTimeTotalsResult;
export function firstResponseTime(
  input: ReadonlyArray<Ticket> | FirstResponseTotals,
  options?: ResponseTimeOptions | FirstResponseTotalsOptions,
): ResponseTimeResult | ResponseTimeTotalsResult {
  return guard(METRIC, () => {
    if (!Array.isArray(input)) {
      if (typeof input !== "object" || input === null) {
        throw valueError("INVALID_INPUT", METRIC, ["input"], input, "expected an array of tickets or { totalFirstResponseTime, questions }");
      }
      return totalsForm(input, options);
    }
    const { unit, calendar, decimals } = readResponseTimeOptions(options, METRIC);
    const { durations, missing } = ticketDurations(input, "firstResponseAt", METRIC, calendar);
    return finishFirstResponseTime(summarizeDurations(durations), missing, unit, decimals);
  });
}

/** Finishes the first-response time from the answered tickets' durations and the count of unanswered ones. */
export function finishFirstResponseTime(
  summary: DurationSummary,
  unanswered: number,
  unit: DurationUnit,
  decimals: number | undefined,
): ResponseTimeResult {
  const stats = finishDurationStats(summary, unit, decimals, METRIC, "no answered tickets: the first-response time of nothing is undefined");
  return { metric: METRIC, unit, ...stats, answered: summary.count, unanswered };
}
