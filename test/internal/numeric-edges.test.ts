import { describe, expect, it } from "vitest";
import { erfc, normalUpperQuantile } from "../../src/internal/normal.js";
import { invertPositiveDefinite, nelderMead, newtonPolish } from "../../src/internal/optimize.js";
import { QuantileSketch } from "../../src/internal/sketch.js";
import { hyp2f1, hyp2f1Series, logSumExp } from "../../src/internal/special.js";

/** |got - want| <= tol × |want|. */
function expectRelative(got: number, want: number, tol: number): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(tol * Math.abs(want));
}

/** f defined on a few exactly representable points and 100 elsewhere, to steer single simplex moves. */
function table(entries: Array<[number, number]>): (x: number[]) => number {
  const values = new Map(entries);
  return ([x]) => values.get(x!) ?? 100;
}

describe("nelderMead moves", () => {
  // The first simplex from x0 = 0 with step 0.5 is {0, 0.5}; with 0 the better vertex, the reflection of 0.5 is -0.5,
  // its expansion -1, the outside contraction -0.25, the inside contraction 0.25, and a shrink moves 0.5 to 0.25.
  it.each([
    ["keeps the reflection when the expansion is only as good", [[-0.5, 0], [-1, 0]], -0.5, 0],
    ["contracts inside when the reflection is only as bad as the worst vertex", [[-0.5, 2], [0.25, 0.5], [-0.25, 0.7]], 0.25, 0.5],
    ["shrinks towards the best vertex when no contraction helps", [[-0.5, 1.5], [-0.25, 3], [0.25, 0.5]], 0.25, 0.5],
  ] as Array<[string, Array<[number, number]>, number, number]>)(
    "one iteration %s, and returns the best vertex",
    (_, entries, x, value) => {
      const f = table([[0, 1], [0.5, 2], ...entries]);
      const result = nelderMead(f, [0], { maxIterations: 1 });
      expect(result).toEqual({ x: [x], value, iterations: 1, converged: false });
    },
  );

  // On a constant f every reflection and contraction fails, so each iteration shrinks the simplex by half: 33
  // iterations take an edge of 0.5 below 1e-10, and 29 take a restart's edge of 0.05 below it.
  it("restarts once with a simplex a tenth the size and stops when the restart does not lower f", () => {
    expect(nelderMead(() => 1, [0])).toEqual({ x: [0], value: 1, iterations: 33 + 29, converged: true });
    expect(nelderMead(() => 1, [0], { fTolerance: 0 }).iterations).toBe(33 + 29);
  });

  it("restarts at most five times while every restart counts as an improvement", () => {
    expect(nelderMead(() => 1, [0], { fTolerance: Number.NEGATIVE_INFINITY })).toEqual({
      x: [0],
      value: 1,
      iterations: 33 + 5 * 29,
      converged: true,
    });
  });

  it("gives a restart only what is left of the iteration budget", () => {
    expect(nelderMead(() => 1, [0], { maxIterations: 40 })).toEqual({ x: [0], value: 1, iterations: 40, converged: false });
  });

  it("counts a simplex exactly as wide as the tolerance as converged", () => {
    // Edges 2^-1, 2^-2, ...: 2^-10 is reached after 9 halvings; the restart's 0.05 needs 6 to get below it.
    expect(nelderMead(() => 1, [0], { xTolerance: 2 ** -10 }).iterations).toBe(9 + 6);
  });

  it("returns a point of its own, not the caller's array", () => {
    const x0 = [3, 4];
    const result = nelderMead(() => 1, x0);
    expect(result.x).toEqual([3, 4]);
    expect(result.x).not.toBe(x0);
  });
});

describe("newtonPolish steps", () => {
  // f = √(1 + x²) + √(1 + y²): the Newton step -f'/f'' = -x(1 + x²) is (-30, -0.625) at (3, 0.5).
  const pseudoHuber = ([x, y]: number[]): number => Math.hypot(1, x!) + Math.hypot(1, y!);

  it("scales a Newton step so that no coordinate moves by more than 1, and takes no more steps than allowed", () => {
    const result = newtonPolish(pseudoHuber, [3, 0.5], 1e-7, 1);
    expect(result.converged).toBe(false);
    expect(result.steps).toBe(1);
    expect(result.x[0]).toBeCloseTo(2, 6);
    expect(result.x[1]).toBeCloseTo(0.5 - 0.625 / 30, 6);
  });

  it("stops after one step, converged, where no halving of the first Newton step lowers f", () => {
    // An isolated minimum at 0 on (x - 1)²: every trial point along the step is higher than f(0) = 0.
    const f = ([x]: number[]): number => (x === 0 ? 0 : (x! - 1) ** 2);
    const x0 = [0];
    const result = newtonPolish(f, x0);
    expect(result.converged).toBe(true);
    expect(result.steps).toBe(1);
    expect(result.x).toEqual([0]);
    expect(result.value).toBe(0);
    expect(result.x).not.toBe(x0);
  });

  it("retries with a fresh Hessian when no halving of a step with the reused one lowers f", () => {
    // (x - 1.5)² with f(1) = -1 and a shelf f = -2 on (1, 1 + 1e-12]. From 0 the capped Newton step lands on 1.
    // The Hessian from 0 (curvature 2) then proposes steps of 0.5 · 2^-k, all beyond the shelf; the Hessian at 1 is
    // huge (f dips there), and its short step halves down onto the shelf.
    const f = ([x]: number[]): number => (x === 1 ? -1 : x! > 1 && x! <= 1 + 1e-12 ? -2 : (x! - 1.5) ** 2);
    const result = newtonPolish(f, [0]);
    expect(result.value).toBe(-2);
    expect(result.x[0]! - 1).toBeGreaterThan(0);
    expect(result.x[0]! - 1).toBeLessThanOrEqual(1e-12);
    expect(result.converged).toBe(true);
  });

  it("returns a point of its own when the start is not in a convex region", () => {
    const x0 = [0.1, 0.1];
    const result = newtonPolish(([x, y]) => x! * x! - y! * y!, x0);
    expect(result.converged).toBe(false);
    expect(result.x).not.toBe(x0);
  });

  it("reports no convergence when it stops where f is flat, so the Hessian is not positive definite", () => {
    // f = x² + x for x > 0, else 0: the Newton step from 0.5 (gradient 2, curvature 2) lands on the flat part.
    const f = ([x]: number[]): number => (x! > 0 ? x! * x! + x! : 0);
    const result = newtonPolish(f, [0.5]);
    expect(result.value).toBe(0);
    expect(result.x[0]).toBeCloseTo(-0.5, 6);
    expect(result.inverseHessian).toBeNull();
    expect(result.converged).toBe(false);
  });
});

