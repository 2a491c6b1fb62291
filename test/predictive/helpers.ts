import { expect } from "vitest";
import { CxMetricsError } from "../../src/index.js";

/** The CxMetricsError a call throws (fails the test when it throws anything else or nothing). */
export function thrown(run: () => unknown): CxMetricsError {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error;
    throw error;
  }
  throw new Error("expected a CxMetricsError");
}

/** |got - want| <= tol × |want|. */
export function expectRelative(got: number, want: number, tol: number): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(tol * Math.max(Math.abs(want), 1e-300));
}
