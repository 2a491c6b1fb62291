import * as z from "zod";
import { epochOf, isValidTimeZone, MAX_EPOCH_MS } from "../internal/date.js";
import { isArrayLike } from "../internal/check.js";
import { PLAIN_DECIMAL } from "../internal/money.js";
import { says } from "./issue.js";

// The building blocks of every family's schemas. They are classic zod, so an app can compose them (`.optional()`,
// `.extend()`), and each one has a JSON Schema: array-likes and Dates are read through `z.preprocess`, whose output
// side (an array, epoch milliseconds) is what the JSON Schema describes.

/** A typed array or another array-like as a plain array, so `z.array` reads it; anything else as it is. */
function asArray(value: unknown): unknown {
  return isArrayLike(value) && !Array.isArray(value) ? Array.from(value) : value;
}

/** An array or array-like (a typed array) whose elements `element` checks. */
export function arrayLike<T extends z.ZodType>(element: T, expected: string) {
  return z.preprocess(asArray, z.array(element, says(expected)));
}

/** A whole number of things: 0, 1, 2, ... (safe integers only). */
export const nonNegativeInteger = /* @__PURE__ */ (() =>
  z.int(says("expected a non-negative integer")).check(z.gte(0, says("expected a non-negative integer"))))();

/** `decimals`: an integer from 0 to 15. */
export const decimalsSchema = /* @__PURE__ */ (() =>
  z
    .int(says("expected an integer from 0 to 15"))
    .check(z.gte(0, says("expected an integer from 0 to 15")), z.lte(15, says("expected an integer from 0 to 15"))))();

/** Response weights: an array-like of finite, non-negative numbers. */
export const weightsSchema = /* @__PURE__ */ (() =>
  arrayLike(
    z.number(says("expected a finite, non-negative weight")).check(z.gte(0, says("expected a finite, non-negative weight"))),
    "expected an array of weights",
  ))();

/** An array-like of integers within [min, max]. */
export function integerArraySchema(min: number, max: number) {
  const range = min === Number.MIN_SAFE_INTEGER ? "expected an integer" : `outside ${min}-${max}`;
  return arrayLike(z.int(says("expected an integer")).check(z.gte(min, says(range)), z.lte(max, says(range))), "expected an array");
}

/** A rating scale `[min, max]` of integers with min < max. */
export const scaleSchema = /* @__PURE__ */ (() =>
  z
    .tuple([z.int(says("expected an integer")), z.int(says("expected an integer"))], says("expected [min, max]"))
    .check(z.refine(([min, max]) => min < max, says("expected [min, max] with min < max"))))();

/** A confidence level strictly between 0 and 1 (default 0.95). */
export const confidenceSchema = /* @__PURE__ */ (() =>
  z
    .number(says("expected a confidence level between 0 and 1 (exclusive)"))
    .check(
      z.gt(0, says("expected a confidence level between 0 and 1 (exclusive)")),
      z.lt(1, says("expected a confidence level between 0 and 1 (exclusive)")),
    ))();

const MONEY_EXPECTED = 'expected a finite number or a plain decimal string such as "1234.50"';

/** An amount of money: a finite number or a plain decimal string such as `"1234.50"` or `"-3.2"`. */
export const MoneySchema = /* @__PURE__ */ (() =>
  z.union([z.number(says(MONEY_EXPECTED)), z.string(says(MONEY_EXPECTED)).regex(PLAIN_DECIMAL, says(MONEY_EXPECTED))], says(MONEY_EXPECTED)))();

const DATE_EXPECTED = "expected a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds";

/** A Date as its epoch milliseconds (an invalid Date as NaN, which the number schema refuses); anything else as it is. */
function dateAsEpoch(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : value;
}

/**
 * A DateInput: a Date, an ISO 8601 string with Z or an offset, or epoch milliseconds within the range of a Date. The
 * parsed value is epoch milliseconds or the string.
 */
export const DateInputSchema = /* @__PURE__ */ (() =>
  z.preprocess(
    dateAsEpoch,
    z.union(
      [
        z.number(says(DATE_EXPECTED)).check(z.gte(-MAX_EPOCH_MS, says(DATE_EXPECTED)), z.lte(MAX_EPOCH_MS, says(DATE_EXPECTED))),
        z.string(says(DATE_EXPECTED)).check(z.refine((text) => !Number.isNaN(epochOf(text)), says(DATE_EXPECTED))),
      ],
      says(DATE_EXPECTED),
    ),
  ))();

/** An IANA time-zone name the platform knows (`Europe/Budapest`, `UTC`). */
export const TimeZoneSchema = /* @__PURE__ */ (() =>
  z.string(says("expected an IANA time-zone name")).check(z.refine(isValidTimeZone, says("expected an IANA time-zone name"))))();

/** The names of a calendar period. */
export const PeriodSchema = /* @__PURE__ */ (() =>
  z.enum(["day", "week", "month", "quarter", "year"], says("expected 'day', 'week', 'month', 'quarter' or 'year'")))();

/** The names of a duration unit. */
export const DurationUnitSchema = /* @__PURE__ */ (() =>
  z.enum(
    ["milliseconds", "seconds", "minutes", "hours", "days"],
    says("expected 'milliseconds', 'seconds', 'minutes', 'hours' or 'days'"),
  ))();
