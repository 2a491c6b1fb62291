import { expect } from "vitest";
/** The CxMetricsError a call throws (fails the test when it throws anything else or nothing). */
export { errorOf as thrown } from "../helpers/errors.js";

/** |got - want| <= tol × |want|. */
export function expectRelative(got: number, want: number, tol: number): void {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(tol * Math.max(Math.abs(want), 1e-300));
}
