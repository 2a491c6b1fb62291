import { checkCount, checkDecimals, readObject, readOptions } from "../internal/check.js";
import { emptyError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { ratio } from "../internal/round.js";

/** What {@link churnRate} accepts: customer counts, with customersLost <= customersAtStart; extra keys are ignored. */
export interface ChurnInput {
  /** Customers at the start of the period (a non-negative integer). */
  customersAtStart: number;
  /** Of those, how many had left by its end (a non-negative integer, at most customersAtStart). */
  customersLost: number;
}

/**
 * What {@link retentionRate} accepts: customer counts, with newCustomers <= customersAtEnd <= customersAtStart +
 * newCustomers; extra keys are ignored.
 */
export interface RetentionInput {
  /** Customers at the start of the period (S, a non-negative integer). */
  customersAtStart: number;
  /** Customers at its end (E, a non-negative integer), new ones included. */
  customersAtEnd: number;
  /** Customers won during the period (N, a non-negative integer). */
  newCustomers: number;
}

/** Options of the rate calculators; unknown keys are refused. */
export interface BusinessRateOptions {
  /** Round the rates to this many decimals (0-15), half away from zero. */
  decimals?: number | undefined;
}

/** The consistency rules of the business counts, worded once for the readers and the schemas. */
export const CHURN_EXPECTED = {
  lost: "expected customersLost <= customersAtStart",
  fresh: "expected newCustomers <= customersAtEnd",
  kept: "expected customersAtEnd - newCustomers <= customersAtStart",
} as const;

const rateOptions = { decimals: checkDecimals };

/** Reads rate options (shared by the business rate calculators). */
export function readRateOptions(options: unknown, metric: string): BusinessRateOptions {
  return readOptions<BusinessRateOptions>(options, metric, rateOptions);
}

/** Reads {@link ChurnInput}, the tight equivalent of its schema. */
function readChurnInput(input: unknown, metric: string): ChurnInput {
  const c = readObject<ChurnInput>(input, metric, "input", "expected an object", { customersAtStart: checkCount, customersLost: checkCount });
  if (c.customersLost > c.customersAtStart) {
    throw valueError("INVALID_INPUT", metric, ["input", "customersLost"], c.customersLost, CHURN_EXPECTED.lost, "custom");
  }
  return c;
}

/** Reads {@link RetentionInput}, the tight equivalent of its schema. */
function readRetentionInput(input: unknown, metric: string): RetentionInput {
  const c = readObject<RetentionInput>(input, metric, "input", "expected an object", {
    customersAtStart: checkCount,
    customersAtEnd: checkCount,
    newCustomers: checkCount,
  });
  if (c.newCustomers > c.customersAtEnd) {
    throw valueError("INVALID_INPUT", metric, ["input", "newCustomers"], c.newCustomers, CHURN_EXPECTED.fresh, "custom");
  }
  if (c.customersAtEnd - c.newCustomers > c.customersAtStart) {
    throw valueError("INVALID_INPUT", metric, ["input", "customersAtEnd"], c.customersAtEnd, CHURN_EXPECTED.kept, "custom");
  }
  return c;
}

/** A customer churn rate and its complement, in percent. */
export interface ChurnResult {
  /** Always `'churn'`. */
  metric: "churn";
  /** 100 × customersLost / customersAtStart. */
  rate: number;
  /** 100 − rate: 100 × (customersAtStart − customersLost) / customersAtStart. */
  retentionRate: number;
  customersAtStart: number;
  customersLost: number;
}

/** A customer retention rate, in percent. */
export interface RetentionResult {
  /** Always `'retention'`. */
  metric: "retention";
  /** 100 × (customersAtEnd − newCustomers) / customersAtStart. */
  rate: number;
  customersAtStart: number;
  customersAtEnd: number;
  newCustomers: number;
}

/** The churn result of trusted counts, atStart > 0. */
export function churnOf(atStart: number, lost: number, decimals: number | undefined): ChurnResult {
  return {
    metric: "churn",
    rate: ratio(lost, atStart, 100, decimals),
    retentionRate: ratio(atStart - lost, atStart, 100, decimals),
    customersAtStart: atStart,
    customersLost: lost,
  };
}

/**
 * Customer churn rate: the percent of the customers at the start of a period who left during it.
 *
 * rate = 100 × customersLost / customersAtStart and retentionRate = 100 − rate, each the correctly rounded value of
 * the exact ratio.
 *
 * @param input - `customersAtStart` and `customersLost`, non-negative integers with lost <= atStart
 * @param options - `decimals`: round the rates half away from zero
 * @returns the churn rate, its complement and the counts
 * @throws {@link CxMetricsError} `INVALID_INPUT` for non-integers, negative counts, more lost than at start or an
 *   unknown option; `EMPTY_INPUT` when customersAtStart is 0
 *
 * @example
 * ```ts
 * import { churnRate } from "cx-metrics";
 * console.log(JSON.stringify(churnRate({ customersAtStart: 200, customersLost: 10 })));
 * // => {"metric":"churn","rate":5,"retentionRate":95,"customersAtStart":200,"customersLost":10}
 * console.log(churnRate({ customersAtStart: 3, customersLost: 1 }, { decimals: 2 }).rate);
 * // => 33.33
 * ```
 */
export function churnRate(input: ChurnInput, options?: BusinessRateOptions): ChurnResult {
  return guard("churnRate", () => {
    const { decimals } = readRateOptions(options, "churnRate");
    const c = readChurnInput(input, "churnRate");
    if (c.customersAtStart === 0) {
      throw emptyError("churnRate", ["input", "customersAtStart"], "input.customersAtStart is 0: the churn of no customers is undefined");
    }
    return churnOf(c.customersAtStart, c.customersLost, decimals);
  });
}

/**
 * Customer retention rate: the percent of the customers at the start of a period still there at its end, not
 * counting the customers won meanwhile.
 *
 * rate = 100 × (customersAtEnd − newCustomers) / customersAtStart, the correctly rounded value of the exact ratio.
 *
 * @param input - `customersAtStart` (S), `customersAtEnd` (E) and `newCustomers` (N), non-negative integers with
 *   N <= E and E − N <= S
 * @param options - `decimals`: round the rate half away from zero
 * @returns the retention rate and the counts
 * @throws {@link CxMetricsError} `INVALID_INPUT` for non-integers, negative or inconsistent counts or an unknown
 *   option; `EMPTY_INPUT` when customersAtStart is 0
 *
 * @example
 * ```ts
 * import { retentionRate } from "cx-metrics";
 * console.log(JSON.stringify(retentionRate({ customersAtStart: 200, customersAtEnd: 210, newCustomers: 30 })));
 * // => {"metric":"retention","rate":90,"customersAtStart":200,"customersAtEnd":210,"newCustomers":30}
 * ```
 */
export function retentionRate(input: RetentionInput, options?: BusinessRateOptions): RetentionResult {
  return guard("retentionRate", () => {
    const { decimals } = readRateOptions(options, "retentionRate");
    const c = readRetentionInput(input, "retentionRate");
    if (c.customersAtStart === 0) {
      throw emptyError("retentionRate", ["input", "customersAtStart"], "input.customersAtStart is 0: the retention of no customers is undefined");
    }
    return {
      metric: "retention",
      rate: ratio(c.customersAtEnd - c.newCustomers, c.customersAtStart, 100, decimals),
      customersAtStart: c.customersAtStart,
      customersAtEnd: c.customersAtEnd,
      newCustomers: c.newCustomers,
    };
  });
}

/**
 * Converts a churn rate from one period length to another, compounding: a customer survives `periods` periods with
 * probability (1 − rate/100)^periods.
 *
 * converted = 100 × (1 − (1 − rate/100)^periods); `periods` may be fractional (1/12 turns an annual rate into a
 * monthly one, 12 a monthly rate into an annual one). Computed as −100 × expm1(periods × log1p(−rate/100)) for
 * accuracy at small rates; `periods` = 1 returns the rate unchanged.
 *
 * @param rate - the churn rate per period, a percent from 0 to 100
 * @param periods - how many of the given periods make the target period, > 0
 * @returns the churn rate per target period, in percent, from 0 to 100
 * @throws {@link CxMetricsError} `INVALID_INPUT` when rate or periods is not a finite number or periods <= 0;
 *   `OUT_OF_RANGE` for a rate outside 0-100
 *
 * @example
 * ```ts
 * import { convertChurnRate } from "cx-metrics";
 * console.log(convertChurnRate(5, 12).toFixed(2));
 * // => 45.96
 * console.log(convertChurnRate(36, 1 / 12).toFixed(4));
 * // => 3.6508
 * console.log(convertChurnRate(100, 0.5));
 * // => 100
 * ```
 */
export function convertChurnRate(rate: number, periods: number): number {
  return guard("convertChurnRate", () => {
    // Number.isFinite is false for every non-number, so it also refuses strings, bigints and objects.
    if (!Number.isFinite(rate)) {
      throw valueError("INVALID_INPUT", "convertChurnRate", ["rate"], rate, "expected a finite number");
    }
    if (rate < 0 || rate > 100) throw valueError("OUT_OF_RANGE", "convertChurnRate", ["rate"], rate, "expected a percent from 0 to 100");
    if (!Number.isFinite(periods) || periods <= 0) {
      throw valueError("INVALID_INPUT", "convertChurnRate", ["periods"], periods, "expected a finite number > 0");
    }
    // 0 and 100 need no shortcut: log1p(-0) = -0 and log1p(-1) = -Infinity make the formula give exactly 0 and 100.
    if (periods === 1) return rate + 0;
    const converted = -100 * Math.expm1(periods * Math.log1p(-rate / 100));
    return Math.min(100, Math.max(0, converted));
  });
}
