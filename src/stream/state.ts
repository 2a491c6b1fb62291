import { plainError, valueError } from "../internal/fail.js";

// What every accumulator does with a state it is given: read an accumulator's toJSON() or take a plain state object.

/** The plain state behind an accumulator or a state object; INVALID_INPUT naming `root` otherwise. */
export function stateOf(value: unknown, metric: string, root: string, what = "an accumulator or its toJSON() state"): Record<string, unknown> {
  let state = value;
  if (state !== null && typeof state === "object" && typeof (state as { toJSON?: unknown }).toJSON === "function") {
    state = (state as { toJSON(): unknown }).toJSON();
  }
  if (state === null || typeof state !== "object" || Array.isArray(state)) {
    throw valueError("INVALID_INPUT", metric, [root], value, `expected ${what}`);
  }
  return state as Record<string, unknown>;
}

/** A finite, non-negative number read from a state. */
export function stateNumber(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string): number {
  if (typeof value === "number" && value >= 0 && value < Number.POSITIVE_INFINITY) return value;
  throw valueError("INVALID_INPUT", metric, path, value, "expected a finite, non-negative number");
}

/**
 * Refuses keys no accumulator writes (a misspelt or foreign state) and a `version` other than 1, the one format so far
 * (a state without one is read as 1).
 */
export function checkStateKeys(state: Record<string, unknown>, allowed: ReadonlyArray<string>, metric: string, root: string): void {
  for (const key of Object.keys(state)) {
    if (!allowed.includes(key)) throw plainError("INVALID_INPUT", metric, [root, key], `${root} has unknown key ${JSON.stringify(key)}`);
  }
  if (state.version !== undefined && state.version !== 1) {
    throw valueError("INVALID_INPUT", metric, [root, "version"], state.version, "expected 1, the only state version this release reads");
  }
}

/** A count read from a state: a non-negative safe integer. */
export function stateCount(value: unknown, path: ReadonlyArray<PropertyKey>, metric: string): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value + 0;
  throw valueError("INVALID_INPUT", metric, path, value, "expected a count (a non-negative integer up to 2^53 − 1)");
}
