// Boundaries of the predictive models' inputs and outputs: exact error codes, paths and messages, and results at the
// edges of floating point.
import { describe, expect, it } from "vitest";
import {
  BgNbdCustomerSchema,
  BgNbdParamsSchema,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  fitBgNbd,
  fitGammaGamma,
  fitShiftedBetaGeometric,
  gammaGammaExpectedSpend,
  predictiveClv,
  rfmSummary,
  sbgRetentionRate,
} from "../../src/index.js";
import { expectRelative, thrown } from "./helpers.js";

const BG = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
const GG = { p: 6.2488, q: 3.7446, v: 15.4477 };
const CUSTOMER = { frequency: 2, recency: 30.43, T: 38.86 };
const CLV_BASE = { bgNbd: BG, gammaGamma: GG, customer: { ...CUSTOMER, monetaryValue: 22.35 }, horizon: 52 };

describe("BG/NBD schemas", () => {
  it.each([
    [{ r: 1, alpha: 1, a: 1, b: 1 }, true],
    [{ r: 0, alpha: 1, a: 1, b: 1 }, false],
    [{ r: 1, alpha: -2, a: 1, b: 1 }, false],
    [{ r: 1, alpha: 1, a: 1e-300, b: 1 }, true],
  ])("BgNbdParamsSchema accepts %j: %s (every parameter must be > 0)", (params, valid) => {
    expect(BgNbdParamsSchema.safeParse(params).success).toBe(valid);
  });

  it("BgNbdCustomerSchema accepts a customer whose last purchase falls on the last day observed (recency = T)", () => {
    expect(BgNbdCustomerSchema.safeParse({ frequency: 3, recency: 5, T: 5 }).success).toBe(true);
  });
});

describe("fitBgNbd names the offending row", () => {
  it.each([
    ["a negative frequency", { frequency: -1, recency: 0, T: 2 }, "INVALID_INPUT", "customers[0].frequency is -1, expected a non-negative integer", "frequency"],
    ["a recency given as a string", { frequency: 1, recency: "1", T: 2 }, "INVALID_INPUT", 'customers[0].recency is "1", expected a finite number >= 0', "recency"],
    ["a null recency", { frequency: 0, recency: null, T: 2 }, "INVALID_INPUT", "customers[0].recency is null, expected a finite number >= 0", "recency"],
    ["an infinite weight", { frequency: 1, recency: 1, T: 2, weight: Number.POSITIVE_INFINITY }, "INVALID_INPUT", "customers[0].weight is Infinity, expected a finite number >= 0", "weight"],
  ])("refuses %s", (_name, row, code, message, field) => {
    const error = thrown(() => fitBgNbd([row as never]));
    expect(error.code).toBe(code);
    expect(error.message).toBe(`fitBgNbd: ${message}`);
    expect(error.issues[0]!.path).toEqual(["customers", 0, field]);
  });

  it("reports EMPTY_INPUT at customers when every row has weight 0", () => {
    const error = thrown(() => fitBgNbd([{ frequency: 1, recency: 1, T: 2, weight: 0 }]));
    expect(error.code).toBe("EMPTY_INPUT");
    expect(error.issues[0]!.path).toEqual(["customers"]);
  });
});

