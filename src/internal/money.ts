import * as z from "zod/mini";
import { correctlyRounded, divideHalfAwayFromZero, EXACT_DECIMAL, pow10n } from "./round.js";

export { divideHalfAwayFromZero, pow10n };

/** A plain decimal string: digits with an optional sign and fraction, no exponent or separators. */
export const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** An amount of money: a finite number or a plain decimal string (`"1234.50"`, `"-3.2"`; no exponents, separators or signs). */
export type Money = number | string;

/** True for a finite number or a plain decimal string. */
export function isMoney(value: unknown): value is Money {
  return typeof value === "number" ? Number.isFinite(value) : typeof value === "string" && PLAIN_DECIMAL.test(value);
}

/** What a Money field must be. */
export const MONEY_EXPECTED = 'expected a finite number or a plain decimal string such as "1234.50"';

/** An amount of money: a finite number or a plain decimal string such as `"1234.50"` or `"-3.2"`. */
export const MoneySchema = /* @__PURE__ */ (() =>
  z.custom<Money>(isMoney, {
  error: MONEY_EXPECTED,
}))();

// ---- Exact money as scaled integers: `units / 10^scale`, BigInt where it must be, doubles where they are exact ----

/** An exact decimal: `units × 10^-scale` (scale >= 0). */
export interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}


/** The exact decimal of a Money value (a number at its shortest decimal representation); trusted input. */
export function toScaled(value: Money): Scaled {
  const match = EXACT_DECIMAL.exec(String(value))!;
  const [, sign, whole, rawFraction = "", exp = "0"] = match;
  const fraction = rawFraction.replace(/0+$/, "");
  let units = BigInt(`${sign}${whole}${fraction}`);
  let scale = fraction.length - Number(exp);
  if (scale < 0) {
    units *= pow10n(-scale);
    scale = 0;
  }
  return { units, scale };
}

/** `value` expressed with `scale` decimal places (scale >= value.scale). */
export function rescale(value: Scaled, scale: number): bigint {
  return value.units * pow10n(scale - value.scale);
}

/**
 * The exact fraction top / bottom (bottom > 0) as a number: the nearest double, or, when `decimals` is given, the
 * value rounded half away from zero to that many places first (then the nearest double to that decimal).
 */
export function fractionToNumber(top: bigint, bottom: bigint, decimals?: number): number {
  if (decimals === undefined) return correctlyRounded(top, bottom) + 0;
  const q = divideHalfAwayFromZero(top * pow10n(decimals), bottom);
  return correctlyRounded(q, pow10n(decimals)) + 0;
}

// Partial sums in `small` stay below 2^53 - 10^15, so adding one amount of fewer than 15 digits stays exact.
const SMALL_LIMIT = 4e15;
const UNIT_LIMIT = 1e15;
// Beyond this scale 10^scale is not an exact double and the fast paths are switched off.
const FAST_SCALE_LIMIT = 20;

/**
 * An exact running sum of Money amounts, fast for the common case. Each amount with at most `scale` decimals and
 * fewer than 15 digits is added as an integer number of units in a double (exact below 2^53), flushed into a BigInt
 * before it could lose a unit; an amount with more decimals raises the scale once, through BigInt. No decimal object
 * is created per amount.
 */
export class MoneyAdder {
  private scale = 2;
  private pow = 100;
  private small = 0;
  private big = 0n;

  /** Adds one amount; returns false (adding nothing) when it is not a Money value. */
  add(value: unknown): boolean {
    if (typeof value === "number") {
      const units = Math.round(value * this.pow);
      // units / 10^scale rounding back to value, with fewer than 16 digits, means units / 10^scale is the shortest
      // decimal representation of value: two decimals of at most 15 digits never round to the same double.
      if (units / this.pow === value && units < UNIT_LIMIT && units > -UNIT_LIMIT) {
        this.addUnits(units);
        return true;
      }
      return Number.isFinite(value) && this.addSlow(value);
    }
    if (typeof value !== "string" || !PLAIN_DECIMAL.test(value)) return false;
    const dot = value.indexOf(".");
    if ((dot < 0 ? 0 : value.length - dot - 1) <= this.scale) {
      const units = Math.round(Number(value) * this.pow);
      if (units < UNIT_LIMIT && units > -UNIT_LIMIT) {
        this.addUnits(units);
        return true;
      }
    }
    return this.addSlow(value);
  }

  /** The exact sum so far. */
  total(): Scaled {
    return { units: this.big + BigInt(this.small), scale: this.scale };
  }

  private addUnits(units: number): void {
    const s = this.small + units;
    if (s > SMALL_LIMIT || s < -SMALL_LIMIT) {
      this.big += BigInt(s);
      this.small = 0;
    } else {
      this.small = s;
    }
  }

  private addSlow(value: Money): true {
    const exact = toScaled(value);
    if (exact.scale > this.scale) {
      this.big = rescale(this.total(), exact.scale);
      this.small = 0;
      this.scale = exact.scale;
      this.pow = exact.scale > FAST_SCALE_LIMIT ? Number.NaN : Number(`1e${exact.scale}`);
    }
    this.big += rescale(exact, this.scale);
    return true;
  }
}

// ---- Exact fractions of BigInts, for ratios of money (no reduction needed: operands stay small) ----

/** An exact fraction `num / den` with den > 0. */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

/** An exact decimal as a fraction. */
export function fractionOf(value: Scaled): Fraction {
  return { num: value.units, den: pow10n(value.scale) };
}

/** a × b. */
export function multiplyFractions(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.num, den: a.den * b.den };
}

/** a / b (b ≠ 0). */
export function divideFractions(a: Fraction, b: Fraction): Fraction {
  const num = a.num * b.den;
  const den = a.den * b.num;
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

/** a + b, exactly, at the larger of their scales. */
export function addScaled(a: Scaled, b: Scaled): Scaled {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** a − b. */
export function subtractFractions(a: Fraction, b: Fraction): Fraction {
  return { num: a.num * b.den - b.num * a.den, den: a.den * b.den };
}

/** A fraction as a number, correctly rounded (half away from zero to `decimals` places first when given). */
export function fractionValue(value: Fraction, decimals?: number): number {
  return fractionToNumber(value.num, value.den, decimals);
}
