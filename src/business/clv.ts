import * as z from "zod/mini";
import { parseWith } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import {
  divideFractions,
  type Fraction,
  fractionOf,
  fractionValue,
  type Money,
  MoneySchema,
  multiplyFractions,
  subtractFractions,
  toScaled,
} from "../internal/money.js";
import { decimalsSchema } from "../internal/schemas.js";
import { checkFinite, parseRanged } from "./records.js";

const PERCENT_RATE = "expected a percent in (0, 100]";

/** What {@link clv} accepts. */
export const ClvInputSchema = /* @__PURE__ */ (() =>
  z.object(
  {
    /** Revenue one customer brings in a year. */
    annualRevenuePerCustomer: MoneySchema,
    /** How long the relationship lasts, in years (>= 0, fractions allowed). */
    relationshipYears: z.number({ error: "expected a finite number of years" }).check(z.gte(0, { error: "expected a number of years >= 0" })),
    /** What it costs to win one customer. */
    acquisitionCost: MoneySchema,
  },
  { error: "expected an object" },
))();

/** What {@link clv} accepts: money as a number or a plain decimal string. */
export type ClvInput = z.infer<typeof ClvInputSchema>;

/** What {@link clvFromChurn} accepts. Rates are percents per period. */
export const ClvFromChurnInputSchema = /* @__PURE__ */ (() =>
  z.object(
  {
    /** Revenue one customer brings per period (month, year, ...). */
    revenuePerPeriod: MoneySchema,
    /** Percent of customers lost per period, in (0, 100]. */
    churnRate: z.number({ error: "expected a finite number" }).check(z.gt(0, { error: PERCENT_RATE }), z.lte(100, { error: PERCENT_RATE })),
    /** Gross margin in percent, 0-100 (default 100: revenue counts in full). */
    grossMargin: z.optional(
      z.number({ error: "expected a finite number" }).check(
        z.gte(0, { error: "expected a percent in [0, 100]" }),
        z.lte(100, { error: "expected a percent in [0, 100]" }),
      ),
    ),
    /** Discount rate in percent per period, >= 0 (default 0: no discounting). */
    discountRate: z.optional(z.number({ error: "expected a finite number" }).check(z.gte(0, { error: "expected a percent >= 0" }))),
    /** What it costs to win one customer (default 0). */
    acquisitionCost: z.optional(MoneySchema),
  },
  { error: "expected an object" },
))();

/** What {@link clvFromChurn} accepts. */
export type ClvFromChurnInput = z.infer<typeof ClvFromChurnInputSchema>;

/** Options of {@link clv} and {@link clvFromChurn}; unknown keys are refused. */
export const ClvOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
  /** Round every number of the result to this many decimals (0-15), half away from zero. */
  decimals: z.optional(decimalsSchema),
}))();

/** Options of {@link clv} and {@link clvFromChurn}. */
export type ClvOptions = z.infer<typeof ClvOptionsSchema>;

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

function readOptions(options: unknown, metric: string): ClvOptions {
  return options === undefined ? {} : parseWith(ClvOptionsSchema, options, metric, "options");
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
    const { decimals } = readOptions(options, "clv");
    const i = parseRanged(ClvInputSchema, input, "clv", "input");
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
    const { decimals } = readOptions(options, "clvFromChurn");
    const i = parseRanged(ClvFromChurnInputSchema, input, "clvFromChurn", "input");
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
