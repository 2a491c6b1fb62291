import { describe, expect, it } from "vitest";
import {
  BgNbdCustomerSchema,
  type BgNbdParams,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
} from "../../src/index.js";
import { cdnowSummary } from "./cdnow.js";
import { expectRelative, thrown } from "./helpers.js";
import reference from "./reference.json";

const asParams = ([r, alpha, a, b]: number[]): BgNbdParams => ({ r: r!, alpha: alpha!, a: a!, b: b! });
const asCustomer = ([frequency, recency, T]: number[]) => ({ frequency: frequency!, recency: recency!, T: T! });
const PUBLISHED = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };

describe("fitBgNbd on CDNOW (Fader, Hardie & Lee 2005)", () => {
  const customers = cdnowSummary();
  const fit = fitBgNbd(customers);

  it("reproduces the published parameters r 0.2426, alpha 4.4135, a 0.7929, b 2.4258 and log-likelihood -9582.43", () => {
    expect(fit.params.r).toBeCloseTo(0.2426, 4);
    expect(fit.params.alpha).toBeCloseTo(4.4135, 4);
    expect(fit.params.a).toBeCloseTo(0.7929, 4);
    expect(fit.params.b).toBeCloseTo(2.4258, 4);
    expect(fit.logLikelihood).toBeCloseTo(-9582.43, 2);
    expect(fit.converged).toBe(true);
    expect(fit.metric).toBe("fitBgNbd");
  });

  it("reports standard errors matching an independent scipy fit (inverse Hessian) within 1%", () => {
    // scipy 1.17 Nelder-Mead + BFGS on the same likelihood, Hessian by central differences in natural parameters.
    const scipy = { r: 0.0125571, alpha: 0.37821253, a: 0.18561982, b: 0.70493199 };
    for (const key of ["r", "alpha", "a", "b"] as const) expectRelative(fit.standardErrors![key], scipy[key], 0.01);
  });

  it("gives the same fit for merged rows with weights as for the rows repeated", () => {
    const sample = customers.slice(0, 600);
    const repeated = fitBgNbd([...sample, ...sample, ...sample]);
    const weighted = fitBgNbd(sample.map((c) => ({ ...c, weight: 3 })));
    for (const key of ["r", "alpha", "a", "b"] as const) expectRelative(weighted.params[key], repeated.params[key], 1e-6);
    expectRelative(weighted.logLikelihood, repeated.logLikelihood, 1e-9);
  });

  it("ignores rows of weight 0", () => {
    const sample = customers.slice(0, 600);
    const withZeros = fitBgNbd([...sample, { frequency: 50, recency: 1, T: 2, weight: 0 }]);
    const plain = fitBgNbd(sample);
    expect(withZeros.params).toEqual(plain.params);
  });

  it("shrinks the parameters and lowers the log-likelihood with an L2 penalizer", () => {
    const penalized = fitBgNbd(customers, { penalizer: 0.1 });
    const sumSquares = (p: BgNbdParams) => p.r ** 2 + p.alpha ** 2 + p.a ** 2 + p.b ** 2;
    expect(sumSquares(penalized.params)).toBeLessThan(sumSquares(fit.params));
    expect(penalized.logLikelihood).toBeLessThan(fit.logLikelihood);
  });

  it("does not depend on the order of the rows", () => {
    const reversed = fitBgNbd([...customers].reverse());
    for (const key of ["r", "alpha", "a", "b"] as const) expectRelative(reversed.params[key], fit.params[key], 1e-6);
  });
});

describe("BgNbdCustomerSchema, the specification of a customer summary", () => {
  it.each([
    [{ frequency: 0, recency: 0, T: 5 }, true],
    [{ frequency: 2, recency: 3, T: 5 }, true],
    [{ frequency: 0, recency: 1, T: 5 }, false],
    [{ frequency: 2, recency: 6, T: 5 }, false],
    [{ frequency: -1, recency: 0, T: 5 }, false],
  ])("%j valid: %s", (customer, valid) => {
    expect(BgNbdCustomerSchema.safeParse(customer).success).toBe(valid);
  });
});

