// Minimisation for the predictive models' likelihoods, which are fitted on log-parameters so that every point of R^n
// is a valid parameter vector: Nelder-Mead to find the basin, finite-difference Newton steps to converge in it.

/** Where a minimisation ended. */
export interface MinimizeResult {
  /** The best point found. */
  x: number[];
  /** f at that point. */
  value: number;
  /** Nelder-Mead iterations used, over all restarts. */
  iterations: number;
  /** True when the simplex shrank below the tolerance within the iteration budget. */
  converged: boolean;
}

/** Tuning of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Iteration budget over all restarts. */
  maxIterations: number;
  /** Largest coordinate distance from the best vertex at convergence. */
  xTolerance: number;
  /** The least improvement of f for which a restart is repeated. */
  fTolerance: number;
  /** Edge of the first simplex. */
  initialStep: number;
}

const DEFAULTS: NelderMeadOptions = { maxIterations: 5000, xTolerance: 1e-10, fTolerance: 1e-13, initialStep: 0.5 };

/** Non-finite values count as +Infinity, so the simplex walks away from them. */
function safe(f: (x: number[]) => number, x: number[]): number {
  const v = f(x);
  return Number.isNaN(v) ? Number.POSITIVE_INFINITY : v;
}

interface Run {
  x: number[];
  value: number;
  iterations: number;
  converged: boolean;
}

function runSimplex(f: (x: number[]) => number, x0: number[], step: number, budget: number, o: NelderMeadOptions): Run {
  const n = x0.length;
  const points: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i]! += step;
    points.push(p);
  }
  const values = points.map((p) => safe(f, p));
  const order = points.map((_, i) => i);
  let iterations = 0;
  let converged = false;
  const centroid = new Array<number>(n);
  const along = (t: number): number[] => {
    const worst = points[order[n]!]!;
    return centroid.map((c, j) => c + t * (c - worst[j]!));
  };
  while (iterations < budget) {
    order.sort((i, j) => values[i]! - values[j]!);
    const best = points[order[0]!]!;
    let spread = 0;
    for (let k = 1; k <= n; k++) {
      const p = points[order[k]!]!;
      for (let j = 0; j < n; j++) spread = Math.max(spread, Math.abs(p[j]! - best[j]!));
    }
    // The simplex has collapsed; f's spread is not required as well, since rounding noise in f (large sums of
    // log-gamma terms) can keep it above any fixed tolerance after the points have stopped moving.
    if (spread <= o.xTolerance) {
      converged = true;
      break;
    }
    iterations++;
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = points[order[k]!]!;
      for (let j = 0; j < n; j++) centroid[j]! += p[j]! / n;
    }
    const worstIndex = order[n]!;
    const fBest = values[order[0]!]!;
    const fSecond = values[order[n - 1]!]!;
    const fWorst = values[worstIndex]!;
    const reflected = along(1);
    const fr = safe(f, reflected);
    if (fr < fBest) {
      const expanded = along(2);
      const fe = safe(f, expanded);
      if (fe < fr) {
        points[worstIndex] = expanded;
        values[worstIndex] = fe;
      } else {
        points[worstIndex] = reflected;
        values[worstIndex] = fr;
      }
      continue;
    }
    if (fr < fSecond) {
      points[worstIndex] = reflected;
      values[worstIndex] = fr;
      continue;
    }
    const outside = fr < fWorst;
    const contracted = along(outside ? 0.5 : -0.5);
    const fc = safe(f, contracted);
    if (fc < (outside ? fr : fWorst)) {
      points[worstIndex] = contracted;
      values[worstIndex] = fc;
      continue;
    }
    // Shrink every vertex halfway towards the best one.
    const bestPoint = points[order[0]!]!;
    for (let k = 1; k <= n; k++) {
      const idx = order[k]!;
      points[idx] = points[idx]!.map((v, j) => bestPoint[j]! + 0.5 * (v - bestPoint[j]!));
      values[idx] = safe(f, points[idx]!);
    }
  }
  order.sort((i, j) => values[i]! - values[j]!);
  return { x: points[order[0]!]!, value: values[order[0]!]!, iterations, converged };
}

/**
 * Minimises f by the Nelder-Mead simplex method (reflection 1, expansion 2, contraction 1/2, shrink 1/2), restarted
 * from the best point with a fresh, smaller simplex until a restart no longer improves f: a collapsed simplex is the
 * method's known failure, and a restart is its standard remedy.
 */