describe("BG/NBD predictions at the edges", () => {
  it("bgNbdExpectedPurchases is +0, not -0, for a zero horizon", () => {
    // E[X(0)] = 0: nothing can be bought in an empty period.
    expect(Object.is(bgNbdExpectedPurchases(BG, 0), 0)).toBe(true);
  });

  it.each([
    // (r, alpha, a, b, t): with a = 1 or |a - 1| < 1e-4 and t ~ 1e13 to 1e15 alpha the series for K converges too slowly
    // and a + b - 1 - r != 0, so K is not 0; values from eq. 9 at 60 digits (mpmath, as in
    // reference.py), rounded to doubles.
    [0.5, 1, 1, 2, 1e13, 55.09462622292107],
    [0.5, 1, 1, 2, 1e15, 64.3049640791467],
    [0.5, 1, 1.00005, 2, 1e13, 55.05779871446295],
    [0.5, 1, 1.00005, 2, 1e15, 64.25463067655836],
    [0.5, 1, 0.99997, 2, 1e15, 64.33519026395409],
    [2, 1, 1, 0.5, 1e15, 18.462535136598195],
  ])("bgNbdExpectedPurchases(r %d, alpha %d, a %d, b %d) at t = %d is %d, for a next to 1 and t far beyond alpha", (r, alpha, a, b, t, want) => {
    expectRelative(bgNbdExpectedPurchases({ r, alpha, a, b }, t), want, 1e-7);
  });

  it("bgNbdExpectedPurchases refuses, with OUT_OF_RANGE and no path, an expectation beyond the largest double", () => {
    // For a < 1, E[X(t)] grows like (t / alpha)^(1 - a): here (1e600)^0.99 ~ 1e594.
    const error = thrown(() => bgNbdExpectedPurchases({ r: 1, alpha: 1e-300, a: 0.01, b: 5 }, 1e300));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toBe("bgNbdExpectedPurchases: the expected number of purchases is not a finite number for these parameters");
    expect(error.issues[0]!.path).toEqual([]);
  });

  it("bgNbdConditionalExpectedPurchases refuses an expectation beyond the largest double with OUT_OF_RANGE", () => {
    // A customer with no history (x = 0, T = 0) has the unconditional expectation, ~1e594 as above.
    const error = thrown(() => bgNbdConditionalExpectedPurchases({ r: 1, alpha: 1e-300, a: 0.01, b: 5 }, { frequency: 0, recency: 0, T: 0 }, 1e300));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toBe(
      "bgNbdConditionalExpectedPurchases: the expected number of purchases is not a finite number for these parameters",
    );
  });

  it("bgNbdProbabilityAlive resolves a probability below the smallest normal double instead of rounding it to 0", () => {
    // r = alpha = a = b = 1, x = 1, t_x = 0: P = 1 / (1 + (1 / 1) × ((1 + T) / 1)^2) = 1 / (1 + (1 + 1e156)^2) ≈ 1e-312.
    // The odds e^718 overflow a double, so P must come from e^-718 / (1 + e^-718); a subnormal still carries ~11 digits.
    const p = bgNbdProbabilityAlive({ r: 1, alpha: 1, a: 1, b: 1 }, { frequency: 1, recency: 0, T: 1e156 });
    expect(Math.abs(p / 1e-312 - 1)).toBeLessThan(1e-9);
  });

  it.each([
    ["bgNbdExpectedPurchases", "params.a is 0, expected a finite number > 0", ["params", "a"], () => bgNbdExpectedPurchases({ ...BG, a: 0 }, 1)],
    ["bgNbdConditionalExpectedPurchases", "params.r is -1, expected a finite number > 0", ["params", "r"], () => bgNbdConditionalExpectedPurchases({ ...BG, r: -1 }, CUSTOMER, 1)],
    ["bgNbdConditionalExpectedPurchases", "params is missing, expected BG/NBD parameters { r, alpha, a, b }", ["params"], () => bgNbdConditionalExpectedPurchases(undefined as never, CUSTOMER, 1)],
    ["bgNbdProbabilityAlive", "params.b is NaN, expected a finite number > 0", ["params", "b"], () => bgNbdProbabilityAlive({ ...BG, b: Number.NaN }, CUSTOMER)],
    ["bgNbdProbabilityAlive", "params is null, expected BG/NBD parameters { r, alpha, a, b }", ["params"], () => bgNbdProbabilityAlive(null as never, CUSTOMER)],
  ])("%s refuses bad parameters with INVALID_INPUT: %s", (metric, message, path, run) => {
    const error = thrown(run);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(`${metric}: ${message}`);
    expect(error.issues[0]!.path).toEqual(path);
  });
});

describe("Gamma-Gamma edges", () => {
  it.each([
    ["a bad q", () => gammaGammaExpectedSpend({ ...GG, q: 0 }, { frequency: 1, monetaryValue: 3 }), "params.q is 0, expected a finite number > 0", ["params", "q"]],
    ["a fractional frequency", () => gammaGammaExpectedSpend(GG, { frequency: 1.5, monetaryValue: 3 }), "customer.frequency is 1.5, expected a non-negative integer", ["customer", "frequency"]],
  ])("gammaGammaExpectedSpend names %s", (_name, run, message, path) => {
    const error = thrown(run);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(`gammaGammaExpectedSpend: ${message}`);
    expect(error.issues[0]!.path).toEqual(path);
  });

  it.each([
    ["only weight-0 rows", [{ frequency: 2, monetaryValue: 10, weight: 0 }]],
    ["only zero spends", [{ frequency: 2, monetaryValue: 0 }]],
    ["only customers without repeats", [{ frequency: 0, monetaryValue: 12 }]],
  ])("fitGammaGamma reports EMPTY_INPUT at customers with %s", (_name, rows) => {
    const error = thrown(() => fitGammaGamma(rows));
    expect(error.code).toBe("EMPTY_INPUT");
    expect(error.message).toBe("fitGammaGamma: customers has no rows with frequency > 0, a positive monetaryValue and a positive weight");
    expect(error.issues[0]!.path).toEqual(["customers"]);
  });
});

