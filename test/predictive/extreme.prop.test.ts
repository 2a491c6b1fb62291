// Every predictive export under extreme doubles (subnormals, 1e-300, 1e308, the edges of the safe integers, and plain
// values among them): it returns a finite number in its documented range, or refuses with INVALID_INPUT or
// OUT_OF_RANGE (EMPTY_INPUT for fits) naming a field; never NaN, Infinity, an escaped exception or an internal error
// dressed as "could not be read".
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bgBbConditionalExpectedPurchases,
  bgBbExpectedPurchases,
  bgBbProbabilityAlive,
  bgNbdConditionalExpectedPurchases,
  bgNbdExpectedPurchases,
  bgNbdProbabilityAlive,
  bgNbdPurchaseCountProbability,
  CxMetricsError,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  fitShiftedBetaGeometric,
  gammaGammaExpectedSpend,
  mbgNbdConditionalExpectedPurchases,
  mbgNbdExpectedPurchases,
  mbgNbdProbabilityAlive,
  paretoNbdConditionalExpectedPurchases,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  predictiveClv,
  sbgRetentionRate,
  sbgSurvival,
} from "../../src/index.js";
import { probabilityResult } from "../../src/predictive/shared.js";
import { thrown } from "./helpers.js";

const RUNS = process.env.CI ? 3000 : 150;
const FIT_RUNS = process.env.CI ? 100 : 25;

/** Positive doubles from the subnormals to the largest, with ordinary values mixed in. */
const positive = fc.oneof(
  fc.constantFrom(5e-324, 1e-308, 1e-300, 1e-17, 1e-9, 0.5, 1, 1 + 1e-12, 2, 1e9, 1e17, 1e300, 1e308, Number.MAX_VALUE),
  fc.double({ min: 5e-324, max: Number.MAX_VALUE, noNaN: true }),
  fc.double({ min: 0.01, max: 100, noNaN: true }),
);
const nonNegative = fc.oneof(fc.constant(0), positive);
const count = fc.oneof(fc.constantFrom(0, 1, 2, 7, 1000, 2 ** 31, Number.MAX_SAFE_INTEGER), fc.nat(60));
const summary = fc.tuple(count, nonNegative, fc.double({ min: 0, max: 1, noNaN: true })).map(([frequency, T, share]) => ({
  frequency,
  recency: frequency === 0 ? 0 : share * T,
  T,
}));
const opportunities = fc
  .tuple(fc.oneof(fc.nat(12), fc.constantFrom(999_999, 1_000_000)), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([n, a, b]) => {
    const recency = Math.floor(a * n);
    const frequency = recency === 0 ? 0 : Math.max(1, Math.floor(b * recency));
    return { frequency, recency, n: Math.max(n, 1) };
  });
const fewOpportunities = opportunities.map((c) => (c.n > 12 ? { frequency: 3, recency: 500, n: 1000 } : c));
const small = fc.oneof(fc.nat(12), fc.constantFrom(1000, 1_000_000, 2_000_000));
const four = (names: [string, string, string, string]) => fc.tuple(positive, positive, positive, positive).map((v) => Object.fromEntries(names.map((n, i) => [n, v[i]])));
const bgParams = four(["r", "alpha", "a", "b"]) as fc.Arbitrary<{ r: number; alpha: number; a: number; b: number }>;
const paretoParams = four(["r", "alpha", "s", "beta"]) as fc.Arbitrary<{ r: number; alpha: number; s: number; beta: number }>;
const bbParams = four(["alpha", "beta", "gamma", "delta"]) as fc.Arbitrary<{ alpha: number; beta: number; gamma: number; delta: number }>;
const ggParams = fc.tuple(positive, positive, positive).map(([p, q, v]) => ({ p, q, v }));

type Range = "probability" | "nonNegative";

/** A call that prints its arguments when fast-check reports it. */
function labelled(name: string, args: unknown[], run: () => number): () => number {
  return Object.assign(run, { toString: () => `${name}(${args.map((a) => JSON.stringify(a)).join(", ")})` });
}

/** Runs `call`: a finite result in range, or a CxMetricsError of an allowed code that names a field. */
function holdsItsPromise(call: () => number, range: Range, codes = ["INVALID_INPUT", "OUT_OF_RANGE"]): void {
  let value: number;
  try {
    value = call();
  } catch (error) {
    expect(error).toBeInstanceOf(CxMetricsError);
    const e = error as CxMetricsError;
    expect(codes).toContain(e.code);
    expect(e.message).not.toMatch(/could not be read/);
    return;
  }
  expect(Number.isFinite(value)).toBe(true);
  expect(value).toBeGreaterThanOrEqual(0);
  if (range === "probability") expect(value).toBeLessThanOrEqual(1);
}

