import { type Checker, checkMoney, optional, readObject } from "../internal/check.js";
import { emptyError, valueError } from "../internal/fail.js";
import { guard } from "../internal/guard.js";
import { fractionToNumber, isMoney, type Money, rescale, type Scaled, toScaled } from "../internal/money.js";
import { type BusinessRateOptions, readRateOptions } from "./churn.js";
import { checkFinite } from "./records.js";

/** What {@link revenueChurn} accepts: recurring revenue movements over a period, as non-negative Money. */
export interface RevenueChurnInput {
  /** Recurring revenue at the start of the period (> 0). */
  startingMrr: Money;
  /** Recurring revenue lost with customers who left (with contractionMrr, at most startingMrr). */
  churnedMrr: Money;
  /** Recurring revenue lost to downgrades (default 0). */
  contractionMrr?: Money | undefined;
  /** Recurring revenue gained from upgrades of existing customers (default 0). */
  expansionMrr?: Money | undefined;
  /** Recurring revenue regained from returning customers (default 0). */
  reactivationMrr?: Money | undefined;
}

/** The rules of a revenue movement beyond its Money shape, worded once for the reader and the schema. */
export const REVENUE_EXPECTED = {
  nonNegative: "expected a non-negative amount",
  losses: "expected churnedMrr + contractionMrr <= startingMrr",
} as const;

/** A non-negative amount of money (`"-0"` is zero, so it passes). */
export const checkNonNegativeMoney: Checker<Money> = (value, path, metric) => {
  const amount = checkMoney(value, path, metric);
  if (toScaled(amount).units < 0n) throw valueError("INVALID_INPUT", metric, path, amount, REVENUE_EXPECTED.nonNegative, "custom");
  return amount;
};

const revenueInput: { [K in keyof RevenueChurnInput]-?: Checker<RevenueChurnInput[K]> } = {
  startingMrr: checkNonNegativeMoney,
  churnedMrr: checkNonNegativeMoney,
  contractionMrr: optional(checkNonNegativeMoney),
  expansionMrr: optional(checkNonNegativeMoney),
  reactivationMrr: optional(checkNonNegativeMoney),
};

/** True when churned + contraction <= starting, exactly, or when one of them is not Money (its own check refuses it). */
export function lossesWithin(input: RevenueChurnInput): boolean {
  const amounts = [input.startingMrr, input.churnedMrr, input.contractionMrr ?? 0];
  if (!amounts.every(isMoney)) return true;
  const [starting, churned, contraction] = common(amounts) as [bigint, bigint, bigint];
  return churned + contraction <= starting;
}

/** The amounts as integers over one common power of ten. */
function common(values: ReadonlyArray<Money>): bigint[] {
  const amounts: Scaled[] = values.map(toScaled);
  const scale = Math.max(...amounts.map((a) => a.scale));
  return amounts.map((a) => rescale(a, scale));
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
    const i = readObject<RevenueChurnInput>(input, "revenueChurn", "input", "expected an object", revenueInput);
    const [starting, churned, contraction, expansion, reactivation] = common(FIELDS.map((field) => i[field] ?? 0)) as [
      bigint,
      bigint,
      bigint,
      bigint,
      bigint,
    ];
    const lost = churned + contraction;
    if (lost > starting) {
      throw valueError(
        "INVALID_INPUT",
        "revenueChurn",
        ["input", "churnedMrr"],
        i.churnedMrr,
        REVENUE_EXPECTED.losses,
        "custom",
      );
    }
    if (starting === 0n) throw emptyError("revenueChurn", ["input", "startingMrr"], "input.startingMrr is 0: the churn of no revenue is undefined");
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
