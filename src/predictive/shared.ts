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
  /**
   * L2 penalty added to the mean negative log-likelihood: penalizer × Σ (θ / scale)², where the scale of a time
   * parameter (alpha, beta) is the largest T and every other scale is 1, as in the lifetimes package. Default 0.
   */
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

/**
 * An expected count that must lie in [0, bound] (a bound the model guarantees, such as the purchases of a customer who
 * never drops out): rounding noise just below 0 becomes 0; anything else outside means the inputs sit where the
 * formula's double arithmetic breaks down, refused as OUT_OF_RANGE naming the parameters rather than returned wrong.
 */
export function boundedResult(value: number, bound: number, metric: string, what: string): number {
  finiteResult(value, metric, what);
  // the slack absorbs the rounding of subnormal bounds
  if (value > -1e-300 && value <= bound * (1 + 1e-9) + 1e-300) return Math.min(Math.max(value, 0), bound) + 0;
  throw plainError("OUT_OF_RANGE", metric, ["params"], `${what} cannot be computed accurately for these parameters (at the edge of the doubles)`);
}

/** A probability: NaN means the inputs sit where the formula breaks down (OUT_OF_RANGE); rounding is clamped to [0, 1]. */
export function probabilityResult(value: number, metric: string): number {
  if (Number.isNaN(value)) {
    throw plainError("OUT_OF_RANGE", metric, ["params"], "the probability cannot be computed for these parameters (at the edge of the doubles)");
  }
  return Math.min(Math.max(value, 0), 1);
}

/** A model result that must be finite; anything else means the inputs sit where the formula breaks down. */
export function finiteResult(value: number, metric: string, what: string): number {
  if (!Number.isFinite(value)) {
    throw plainError("OUT_OF_RANGE", metric, [], `${what} is not a finite number for these parameters`);
  }
  return value + 0;
}

/** 1 / (1 + e^L) written so that neither branch overflows: the probability of being alive from the log-odds of not. */
export function logistic(logOdds: number): number {
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/** A fitted model as the fit functions return it. */
export interface FitOutcome {
  params: number[];
  logLikelihood: number;
  standardErrors: number[];
  /** 95% intervals per parameter, Wald intervals on the log scale the fit runs on: θ e^(±1.96 se(ln θ)). */
  intervals: ParameterInterval[];
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
  /** What each parameter is divided by inside the penalty (the largest T for time parameters); default all 1. */
  penaltyScales?: number[];
  penalizer: number;
  maxIterations: number;
}

const RUNAWAY = 12;
/** The standard normal quantile of 0.975. */
const Z95 = 1.959963984540054;

/** A 95% confidence interval of one fitted parameter. */
export interface ParameterInterval {
  /** Lower bound, > 0. */
  lower: number;
  /** Upper bound. */
  upper: number;
}

/** Names each entry of a parameter vector. */
export function named<K extends string, V>(names: readonly K[], values: readonly V[]): Record<K, V> {
  const out = {} as Record<K, V>;
  names.forEach((name, i) => {
    out[name] = values[i]!;
  });
  return out;
}

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
  const penaltyScales = problem.penaltyScales ?? problem.start.map(() => 1);
  const penalty = (theta: number[]): number => {
    let s = 0;
    for (let i = 0; i < theta.length; i++) {
      const t = theta[i]! / penaltyScales[i]!;
      s += t * t;
    }
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
  const logErrors = params.map((_, i) => Math.sqrt(inverse[i]![i]! / totalWeight));
  const standardErrors = params.map((p, i) => p * logErrors[i]!);
  const intervals = params.map((p, i) => ({ lower: p * Math.exp(-Z95 * logErrors[i]!), upper: p * Math.exp(Z95 * logErrors[i]!) }));
  return { params, logLikelihood: logLikelihood + 0, standardErrors, intervals, iterations, converged: true };
}

/** A fit's public result: the outcome's vectors named by parameter. */
export function fitResult<M extends string, K extends string>(
  metric: M,
  names: readonly K[],
  outcome: FitOutcome,
): {
  metric: M;
  params: Record<K, number>;
  logLikelihood: number;
  standardErrors: Record<K, number>;
  confidenceIntervals: Record<K, ParameterInterval>;
  iterations: number;
  converged: boolean;
} {
  return {
    metric,
    params: named(names, outcome.params),
    logLikelihood: outcome.logLikelihood,
    standardErrors: named(names, outcome.standardErrors),
    confidenceIntervals: named(names, outcome.intervals),
    iterations: outcome.iterations,
    converged: outcome.converged,
  };
}
