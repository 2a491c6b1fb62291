// How the maximum-likelihood fits behave at the edges: the time unit, the reported iterations and standard errors,
// extreme histories, rows the fits must skip, and the diagnostics of a fit that runs off.
import { describe, expect, it } from "vitest";
import { type BgNbdFitRow, bgNbdProbabilityAlive, fitBgNbd, fitGammaGamma, fitShiftedBetaGeometric } from "../../src/index.js";
import { cdnowSummary, cdnowSummaryWithTransactions } from "./cdnow.js";
import { expectRelative, thrown } from "./helpers.js";

const BG_KEYS = ["r", "alpha", "a", "b"] as const;
const GG_KEYS = ["p", "q", "v"] as const;

describe("fitBgNbd and the time unit", () => {
  it.each([1e6, 1e-6])(
    "scales alpha by c and leaves r, a and b unchanged when every recency and T is multiplied by c = %d",
    (c) => {
      // λ ~ Gamma(r, α) is a rate per time unit: measuring time c times finer multiplies α by c. In ln L, r ln α -
      // (r + x) ln(α + T) then shifts by r ln c - (r + x) ln c = -x ln c per customer.
      const customers = cdnowSummary().slice(0, 800);
      const fit = fitBgNbd(customers);
      const scaled = fitBgNbd(customers.map((row) => ({ ...row, recency: row.recency * c, T: row.T * c })));
      expectRelative(scaled.params.alpha, fit.params.alpha * c, 1e-6);
      for (const key of ["r", "a", "b"] as const) expectRelative(scaled.params[key], fit.params[key], 1e-6);
      const repeats = customers.reduce((sum, row) => sum + row.frequency, 0);
      expectRelative(scaled.logLikelihood, fit.logLikelihood - repeats * Math.log(c), 1e-9);
    },
  );
});

describe("fit diagnostics", () => {
  it("reports standard errors matching an independent scipy fit of CDNOW within 1%", () => {
    // scipy 1.17 Nelder-Mead + BFGS on the same likelihood, Hessian by central differences in natural parameters.
    const scipy = { r: 0.0125571, alpha: 0.37821253, a: 0.18561982, b: 0.70493199 };
    const fit = fitBgNbd(cdnowSummary());
    for (const key of BG_KEYS) expectRelative(fit.standardErrors[key], scipy[key], 0.01);
  });

  it("halves the variance of every estimate when each Gamma-Gamma customer is counted twice", () => {
    // The observed information is proportional to Σw: doubling every weight leaves the estimates and divides the
    // standard errors by √2.
    const sample = cdnowSummaryWithTransactions()
      .filter((c) => c.frequency > 0)
      .slice(0, 300);
    const once = fitGammaGamma(sample);
    const twice = fitGammaGamma(sample.map((c) => ({ ...c, weight: 2 })));
    for (const key of GG_KEYS) {
      expect(once.standardErrors[key]).toBeGreaterThan(0);
      expectRelative(twice.params[key], once.params[key], 1e-6);
      expectRelative(twice.standardErrors[key], once.standardErrors[key] / Math.SQRT2, 1e-4);
    }
  });

  it("counts every Nelder-Mead iteration in iterations, so that budget reproduces the fit", () => {
    const customers = cdnowSummary().slice(0, 800);
    const fit = fitBgNbd(customers);
    const budgeted = fitBgNbd(customers, { maxIterations: fit.iterations });
    expect(budgeted.params).toEqual(fit.params);
  });
});

