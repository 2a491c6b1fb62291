import * as z from "zod/mini";
import { parseWith } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { type BgNbdCustomer, type BgNbdParams, BgNbdParamsSchema, conditionalExpected, readBgNbdParams, readCustomer } from "./bg-nbd.js";
import { expectedSpend, type GammaGammaParams, GammaGammaParamsSchema, readGammaGammaParams } from "./gamma-gamma.js";
import { checkNonNegative, checkRecord, finiteResult, nonNegativeFinite } from "./shared.js";

const METRIC = "predictiveClv";

/** The input of {@link predictiveClv}; unknown keys are refused. `bgNbd` and `gammaGamma` take parameters or whole fits. */
export const PredictiveClvInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
  /** BG/NBD parameters, or a fit whose `params` are them. */
  bgNbd: z.union([BgNbdParamsSchema, z.object({ params: BgNbdParamsSchema })]),
  /** Gamma-Gamma parameters, or a fit whose `params` are them. */
  gammaGamma: z.union([GammaGammaParamsSchema, z.object({ params: GammaGammaParamsSchema })]),
  /** The customer's summary in the BG/NBD model's time unit, with the mean value of the repeat purchases. */
  customer: z.object({ frequency: z.number(), recency: z.number(), T: z.number(), monetaryValue: z.number() }),
  /** How far ahead, in the summary's time unit. */
  horizon: nonNegativeFinite,
  /** The number of equal steps the horizon is cut into; default 1. */
  steps: z.optional(z.int({ error: "expected an integer >= 1" }).check(z.gte(1, { error: "expected an integer >= 1" }))),
  /** Discount rate per step; default 0. */
  discountRate: z.optional(nonNegativeFinite),
  /** The share of the spend that is profit; default 1. */
  margin: z.optional(nonNegativeFinite),
}))();

/** The input of {@link predictiveClv}. */
export type PredictiveClvInput = {
  bgNbd: BgNbdParams | { params: BgNbdParams };
  gammaGamma: GammaGammaParams | { params: GammaGammaParams };
  customer: { frequency: number; recency: number; T: number; monetaryValue: number };
  horizon: number;
  steps?: number;
  discountRate?: number;
  margin?: number;
};

function paramsOf(value: unknown): unknown {
  return typeof value === "object" && value !== null && "params" in value ? (value as { params: unknown }).params : value;
}

/**
 * The predicted value of a customer over a horizon: BG/NBD expected purchases times Gamma-Gamma expected spend,
 * discounted step by step (Fader, Hardie & Lee 2005, "RFM and CLV"; the discounted sum of the lifetimes package).
 *
 * With h = horizon / steps and E(t) = E[Y(t) | x, t_x, T] the BG/NBD conditional expectation,
 * CLV = Σ_{i=1}^{steps} (E(i h) - E((i - 1) h)) × E[M] × margin / (1 + discountRate)^i, where E[M] is the
 * Gamma-Gamma expected spend. Without discounting this is E(horizon) × E[M] × margin whatever the steps.
 *
 * @param input - `bgNbd` and `gammaGamma` (parameters or fits), `customer` `{ frequency, recency, T, monetaryValue }`,
 *   `horizon`, and optionally `steps` (default 1), `discountRate` per step (default 0) and `margin` (default 1)
 * @returns the expected (discounted) value, in money units
 * @throws {@link CxMetricsError} `INVALID_INPUT` for bad parameters, a bad customer, a negative horizon, rate or margin,
 *   non-integer steps or unknown keys; `OUT_OF_RANGE` for recency > T or when the expected spend is infinite
 *   (q <= 1 for a customer without repeat purchases)
 *
 * @example
 * ```ts
 * import { predictiveClv } from "cx-metrics";
 * const value = predictiveClv({
 *   bgNbd: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 },
 *   gammaGamma: { p: 6.2488, q: 3.7446, v: 15.4477 },
 *   customer: { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 },
 *   horizon: 52,
 *   steps: 12,
 *   discountRate: 0.01,
 *   margin: 0.3,
 * });
 * console.log(value.toFixed(2));
 * // => 10.86
 * ```
 */
export function predictiveClv(input: PredictiveClvInput): number {
  return guard(METRIC, () => {
    const raw = checkRecord(input, METRIC, ["input"], "expected an object with bgNbd, gammaGamma, customer and horizon");
    const bg = readBgNbdParams(paramsOf(raw.bgNbd), METRIC, ["input", "bgNbd"]);
    const gg = readGammaGammaParams(paramsOf(raw.gammaGamma), METRIC, ["input", "gammaGamma"]);
    const customer = readCustomer(raw.customer, METRIC, ["input", "customer"]);
    const monetaryValue = checkNonNegative((raw.customer as Record<string, unknown>).monetaryValue, METRIC, ["input", "customer", "monetaryValue"]);
    const opts = parseWith(PredictiveClvInputSchema, input, METRIC, "input");
    const steps = opts.steps ?? 1;
    const discount = 1 + (opts.discountRate ?? 0);
    const spend = expectedSpend(gg, customer.frequency, monetaryValue, METRIC, ["input", "gammaGamma"], ["input", "customer", "monetaryValue"]);
    return finiteResult(discountedPurchases(bg, customer, opts.horizon, steps, discount) * spend * (opts.margin ?? 1), METRIC, "the customer value");
  });
}

/**
 * Σ_{i=1}^{steps} (E(i h) - E((i - 1) h)) / discount^i with h = horizon / steps: the discounted expected purchases
 * every CLV here multiplies by the expected spend and the margin.
 */
export function discountedPurchases(bg: BgNbdParams, customer: BgNbdCustomer, horizon: number, steps: number, discount: number): number {
  let previous = 0;
  let total = 0;
  for (let i = 1; i <= steps; i++) {
    const current = conditionalExpected(bg, customer, (horizon * i) / steps);
    total += (current - previous) / discount ** i;
    previous = current;
  }
  return total;
}
