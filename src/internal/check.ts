import { CxMetricsError } from "../errors.js";
import { DATE_EXPECTED, type DateInput, epochOf } from "./date.js";
import { plainError, valueError } from "./fail.js";
import { isMoney, MONEY_EXPECTED, type Money } from "./money.js";

// Hand-written readers for options and counts: the exported zod schemas stay the specification, these keep zod out of
// the bundle of an app that only calls a calculator, and property tests prove both give the same verdicts.

/** Checks one value at a path and returns it, or throws INVALID_INPUT naming the path and the value. */
export type Checker<T> = (value: unknown, path: ReadonlyArray<PropertyKey>, metric: string) => T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads an options object: undefined is `{}`, unknown keys are refused so typos surface, known keys are checked. */
export function readOptions<T>(
  options: unknown,
  metric: string,
  checkers: { readonly [K in keyof T]-?: Checker<NonNullable<T[K]>> },
  rootName = "options",
): T {
  const result: Record<string, unknown> = {};
  if (options === undefined) return result as T;
  if (!isPlainObject(options)) throw valueError("INVALID_INPUT", metric, [rootName], options, "expected an object");
  const known = checkers as Record<string, Checker<unknown>>;
  refuseUnknownKeys(options, known, metric, rootName);
  for (const key of Object.keys(known)) {
    const value = options[key];
    if (value !== undefined) result[key] = known[key]!(value, [rootName, key], metric);
  }
  return result as T;
}

function refuseUnknownKeys(value: object, known: object, metric: string, rootName: string): void {
  const unknown = Object.keys(value).filter((key) => !Object.hasOwn(known, key));
  if (unknown.length > 0) {
    const keys = unknown.map((k) => JSON.stringify(k)).join(", ");
    throw plainError("INVALID_INPUT", metric, [rootName], `${rootName} has unknown key${unknown.length === 1 ? "" : "s"} ${keys}`);
  }
}

/**
 * Reads a required object argument as zod's `object` (or, with `strict`, `strictObject`) does: its fields in the order
 * of `checkers`, each checker seeing `undefined` for a missing field, then the unknown keys. What throws while the
 * object is read (a getter, a hostile proxy) becomes INVALID_INPUT `<rootName> could not be read`, with it as the cause.
 */
export function readObject<T>(
  value: unknown,
  metric: string,
  rootName: string,
  expected: string,
  checkers: { readonly [K in keyof T]-?: Checker<T[K]> },
  strict = false,
): T {
  if (!isPlainObject(value)) throw valueError("INVALID_INPUT", metric, [rootName], value, expected);
  const known = checkers as Record<string, Checker<unknown>>;
  const result: Record<string, unknown> = {};
  try {
    for (const key of Object.keys(known)) {
      const field = known[key]!(value[key], [rootName, key], metric);
      if (field !== undefined) result[key] = field;
    }
    if (strict) refuseUnknownKeys(value, known, metric, rootName);
  } catch (error) {
    if (error instanceof CxMetricsError) throw error;
    throw new CxMetricsError("INVALID_INPUT", metric, [{ code: "custom", path: [rootName], message: `${rootName} could not be read` }], {
      cause: error,
    });
  }
  return result as T;
}

/** A field that may be missing: `undefined` passes, anything else goes to `check`. */
export function optional<T>(check: Checker<T>): Checker<T | undefined> {
  return (value, path, metric) => (value === undefined ? undefined : check(value, path, metric));
}

/**
 * A finite number within [min, max] (with `openMin`, above min): not a finite number is INVALID_INPUT with
 * `typeExpected`, outside the range OUT_OF_RANGE with `rangeExpected`.
 */
export function checkNumberIn(typeExpected: string, rangeExpected: string, min: number, max: number, openMin = false): Checker<number> {
  return (value, path, metric) => {
    if (typeof value !== "number" || !Number.isFinite(value)) throw valueError("INVALID_INPUT", metric, path, value, typeExpected);
    if (openMin ? value <= min : value < min) throw valueError("OUT_OF_RANGE", metric, path, value, rangeExpected, "too_small");
    if (value > max) throw valueError("OUT_OF_RANGE", metric, path, value, rangeExpected, "too_big");
    return value;
  };
}

