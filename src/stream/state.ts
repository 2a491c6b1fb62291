import { valueError } from "../internal/fail.js";

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
