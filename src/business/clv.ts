import { checkDecimals, checkMoney, checkNumberIn, type Checker, optional, readObject, readOptions } from "../internal/check.js";
import { guard } from "../internal/guard.js";
import {
  divideFractions,
  type Fraction,
  fractionOf,
  fractionValue,
  type Money,
  multiplyFractions,
  subtractFractions,
  toScaled,
} from "../internal/money.js";
import { checkFinite } from "./records.js";

/** What {@link clv} accepts; extra keys are ignored. */
export interface ClvInput {
  /** Revenue one customer brings in a year, as Money. */
  annualRevenuePerCustomer: Money;
  /** How long the relationship lasts, in years (>= 0, fractions allowed). */
  relationshipYears: number;
  /** What it costs to win one customer, as Money. */
  acquisitionCost: Money;
}

/** What {@link clvFromChurn} accepts; rates are percents per period, extra keys are ignored. */
export interface ClvFromChurnInput {
  /** Revenue one customer brings per period (month, year, ...), as Money. */
  revenuePerPeriod: Money;
  /** Percent of customers lost per period, in (0, 100]. */
  churnRate: number;
  /** Gross margin in percent, 0-100 (default 100: revenue counts in full). */
  grossMargin?: number | undefined;
  /** Discount rate in percent per period, >= 0 (default 0: no discounting). */
  discountRate?: number | undefined;
  /** What it costs to win one customer, as Money (default 0). */
  acquisitionCost?: Money | undefined;
}

/** Options of {@link clv} and {@link clvFromChurn}; unknown keys are refused. */
export interface ClvOptions {
  /** Round every number of the result to this many decimals (0-15), half away from zero. */
  decimals?: number | undefined;
}

/** The messages of the numbers {@link clv} and {@link clvFromChurn} read, shared with their schemas. */
export const CLV_EXPECTED = {
  years: ["expected a finite number of years", "expected a number of years >= 0"],
  churnRate: ["expected a finite number", "expected a percent in (0, 100]"],
  grossMargin: ["expected a finite number", "expected a percent in [0, 100]"],
  discountRate: ["expected a finite number", "expected a percent >= 0"],
} as const;

const clvInput: { [K in keyof ClvInput]-?: Checker<ClvInput[K]> } = {
  annualRevenuePerCustomer: checkMoney,
  relationshipYears: checkNumberIn(...CLV_EXPECTED.years, 0, Number.POSITIVE_INFINITY),
  acquisitionCost: checkMoney,
};

const clvFromChurnInput: { [K in keyof ClvFromChurnInput]-?: Checker<ClvFromChurnInput[K]> } = {
  revenuePerPeriod: checkMoney,
  churnRate: checkNumberIn(...CLV_EXPECTED.churnRate, 0, 100, true),
  grossMargin: optional(checkNumberIn(...CLV_EXPECTED.grossMargin, 0, 100)),
  discountRate: optional(checkNumberIn(...CLV_EXPECTED.discountRate, 0, Number.POSITIVE_INFINITY)),
  acquisitionCost: optional(checkMoney),
};

const clvOptions = { decimals: checkDecimals };

/** A customer lifetime value and its parts, each the correctly rounded value of the exact decimal result. */
export interface ClvResult {
  /** Always `'clv'`. */
  metric: "clv";
  /** lifetimeRevenue − acquisitionCost. */
  value: number;
  /** The revenue one customer brings over the relationship. */
  lifetimeRevenue: number;
  /** The acquisition cost that was subtracted. */
  acquisitionCost: number;
  /** 1 / churn: how many periods a customer stays on average ({@link clvFromChurn} only). */
  expectedLifetimePeriods?: number;
}

function result(lifetime: Fraction, acquisition: Fraction, decimals: number | undefined): ClvResult {
  return {
    metric: "clv",
    value: fractionValue(subtractFractions(lifetime, acquisition), decimals),
    lifetimeRevenue: fractionValue(lifetime, decimals),
    acquisitionCost: fractionValue(acquisition, decimals),
  };
}

const exact = (value: Money): Fraction => fractionOf(toScaled(value));

