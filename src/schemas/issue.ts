import { describeValue, formatPath } from "../internal/fail.js";

// zod calls an `error` function once an issue has its full path, also inside a schema an app composes around ours, so
// every message names the place and the value the way the calculators' errors do: `survey.scores[1] is 11, ...`.

export interface IssueLike {
  readonly code?: string;
  readonly path?: ReadonlyArray<PropertyKey> | undefined;
  readonly input?: unknown;
  readonly keys?: ReadonlyArray<string>;
}

/** The message of an issue at its path: `path is value, expected`, or the unknown keys of a strict object. */
export function messageOf(issue: IssueLike, expected: string, value: unknown = issue.input): string {
  const where = formatPath(issue.path ?? []);
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys as ReadonlyArray<string>;
    return `${where} has unknown key${keys.length === 1 ? "" : "s"} ${keys.map((k) => JSON.stringify(k)).join(", ")}`;
  }
  return `${where} is ${describeValue(value)}, ${expected}`;
}

/** zod's `error` parameter that words an issue with {@link messageOf}. */
export function says(expected: string): { error: (issue: IssueLike) => string } {
  return { error: (issue) => messageOf(issue, expected) };
}

/** A refinement reported on one field of an object: the message names that field's value. */
export function onField<K extends string>(
  key: K,
  expected: string,
): { error: (issue: IssueLike) => string; path: [K] } {
  return {
    path: [key],
    error: (issue) => messageOf(issue, expected, (issue.input as Record<string, unknown> | undefined)?.[key]),
  };
}
