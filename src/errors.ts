/**
 * What went wrong, in one word a program can switch on.
 *
 * - `INVALID_INPUT`: wrong type or shape, NaN, ±Infinity, a non-integer where an integer is required, mismatched
 *   lengths, negative weights or counts, or an invalid option.
 * - `OUT_OF_RANGE`: a value outside its scale (an NPS score of 11).
 * - `EMPTY_INPUT`: a zero denominator (no responses, no customers).
 */
export type CxMetricsErrorCode = "INVALID_INPUT" | "OUT_OF_RANGE" | "EMPTY_INPUT";

/**
 * One problem found in the input, in zod's issue shape: a `code`, the `path` to the offending value and a `message`
 * naming it. `input` holds the offending value when there is one.
 */
export interface CxMetricsIssue {
  /** zod's issue code (`invalid_type`, `too_big`, `too_small`, `custom`, ...). */
  readonly code: string;
  /** Where the value sits in the input, e.g. `["scores", 1]`. */
  readonly path: ReadonlyArray<PropertyKey>;
  /** What is wrong, naming the field, the index and the value: `scores[1] is 11, outside 0-10`. */
  readonly message: string;
  /** The offending value, when there is one. */
  readonly input?: unknown;
  /** What was expected instead, in words. */
  readonly expected?: string;
}

// One brand for every copy of the class: the CommonJS and the ES module builds each define CxMetricsError, and an
// error thrown by one must still be `instanceof` the other's (a registered symbol is the same in both).
const BRAND: unique symbol = Symbol.for("cx-metrics.CxMetricsError") as never;

/**
 * The one error every calculator throws. Bad input never produces NaN, Infinity or undefined: it produces this.
 *
 * `instanceof CxMetricsError` holds across module systems (an error thrown by the CommonJS build is an instance of the
 * ES module's class, and back); {@link isCxMetricsError} says the same without a class at hand. When the error wraps
 * another one (a getter of the input that threw), that error is its `cause`.
 *
 * @example
 * ```ts
 * import { nps, CxMetricsError } from "cx-metrics";
 * try {
 *   nps([10, 11]);
 * } catch (error) {
 *   if (error instanceof CxMetricsError) {
 *     console.log(error.code, error.message);
 *     // => OUT_OF_RANGE nps: scores[1] is 11, outside 0-10
 *   }
 * }
 * ```
 */
export class CxMetricsError extends Error {
  override readonly name = "CxMetricsError";
  /** What went wrong: `INVALID_INPUT`, `OUT_OF_RANGE` or `EMPTY_INPUT`. */
  readonly code: CxMetricsErrorCode;
  /** The calculator that refused the input, e.g. `nps`. */
  readonly metric: string;
  /** Every problem found, with its path (at least one). */
  readonly issues: ReadonlyArray<CxMetricsIssue>;
  /** The error this one wraps, when there is one (a getter of the input that threw). */
  declare readonly cause?: unknown;

  /**
   * Creates the error; its message is the metric's name followed by the first issue's message.
   *
   * @param code - the error code
   * @param metric - the calculator that refused the input
   * @param issues - the problems found; the first one's message becomes the error's message
   * @param options - `cause`: the error this one wraps
   */
  constructor(code: CxMetricsErrorCode, metric: string, issues: ReadonlyArray<CxMetricsIssue>, options?: { cause?: unknown }) {
    super(`${metric}: ${issues.length > 0 ? issues[0]!.message : "invalid input"}`, options);
    this.code = code;
    this.metric = metric;
    this.issues = issues;
  }

  /**
   * Whether `value` is a CxMetricsError from any build of this package (CommonJS or ES module).
   *
   * @param value - anything
   * @returns true for an error made by any copy of this class
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isCxMetricsError(value);
  }
}

Object.defineProperty(CxMetricsError.prototype, BRAND, { value: true });

/**
 * Whether `value` is a {@link CxMetricsError}, whichever build (CommonJS or ES module) made it: a type guard for
 * `catch` blocks.
 *
 * @param value - anything, typically a caught error
 * @returns true when `value` is a CxMetricsError
 *
 * @example
 * ```ts
 * import { isCxMetricsError, nps } from "cx-metrics";
 * try {
 *   nps([]);
 * } catch (error) {
 *   console.log(isCxMetricsError(error) ? error.code : "other");
 *   // => EMPTY_INPUT
 * }
 * ```
 */
export function isCxMetricsError(value: unknown): value is CxMetricsError {
  try {
    return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  } catch {
    // A hostile proxy thrown as an error is not ours.
    return false;
  }
}
