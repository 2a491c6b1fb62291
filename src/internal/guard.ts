import { CxMetricsError } from "../errors.js";

/** Carries an exception thrown by the caller's own code (a key or compute function) through {@link guard} unchanged. */
class CallerError {
  constructor(readonly error: unknown) {}
}

/**
 * Runs a calculator so that nothing but a CxMetricsError escapes it: a getter that throws or a hostile proxy in the
 * input becomes INVALID_INPUT, with the original error as its `cause`, instead of a stray exception. What the caller's
 * own functions throw (through {@link callerSays}) passes through unchanged.
 */
export function guard<T>(metric: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CallerError) throw error.error;
    if (error instanceof CxMetricsError) throw error;
    throw new CxMetricsError(
      "INVALID_INPUT",
      metric,
      [{ code: "custom", path: [], message: `input could not be read (${describeError(error)})` }],
      { cause: error },
    );
  }
}

/** Calls the caller's own code; whatever it throws leaves the enclosing {@link guard} as it was thrown. */
export function callerSays<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new CallerError(error);
  }
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "unknown error";
  }
}
