import { CxMetricsError } from "../errors.js";
import { plainError } from "./fail.js";

/**
 * Runs a calculator so that nothing but a CxMetricsError escapes it: a getter that throws or a hostile proxy in the
 * input becomes INVALID_INPUT instead of a stray exception.
 */
export function guard<T>(metric: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CxMetricsError) throw error;
    throw plainError("INVALID_INPUT", metric, [], `input could not be read (${describeError(error)})`);
  }
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return "unknown error";
  }
}
