// Pareto/NBD, MBG/NBD, BG/BB and the BG/NBD count distribution against published fits and against values computed
// independently in test/predictive/reference-models.py (scipy fits, mpmath formulas at 50 digits).
import { describe, expect, it } from "vitest";
import {
  bgBbConditionalExpectedPurchases,
  bgBbExpectedPurchases,
  bgBbProbabilityAlive,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
  fitBgBb,
  fitBgNbd,
  fitMbgNbd,
  fitParetoNbd,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdProbabilityAlive,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
} from "../../src/index.js";
import { paretoNbdLogLikelihoodOf } from "../../src/predictive/pareto-nbd.js";
import { cdnowSummary, donations } from "./cdnow.js";
import { expectRelative, thrown } from "./helpers.js";
import ref from "./reference-models.json";

type P4 = [number, number, number, number];
type C3 = [number, number, number];
const bg = ([r, alpha, a, b]: P4) => ({ r, alpha, a, b });
const pareto = ([r, alpha, s, beta]: P4) => ({ r, alpha, s, beta });
const bb = ([alpha, beta, gamma, delta]: P4) => ({ alpha, beta, gamma, delta });
const summary = ([frequency, recency, T]: C3) => ({ frequency, recency, T });
const opportunities = ([frequency, recency, n]: C3) => ({ frequency, recency, n });

function expectParams(got: Record<string, number>, want: Record<string, number>, tol: number): void {
  for (const key of Object.keys(want)) expectRelative(got[key]!, want[key]!, tol);
}

