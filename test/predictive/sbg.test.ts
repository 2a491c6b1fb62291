import { describe, expect, it } from "vitest";
import { fitShiftedBetaGeometric, sbgRetentionRate, sbgSurvival } from "../../src/index.js";
import { expectRelative, thrown } from "./helpers.js";
import reference from "./reference.json";

const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241];
const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491];

describe("fitShiftedBetaGeometric (Fader & Hardie 2007)", () => {
  it("reproduces alpha 0.704, beta 1.182 on the regular customers", () => {
    const fit = fitShiftedBetaGeometric(REGULAR);
    expect(fit.params.alpha).toBeCloseTo(0.704, 3);
    expect(fit.params.beta).toBeCloseTo(1.182, 3);
    expect(fit.converged).toBe(true);
    expect(fit.metric).toBe("fitShiftedBetaGeometric");
  });

  it("reproduces alpha 0.668, beta 3.806 and log-likelihood -1611.16 on the high-end customers", () => {
    const fit = fitShiftedBetaGeometric(HIGH_END);
    expect(fit.params.alpha).toBeCloseTo(0.668, 3);
    expect(fit.params.beta).toBeCloseTo(3.806, 3);
    expect(fit.logLikelihood).toBeCloseTo(-1611.16, 2);
    expect(fit.standardErrors!.alpha).toBeGreaterThan(0);
  });

  it("gives the same parameters for counts scaled by a constant (the likelihood only scales)", () => {
    const fit = fitShiftedBetaGeometric(HIGH_END);
    const scaled = fitShiftedBetaGeometric(HIGH_END.map((s) => s / 10));
    expectRelative(scaled.params.alpha, fit.params.alpha, 1e-6);
    expectRelative(scaled.params.beta, fit.params.beta, 1e-6);
    expectRelative(scaled.logLikelihood, fit.logLikelihood / 10, 1e-9);
  });

  it("fits a cohort with a period without churn, and one that churned completely", () => {
    // P(T = 3) gets no weight when nobody leaves in period 3; S(n) none when nobody is left.
    const pause = fitShiftedBetaGeometric([100, 60, 40, 40, 30]);
    expect(pause.logLikelihood).toBeLessThan(0);
    const gone = fitShiftedBetaGeometric([100, 30, 15, 10, 0]);
    expect(gone.logLikelihood).toBeLessThan(0);
    // The fitted S(4) is small but positive, and the model predicts that nobody left means low survival.
    expect(sbgSurvival(gone.params, 4)).toBeLessThan(0.15);
  });

  it("refuses a cohort in which nobody churns with INVALID_INPUT (alpha runs off to 0)", () => {
    const error = thrown(() => fitShiftedBetaGeometric([100, 100, 100]));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toMatch(/^fitShiftedBetaGeometric: the fit did not converge: \w+ ran off to (0|infinity)/);
  });

  it.each([
    ["not an array", "x", "INVALID_INPUT", 'fitShiftedBetaGeometric: survivors is "x", expected an array of survivor counts'],
    ["a negative count", [10, -1], "INVALID_INPUT", "fitShiftedBetaGeometric: survivors[1] is -1, expected a finite number >= 0"],
    ["a count that grows", [10, 8, 9], "OUT_OF_RANGE", "fitShiftedBetaGeometric: survivors[2] is 9, expected at most survivors[1] (8)"],
    ["an empty cohort", [0, 0], "EMPTY_INPUT", "fitShiftedBetaGeometric: survivors[0] is 0: the cohort is empty"],
    ["a single count", [10], "EMPTY_INPUT", "fitShiftedBetaGeometric: survivors needs the cohort size and at least one later count"],
    ["no counts", [], "EMPTY_INPUT", "fitShiftedBetaGeometric: survivors needs the cohort size and at least one later count"],
  ])("refuses %s", (_name, input, code, message) => {
    const error = thrown(() => fitShiftedBetaGeometric(input as never));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it("refuses unknown options", () => {
    expect(thrown(() => fitShiftedBetaGeometric(REGULAR, { steps: 2 } as never)).message).toBe(
      'fitShiftedBetaGeometric: options has unknown key "steps"',
    );
  });
});

describe("sbgSurvival and sbgRetentionRate (Fader & Hardie 2007)", () => {
  it.each(reference.sbgSurvival.cases)("S(t) for %j at t = %d matches B(α, β + t) / B(α, β)", (params, t, want) => {
    const [alpha, beta] = params as number[];
    expectRelative(sbgSurvival({ alpha: alpha!, beta: beta! }, t as number), want as number, 1e-12);
  });

  it("has retention rate r(t) = S(t) / S(t - 1) = (β + t - 1) / (α + β + t - 1), rising with t", () => {
    const params = { alpha: 0.704, beta: 1.182 };
    let previous = 0;
    for (let t = 1; t <= 12; t++) {
      const rate = sbgRetentionRate(params, t);
      expectRelative(rate, sbgSurvival(params, t) / sbgSurvival(params, t - 1), 1e-12);
      expect(rate).toBeGreaterThan(previous);
      previous = rate;
    }
  });

  it("refuses t < 1 for the retention rate with OUT_OF_RANGE", () => {
    const error = thrown(() => sbgRetentionRate({ alpha: 1, beta: 1 }, 0.5));
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.message).toBe("sbgRetentionRate: t is 0.5, expected a finite number >= 1");
  });

  it.each([
    ["survival, negative t", () => sbgSurvival({ alpha: 1, beta: 1 }, -1), "sbgSurvival: t is -1, expected a finite number >= 0"],
    ["survival, bad alpha", () => sbgSurvival({ alpha: 0, beta: 1 }, 1), "sbgSurvival: params.alpha is 0, expected a finite number > 0"],
    ["survival, no params", () => sbgSurvival(undefined as never, 1), "sbgSurvival: params is missing, expected sBG parameters { alpha, beta }"],
    ["retention, NaN t", () => sbgRetentionRate({ alpha: 1, beta: 1 }, Number.NaN), "sbgRetentionRate: t is NaN, expected a finite number >= 1"],
    ["retention, bad beta", () => sbgRetentionRate({ alpha: 1, beta: Number.POSITIVE_INFINITY }, 1), "sbgRetentionRate: params.beta is Infinity, expected a finite number > 0"],
  ])("refuses %s with INVALID_INPUT", (_name, run, message) => {
    const error = thrown(run);
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.message).toBe(message);
  });
});