describe("sBG edges", () => {
  it.each([
    ["an empty cohort", [0, 0], ["survivors", 0]],
    ["a single count", [10], ["survivors"]],
  ])("fitShiftedBetaGeometric reports EMPTY_INPUT for %s at %j", (_name, survivors, path) => {
    const error = thrown(() => fitShiftedBetaGeometric(survivors));
    expect(error.code).toBe("EMPTY_INPUT");
    expect(error.issues[0]!.path).toEqual(path);
  });

  it("fitShiftedBetaGeometric fits a cohort observed for a single period to its observed retention", () => {
    // With s0 = 1000, s1 = 600 the likelihood 400 ln(α / (α + β)) + 600 ln(β / (α + β)) peaks where β / (α + β) = 0.6.
    const fit = fitShiftedBetaGeometric([1000, 600]);
    expect(sbgRetentionRate(fit.params, 1)).toBeCloseTo(0.6, 6);
  });
});

describe("predictiveClv names what it cannot read", () => {
  it.each([
    ["bgNbd", 5, "input.bgNbd is 5, expected BG/NBD parameters { r, alpha, a, b }"],
    ["bgNbd", null, "input.bgNbd is null, expected BG/NBD parameters { r, alpha, a, b }"],
    ["gammaGamma", 5, "input.gammaGamma is 5, expected Gamma-Gamma parameters { p, q, v }"],
    ["gammaGamma", null, "input.gammaGamma is null, expected Gamma-Gamma parameters { p, q, v }"],
  ])("refuses %s = %j with INVALID_INPUT", (key, value, message) => {
    const error = thrown(() => predictiveClv({ ...CLV_BASE, [key]: value } as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(`predictiveClv: ${message}`);
    expect(error.issues[0]!.path).toEqual(["input", key]);
  });

  it("refuses a missing input at the path input", () => {
    const error = thrown(() => predictiveClv(null as never));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe("predictiveClv: input is null, expected an object with bgNbd, gammaGamma, customer and horizon");
    expect(error.issues[0]!.path).toEqual(["input"]);
  });
});

describe("rfmSummary edges", () => {
  const end = { observationEnd: "2026-01-31T00:00:00Z" };

  it("orders customers with the same first day numbers first, whatever the order they appear in", () => {
    // "1" is a string and 2 a number: numbers come before strings even where "1" < 2 numerically.
    const day = "2026-01-05T10:00:00Z";
    for (const ids of [["1", 2], [2, "1"]] as Array<Array<string | number>>) {
      const rows = rfmSummary(ids.map((customerId) => ({ customerId, at: day })), end);
      expect(rows.map((r) => r.customerId)).toEqual([2, "1"]);
    }
  });

  it("counts a purchase on the calibration end's day in the calibration period, not the holdout", () => {
    const rows = rfmSummary(
      [
        { customerId: "ann", at: "2026-01-01T10:00:00Z" },
        { customerId: "ann", at: "2026-01-10T23:00:00Z" },
        { customerId: "ann", at: "2026-01-11T08:00:00Z" },
      ],
      { ...end, calibrationEnd: "2026-01-10T00:00:00Z" },
    );
    // Calibration days 01-01 and 01-10: frequency 1, recency 9, T 9; one holdout day, 01-11.
    expect(rows).toEqual([{ customerId: "ann", frequency: 1, recency: 9, T: 9, holdoutFrequency: 1 }]);
  });

  it.each([
    [
      "the first purchase without an amount and the first with one",
      [20, undefined, undefined],
      ["transactions", 1, "amount"],
      "transactions[1].amount is missing, expected an amount on every transaction, as transactions[0] has one",
    ],
    [
      "the first purchase without an amount, even at index 0",
      [undefined, undefined, 20],
      ["transactions", 0, "amount"],
      "transactions[0].amount is missing, expected an amount on every transaction, as transactions[2] has one",
    ],
    [
      "the first purchase with an amount, even at index 0",
      [20, 30, undefined],
      ["transactions", 2, "amount"],
      "transactions[2].amount is missing, expected an amount on every transaction, as transactions[0] has one",
    ],
  ])("names %s when amounts are mixed", (_name, amounts, path, message) => {
    // All on one day of one customer, so the day's total meets a missing amount too.
    const transactions = amounts.map((amount) => ({ customerId: "ann", at: "2026-01-05T10:00:00Z", ...(amount === undefined ? {} : { amount }) }));
    const error = thrown(() => rfmSummary(transactions, end));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(`rfmSummary: ${message}`);
    expect(error.issues[0]!.path).toEqual(path);
  });

  it("gives a customer with a single purchase day a monetaryValue of 0", () => {
    // No repeat purchases: the mean of the repeats is defined as 0.
    const rows = rfmSummary([{ customerId: 7, at: "2026-01-05T10:00:00Z", amount: "12.50" }], end);
    expect(rows[0]!.monetaryValue).toBe(0);
  });
});