describe("invertPositiveDefinite", () => {
  it.each([
    [[[0]]],
    [
      [
        [1, 1],
        [1, 1],
      ],
    ],
  ])("refuses the singular positive semi-definite matrix %j", (m) => {
    expect(invertPositiveDefinite(m)).toBeNull();
  });
});

describe("logSumExp", () => {
  it.each([
    [[1000, 0], 1000],
    [[0, 1000], 1000],
    [[-1000, -2000, -1000], -1000 + Math.LN2],
  ])("of %j is %d whatever the position of the largest term", (xs, want) => {
    expectRelative(logSumExp(xs), want, 1e-15);
  });

  it("is -Infinity when every term is -Infinity (the log of a sum of zeros)", () => {
    expect(logSumExp([Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY])).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe("hyp2f1", () => {
  it("sums a terminating series to its exact zero: 2F1(-1, 2; 1; 1/2) = 1 - 2 · 1/2", () => {
    expect(hyp2f1Series(-1, 2, 1, 0.5)).toBe(0);
    expect(hyp2f1(-1, 2, 1, 0.5)).toBe(0);
  });

  it("keeps relative accuracy when the terms cancel to a small sum: 2F1(5/2, -7/2; 5/2; 0.9) = 0.1^3.5", () => {
    expectRelative(hyp2f1Series(2.5, -3.5, 2.5, 0.9), 0.1 ** 3.5, 1e-12);
  });

  it("is NaN at z = 1 even where the series terminates", () => {
    expect(hyp2f1(-1, 1, 1, 1)).toBeNaN();
  });
});

describe("erfc", () => {
  // mpmath at 40 digits, rounded to doubles.
  it.each([
    [2.5, 0.0004069520174449589],
    [3, 2.209049699858544e-05],
    [5, 1.537459794428035e-12],
    [10, 2.088487583762545e-45],
    [26, 5.663192408856143e-296],
  ])("erfc(%d) has full relative precision in the tail", (x, want) => {
    expectRelative(erfc(x), want, 2e-15);
  });
});

describe("normalUpperQuantile", () => {
  // mpmath: the z with P(Z > z) = 2^-20 is 4.7630010342678135. Near q = 1, P(Z > z) - q is known only to about
  // 1e-16 in absolute terms, which bounds z's accuracy by 1e-16 / φ(z) ≈ 2e-11 there.
  it("inverts the upper tail at q = 2^-20 and, by symmetry, at 1 - 2^-20", () => {
    expectRelative(normalUpperQuantile(2 ** -20), 4.7630010342678135, 1e-15);
    expectRelative(normalUpperQuantile(1 - 2 ** -20), -4.7630010342678135, 1e-10);
  });
});

describe("QuantileSketch", () => {
  it("merges another sketch's zeros and buckets into its counts", () => {
    const a = new QuantileSketch(0.01);
    a.add(0, 2);
    a.add(10);
    const b = new QuantileSketch(0.01);
    b.add(0, 3);
    b.add(10, 4);
    b.add(1000);
    a.merge(b.toJSON());
    expect(a.zeros).toBe(5);
    expect(a.count).toBe(11);
    // Ranks 0-4 are the zeros, 5-9 the tens, 10 the thousand.
    expect(a.valueAtRank(4)).toBe(0);
    expectRelative(a.valueAtRank(9), 10, 0.01);
    expectRelative(a.valueAtRank(10), 1000, 0.01);
    expectRelative(a.percentile(100), 1000, 0.01);
  });

  it("lists its buckets by ascending index whatever the order of the values", () => {
    const s = new QuantileSketch(0.01);
    for (const v of [1000, 0.5, 30, 2]) s.add(v);
    const indices = s.toJSON().buckets.map(([index]) => index);
    expect(indices).toHaveLength(4);
    expect(indices).toEqual([...indices].sort((x, y) => x - y));
    expect(indices[0]).toBeLessThan(0); // the bucket of 0.5 < 1
  });

  it("refuses a rank beyond its count", () => {
    const s = new QuantileSketch(0.01);
    s.add(1);
    expect(() => s.valueAtRank(1)).toThrow(new RangeError("rank beyond the sketch"));
  });
});
