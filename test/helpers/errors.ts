// What every test of refused input needs: the CxMetricsError a call throws, and a one-line rendering of it.
import { CxMetricsError } from "../../src/index.js";

/** The CxMetricsError a call throws (fails the test when it throws anything else or nothing). */
export function errorOf(run: () => unknown): CxMetricsError {
  try {
    run();
  } catch (error) {
    if (error instanceof CxMetricsError) return error;
    throw error;
  }
  throw new Error("expected a CxMetricsError");
}

/** `CODE message` of the error a call throws, for exact pinning. */
export function failure(run: () => unknown): string {
  const e = errorOf(run);
  return `${e.code} ${e.message}`;
}
