// Validation and fitting plumbing shared by the predictive models.
import * as z from "zod/mini";
import type { CxMetricsError } from "../errors.js";
import { plainError, valueError } from "../internal/fail.js";
import { hessian, invertPositiveDefinite, type MinimizeResult, nelderMead, newtonPolish } from "../internal/optimize.js";

/** A model parameter: a finite number greater than 0. */
export const positiveParameter = /* @__PURE__ */ (() =>
  z.number().check(z.refine((v) => Number.isFinite(v) && v > 0, { error: "expected a finite number > 0" })))();

/** A finite number >= 0 (a time, a weight, an amount). */
export const nonNegativeFinite = /* @__PURE__ */ (() =>
  z
  .number()
  .check(z.refine((v) => Number.isFinite(v) && v >= 0, { error: "expected a finite number >= 0" })))();

/** An optional row weight: a finite number >= 0 (rows of weight 0 are ignored). */
export const weightField = /* @__PURE__ */ (() =>
  z.optional(nonNegativeFinite))();

/** Options every fit accepts. */
export const fitOptionsShape = {
  /** L2 penalty on the parameters, added to the mean negative log-likelihood: penalizer × Σ θ². Default 0. */
  penalizer: z.optional(nonNegativeFinite),
  /** Nelder-Mead iteration budget; default 5000. */
  maxIterations: z.optional(z.int({ error: "expected an integer >= 1" }).check(z.gte(1, { error: "expected an integer >= 1" }))),
};

/** A value that must be a finite number greater than 0. */
export function checkPositive(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw valueError("INVALID_INPUT", metric, path, value, "expected a finite number > 0");
  }
  return value;
}

/** A value that must be a finite number >= 0. */
export function checkNonNegative(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw valueError("INVALID_INPUT", metric, path, value, "expected a finite number >= 0");
  }
  return value;
}

/** A value that must be a non-negative safe integer. */
export function checkCount(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) {
    throw valueError("INVALID_INPUT", metric, path, value, "expected a non-negative integer");
  }
  return value as number;
}

/** A record the caller passed: a non-null object. */
export function checkRecord(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>, expected: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null) throw valueError("INVALID_INPUT", metric, path, value, expected);
  return value as Record<string, unknown>;
}

/** A model result that must be finite; anything else means the inputs sit where the formula breaks down. */
export function finiteResult(value: number, metric: string, what: string): number {
  if (!Number.isFinite(value)) {
    throw plainError("OUT_OF_RANGE", metric, [], `${what} is not a finite number for these parameters`);
  }
  return value + 0;
}

/** A fitted model as the fit functions return it. */
export interface FitOutcome {
  params: number[];
  logLikelihood: number;
  standardErrors: number[];
  iterations: number;
  converged: boolean;
}

/** What a model hands to {@link fitLogParameters}. */
export interface FitProblem {
  metric: string;
  names: ReadonlyArray<string>;
  /** Σ weights: the objective is the mean negative log-likelihood. */
  totalWeight: number;
  /** The weighted log-likelihood at natural parameters. */
  logLikelihood: (params: number[]) => number;
  /** Starting point (natural parameters). */
  start: number[];
  /** The natural scale of each parameter: a fit whose parameter leaves scale × e^(±12) has run off to 0 or infinity. */
  scales: number[];
  penalizer: number;
  maxIterations: number;
}

const RUNAWAY = 12;

function notConverged(metric: string, message: string): CxMetricsError {
  return plainError("INVALID_INPUT", metric, [], message);
}

/**
 * Maximises a weighted log-likelihood over positive parameters on their logarithms (Nelder-Mead to a coarse
 * tolerance, then finite-difference Newton steps; the simplex again if Newton cannot proceed), minimising
 * -LL/W + penalizer × Σ θ². Throws INVALID_INPUT when the fit does not converge or a parameter runs off to 0 or
 * infinity, or the likelihood is flat at the best point (the data then do not pin the parameters down); it never returns
 * NaN. Standard errors come from the inverse Hessian of the objective in log-parameters, by the delta method.
 */
export function fitLogParameters(problem: FitProblem): FitOutcome {
  const { metric, names, totalWeight, penalizer } = problem;
  const natural = (u: number[]): number[] => u.map(Math.exp);
  const penalty = (theta: number[]): number => {
    let s = 0;
    for (const t of theta) s += t * t;
    return penalizer * s;
  };
  const logScales = problem.scales.map(Math.log);
  const objective = (u: number[]): number => {
    // A box a little wider than the runaway bound keeps a diverging fit from walking to overflow.
    for (let i = 0; i < u.length; i++) if (Math.abs(u[i]! - logScales[i]!) > RUNAWAY + 3) return Number.POSITIVE_INFINITY;
    const theta = natural(u);
    return -problem.logLikelihood(theta) / totalWeight + penalty(theta);
  };
  // Nelder-Mead finds the basin robustly; Newton steps then converge quadratically where the simplex only halves.
  const coarse = nelderMead(objective, problem.start.map(Math.log), { maxIterations: problem.maxIterations, xTolerance: 1e-2 });
  if (!Number.isFinite(coarse.value)) {
    throw notConverged(metric, "the likelihood is not finite for any parameters tried; the data are too extreme to fit");
  }
  const ensureConverged = (run: MinimizeResult): void => {
    if (!run.converged) throw notConverged(metric, `the fit did not converge within ${problem.maxIterations} iterations`);
  };
  ensureConverged(coarse);
  const polished = newtonPolish(objective, coarse.x);
  let x = polished.x;
  let inverse = polished.inverseHessian;
  let iterations = coarse.iterations + polished.steps;
  if (!polished.converged) {
    const fine = nelderMead(objective, coarse.x, { maxIterations: problem.maxIterations - coarse.iterations, initialStep: 0.05 });
    ensureConverged(fine);
    x = fine.x;
    iterations += fine.iterations;
    inverse = invertPositiveDefinite(hessian(objective, x));
  }
  const params = natural(x);
  for (let i = 0; i < params.length; i++) {
    const drift = x[i]! - logScales[i]!;
    if (Math.abs(drift) > RUNAWAY) {
      throw notConverged(
        metric,
        `the fit did not converge: ${names[i]} ran off to ${drift < 0 ? "0" : "infinity"}; the data carry too little information to estimate it (a penalizer keeps it finite)`,
      );
    }
  }
  const logLikelihood = problem.logLikelihood(params);
  if (inverse === null) {
    throw notConverged(
      metric,
      "the fit did not converge: the likelihood is flat in some direction at the best point, so the data do not determine the parameters",
    );
  }
  // The objective is the mean over Σw, so the covariance of the log-parameters is its inverse Hessian / Σw.
  const standardErrors = params.map((p, i) => p * Math.sqrt(inverse[i]![i]! / totalWeight));
  return { params, logLikelihood: logLikelihood + 0, standardErrors, iterations, converged: true };
}