/** An amount of money: a finite number or a plain decimal string. */
export const checkMoney: Checker<Money> = (value, path, metric) => {
  if (isMoney(value)) return value;
  throw valueError("INVALID_INPUT", metric, path, value, MONEY_EXPECTED);
};

/** Reads a counts object: each key a non-negative safe integer; other keys are ignored. */
export function readCounts<K extends string>(
  input: unknown,
  keys: ReadonlyArray<K>,
  metric: string,
  rootName = "counts",
): Record<K, number> {
  const counts = input as Record<string, unknown>;
  const result = {} as Record<K, number>;
  for (const key of keys) result[key] = checkCount(counts[key], [rootName, key], metric);
  return result;
}

/** A whole number of things: a non-negative safe integer. */
export const checkCount: Checker<number> = (value, path, metric) => {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value + 0;
  throw valueError("INVALID_INPUT", metric, path, value, "expected a non-negative integer");
};

/** `decimals`: an integer from 0 to 15. */
export const checkDecimals: Checker<number> = (value, path, metric) => {
  if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 15) return value + 0;
  throw valueError("INVALID_INPUT", metric, path, value, "expected an integer from 0 to 15");
};

/** Any safe integer. */
export const checkInteger: Checker<number> = (value, path, metric) => {
  if (typeof value === "number" && Number.isSafeInteger(value)) return value + 0;
  throw valueError("INVALID_INPUT", metric, path, value, "expected an integer");
};

/** true or false. */
export const checkBoolean: Checker<boolean> = (value, path, metric) => {
  if (typeof value === "boolean") return value;
  throw valueError("INVALID_INPUT", metric, path, value, "expected true or false");
};

/** An array-like whose elements the calculator checks itself (naming the first bad index). */
export const checkArrayLike: Checker<ArrayLike<number>> = (value, path, metric) => {
  if (isArrayLike(value)) return value as ArrayLike<number>;
  throw valueError("INVALID_INPUT", metric, path, value, "expected an array of weights");
};

/** A rating scale `[min, max]`: two safe integers with min < max. */
export const checkScale: Checker<[number, number]> = (value, path, metric) => {
  if (!Array.isArray(value) || value.length !== 2) {
    throw valueError("INVALID_INPUT", metric, path, value, "expected [min, max]");
  }
  const min = checkInteger(value[0], [...path, 0], metric);
  const max = checkInteger(value[1], [...path, 1], metric);
  if (min >= max) throw valueError("INVALID_INPUT", metric, path, value, "expected [min, max] with min < max");
  return [min, max];
};

/** A confidence level strictly between 0 and 1. */
export const checkConfidence: Checker<number> = (value, path, metric) => {
  if (typeof value === "number" && value > 0 && value < 1) return value;
  throw valueError("INVALID_INPUT", metric, path, value, "expected a confidence level between 0 and 1 (exclusive)");
};

/** One of a fixed set of strings. */
export function checkOneOf<T extends string>(...allowed: T[]): Checker<T> {
  return (value, path, metric) => {
    if (allowed.includes(value as T)) return value as T;
    throw valueError("INVALID_INPUT", metric, path, value, `expected one of ${allowed.map((a) => `'${a}'`).join(", ")}`);
  };
}

/** True for arrays, typed arrays and other objects with a valid `length`. */
export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  if (Array.isArray(value)) return true;
  if (typeof value !== "object" || value === null) return false;
  if (ArrayBuffer.isView(value)) return !(value instanceof DataView);
  const length = (value as { length?: unknown }).length;
  return typeof length === "number" && Number.isSafeInteger(length) && length >= 0;
}

/** A DateInput, returned as it is: a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds. */
export const checkDateInput: Checker<DateInput> = (value, path, metric) => {
  if (Number.isNaN(epochOf(value))) throw valueError("INVALID_INPUT", metric, path, value, DATE_EXPECTED);
  return value as DateInput;
};