describe("Pareto/NBD", () => {
  it("fits CDNOW as Fader, Hardie & Lee publish it: r 0.55, alpha 10.58, s 0.61, beta 11.67, LL -9594.98", () => {
    const fit = fitParetoNbd(cdnowSummary());
    expect(fit.metric).toBe("fitParetoNbd");
    expect(fit.params.r).toBeCloseTo(0.55, 2);
    expect(fit.params.alpha).toBeCloseTo(10.58, 2);
    expect(fit.params.s).toBeCloseTo(0.61, 2);
    expect(fit.params.beta).toBeCloseTo(11.67, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9594.98, 1);
    expectParams(fit.params, ref.paretoNbdFit.params, 1e-6);
    expectRelative(fit.logLikelihood, ref.paretoNbdFit.logLikelihood, 1e-11);
    expect(fit.converged).toBe(true);
    for (const key of ["r", "alpha", "s", "beta"] as const) {
      expect(fit.standardErrors[key]).toBeGreaterThan(0);
      const { lower, upper } = fit.confidenceIntervals[key];
      expect(lower).toBeLessThan(fit.params[key]);
      expect(upper).toBeGreaterThan(fit.params[key]);
    }
  });

  it.each(ref.paretoNbdLogLikelihood.cases as Array<[P4, C3, number]>)(
    "ln L(%j | %j) matches the 50-digit closed form, where the published 2F1 form overflows or cancels",
    (p, c, want) => {
      const got = paretoNbdLogLikelihoodOf(pareto(p), c[0], c[1], c[2]);
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(want)));
    },
  );

  it("keeps ln L finite and ordered for inputs that overflow the closed form (x = 10^5, alpha 10^-300 or 10^300)", () => {
    for (const [r, alpha, s, beta] of [
      [0.5, 1e-300, 0.6, 11],
      [0.5, 1e300, 0.6, 1e-300],
      [1e5, 1, 1e-5, 1e5],
      [0.5, 10, 0.6, 10],
    ] as P4[]) {
      for (const [x, tx, T] of [
        [1e5, 3, 40],
        [0, 0, 1e300],
        [3, 1e-300, 2e-300],
        [7, 39.999999, 40],
      ] as C3[]) {
        const ll = paretoNbdLogLikelihoodOf({ r, alpha, s, beta }, x, tx, T);
        expect(Number.isFinite(ll)).toBe(true);
        // At t_x = T only the alive term is left: the dropout integral over (t_x, T] can only add to L.
        expect(paretoNbdLogLikelihoodOf({ r, alpha, s, beta }, x, T, T)).toBeLessThanOrEqual(ll + 1e-12 * Math.abs(ll));
      }
    }
  });

  it.each(ref.paretoNbdExpectedPurchases.cases as Array<[P4, number, number]>)("E[X(%s)] at t = %s", (p, t, want) => {
    expectRelative(paretoNbdExpectedPurchases(pareto(p), t), want, 1e-13);
  });

  it.each(ref.paretoNbdConditionalExpectedPurchases.cases as Array<[P4, C3, number, number]>)(
    "E[Y(t) | %j, %j] at t = %s",
    (p, c, t, want) => {
      expectRelative(paretoNbdConditionalExpectedPurchases(pareto(p), summary(c), t), want, 1e-12);
    },
  );

  it.each(ref.paretoNbdProbabilityAlive.cases as Array<[P4, C3, number]>)("P(alive | %j, %j)", (p, c, want) => {
    expectRelative(paretoNbdProbabilityAlive(pareto(p), summary(c)), want, 1e-12);
  });

  it("takes the s = 1 limits: ln(1 + t / beta) in place of the bracket over s - 1", () => {
    const p = { r: 0.5, alpha: 10, s: 1, beta: 12 };
    expectRelative(paretoNbdExpectedPurchases(p, 39), ((0.5 * 12) / 10) * Math.log1p(39 / 12), 1e-14);
    const near = paretoNbdExpectedPurchases({ ...p, s: 1 + 1e-9 }, 39);
    expectRelative(near, paretoNbdExpectedPurchases(p, 39), 1e-8);
    expect(paretoNbdExpectedPurchases(p, 0)).toBe(0);
    expect(paretoNbdConditionalExpectedPurchases(p, { frequency: 2, recency: 5, T: 30 }, 0)).toBe(0);
  });

  it("gives P(alive) 1 at recency = T and below 1 for a one-time buyer; alpha = beta needs no special case", () => {
    const p = { r: 0.55, alpha: 10, s: 0.6, beta: 10 };
    expect(paretoNbdProbabilityAlive(p, { frequency: 3, recency: 30, T: 30 })).toBe(1);
    const once = paretoNbdProbabilityAlive(p, { frequency: 0, recency: 0, T: 30 });
    expect(once).toBeLessThan(1);
    expect(once).toBeGreaterThan(0);
    // alpha = beta: the integral is [(α+t_x)^-K - (α+T)^-K] / K with K = r + s + x
    const K = 0.55 + 0.6;
    const integral = (10 ** -K - 40 ** -K) / K;
    const alive = 40 ** -0.55 * 40 ** -0.6;
    expectRelative(once, alive / (alive + 0.6 * integral), 1e-14);
  });

  it.each([
    [() => paretoNbdExpectedPurchases({ r: 1, alpha: 1, s: 1, beta: -1 }, 1), "INVALID_INPUT", "paretoNbdExpectedPurchases: params.beta is -1, expected a finite number > 0"],
    [() => paretoNbdExpectedPurchases(null as never, 1), "INVALID_INPUT", "paretoNbdExpectedPurchases: params is null, expected Pareto/NBD parameters { r, alpha, s, beta }"],
    [() => paretoNbdProbabilityAlive({ r: 1, alpha: 1, s: 1, beta: 1 }, { frequency: 1, recency: 5, T: 4 }), "OUT_OF_RANGE", "paretoNbdProbabilityAlive: customer.recency is 5, expected recency <= T (4)"],
    [() => paretoNbdConditionalExpectedPurchases({ r: 1, alpha: 1, s: 1, beta: 1 }, { frequency: 1, recency: 1, T: 4 }, -1), "INVALID_INPUT", "paretoNbdConditionalExpectedPurchases: t is -1, expected a finite number >= 0"],
    [() => paretoNbdExpectedPurchases({ r: 1e300, alpha: 1e-300, s: 0.5, beta: 1 }, 1e300), "OUT_OF_RANGE", "paretoNbdExpectedPurchases: the expected number of purchases is not a finite number for these parameters"],
    [() => fitParetoNbd([{ frequency: 1, recency: 1, T: 2 }], { penalizer: -1 }), "INVALID_INPUT", "fitParetoNbd: options.penalizer is -1, expected a finite number >= 0"],
    [() => fitParetoNbd([]), "EMPTY_INPUT", "fitParetoNbd: customers has no rows of positive weight to fit"],
  ])("refuses bad input: %#", (run, code, message) => {
    const error = thrown(run);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

describe("MBG/NBD (Batislam, Denizel & Filiztekin 2007)", () => {
  it.each(Object.entries(ref.mbgNbdFit.cases))("fits CDNOW with penalizer %s as lifetimes' ModifiedBetaGeoFitter objective does", (penalizer, want) => {
    const fit = fitMbgNbd(cdnowSummary(), { penalizer: Number(penalizer) });
    expect(fit.metric).toBe("fitMbgNbd");
    expectParams(fit.params, want.params, 1e-6);
    expectRelative(fit.logLikelihood, want.logLikelihood, 1e-9);
    expect(fit.confidenceIntervals.a.lower).toBeLessThan(fit.params.a);
  });

  it.each(ref.mbgNbdExpectedPurchases.cases as Array<[P4, number, number]>)("E[X(t)] for %j at t = %s", (p, t, want) => {
    expectRelative(mbgNbdExpectedPurchases(bg(p), t), want, 1e-12);
  });

  it.each(ref.mbgNbdConditionalExpectedPurchases.cases as Array<[P4, C3, number, number]>)("E[Y(t) | %j, %j] at t = %s", (p, c, t, want) => {
    expectRelative(mbgNbdConditionalExpectedPurchases(bg(p), summary(c), t), want, 1e-12);
  });

  it.each(ref.mbgNbdProbabilityAlive.cases as Array<[P4, C3, number]>)("P(alive | %j, %j)", (p, c, want) => {
    expectRelative(mbgNbdProbabilityAlive(bg(p), summary(c)), want, 1e-13);
  });

  it("puts one-time buyers below P(alive) 1, where BG/NBD keeps them at 1", () => {
    const p = { r: 0.5248, alpha: 6.183, a: 0.8914, b: 1.614 };
    const once = { frequency: 0, recency: 0, T: 38.86 };
    expect(bgNbdProbabilityAlive(p, once)).toBe(1);
    expect(mbgNbdProbabilityAlive(p, once)).toBeLessThan(0.5);
  });

  it.each([
    [() => mbgNbdExpectedPurchases({ r: 1, alpha: 1, a: 1, b: 0 }, 1), "INVALID_INPUT", "mbgNbdExpectedPurchases: params.b is 0, expected a finite number > 0"],
    [() => mbgNbdConditionalExpectedPurchases({ r: 1, alpha: 1, a: 1, b: 1 }, { frequency: 0, recency: 1, T: 4 }, 1), "INVALID_INPUT", "mbgNbdConditionalExpectedPurchases: customer.recency is 1, expected recency 0 when frequency is 0"],
    [() => mbgNbdProbabilityAlive({ r: 1, alpha: 1, a: 1, b: 1 }, { frequency: 1.5, recency: 1, T: 4 }), "INVALID_INPUT", "mbgNbdProbabilityAlive: customer.frequency is 1.5, expected a non-negative integer"],
    [() => fitMbgNbd([{ frequency: 1, recency: 1, T: 2 }], { extra: 1 } as never), "INVALID_INPUT", undefined],
  ])("refuses bad input: %#", (run, code, message) => {
    const error = thrown(run);
    expect(error.code).toBe(code);
    if (message !== undefined) expect(error.message).toBe(message);
  });
});

describe("BG/BB (Fader, Hardie & Shang 2010)", () => {
  it("fits the donations panel as published: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783, LL -33225.6", () => {
    const fit = fitBgBb(donations());
    expect(fit.metric).toBe("fitBgBb");
    expect(fit.params.alpha).toBeCloseTo(1.204, 3);
    expect(fit.params.beta).toBeCloseTo(0.75, 3);
    expect(fit.params.gamma).toBeCloseTo(0.657, 3);
    expect(fit.params.delta).toBeCloseTo(2.783, 3);
    expect(fit.logLikelihood).toBeCloseTo(-33225.6, 1);
    expectParams(fit.params, ref.bgBbFit.params, 1e-6);
    expectRelative(fit.logLikelihood, ref.bgBbFit.logLikelihood, 1e-12);
    expect(fit.confidenceIntervals.delta.upper).toBeGreaterThan(fit.params.delta);
  });

  it("merges identical rows: one row of weight 2 fits as two rows", () => {
    const rows = donations();
    const split = rows.flatMap((row) => [
      { ...row, weight: row.weight / 2 },
      { frequency: row.frequency, recency: row.recency, n: row.n, weight: row.weight / 2 },
    ]);
    expectRelative(fitBgBb(split).logLikelihood, fitBgBb(rows).logLikelihood, 1e-12);
    expect(fitBgBb([...rows, { frequency: 1, recency: 1, n: 6, weight: 0 }]).logLikelihood).toBe(fitBgBb(rows).logLikelihood);
    // rows without a weight count once each
    const unweighted = rows.flatMap((row) => Array.from({ length: Math.round(row.weight / 100) }, () => ({ frequency: row.frequency, recency: row.recency, n: row.n })));
    const grouped = rows.map((row) => ({ ...row, weight: Math.round(row.weight / 100) })).filter((row) => row.weight > 0);
    expectRelative(fitBgBb(unweighted).logLikelihood, fitBgBb(grouped).logLikelihood, 1e-10);
  });

  it.each((ref.bgBbExpectedPurchases.cases as Array<[P4, number, number]>).filter(([, n]) => n > 0))("E[X(n)] for %j at n = %s", (p, n, want) => {
    expectRelative(bgBbExpectedPurchases(bb(p), n), want, 1e-13);
  });

  it.each(ref.bgBbConditionalExpectedPurchases.cases as Array<[P4, C3, number, number]>)("E[X(n, n + m) | %j, %j] at m = %s", (p, c, m, want) => {
    expectRelative(bgBbConditionalExpectedPurchases(bb(p), opportunities(c), m), want, 1e-12);
  });

  it.each(ref.bgBbProbabilityAlive.cases as Array<[P4, C3, number]>)("P(alive at n + 1 | %j, %j)", (p, c, want) => {
    expectRelative(bgBbProbabilityAlive(bb(p), opportunities(c)), want, 1e-13);
  });

  it("gives 0 expected transactions in 0 opportunities, and is continuous through gamma = 1", () => {
    const p = { alpha: 1.2, beta: 0.75, gamma: 1, delta: 2.8 };
    expect(bgBbExpectedPurchases(p, 0)).toBe(0);
    expect(bgBbConditionalExpectedPurchases(p, { frequency: 2, recency: 4, n: 6 }, 0)).toBe(0);
    expectRelative(bgBbExpectedPurchases({ ...p, gamma: 1 + 1e-12 }, 6), bgBbExpectedPurchases(p, 6), 1e-11);
  });

  it.each([
    [{ frequency: 3, recency: 2, n: 6 }, "OUT_OF_RANGE", "bgBbProbabilityAlive: customer.frequency is 3, expected frequency <= recency (2)"],
    [{ frequency: 3, recency: 7, n: 6 }, "OUT_OF_RANGE", "bgBbProbabilityAlive: customer.recency is 7, expected recency <= n (6)"],
    [{ frequency: 0, recency: 2, n: 6 }, "INVALID_INPUT", "bgBbProbabilityAlive: customer.recency is 2, expected recency 0 when frequency is 0"],
    [{ frequency: 0, recency: 0, n: 0 }, "OUT_OF_RANGE", "bgBbProbabilityAlive: customer.n is 0, expected an integer in [1, 1000000]"],
    [{ frequency: 0, recency: 0, n: 1e7 }, "OUT_OF_RANGE", "bgBbProbabilityAlive: customer.n is 10000000, expected an integer in [1, 1000000]"],
    [{ frequency: 0.5, recency: 0, n: 6 }, "INVALID_INPUT", "bgBbProbabilityAlive: customer.frequency is 0.5, expected a non-negative integer"],
    ["x", "INVALID_INPUT", 'bgBbProbabilityAlive: customer is "x", expected an object with frequency, recency and n'],
  ])("refuses the customer %j", (customer, code, message) => {
    const error = thrown(() => bgBbProbabilityAlive({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, customer as never));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it.each([
    [() => bgBbExpectedPurchases({ alpha: 1, beta: 1, gamma: 1, delta: Number.NaN }, 1), "INVALID_INPUT", "bgBbExpectedPurchases: params.delta is NaN, expected a finite number > 0"],
    [() => bgBbExpectedPurchases(undefined as never, 1), "INVALID_INPUT", "bgBbExpectedPurchases: params is missing, expected BG/BB parameters { alpha, beta, gamma, delta }"],
    [() => bgBbExpectedPurchases({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, 2e6), "OUT_OF_RANGE", "bgBbExpectedPurchases: n is 2000000, expected an integer in [0, 1000000]"],
    [() => bgBbConditionalExpectedPurchases({ alpha: 1, beta: 1, gamma: 1, delta: 1 }, { frequency: 1, recency: 1, n: 2 }, -1), "INVALID_INPUT", "bgBbConditionalExpectedPurchases: m is -1, expected a non-negative integer"],
    [() => fitBgBb("x" as never), "INVALID_INPUT", 'fitBgBb: customers is "x", expected an array of customers'],
    [() => fitBgBb([{ frequency: 1, recency: 1, n: 2, weight: 0 }]), "EMPTY_INPUT", "fitBgBb: customers has no rows of positive weight to fit"],
    [() => fitBgBb([{ frequency: 1, recency: 1, n: 2, weight: -1 }]), "INVALID_INPUT", "fitBgBb: customers[0].weight is -1, expected a finite number >= 0"],
  ])("refuses bad input: %#", (run, code, message) => {
    const error = thrown(run);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

describe("bgNbdPurchaseCountProbability (Fader, Hardie & Lee 2005, eq. 8)", () => {
  it.each(ref.bgNbdPurchaseCountProbability.cases as Array<[P4, number, number, number]>)("P(X(t) = k) for %j at t = %s, k = %s", (p, t, k, want) => {
    expectRelative(bgNbdPurchaseCountProbability(bg(p), t, k), want, 1e-11);
  });

  it("sums to 1 over k and has the mean E[X(t)]", async () => {
    const { bgNbdExpectedPurchases } = await import("../../src/index.js");
    const p = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
    let total = 0;
    let mean = 0;
    for (let k = 0; k < 3000; k++) {
      const q = bgNbdPurchaseCountProbability(p, 39, k);
      total += q;
      mean += k * q;
    }
    expect(total).toBeCloseTo(1, 13);
    expectRelative(mean, bgNbdExpectedPurchases(p, 39), 1e-10);
  });

  it("is 1 at k = 0 and 0 above it for t = 0; stays in [0, 1] at the edges of the doubles", () => {
    const p = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
    expect(bgNbdPurchaseCountProbability(p, 0, 0)).toBe(1);
    expect(bgNbdPurchaseCountProbability(p, 0, 3)).toBe(0);
    for (const [t, alpha] of [
      [5e-324, 1e308],
      [1e308, 5e-324],
    ]) {
      for (const k of [0, 1, 7]) {
        const q = bgNbdPurchaseCountProbability({ ...p, alpha: alpha! }, t!, k);
        expect(q).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(1);
      }
    }
  });

  it.each([
    [() => bgNbdPurchaseCountProbability({ r: 1, alpha: 1, a: 1, b: 1 }, 1, -1), "INVALID_INPUT", "bgNbdPurchaseCountProbability: k is -1, expected a non-negative integer"],
    [() => bgNbdPurchaseCountProbability({ r: 1, alpha: 1, a: 1, b: 1 }, Number.POSITIVE_INFINITY, 1), "INVALID_INPUT", "bgNbdPurchaseCountProbability: t is Infinity, expected a finite number >= 0"],
    [() => bgNbdPurchaseCountProbability({ r: 1, alpha: 1, a: 1, b: 1 }, 1, 1e16), "INVALID_INPUT", "bgNbdPurchaseCountProbability: k is 10000000000000000, expected a non-negative integer"],
  ])("refuses bad input: %#", (run, code, message) => {
    const error = thrown(run);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});

describe("penalizer as in lifetimes: alpha in units of the largest T", () => {
  it.each(Object.entries(ref.bgNbdPenalized.cases))("fitBgNbd(CDNOW, { penalizer: %s }) matches lifetimes' objective", (penalizer, want) => {
    const fit = fitBgNbd(cdnowSummary(), { penalizer: Number(penalizer) });
    expectParams(fit.params, want.params, 1e-6);
    expectRelative(fit.logLikelihood, want.logLikelihood, 1e-9);
  });
});