export function nelderMead(f: (x: number[]) => number, x0: number[], options: Partial<NelderMeadOptions> = {}): MinimizeResult {
  const o: NelderMeadOptions = { ...DEFAULTS, ...options };
  let run = runSimplex(f, x0, o.initialStep, o.maxIterations, o);
  let iterations = run.iterations;
  for (let restart = 0; restart < 5 && run.converged; restart++) {
    const next = runSimplex(f, run.x, o.initialStep / 10, o.maxIterations - iterations, o);
    iterations += next.iterations;
    // A restart starts from the best point, so it never ends worse.
    const improved = next.value < run.value - o.fTolerance;
    run = next;
    if (!improved) break;
  }
  return { x: run.x, value: run.value, iterations, converged: run.converged };
}

/** The Hessian of f at x by central differences with step h (symmetric by construction). */
export function hessian(f: (x: number[]) => number, x: number[], h = 1e-4): number[][] {
  const n = x.length;
  const at = (di: number, si: number, dj: number, sj: number): number => {
    const p = x.slice();
    p[di]! += si * h;
    p[dj]! += sj * h;
    return f(p);
  };
  const f0 = f(x);
  const H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    H[i]![i] = (at(i, 1, i, 1) - 2 * f0 + at(i, -1, i, -1)) / (4 * h * h);
    for (let j = 0; j < i; j++) {
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h);
      H[i]![j] = v;
      H[j]![i] = v;
    }
  }
  return H;
}

/** The inverse of a symmetric positive-definite matrix by Cholesky factorisation, or null when it is not one. */
export function invertPositiveDefinite(m: number[][]): number[][] | null {
  const n = m.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = m[i]![j]!;
      for (let k = 0; k < j; k++) s -= L[i]![k]! * L[j]![k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        L[i]![i] = Math.sqrt(s);
      } else {
        L[i]![j] = s / L[j]![j]!;
      }
    }
  }
  // Solve L L^T X = I column by column.
  const inv: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) s -= L[i]![k]! * y[k]!;
      y[i] = s / L[i]![i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i]!;
      for (let k = i + 1; k < n; k++) s -= L[k]![i]! * inv[k]![c]!;
      inv[i]![c] = s / L[i]![i]!;
    }
  }
  return inv;
}

/** The gradient of f at x by central differences with step h. */
export function gradient(f: (x: number[]) => number, x: number[], h = 1e-5): number[] {
  return x.map((_, i) => {
    const up = x.slice();
    const down = x.slice();
    up[i]! += h;
    down[i]! -= h;
    return (f(up) - f(down)) / (2 * h);
  });
}

/** Where a Newton polish ended: the point, f there, the inverse Hessian there (null if it was not positive definite). */
export interface NewtonResult {
  x: number[];
  value: number;
  inverseHessian: number[][] | null;
  steps: number;
  converged: boolean;
}

/**
 * Polishes a minimum that Nelder-Mead has located roughly, by Newton steps on finite-difference derivatives with step
 * halving. The Hessian is computed once and reused while the steps keep lowering f (a simplified Newton method: each
 * step then costs one gradient), and again at the end for the caller's standard errors. Stops when a step moves no
 * coordinate by more than `xTolerance`, or when no halving of the step lowers f even with a fresh Hessian (x is then
 * the minimum to within f's rounding noise); reports converged: false when the Hessian is not positive definite, so
 * the caller can fall back to the simplex.
 */
export function newtonPolish(f: (x: number[]) => number, x0: number[], xTolerance = 1e-7, maxSteps = 50): NewtonResult {
  let x = x0.slice();
  let value = f(x);
  let inverse = invertPositiveDefinite(hessian(f, x));
  let fresh = true;
  for (let step = 0; step < maxSteps && inverse !== null; step++) {
    const g = gradient(f, x);
    let delta = inverse.map((row) => -row.reduce((s, v, j) => s + v * g[j]!, 0));
    const longest = Math.max(...delta.map(Math.abs));
    if (longest > 1) delta = delta.map((d) => d / longest);
    let moved = false;
    for (let halving = 0; halving < 30 && !moved; halving++) {
      const candidate = x.map((v, i) => v + delta[i]!);
      const fc = f(candidate);
      if (fc <= value) {
        moved = true;
        x = candidate;
        value = fc;
      } else {
        delta = delta.map((d) => d / 2);
      }
    }
    if ((moved && Math.max(...delta.map(Math.abs)) <= xTolerance) || (!moved && fresh)) {
      const final = invertPositiveDefinite(hessian(f, x));
      return { x, value, inverseHessian: final, steps: step + 1, converged: final !== null };
    }
    fresh = !moved;
    if (fresh) inverse = invertPositiveDefinite(hessian(f, x));
  }
  return { x, value, inverseHessian: null, steps: maxSteps, converged: false };
}