describe("fitBgNbd refuses what it cannot fit", () => {
  it("with INVALID_INPUT when nobody made a repeat purchase (r runs off to 0)", () => {
    const error = thrown(() => fitBgNbd([{ frequency: 0, recency: 0, T: 10 }, { frequency: 0, recency: 0, T: 20 }]));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^fitBgNbd: the fit did not converge: \w+ ran off to (0|infinity)/);
  });

  it("with INVALID_INPUT when the likelihood is flat (every T is 0, so nothing is observed)", () => {
    const error = thrown(() => fitBgNbd([{ frequency: 0, recency: 0, T: 0 }]));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(
      "fitBgNbd: the fit did not converge: the likelihood is flat in some direction at the best point, so the data do not determine the parameters",
    );
  });

  it("with INVALID_INPUT when the iteration budget runs out", () => {
    const error = thrown(() => fitBgNbd(cdnowSummary(), { maxIterations: 5 }));
    expect(error.message).toBe("fitBgNbd: the fit did not converge within 5 iterations");
  });

  it("with EMPTY_INPUT without rows of positive weight", () => {
    expect(thrown(() => fitBgNbd([])).code).toBe("EMPTY_INPUT");
    const error = thrown(() => fitBgNbd([{ frequency: 1, recency: 1, T: 2, weight: 0 }]));
    expect(error.code).toBe("EMPTY_INPUT");
    expect(error.message).toBe("fitBgNbd: customers has no rows of positive weight to fit");
  });

  it.each([
    ["not an array", "x", "INVALID_INPUT", 'fitBgNbd: customers is "x", expected an array of customers'],
    ["a row that is not an object", [3], "INVALID_INPUT", "fitBgNbd: customers[0] is 3, expected an object with frequency, recency and T"],
    ["a fractional frequency", [{ frequency: 1.5, recency: 1, T: 2 }], "INVALID_INPUT", "fitBgNbd: customers[0].frequency is 1.5, expected a non-negative integer"],
    ["a negative recency", [{ frequency: 1, recency: -1, T: 2 }], "INVALID_INPUT", "fitBgNbd: customers[0].recency is -1, expected a finite number >= 0"],
    ["an infinite T", [{ frequency: 1, recency: 1, T: Number.POSITIVE_INFINITY }], "INVALID_INPUT", "fitBgNbd: customers[0].T is Infinity, expected a finite number >= 0"],
    ["recency > T", [{ frequency: 1, recency: 3, T: 2 }], "OUT_OF_RANGE", "fitBgNbd: customers[0].recency is 3, expected recency <= T (2)"],
    ["recency without repeats", [{ frequency: 0, recency: 1, T: 2 }], "INVALID_INPUT", "fitBgNbd: customers[0].recency is 1, expected recency 0 when frequency is 0"],
    ["a negative weight", [{ frequency: 0, recency: 0, T: 2, weight: -1 }], "INVALID_INPUT", "fitBgNbd: customers[0].weight is -1, expected a finite number >= 0"],
  ])("with %s", (_name, input, code, message) => {
    const error = thrown(() => fitBgNbd(input as never));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it("with INVALID_INPUT for unknown or bad options", () => {
    expect(thrown(() => fitBgNbd(cdnowSummary(), { penalty: 1 } as never)).message).toBe('fitBgNbd: options has unknown key "penalty"');
    expect(thrown(() => fitBgNbd(cdnowSummary(), { penalizer: -1 })).message).toBe("fitBgNbd: options.penalizer is -1, expected a finite number >= 0");
    expect(thrown(() => fitBgNbd(cdnowSummary(), { maxIterations: 0 })).message).toBe("fitBgNbd: options.maxIterations is 0, expected an integer >= 1");
  });
});

describe("bgNbdExpectedPurchases (Fader, Hardie & Lee 2005, eq. 9)", () => {
  it.each(reference.bgNbdExpectedPurchases.cases)("params %j, t = %d matches the 60-digit reference", (params, t, want) => {
    const p = asParams(params as number[]);
    // With a = 1 and t beyond ~1e12 alpha, a - 1 is interpolated between +-1e-4 (the published form reads 0/0): ~1e-8.
    const tol = p.a === 1 && (t as number) > 1e12 * p.alpha ? 1e-7 : 1e-9;
    expectRelative(bgNbdExpectedPurchases(p, t as number), want as number, tol);
  });

  it("grows with t", () => {
    let previous = 0;
    for (const t of [0.1, 1, 10, 100, 1e4]) {
      const value = bgNbdExpectedPurchases(PUBLISHED, t);
      expect(value).toBeGreaterThan(previous);
      previous = value;
    }
  });

  it.each([
    ["a missing params object", undefined, 1, "bgNbdExpectedPurchases: params is missing, expected BG/NBD parameters { r, alpha, a, b }"],
    ["a zero parameter", { ...PUBLISHED, alpha: 0 }, 1, "bgNbdExpectedPurchases: params.alpha is 0, expected a finite number > 0"],
    ["a NaN parameter", { ...PUBLISHED, b: Number.NaN }, 1, "bgNbdExpectedPurchases: params.b is NaN, expected a finite number > 0"],
    ["a negative t", PUBLISHED, -1, "bgNbdExpectedPurchases: t is -1, expected a finite number >= 0"],
  ])("refuses %s with INVALID_INPUT", (_name, params, t, message) => {
    const error = thrown(() => bgNbdExpectedPurchases(params as never, t));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });
});

describe("bgNbdConditionalExpectedPurchases (Fader, Hardie & Lee 2005, eq. 10)", () => {
  it.each(reference.bgNbdConditionalExpectedPurchases.cases)("params %j, customer %j, t = %d matches the reference", (params, customer, t, want) => {
    expectRelative(
      bgNbdConditionalExpectedPurchases(asParams(params as number[]), asCustomer(customer as number[]), t as number),
      want as number,
      1e-9,
    );
  });

  it("equals E[X(t)] for a customer with no history at all (x = 0, T = 0)", () => {
    expectRelative(
      bgNbdConditionalExpectedPurchases(PUBLISHED, { frequency: 0, recency: 0, T: 0 }, 52),
      bgNbdExpectedPurchases(PUBLISHED, 52),
      1e-14,
    );
  });

  it("refuses recency > T with OUT_OF_RANGE", () => {
    const error = thrown(() => bgNbdConditionalExpectedPurchases(PUBLISHED, { frequency: 2, recency: 40, T: 38.86 }, 1));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toBe("bgNbdConditionalExpectedPurchases: customer.recency is 40, expected recency <= T (38.86)");
  });

  it("refuses a missing customer and a bad t with INVALID_INPUT", () => {
    expect(thrown(() => bgNbdConditionalExpectedPurchases(PUBLISHED, null as never, 1)).message).toBe(
      "bgNbdConditionalExpectedPurchases: customer is null, expected an object with frequency, recency and T",
    );
    expect(thrown(() => bgNbdConditionalExpectedPurchases(PUBLISHED, { frequency: 0, recency: 0, T: 1 }, Number.NaN)).message).toBe(
      "bgNbdConditionalExpectedPurchases: t is NaN, expected a finite number >= 0",
    );
  });
});

describe("bgNbdProbabilityAlive (Fader, Hardie & Lee, 'Computing P(alive) using the BG/NBD model')", () => {
  it.each(reference.bgNbdProbabilityAlive.cases)("params %j, customer %j matches the reference", (params, customer, want) => {
    expectRelative(bgNbdProbabilityAlive(asParams(params as number[]), asCustomer(customer as number[])), want as number, 1e-12);
  });

  it("is exactly 1 for a customer without repeat purchases", () => {
    expect(bgNbdProbabilityAlive(PUBLISHED, { frequency: 0, recency: 0, T: 1000 })).toBe(1);
  });

  it("stays in [0, 1] without overflow for extreme histories", () => {
    expect(bgNbdProbabilityAlive(PUBLISHED, { frequency: 5000, recency: 0.001, T: 1e6 })).toBe(0);
    expect(bgNbdProbabilityAlive(PUBLISHED, { frequency: 5000, recency: 1e6, T: 1e6 })).toBeGreaterThan(0.99);
  });

  it("refuses a fractional frequency with INVALID_INPUT", () => {
    expect(thrown(() => bgNbdProbabilityAlive(PUBLISHED, { frequency: 0.5, recency: 0, T: 1 })).message).toBe(
      "bgNbdProbabilityAlive: customer.frequency is 0.5, expected a non-negative integer",
    );
  });
});

describe("conditional expectations near a zero horizon", () => {
  it("are never negative, even where the numerator cancels to a subnormal", () => {
    const params = { r: 0.05, alpha: 0.9090909090909092, a: 0.9, b: 0.25000000000000006 };
    expect(bgNbdConditionalExpectedPurchases(params, { frequency: 0, recency: 0, T: 0 }, 2.5e-323)).toBeGreaterThanOrEqual(0);
    expect(Object.is(bgNbdConditionalExpectedPurchases(params, { frequency: 0, recency: 0, T: 0 }, 2.5e-323), -0)).toBe(false);
  });
});