describe("fits of extreme or ignorable rows", () => {
  it("fits a customer who made hundreds of purchases in a burst long before the end, and judges them gone", () => {
    // For x = 400, t_x = 0.01, T = 38 the dropout term of ln L exceeds the survival term by about
    // ln(a / (b + x - 1)) + (r + x) ln((α + T) / (α + t_x)) ≈ -6 + 400 × 2.3 ≈ 900, beyond e^709: only a log-sum-exp
    // that factors out the larger term stays finite.
    const burst = { frequency: 400, recency: 0.01, T: 38 };
    const fit = fitBgNbd([...cdnowSummary().slice(0, 800), burst]);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
    expect(bgNbdProbabilityAlive(fit.params, burst)).toBeLessThan(1e-300);
  });

  it("fitGammaGamma leaves out customers without repeats, with a spend of 0 or with weight 0, whatever their values", () => {
    const sample = cdnowSummaryWithTransactions()
      .filter((c) => c.frequency > 0)
      .slice(0, 300);
    const plain = fitGammaGamma(sample);
    const noisy = fitGammaGamma([
      ...sample,
      { frequency: 0, monetaryValue: 500 },
      { frequency: 3, monetaryValue: 0 },
      { frequency: 4, monetaryValue: 40, weight: 0 },
    ]);
    expect(noisy.params).toEqual(plain.params);
    expect(noisy.customers).toBe(300);
  });
});

describe("a fit that runs off names the parameter and the direction", () => {
  const alive: BgNbdFitRow[] = [
    { frequency: 3, recency: 10, T: 10 },
    { frequency: 5, recency: 20, T: 20 },
    { frequency: 0, recency: 0, T: 20 },
  ];
  it.each([
    ["fitBgNbd", "nobody made a repeat purchase (no rate to estimate)", () => fitBgNbd([{ frequency: 0, recency: 0, T: 10 }, { frequency: 0, recency: 0, T: 20 }]), "r ran off to 0"],
    ["fitBgNbd", "everyone who bought again is still buying (no dropout)", () => fitBgNbd(alive), "a ran off to 0"],
    ["fitBgNbd", "all the repeat purchases came at once (an unbounded rate)", () => fitBgNbd([{ frequency: 10, recency: 0.0001, T: 1000 }, { frequency: 10, recency: 0.0002, T: 1000 }, { frequency: 0, recency: 0, T: 1000 }]), "alpha ran off to 0"],
    ["fitBgNbd", "the customers are identical (no heterogeneity)", () => fitBgNbd([{ frequency: 2, recency: 10, T: 10, weight: 6 }]), "r ran off to infinity"],
    ["fitBgNbd", "the one repeat buyer bought a hundred times and is still buying (no dropout to scale)", () => fitBgNbd([{ frequency: 100, recency: 1000, T: 1000 }, { frequency: 0, recency: 0, T: 1000 }]), "b ran off to infinity"],
    ["fitGammaGamma", "every customer spends the same (no spread within a customer)", () => fitGammaGamma([1, 2, 3, 4].map((frequency) => ({ frequency, monetaryValue: 10 }))), "p ran off to infinity"],
    ["fitGammaGamma", "the spends vary within customers but not beyond that between them", () => fitGammaGamma([{ frequency: 5, monetaryValue: 10 }, { frequency: 5, monetaryValue: 11 }, { frequency: 1, monetaryValue: 30 }, { frequency: 1, monetaryValue: 3 }]), "q ran off to infinity"],
    ["fitGammaGamma", "the spends span nine orders of magnitude", () => fitGammaGamma([{ frequency: 1, monetaryValue: 1 }, { frequency: 2, monetaryValue: 1e-6 }, { frequency: 3, monetaryValue: 1e3 }]), "v ran off to infinity"],
    ["fitShiftedBetaGeometric", "nobody churns", () => fitShiftedBetaGeometric([100, 100, 100]), "alpha ran off to 0"],
    ["fitShiftedBetaGeometric", "everyone churns in the first period, with a penalizer on large values", () => fitShiftedBetaGeometric([100, 0, 0], { penalizer: 0.1 }), "beta ran off to 0"],
  ])("%s when %s", (metric, _why, run, what) => {
    const error = thrown(run);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(
      `${metric}: the fit did not converge: ${what}; the data carry too little information to estimate it (a penalizer keeps it finite)`,
    );
    expect(error.issues[0]!.path).toEqual([]);
  });
});
