import { describe, expect, it } from "vitest";
import { fitGammaGamma, gammaGammaExpectedSpend } from "../../src/index.js";
import { cdnowSummaryWithTransactions } from "./cdnow.js";
import { expectRelative, thrown } from "./helpers.js";

const PUBLISHED = { p: 6.2488, q: 3.7446, v: 15.4477 };

describe("fitGammaGamma on CDNOW (Fader, Hardie & Lee 2005)", () => {
  const customers = cdnowSummaryWithTransactions();
  const fit = fitGammaGamma(customers);

  it("uses the 946 customers with repeat purchases and reproduces p 6.2488, q 3.7446, v 15.4477, log-likelihood -4055.92", () => {
    expect(fit.customers).toBe(946);
    expect(fit.params.p).toBeCloseTo(6.2488, 4);
    expect(fit.params.q).toBeCloseTo(3.7446, 4);
    expect(fit.params.v).toBeCloseTo(15.4477, 4);
    expect(fit.logLikelihood).toBeCloseTo(-4055.92, 2);
    expect(fit.converged).toBe(true);
    expect(fit.metric).toBe("fitGammaGamma");
    expect(fit.standardErrors!.p).toBeGreaterThan(0);
  });

  it("fits the same whether the customers without repeats are passed or not", () => {
    const returning = fitGammaGamma(customers.filter((c) => c.frequency > 0));
    expect(returning.params).toEqual(fit.params);
  });

  it("gives the same fit for weighted rows as for the rows repeated", () => {
    const sample = customers.filter((c) => c.frequency > 0).slice(0, 300);
    const repeated = fitGammaGamma([...sample, ...sample]);
    const weighted = fitGammaGamma(sample.map((c) => ({ ...c, weight: 2 })));
    for (const key of ["p", "q", "v"] as const) expectRelative(weighted.params[key], repeated.params[key], 1e-6);
  });

  it("skips rows with a non-positive monetary value or weight 0", () => {
    const sample = customers.filter((c) => c.frequency > 0).slice(0, 300);
    const noisy = fitGammaGamma([...sample, { frequency: 2, monetaryValue: -5 }, { frequency: 3, monetaryValue: 9, weight: 0 }]);
    expect(noisy.params).toEqual(fitGammaGamma(sample).params);
  });

  it("shrinks the parameters with a penalizer", () => {
    const penalized = fitGammaGamma(customers, { penalizer: 0.1 });
    expect(penalized.params.p ** 2 + penalized.params.q ** 2 + penalized.params.v ** 2).toBeLessThan(
      fit.params.p ** 2 + fit.params.q ** 2 + fit.params.v ** 2,
    );
  });
});

