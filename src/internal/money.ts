import Decimal from "decimal.js";
import * as z from "zod/mini";
import { valueError } from "./fail.js";

/** Exact decimal arithmetic through a private clone: rounding half away from zero, and no global setting changed. */
export const Dec = /* @__PURE__ */ (() =>
  Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 }))();

/** A decimal number as decimal.js represents it. */
export type Dec = Decimal;

const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** An amount of money: a finite number or a plain decimal string (`"1234.50"`, `"-3.2"`; no exponents, separators or signs). */
export type Money = number | string;

/** True for a finite number or a plain decimal string. */
export function isMoney(value: unknown): value is Money {
  return typeof value === "number" ? Number.isFinite(value) : typeof value === "string" && PLAIN_DECIMAL.test(value);
}

/** An amount of money: a finite number or a plain decimal string such as `"1234.50"` or `"-3.2"`. */
export const MoneySchema = /* @__PURE__ */ (() =>
  z.custom<Money>(isMoney, {
  error: 'expected a finite number or a plain decimal string such as "1234.50"',
}))();

/** The exact decimal value of a Money input (a number is taken at its shortest decimal representation). */
export function toDecimal(value: unknown, metric: string, path: ReadonlyArray<PropertyKey>): Decimal {
  if (!isMoney(value)) {
    throw valueError("INVALID_INPUT", metric, path, value, 'expected a finite number or a plain decimal string such as "1234.50"');
  }
  return new Dec(value);
}

/** The nearest double to an exact decimal, rounded half away from zero to `decimals` places first when given. */
export function decimalToNumber(value: Decimal, decimals?: number): number {
  const v = decimals === undefined ? value : value.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
  return Number(v.toString()) + 0;
}
