import { describe, expect, it } from "vitest";
import { gradient, hessian, invertPositiveDefinite, nelderMead, newtonPolish } from "../../src/internal/optimize.js";

const rosenbrock = ([x, y]: number[]): number => 100 * (y! - x! * x!) ** 2 + (1 - x!) ** 2;

describe("nelderMead", () => {
  it("finds the minimum of the Rosenbrock valley at (1, 1)", () => {
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 7);
    expect(result.x[1]).toBeCloseTo(1, 7);
    expect(result.value).toBeLessThan(1e-14);
  });

  it("minimises a 4-dimensional quadratic to the tolerance", () => {
    const centre = [0.3, -2, 5, 1];
    const f = (x: number[]): number => x.reduce((s, v, i) => s + (i + 1) * (v - centre[i]!) ** 2, 0);
    const result = nelderMead(f, [0, 0, 0, 0]);
    for (const [i, v] of result.x.entries()) expect(v).toBeCloseTo(centre[i]!, 8);
  });

  it("reports no convergence when the iteration budget runs out", () => {
    const result = nelderMead(rosenbrock, [-1.2, 1], { maxIterations: 10 });
    expect(result.converged).toBe(false);
    expect(result.iterations).toBe(10);
  });

  it("shrinks the simplex onto its best point when f is flat", () => {
    const result = nelderMead(() => 1, [3, 4]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(3, 9);
    expect(result.x[1]).toBeCloseTo(4, 9);
  });

  it("walks away from points where f is NaN", () => {
    const f = ([x]: number[]): number => (x! < 0 ? Number.NaN : (x! - 2) ** 2);
    expect(nelderMead(f, [0.5]).x[0]).toBeCloseTo(2, 8);
  });
});

describe("hessian", () => {
  it("recovers the matrix of a quadratic form", () => {
    const f = ([x, y]: number[]): number => 3 * x! * x! + 2 * x! * y! + 5 * y! * y!;
    const H = hessian(f, [0.4, -1.1]);
    expect(H[0]![0]).toBeCloseTo(6, 6);
    expect(H[0]![1]).toBeCloseTo(2, 6);
    expect(H[1]![0]).toBeCloseTo(2, 6);
    expect(H[1]![1]).toBeCloseTo(10, 6);
  });
});

describe("invertPositiveDefinite", () => {
  it("inverts a symmetric positive-definite matrix", () => {
    const inv = invertPositiveDefinite([
      [4, 2],
      [2, 3],
    ])!;
    // [[4, 2], [2, 3]]^-1 = [[3, -2], [-2, 4]] / 8
    expect(inv[0]![0]).toBeCloseTo(3 / 8, 14);
    expect(inv[0]![1]).toBeCloseTo(-2 / 8, 14);
    expect(inv[1]![0]).toBeCloseTo(-2 / 8, 14);
    expect(inv[1]![1]).toBeCloseTo(4 / 8, 14);
  });

  it("returns null for a matrix that is not positive definite", () => {
    expect(
      invertPositiveDefinite([
        [1, 2],
        [2, 1],
      ]),
    ).toBeNull();
  });
});

describe("newtonPolish", () => {
  it("lands on the minimum of a smooth function and returns its inverse Hessian", () => {
    const f = ([x, y]: number[]): number => Math.exp(x! - 1) - x! + 2 * (y! + 0.5) ** 2;
    const result = newtonPolish(f, [1.3, -0.2]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 7);
    expect(result.x[1]).toBeCloseTo(-0.5, 7);
    // Hessian diag(1, 4) at the minimum
    expect(result.inverseHessian![0]![0]).toBeCloseTo(1, 5);
    expect(result.inverseHessian![1]![1]).toBeCloseTo(0.25, 5);
  });

  it("reports no convergence where the Hessian is not positive definite", () => {
    const saddle = ([x, y]: number[]): number => x! * x! - y! * y!;
    expect(newtonPolish(saddle, [0.1, 0.1]).converged).toBe(false);
  });

  it("gives up after its step budget", () => {
    const f = ([x]: number[]): number => Math.cosh(x!);
    expect(newtonPolish(f, [3], 1e-300, 1).converged).toBe(false);
  });
});

describe("gradient", () => {
  it("matches the derivative of a smooth function", () => {
    const [gx, gy] = gradient(([x, y]: number[]) => Math.sin(x!) * y!, [0.5, 2]);
    expect(gx).toBeCloseTo(Math.cos(0.5) * 2, 8);
    expect(gy).toBeCloseTo(Math.sin(0.5), 8);
  });
});