describe("fitGammaGamma refuses what it cannot fit", () => {
  it("with EMPTY_INPUT when no customer has repeat purchases of positive value", () => {
    const error = thrown(() => fitGammaGamma([{ frequency: 0, monetaryValue: 0 }]));
    expect(error.code).toBe("EMPTY_INPUT");
    expect(error.message).toBe("fitGammaGamma: customers has no rows with frequency > 0, a positive monetaryValue and a positive weight");
  });

  it("with INVALID_INPUT when a parameter runs off (every customer spends the same)", () => {
    const error = thrown(() => fitGammaGamma([1, 2, 3, 4].map((frequency) => ({ frequency, monetaryValue: 10 }))));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^fitGammaGamma: the fit did not converge: \w+ ran off to (0|infinity)/);
  });

  it("with INVALID_INPUT when the likelihood overflows everywhere", () => {
    const error = thrown(() => fitGammaGamma([{ frequency: 2, monetaryValue: 1e308 }]));
    expect(error.message).toBe("fitGammaGamma: the likelihood is not finite for any parameters tried; the data are too extreme to fit");
  });

  it.each([
    ["not an array", null, "fitGammaGamma: customers is null, expected an array of customers"],
    ["a row that is not an object", ["x"], 'fitGammaGamma: customers[0] is "x", expected an object with frequency and monetaryValue'],
    ["a negative frequency", [{ frequency: -1, monetaryValue: 1 }], "fitGammaGamma: customers[0].frequency is -1, expected a non-negative integer"],
    ["a NaN monetary value", [{ frequency: 1, monetaryValue: Number.NaN }], "fitGammaGamma: customers[0].monetaryValue is NaN, expected a finite number"],
    ["a string monetary value", [{ frequency: 1, monetaryValue: "5" }], 'fitGammaGamma: customers[0].monetaryValue is "5", expected a finite number'],
    ["a bad weight", [{ frequency: 1, monetaryValue: 5, weight: Number.NaN }], "fitGammaGamma: customers[0].weight is NaN, expected a finite number >= 0"],
  ])("with INVALID_INPUT for %s", (_name, input, message) => {
    const error = thrown(() => fitGammaGamma(input as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });

  it("with INVALID_INPUT for unknown options", () => {
    expect(thrown(() => fitGammaGamma([], { foo: 1 } as never)).message).toBe('fitGammaGamma: options has unknown key "foo"');
  });
});

describe("gammaGammaExpectedSpend (Fader, Hardie & Lee 2005)", () => {
  it("is p (v + x m) / (p x + q - 1)", () => {
    const { p, q, v } = PUBLISHED;
    expectRelative(gammaGammaExpectedSpend(PUBLISHED, { frequency: 2, monetaryValue: 22.35 }), (p * (v + 2 * 22.35)) / (p * 2 + q - 1), 1e-15);
  });

  it("gives a customer without repeat purchases the population mean p v / (q - 1)", () => {
    const { p, q, v } = PUBLISHED;
    expectRelative(gammaGammaExpectedSpend(PUBLISHED, { frequency: 0, monetaryValue: 0 }), (p * v) / (q - 1), 1e-15);
  });

  it("lies between the population mean and the customer's own mean, nearer the own mean with more purchases", () => {
    const population = gammaGammaExpectedSpend(PUBLISHED, { frequency: 0, monetaryValue: 0 });
    let previousGap = Number.POSITIVE_INFINITY;
    for (const frequency of [1, 2, 5, 20, 100]) {
      const spend = gammaGammaExpectedSpend(PUBLISHED, { frequency, monetaryValue: 100 });
      expect(spend).toBeGreaterThan(population);
      expect(spend).toBeLessThan(100);
      expect(100 - spend).toBeLessThan(previousGap);
      previousGap = 100 - spend;
    }
  });

  it("counts repeat customers with a monetary value of 0 or less in zeroValueCustomers instead of dropping them silently", () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({ frequency: 1 + ((i + 1) % 5), monetaryValue: 10 + (((i + 1) * 37) % 50) }));
    const fit = fitGammaGamma([...rows, { frequency: 2, monetaryValue: 0, weight: 3 }, { frequency: 1, monetaryValue: -4 }, { frequency: 0, monetaryValue: 0 }]);
    expect(fit.zeroValueCustomers).toBe(4);
    expect(fit.customers).toBe(40);
    expect(fit.params).toEqual(fitGammaGamma(rows).params);
    expect(fitGammaGamma(rows).zeroValueCustomers).toBe(0);
    expect(fit.confidenceIntervals.q.lower).toBeLessThan(fit.params.q);
  });

  it("keeps a monetary value of 1e308 finite: p (v + x m) / (p x + q - 1) as two weights, never a sum that overflows", () => {
    const spend = gammaGammaExpectedSpend(PUBLISHED, { frequency: 2, monetaryValue: 1e308 });
    const d = PUBLISHED.p * 2 + PUBLISHED.q - 1;
    expectRelative(spend, ((PUBLISHED.p * 2) / d) * 1e308, 1e-15);
    // Only q < 1 makes the weight of m above 1, so the expectation itself passes the largest double.
    const error = thrown(() => gammaGammaExpectedSpend({ p: 1, q: 0.5, v: 1 }, { frequency: 1, monetaryValue: 1e308 }));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toBe("gammaGammaExpectedSpend: customer.monetaryValue is 1e+308, the expected spend exceeds the largest double for this monetaryValue");
  });

  it("refuses q <= 1 for a customer without repeats, and p x + q <= 1, with OUT_OF_RANGE", () => {
    const none = thrown(() => gammaGammaExpectedSpend({ p: 2, q: 0.8, v: 10 }, { frequency: 0, monetaryValue: 0 }));
    expect(none.code).toBe("OUT_OF_RANGE");
    expect(none.message).toBe(
      "gammaGammaExpectedSpend: params.q is 0.8, expected q > 1: without repeat purchases the expected spend is the population mean p v / (q - 1)",
    );
    const some = thrown(() => gammaGammaExpectedSpend({ p: 0.1, q: 0.5, v: 10 }, { frequency: 2, monetaryValue: 5 }));
    expect(some.message).toBe("gammaGammaExpectedSpend: params.q is 0.5, expected p × frequency + q > 1 (p × frequency is 0.2)");
  });

  it.each([
    ["a missing customer", PUBLISHED, undefined, "gammaGammaExpectedSpend: customer is missing, expected an object with frequency and monetaryValue"],
    ["a negative monetary value", PUBLISHED, { frequency: 1, monetaryValue: -3 }, "gammaGammaExpectedSpend: customer.monetaryValue is -3, expected a finite number >= 0"],
    ["a bad parameter", { ...PUBLISHED, v: -1 }, { frequency: 1, monetaryValue: 3 }, "gammaGammaExpectedSpend: params.v is -1, expected a finite number > 0"],
    ["missing parameters", null, { frequency: 1, monetaryValue: 3 }, "gammaGammaExpectedSpend: params is null, expected Gamma-Gamma parameters { p, q, v }"],
  ])("refuses %s with INVALID_INPUT", (_name, params, customer, message) => {
    const error = thrown(() => gammaGammaExpectedSpend(params as never, customer as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });
});
