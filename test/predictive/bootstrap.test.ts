import { describe, expect, it } from "vitest";
import { seededRandom } from "../../src/internal/random.js";
import { fitBgNbd, fitGammaGamma, predictiveClv, predictiveClvBootstrap } from "../../src/index.js";
import { expectRelative, thrown } from "./helpers.js";
import { mulberry32, simulateCustomers } from "./simulate.js";

const BG = { r: 0.8, alpha: 4, a: 1.5, b: 5 };
const GG = { p: 6, q: 4, v: 15 };
const CUSTOMERS = simulateCustomers(mulberry32(11), 150, BG, GG, 26, 52);
const OPTIONS = { horizon: 52, steps: 4, discountRate: 0.02, margin: 0.3 };

describe("predictiveClvBootstrap", () => {
  const result = predictiveClvBootstrap(CUSTOMERS, { ...OPTIONS, replicates: 20, seed: 3 });

  it("values each customer as predictiveClv does with both models fitted to all customers", () => {
    const bg = fitBgNbd(CUSTOMERS).params;
    const gg = fitGammaGamma(CUSTOMERS).params;
    expect(result.params).toEqual({ bgNbd: bg, gammaGamma: gg });
    let total = 0;
    CUSTOMERS.forEach((customer, i) => {
      const want = predictiveClv({ bgNbd: bg, gammaGamma: gg, customer, ...OPTIONS });
      total += want;
      expect(result.customers[i]!.clv).toBe(want);
    });
    expectRelative(result.total.clv, total, 1e-12);
  });

  it("takes its intervals from refits on customers drawn with replacement by the seeded generator", () => {
    // Two replicates rebuilt by hand: the draw counts become fit weights, and with two values the 5% and 95%
    // quantiles are v1 + 0.05 (v2 - v1) and v1 + 0.95 (v2 - v1).
    const random = seededRandom(5);
    const values = [0, 1].map(() => {
      const weights = new Array(CUSTOMERS.length).fill(0);
      for (let k = 0; k < CUSTOMERS.length; k++) weights[random.below(CUSTOMERS.length)] += 1;
      const rows = CUSTOMERS.map((c, i) => ({ ...c, weight: weights[i] }));
      const bg = fitBgNbd(rows).params;
      const gg = fitGammaGamma(rows).params;
      return CUSTOMERS.map((customer) => predictiveClv({ bgNbd: bg, gammaGamma: gg, customer, ...OPTIONS }));
    });
    const two = predictiveClvBootstrap(CUSTOMERS, { ...OPTIONS, replicates: 2, seed: 5 });
    for (const i of [0, 1, 7, 42]) {
      const [v1, v2] = [values[0]![i]!, values[1]![i]!].sort((p, q) => p - q) as [number, number];
      expectRelative(two.customers[i]!.lower, v1 + 0.05 * (v2 - v1), 1e-12);
      expectRelative(two.customers[i]!.upper, v1 + 0.95 * (v2 - v1), 1e-12);
    }
    const totals = values.map((v) => v.reduce((s, x) => s + x, 0)).sort((p, q) => p - q) as [number, number];
    expectRelative(two.total.lower, totals[0] + 0.05 * (totals[1] - totals[0]), 1e-12);
  });

  it("is reproducible: the same seed gives the same result, another seed other intervals", () => {
    expect(predictiveClvBootstrap(CUSTOMERS, { ...OPTIONS, replicates: 20, seed: 3 })).toEqual(result);
    const other = predictiveClvBootstrap(CUSTOMERS, { ...OPTIONS, replicates: 20, seed: 4 });
    expect(other.total.clv).toBe(result.total.clv);
    expect(other.total.lower).not.toBe(result.total.lower);
  });

  it("reports its settings, and wider levels give wider intervals", () => {
    expect(result).toMatchObject({ metric: "predictiveClvBootstrap", level: 0.9, seed: 3, replicates: 20, failedReplicates: 0 });
    const wide = predictiveClvBootstrap(CUSTOMERS, { ...OPTIONS, replicates: 20, seed: 3, level: 0.99 });
    expect(wide.total.lower).toBeLessThan(result.total.lower);
    expect(wide.total.upper).toBeGreaterThan(result.total.upper);
    for (const c of result.customers) expect(c.lower).toBeLessThanOrEqual(c.upper);
  });

  it("keeps the upper quantile inside the sample for a level within 2^-53 of 1", () => {
    const edge = predictiveClvBootstrap(CUSTOMERS, { horizon: 52, replicates: 3, seed: 2, level: 1 - 2 ** -53 });
    expect(Number.isFinite(edge.total.upper)).toBe(true);
    expect(edge.total.upper).toBeGreaterThanOrEqual(edge.total.lower);
  });

  it("passes fit options on to both fits", () => {
    const penalized = predictiveClvBootstrap(CUSTOMERS, { horizon: 52, replicates: 2, bgNbd: { penalizer: 0.01 }, gammaGamma: { penalizer: 0.001 } });
    expect(penalized.params.bgNbd).toEqual(fitBgNbd(CUSTOMERS, { penalizer: 0.01 }).params);
    expect(penalized.params.gammaGamma).toEqual(fitGammaGamma(CUSTOMERS, { penalizer: 0.001 }).params);
    expect(penalized.params.gammaGamma).not.toEqual(result.params.gammaGamma);
    expect(penalized.seed).toBe(1);
  });

  it("90% intervals cover the CLV under the true parameters about 90% of the time on simulated data", () => {
    // 16 data sets of 200 customers simulated from known parameters, 30 replicates each. Bands fixed beforehand:
    // customer coverage pooled over the data sets in [0.80, 0.97]; the total covered in at least 12 of 16 data sets
    // (P(X <= 11) = 0.017 for X ~ Binomial(16, 0.9)).
    const uniform = mulberry32(2026);
    let covered = 0;
    let customers = 0;
    let totalsCovered = 0;
    for (let d = 0; d < 16; d++) {
      const data = simulateCustomers(uniform, 200, BG, GG, 26, 52);
      const boot = predictiveClvBootstrap(data, { horizon: 52, replicates: 30, seed: d + 1 });
      let trueTotal = 0;
      data.forEach((customer, i) => {
        const truth = predictiveClv({ bgNbd: BG, gammaGamma: GG, customer, horizon: 52 });
        trueTotal += truth;
        const c = boot.customers[i]!;
        if (c.lower <= truth && truth <= c.upper) covered += 1;
      });
      customers += data.length;
      if (boot.total.lower <= trueTotal && trueTotal <= boot.total.upper) totalsCovered += 1;
    }
    const coverage = covered / customers;
    expect(coverage).toBeGreaterThanOrEqual(0.8);
    expect(coverage).toBeLessThanOrEqual(0.97);
    expect(totalsCovered).toBeGreaterThanOrEqual(12);
  });

  // 25 simulated customers: too few for the models, so many resamples cannot be fitted.
  const THIN = simulateCustomers(mulberry32(24), 25, BG, GG, 26, 52);

  it("counts replicates whose fits fail and takes the intervals from the others", () => {
    const thin = predictiveClvBootstrap(THIN, { horizon: 52, replicates: 20, seed: 1 });
    expect(thin.failedReplicates).toBeGreaterThan(0);
    expect(thin.replicates + thin.failedReplicates).toBe(20);
    expect(thin.total.lower).toBeLessThanOrEqual(thin.total.upper);
  });

  it("refuses with INVALID_INPUT when fewer than 2 replicates can be fitted", () => {
    const error = thrown(() => predictiveClvBootstrap(THIN, { horizon: 52, replicates: 2, seed: 2 }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(
      "predictiveClvBootstrap: only 0 of 2 bootstrap replicates could be fitted; the data do not determine the models",
    );
  });

  it("refuses customers × replicates above CLV_BOOTSTRAP_MAX_VALUES with OUT_OF_RANGE", () => {
    const many = Array.from({ length: 1001 }, () => CUSTOMERS[0]!);
    const error = thrown(() => predictiveClvBootstrap(many, { horizon: 52, replicates: 10_000 }));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toBe("predictiveClvBootstrap: options.replicates is 10000, expected customers × replicates <= 10000000 (1001 customers)");
  });

  it.each([
    ["a missing options object", CUSTOMERS, undefined, "predictiveClvBootstrap: options is missing, expected an object with horizon"],
    ["a negative horizon", CUSTOMERS, { horizon: -1 }, "predictiveClvBootstrap: options.horizon is -1, expected a finite number >= 0"],
    ["one replicate", CUSTOMERS, { horizon: 1, replicates: 1 }, "predictiveClvBootstrap: options.replicates is 1, expected an integer in [2, 10000]"],
    ["a level of 1", CUSTOMERS, { horizon: 1, level: 1 }, "predictiveClvBootstrap: options.level is 1, expected a number strictly between 0 and 1"],
    ["a negative seed", CUSTOMERS, { horizon: 1, seed: -1 }, "predictiveClvBootstrap: options.seed is -1, expected an integer in [0, 9007199254740991]"],
    ["an unknown fit option", CUSTOMERS, { horizon: 1, bgNbd: { penalty: 1 } }, 'predictiveClvBootstrap: options.bgNbd has unknown key "penalty"'],
    ["customers that are not an array", "x", { horizon: 1 }, 'predictiveClvBootstrap: customers is "x", expected an array of customers'],
    ["recency without repeats", [{ frequency: 0, recency: 2, T: 5, monetaryValue: 0 }], { horizon: 1 }, "predictiveClvBootstrap: customers[0].recency is 2, expected recency 0 when frequency is 0"],
    ["a negative monetary value", [{ frequency: 1, recency: 2, T: 5, monetaryValue: -3 }], { horizon: 1 }, "predictiveClvBootstrap: customers[0].monetaryValue is -3, expected a finite number >= 0"],
  ])("refuses %s with INVALID_INPUT", (_name, customers, options, message) => {
    const error = thrown(() => predictiveClvBootstrap(customers as never, options as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });

  it("refuses no customers with EMPTY_INPUT", () => {
    expect(thrown(() => predictiveClvBootstrap([], { horizon: 1 })).code).toBe("EMPTY_INPUT");
  });
});
