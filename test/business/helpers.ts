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

/** `CODE message` of the error a call throws, for one-line inline snapshots. */
export function failure(run: () => unknown): string {
  const e = errorOf(run);
  return `${e.code} ${e.message}`;
}

/** An object whose every property read throws. */
export const hostile = new Proxy(
  {},
  {
    get() {
      throw new Error("boom");
    },
    has() {
      throw new Error("boom");
    },
    ownKeys() {
      throw new Error("boom");
    },
    getOwnPropertyDescriptor() {
      throw new Error("boom");
    },
  },
);
