// Rounding is done on exact values, half away from zero, once, at the end.

const POW10_CACHE: bigint[] = [];

/** 10^n as a BigInt (n >= 0); the powers below 10^64 are kept. */
export function pow10n(n: number): bigint {
  let p = POW10_CACHE[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    if (n < 64) POW10_CACHE[n] = p;
  }
  return p;
}

/** A decimal number as `String(x)` writes it: sign, digits, optional fraction, optional exponent. */
export const EXACT_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/** q / 10^decimals as the nearest double (the decimal string is parsed with correct rounding). */
function scaledToNumber(q: bigint, decimals: number): number {
  return Number(`${q}e-${decimals}`);
}

/** top / bottom (bottom ≠ 0) rounded half away from zero to an integer. */
export function divideHalfAwayFromZero(top: bigint, bottom: bigint): bigint {
  if (bottom < 0n) {
    top = -top;
    bottom = -bottom;
  }
  const negative = top < 0n;
  const magnitude = negative ? -top : top;
  let q = magnitude / bottom;
  if (2n * (magnitude % bottom) >= bottom) q += 1n;
  return negative ? -q : q;
}

/** The exact value of a finite double as a fraction of integers. */
export function toFraction(x: number): [numerator: bigint, denominator: bigint] {
  if (!Number.isFinite(x)) throw new RangeError(`${x} has no exact fraction`);
  let denominator = 1n;
  // Doubling a finite double is exact until it becomes an integer (at most 1074 times; never for an integer).
  while (!Number.isInteger(x)) {
    x *= 2;
    denominator *= 2n;
  }
  return [BigInt(x), denominator];
}

/**
 * scale x num / den, as the correctly rounded double when `decimals` is undefined, or rounded half away from zero
 * to `decimals` places. num and den are finite doubles, den > 0; the computation is exact.
 */
export function ratio(num: number, den: number, scale: number, decimals?: number): number {
  if (decimals === undefined) {
    const scaled = num * scale;
    // With integer factors, a product below 2^53 is exact, so the division is the one correctly rounded operation.
    // A fractional num (a weighted count) may round to an integer product (0.1 × 10 → 1): that takes the exact path.
    if (Number.isInteger(num) && Number.isInteger(scale) && Number.isSafeInteger(scaled) && Number.isSafeInteger(den)) {
      return scaled / den + 0;
    }
  }
  const [nn, nd] = toFraction(num);
  const [dn, dd] = toFraction(den);
  const [sn, sd] = toFraction(scale);
  const top = nn * dd * sn;
  const bottom = nd * dn * sd;
  if (decimals !== undefined) return scaledToNumber(divideHalfAwayFromZero(top * pow10n(decimals), bottom), decimals);
  return correctlyRounded(top, bottom);
}

/** top / bottom (bottom > 0) as the nearest double, ties to even, computed exactly. */
export function correctlyRounded(top: bigint, bottom: bigint): number {
  if (top === 0n) return 0;
  const negative = top < 0n;
  const a = negative ? -top : top;
  // Scale so the integer quotient has at least 64 significant bits; a sticky bit keeps inexact quotients off ties.
  const shift = BigInt(Math.max(0, 66 - (a.toString(2).length - bottom.toString(2).length)));
  const scaledTop = a << shift;
  let q = scaledTop / bottom;
  if (scaledTop % bottom !== 0n) q |= 1n;
  // q has at least 64 significant bits: round it to 53 by hand (ties to even), then scale by 2^-shift exactly.
  // Below 2^-1022 a double keeps fewer bits (its last one is worth 2^-1074), so a subnormal result is rounded to those.
  const bits = q.toString(2).length;
  const precision = Math.min(53, bits - Number(shift) + 1074);
  if (precision < 0) return 0;
  const excess = BigInt(bits - precision);
  let mantissa = q >> excess;
  const rest = q & ((1n << excess) - 1n);
  const half = 1n << (excess - 1n);
  if (rest > half || (rest === half && (mantissa & 1n) === 1n)) mantissa += 1n;
  const exponent = Number(excess) - Number(shift);
  const value = Number(mantissa) * 2 ** exponent;
  return negative && value !== 0 ? -value : value;
}

/**
 * Rounds a double to `decimals` places, half away from zero, on its shortest decimal representation (the digits a
 * user sees), so 1.005 rounds to 1.01 and -12.5 to -13.
 */
export function roundTo(x: number, decimals: number): number {
  const text = String(x);
  const match = EXACT_DECIMAL.exec(text);
  /* c8 ignore next */
  if (match === null) return x;
  const [, sign, whole, fraction = "", exp = "0"] = match;
  const digits = BigInt(`${whole}${fraction}`);
  const exponent = Number(exp) - fraction.length;
  if (-exponent <= decimals) return x + 0;
  const divisor = pow10n(-exponent - decimals);
  const rounded = divideHalfAwayFromZero(digits, divisor);
  return scaledToNumber(sign === "-" ? -rounded : rounded, decimals);
}

/** Rounds when `decimals` is given, otherwise returns x unchanged (normalising -0 to 0). */
export function maybeRound(x: number, decimals: number | undefined): number {
  return decimals === undefined ? x + 0 : roundTo(x, decimals);
}