const scalarCases: Array<[string, fc.Arbitrary<() => number>, Range]> = [
  ["bgNbdExpectedPurchases", fc.tuple(bgParams, nonNegative).map(([p, t]) => labelled("bgNbdExpectedPurchases", [p, t], () => bgNbdExpectedPurchases(p, t))), "nonNegative"],
  ["bgNbdConditionalExpectedPurchases", fc.tuple(bgParams, summary, nonNegative).map(([p, c, t]) => labelled("bgNbdConditionalExpectedPurchases", [p, c, t], () => bgNbdConditionalExpectedPurchases(p, c, t))), "nonNegative"],
  ["bgNbdProbabilityAlive", fc.tuple(bgParams, summary).map(([p, c]) => labelled("bgNbdProbabilityAlive", [p, c], () => bgNbdProbabilityAlive(p, c))), "probability"],
  ["bgNbdPurchaseCountProbability", fc.tuple(bgParams, nonNegative, count).map(([p, t, k]) => labelled("bgNbdPurchaseCountProbability", [p, t, k], () => bgNbdPurchaseCountProbability(p, t, k))), "probability"],
  ["mbgNbdExpectedPurchases", fc.tuple(bgParams, nonNegative).map(([p, t]) => labelled("mbgNbdExpectedPurchases", [p, t], () => mbgNbdExpectedPurchases(p, t))), "nonNegative"],
  ["mbgNbdConditionalExpectedPurchases", fc.tuple(bgParams, summary, nonNegative).map(([p, c, t]) => labelled("mbgNbdConditionalExpectedPurchases", [p, c, t], () => mbgNbdConditionalExpectedPurchases(p, c, t))), "nonNegative"],
  ["mbgNbdProbabilityAlive", fc.tuple(bgParams, summary).map(([p, c]) => labelled("mbgNbdProbabilityAlive", [p, c], () => mbgNbdProbabilityAlive(p, c))), "probability"],
  ["paretoNbdExpectedPurchases", fc.tuple(paretoParams, nonNegative).map(([p, t]) => labelled("paretoNbdExpectedPurchases", [p, t], () => paretoNbdExpectedPurchases(p, t))), "nonNegative"],
  ["paretoNbdConditionalExpectedPurchases", fc.tuple(paretoParams, summary, nonNegative).map(([p, c, t]) => labelled("paretoNbdConditionalExpectedPurchases", [p, c, t], () => paretoNbdConditionalExpectedPurchases(p, c, t))), "nonNegative"],
  ["paretoNbdProbabilityAlive", fc.tuple(paretoParams, summary).map(([p, c]) => labelled("paretoNbdProbabilityAlive", [p, c], () => paretoNbdProbabilityAlive(p, c))), "probability"],
  ["bgBbExpectedPurchases", fc.tuple(bbParams, small).map(([p, n]) => labelled("bgBbExpectedPurchases", [p, n], () => bgBbExpectedPurchases(p, n))), "nonNegative"],
  ["bgBbConditionalExpectedPurchases", fc.tuple(bbParams, opportunities, small).map(([p, c, m]) => labelled("bgBbConditionalExpectedPurchases", [p, c, m], () => bgBbConditionalExpectedPurchases(p, c, m))), "nonNegative"],
  ["bgBbProbabilityAlive", fc.tuple(bbParams, opportunities).map(([p, c]) => labelled("bgBbProbabilityAlive", [p, c], () => bgBbProbabilityAlive(p, c))), "probability"],
  ["gammaGammaExpectedSpend", fc.tuple(ggParams, count, nonNegative).map(([p, frequency, monetaryValue]) => labelled("gammaGammaExpectedSpend", [p, frequency, monetaryValue], () => gammaGammaExpectedSpend(p, { frequency, monetaryValue }))), "nonNegative"],
  ["sbgSurvival", fc.tuple(positive, positive, nonNegative).map(([alpha, beta, t]) => labelled("sbgSurvival", [alpha, beta, t], () => sbgSurvival({ alpha, beta }, t))), "probability"],
  ["sbgRetentionRate", fc.tuple(positive, positive, fc.oneof(fc.constant(1), positive)).map(([alpha, beta, t]) => labelled("sbgRetentionRate", [alpha, beta, t], () => sbgRetentionRate({ alpha, beta }, t))), "probability"],
  [
    "predictiveClv",
    fc
      .tuple(bgParams, ggParams, summary, nonNegative, nonNegative, fc.integer({ min: 1, max: 20 }), nonNegative, nonNegative)
      .map(([bgNbd, gammaGamma, c, monetaryValue, horizon, steps, discountRate, margin]) => () =>
        predictiveClv({ bgNbd, gammaGamma, customer: { ...c, monetaryValue }, horizon, steps, discountRate, margin }),
      ),
    "nonNegative",
  ],
];

