import { CxMetricsError, type CxMetricsErrorCode, type CxMetricsIssue } from "../errors.js";

/** Path segments as users read them: `scores[1]`, `options.scale[0]`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? String(segment) : `.${String(segment)}`;
  }
  return out === "" ? "input" : out;
}

/** A short, safe rendering of any value for an error message (never throws, never huge). */
export function describeValue(value: unknown): string {
  try {
    switch (typeof value) {
      case "number":
        return Object.is(value, -0) ? "-0" : String(value);
      case "string":
        return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
      case "bigint":
        return `${value}n`;
      case "undefined":
        return "missing";
      case "boolean":
      case "symbol":
        return String(value);
      case "function":
        return "a function";
      default:
        if (value === null) return "null";
        if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid Date" : value.toISOString();
        if (Array.isArray(value)) {
          const simple = value.length <= 8 && value.every((v) => typeof v === "number" || typeof v === "string");
          return simple ? `[${value.map((v) => describeValue(v)).join(", ")}]` : `an array of length ${value.length}`;
        }
        return "an object";
    }
  } catch {
    return "an unreadable value";
  }
}

/** Builds the error for one offending value: `scores[1] is 11, outside 0-10`. */
export function valueError(
  code: CxMetricsErrorCode,
  metric: string,
  path: ReadonlyArray<PropertyKey>,
  value: unknown,
  expected: string,
  zodCode = code === "OUT_OF_RANGE" ? "too_big" : "invalid_type",
): CxMetricsError {
  const message = `${formatPath(path)} is ${describeValue(value)}, ${expected}`;
  return new CxMetricsError(code, metric, [{ code: zodCode, path, message, input: value, expected }]);
}

/** Builds the error for a problem that is not one value: an empty input, mismatched lengths. */
export function plainError(
  code: CxMetricsErrorCode,
  metric: string,
  path: ReadonlyArray<PropertyKey>,
  message: string,
): CxMetricsError {
  return new CxMetricsError(code, metric, [{ code: "custom", path, message }]);
}

/** The zero-denominator error. */
export function emptyError(metric: string, path: ReadonlyArray<PropertyKey>, what: string): CxMetricsError {
  return plainError("EMPTY_INPUT", metric, path, what);
}

interface ZodLikeIssue {
  readonly code: string;
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
  readonly keys?: ReadonlyArray<string>;
  readonly expected?: string;
}

const EXPECTED: Record<string, string> = {
  object: "expected an object",
  number: "expected a number",
  int: "expected an integer",
  boolean: "expected true or false",
  array: "expected an array",
  tuple: "expected an array",
  string: "expected a string",
};

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = root;
  for (const segment of path) {
    if (current === null || (typeof current !== "object" && typeof current !== "function")) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/**
 * Turns zod issues into a CxMetricsError whose message names the field and the value. `root` names the argument the
 * schema parsed (`options`, `input`) so paths read `options.decimals`.
 */
export function fromZodIssues(
  code: CxMetricsErrorCode,
  metric: string,
  rootName: string,
  input: unknown,
  zodIssues: ReadonlyArray<ZodLikeIssue>,
): CxMetricsError {
  const issues: CxMetricsIssue[] = zodIssues.map((issue) => {
    const path = rootName === "" ? [...issue.path] : [rootName, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      const keys = issue.keys ?? [];
      return {
        code: issue.code,
        path,
        message: `${formatPath(path)} has unknown key${keys.length === 1 ? "" : "s"} ${keys.map((k) => JSON.stringify(k)).join(", ")}`,
      };
    }
    const value = valueAt(input, issue.path);
    const expected =
      issue.message !== "Invalid input"
        ? issue.message
        : ((issue.expected !== undefined ? EXPECTED[issue.expected] : undefined) ?? "which is not valid here");
    return {
      code: issue.code,
      path,
      message: `${formatPath(path)} is ${describeValue(value)}, ${expected}`,
      input: value,
      expected,
    };
  });
  return new CxMetricsError(code, metric, issues);
}

/** Parses with a zod schema, throwing INVALID_INPUT with readable messages instead of a ZodError. */
export function parseWith<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<ZodLikeIssue> } } },
  input: unknown,
  metric: string,
  rootName: string,
): T {
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(input);
  } catch (error) {
    // Getters that throw and hostile proxies must still end in our error, never in a stray exception.
    throw new CxMetricsError("INVALID_INPUT", metric, [{ code: "custom", path: [rootName], message: `${rootName} could not be read` }], { cause: error });
  }
  if (result.success) return result.data;
  throw fromZodIssues("INVALID_INPUT", metric, rootName, input, result.error.issues);
}
