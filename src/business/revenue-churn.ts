import * as z from "zod/mini";
import { emptyError, parseWith, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { fractionToNumber, type Money, MoneySchema, rescale, type Scaled, toScaled } from "../internal/money.js";
import { type BusinessRateOptions, readRateOptions } from "./churn.js";
import { checkFinite } from "./records.js";

/** What {@link revenueChurn} accepts: monthly recurring revenue movements over a period, as Money. */
export const RevenueChurnInputSchema = /* @__PURE__ */ (() =>
  z.object(
  {
    /** Recurring revenue at the start of the period (> 0). */
    startingMrr: MoneySchema,
    /** Recurring revenue lost with customers who left. */
    churnedMrr: MoneySchema,
    /** Recurring revenue lost to downgrades (default 0). */
    contractionMrr: z.optional(MoneySchema),
    /** Recurring revenue gained from upgrades of existing customers (default 0). */
    expansionMrr: z.optional(MoneySchema),
    /** Recurring revenue regained from returning customers (default 0). */
    reactivationMrr: z.optional(MoneySchema),
  },
  { error: "expected an object" },
))();

/** What {@link revenueChurn} accepts. */
export interface RevenueChurnInput {
  startingMrr: Money;
  churnedMrr: Money;
  contractionMrr?: Money | undefined;
  expansionMrr?: Money | undefined;
  reactivationMrr?: Money | undefined;
}

/** Revenue churn and retention, in percent of the starting recurring revenue. */
export interface RevenueChurnResult {
  /** Always `'revenueChurn'`. */
  metric: "revenueChurn";
  /** 100 × (churned + contraction) / starting. */
  grossChurnRate: number;
  /** 100 × (churned + contraction − expansion − reactivation) / starting; negative when expansion outweighs losses. */
  netChurnRate: number;
  /** 100 − grossChurnRate (GRR). */
  grossRevenueRetention: number;
  /** 100 − netChurnRate (NRR); above 100 with net expansion. */
  netRevenueRetention: number;
}

const FIELDS = ["startingMrr", "churnedMrr", "contractionMrr", "expansionMrr", "reactivationMrr"] as const;

/**
 * Revenue churn: how much recurring revenue a period lost (gross) and lost net of expansion and reactivation, with
 * the matching gross and net revenue retention.
 *
 * gross = 100 × (churned + contraction) / starting; net = 100 × (churned + contraction − expansion − reactivation) /
 * starting; GRR = 100 − gross; NRR = 100 − net. Sums are exact decimals and each rate is one correctly rounded
 * division.
 *
 * @param input - `startingMrr` and `churnedMrr`, optional `contractionMrr`, `expansionMrr`, `reactivationMrr`
 *   (non-negative Money; churned + contraction <= starting)
 * @param options - `decimals`: round the rates half away from zero
 * @returns the gross and net churn rates and revenue retention
 * @throws {@link CxMetricsError} `INVALID_INPUT` for a missing or malformed amount, a negative amount, losses above
 *   the starting revenue or an unknown option; `OUT_OF_RANGE` for a rate beyond the range of a number;
 *   `EMPTY_INPUT` when startingMrr is 0
 *
 * @example
 * ```ts
 * import { revenueChurn } from "cx-metrics";
 * const r = revenueChurn({ startingMrr: 100000, churnedMrr: 5000, contractionMrr: 2000, expansionMrr: 8000, reactivationMrr: 1000 });
 * console.log(r.grossChurnRate, r.netChurnRate, r.grossRevenueRetention, r.netRevenueRetention);
 * // => 7 -2 93 102
 * console.log(revenueChurn({ startingMrr: "300", churnedMrr: "10.10" }, { decimals: 2 }).grossChurnRate);
 * // => 3.37
 * ```
 */
export function revenueChurn(input: RevenueChurnInput, options?: BusinessRateOptions): RevenueChurnResult {
  return guard("revenueChurn", () => {
    const { decimals } = readRateOptions(options, "revenueChurn");
    const i = parseWith(RevenueChurnInputSchema, input, "revenueChurn", "input");
    const amounts: Scaled[] = [];
    for (const field of FIELDS) {
      const raw = i[field] ?? 0;
      const amount = toScaled(raw);
      if (amount.units < 0n) throw valueError("INVALID_INPUT", "revenueChurn", ["input", field], raw, "expected a non-negative amount");
      amounts.push(amount);
    }
    const scale = Math.max(...amounts.map((a) => a.scale));
    const [starting, churned, contraction, expansion, reactivation] = amounts.map((a) => rescale(a, scale)) as [
      bigint,
      bigint,
      bigint,
      bigint,
      bigint,
    ];
    if (starting === 0n) throw emptyError("revenueChurn", ["input", "startingMrr"], "input.startingMrr is 0: the churn of no revenue is undefined");
    const lost = churned + contraction;
    if (lost > starting) {
      throw valueError(
        "INVALID_INPUT",
        "revenueChurn",
        ["input", "churnedMrr"],
        i.churnedMrr,
        "expected churnedMrr + contractionMrr <= startingMrr",
      );
    }
    const net = lost - expansion - reactivation;
    const percent = (part: bigint) => fractionToNumber(100n * part, starting, decimals);
    return checkFinite<RevenueChurnResult>({
      metric: "revenueChurn",
      grossChurnRate: percent(lost),
      netChurnRate: percent(net),
      grossRevenueRetention: percent(starting - lost),
      netRevenueRetention: percent(starting - net),
    }, "revenueChurn");
  });
}