describe("predictive exports under extreme doubles", () => {
  it.each(scalarCases)("%s returns a finite value in range or refuses by code", (_name, calls, range) => {
    fc.assert(fc.property(calls, (call) => holdsItsPromise(call, range)), { numRuns: RUNS });
  });

  it("the examples of the extreme-value reports: exact answers, never NaN", () => {
    expect(sbgRetentionRate({ alpha: 1e-17, beta: 1e-17 }, 1)).toBe(0.5);
    const s = sbgSurvival({ alpha: 2, beta: 3 }, 1e17);
    // S(t) = B(2, 3 + t) / B(2, 3) = 12 / ((3 + t)(4 + t)) for integer α = 2
    expect(Math.abs(s - 12 / ((3 + 1e17) * (4 + 1e17)))).toBeLessThan(1e-14 * s);
    // Γ(α + β) / Γ(β) t^-α to leading order; 50-digit value from mpmath
    expect(Math.abs(sbgSurvival({ alpha: 0.704, beta: 1.182 }, 1e308) / 1.526375054708184e-217 - 1)).toBeLessThan(1e-13);
    expect(Number.isFinite(gammaGammaExpectedSpend({ p: 6.2488, q: 3.7446, v: 15.4477 }, { frequency: 2, monetaryValue: 1e308 }))).toBe(true);
    // a huge alpha overflows ln Γ(β + α): the ratio regrouped by t gives S(0) = 1; with t as huge, S is below every double
    expect(sbgSurvival({ alpha: Number.MAX_VALUE, beta: 5e-324 }, 0)).toBe(1);
    expect(sbgSurvival({ alpha: 1e308, beta: 1 }, 1e308)).toBe(0);
    // β + t overflows: S = β (β + 1) / ((β + t)(β + t + 1)) for α = 2, here 1/4
    expect(Math.abs(sbgSurvival({ alpha: 2, beta: 1e308 }, 1e308) - 0.25)).toBeLessThan(1e-13);
  });

  it("refuses with OUT_OF_RANGE naming the parameters where the double arithmetic of a formula breaks down", () => {
    const huge = thrown(() => bgNbdExpectedPurchases({ r: Number.MAX_VALUE, alpha: 5.5626846462684e-311, a: 0.01, b: 0.01 }, 0.01));
    expect(huge.message).toBe("bgNbdExpectedPurchases: the expected number of purchases is not a finite number for these parameters");
    // a + b - 1 next to the pole at -1 of the hypergeometric series: the evaluation cancels; the bound r t / α catches it
    const error = thrown(() => bgNbdExpectedPurchases({ r: 5e-324, alpha: 8.673617379884035e-19, a: 5e-324, b: 5e-324 }, 0.01));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.issues[0]!.path).toEqual(["params"]);
    expect(error.message).toBe("bgNbdExpectedPurchases: the expected number of purchases cannot be computed accurately for these parameters (at the edge of the doubles)");
    expect(() => probabilityResult(Number.NaN, "m")).toThrow("m: the probability cannot be computed for these parameters (at the edge of the doubles)");
    expect(probabilityResult(1 + 1e-16, "m")).toBe(1);
  });

  const rows = fc.array(fc.tuple(summary, fc.oneof(fc.constant(1), nonNegative)).map(([c, weight]) => ({ ...c, weight })), { minLength: 1, maxLength: 5 });
  const fitCodes = ["INVALID_INPUT", "OUT_OF_RANGE", "EMPTY_INPUT"];
  const fits: Array<[string, fc.Arbitrary<() => number>]> = [
    ["fitBgNbd", rows.map((r) => () => fitBgNbd(r, { maxIterations: 300 }).logLikelihood)],
    ["fitMbgNbd", rows.map((r) => () => fitMbgNbd(r, { maxIterations: 300 }).logLikelihood)],
    ["fitParetoNbd", rows.map((r) => () => fitParetoNbd(r, { maxIterations: 300 }).logLikelihood)],
    [
      "fitBgBb",
      fc.array(fc.tuple(fewOpportunities, nonNegative).map(([c, weight]) => ({ ...c, weight })), { minLength: 1, maxLength: 4 }).map((r) => () => fitBgBb(r, { maxIterations: 300 }).logLikelihood),
    ],
    [
      "fitGammaGamma",
      fc.array(fc.record({ frequency: count, monetaryValue: nonNegative, weight: nonNegative }), { minLength: 1, maxLength: 5 }).map((r) => () => fitGammaGamma(r, { maxIterations: 300 }).logLikelihood),
    ],
    ["fitShiftedBetaGeometric", fc.array(nonNegative, { minLength: 2, maxLength: 5 }).map((s) => () => fitShiftedBetaGeometric([...s].sort((a, b) => b - a), { maxIterations: 300 }).logLikelihood)],
  ];

  it.each(fits)("%s fits or refuses by code, with a finite log-likelihood", (_name, calls) => {
    fc.assert(
      fc.property(calls, (call) => {
        let value: number;
        try {
          value = call();
        } catch (error) {
          expect(error).toBeInstanceOf(CxMetricsError);
          expect(fitCodes).toContain((error as CxMetricsError).code);
          expect((error as CxMetricsError).message).not.toMatch(/could not be read/);
          return;
        }
        expect(Number.isFinite(value)).toBe(true);
      }),
      { numRuns: FIT_RUNS },
    );
  });
});