/**
 * Customer lifetime value, the documents' way: what a customer brings over the relationship minus what it cost to win.
 *
 * CLV = annualRevenuePerCustomer × relationshipYears − acquisitionCost, in exact decimal arithmetic (numbers are taken
 * at their shortest decimal representation), rounded once at the end.
 *
 * @param input - `annualRevenuePerCustomer` and `acquisitionCost` as Money, `relationshipYears` >= 0
 * @param options - `decimals`: round the results half away from zero
 * @returns the value with the lifetime revenue and the acquisition cost
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a missing field, a non-finite number, a malformed amount or an
 *   unknown option; `OUT_OF_RANGE` for negative years or a result beyond the range of a number
 *
 * @example
 * ```ts
 * import { clv } from "cx-metrics";
 * console.log(clv({ annualRevenuePerCustomer: 0.1, relationshipYears: 3, acquisitionCost: 0.2 }).value);
 * // => 0.1
 * console.log(JSON.stringify(clv({ annualRevenuePerCustomer: "1200.50", relationshipYears: 2.5, acquisitionCost: 350 })));
 * // => {"metric":"clv","value":2651.25,"lifetimeRevenue":3001.25,"acquisitionCost":350}
 * ```
 */
export function clv(input: ClvInput, options?: ClvOptions): ClvResult {
  return guard("clv", () => {
    const { decimals } = readOptions<ClvOptions>(options, "clv", clvOptions);
    const i = readObject<ClvInput>(input, "clv", "input", "expected an object", clvInput);
    const lifetime = multiplyFractions(exact(i.annualRevenuePerCustomer), exact(i.relationshipYears));
    return checkFinite(result(lifetime, exact(i.acquisitionCost), decimals), "clv");
  });
}

/**
 * Customer lifetime value from a churn rate: the expected, optionally discounted, margin a customer brings while it
 * stays, when a share `c` of customers leaves every period.
 *
 * With m = revenuePerPeriod × grossMargin/100, c = churnRate/100 and d = discountRate/100, and revenue arriving at
 * the start of every period the customer is still there:
 * value = m(1 + d)/(d + c) − acquisitionCost, which is m/c without discounting; expectedLifetimePeriods = 1/c.
 *
 * @param input - `revenuePerPeriod` (Money), `churnRate` in (0, 100], optional `grossMargin` (0-100, default 100),
 *   `discountRate` (>= 0, default 0) and `acquisitionCost` (Money, default 0)
 * @param options - `decimals`: round the results half away from zero
 * @returns the value, the lifetime revenue m(1 + d)/(d + c), the acquisition cost and the expected lifetime
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a missing field, a non-finite number, a malformed amount or an
 *   unknown option; `OUT_OF_RANGE` for a churn rate outside (0, 100], a margin outside 0-100, a negative discount rate or a result beyond the range of a number
 *
 * @example
 * ```ts
 * import { clvFromChurn } from "cx-metrics";
 * console.log(JSON.stringify(clvFromChurn({ revenuePerPeriod: 50, churnRate: 5 })));
 * // => {"metric":"clv","value":1000,"lifetimeRevenue":1000,"acquisitionCost":0,"expectedLifetimePeriods":20}
 * const discounted = clvFromChurn({ revenuePerPeriod: 100, churnRate: 20, grossMargin: 60, discountRate: 10, acquisitionCost: 50 });
 * console.log(discounted.value, discounted.lifetimeRevenue);
 * // => 170 220
 * ```
 */
export function clvFromChurn(input: ClvFromChurnInput, options?: ClvOptions): ClvResult {
  return guard("clvFromChurn", () => {
    const { decimals } = readOptions<ClvOptions>(options, "clvFromChurn", clvOptions);
    const i = readObject<ClvFromChurnInput>(input, "clvFromChurn", "input", "expected an object", clvFromChurnInput);
    const hundred: Fraction = { num: 100n, den: 1n };
    const churn = exact(i.churnRate);
    const discount = exact(i.discountRate ?? 0);
    const margin = multiplyFractions(exact(i.revenuePerPeriod), divideFractions(exact(i.grossMargin ?? 100), hundred));
    // m(1 + d)/(d + c) with d and c as percents: m(100 + D)/(D + C).
    const growth = divideFractions(
      { num: hundred.num * discount.den + discount.num, den: discount.den },
      { num: discount.num * churn.den + churn.num * discount.den, den: discount.den * churn.den },
    );
    const out = result(multiplyFractions(margin, growth), exact(i.acquisitionCost ?? 0), decimals);
    out.expectedLifetimePeriods = fractionValue(divideFractions(hundred, churn), decimals);
    return checkFinite(out, "clvFromChurn");
  });
}
