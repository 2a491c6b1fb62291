// The standard normal distribution to full double precision, tails included.

const SQRT2 = Math.SQRT2;
const SQRT_PI = 1.7724538509055159; // √π
const SQRT_2PI = 2.5066282746310002; // √(2π)

/** erf(x) for 0 <= x < 2.5 by the all-positive series 2/√π e^{-x²} Σ 2^n x^{2n+1} / (1·3···(2n+1)). */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return ((2 / SQRT_PI) * Math.exp(-x2) * sum);
}

/** erfc(x) for x >= 2.5 by its continued fraction (modified Lentz), accurate in relative terms far into the tail. */
function erfcFraction(x: number): number {
  // erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
  // For x >= 2.5 every partial denominator stays above x, so Lentz's guard against zero is never needed.
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = 1 / (x + a * d);
    c = x + a / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** The complementary error function, with full relative precision in the upper tail. */
export function erfc(x: number): number {
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) return 1 - erfSeries(x);
  return erfcFraction(x);
}

/** P(Z > z) for a standard normal Z, computed directly (no 1 − Φ cancellation). */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / SQRT2);
}

/** The density of the standard normal distribution. */
export function normalDensity(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

/** Two-sided p-value of a z statistic: P(|Z| >= |z|). */
export function twoSidedPValue(z: number): number {
  return erfc(Math.abs(z) / SQRT2);
}

// Acklam's rational approximation of the normal quantile (relative error below 1.2e-9), refined by one Halley step.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function acklam(p: number): number {
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -acklam(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/** The z with P(Z > z) = q, for 0 < q < 1 (the upper-tail quantile, precise for small q). */
export function normalUpperQuantile(q: number): number {
  let x = -acklam(q);
  // Halley's method on P(Z > x) − q: two steps take Acklam's 1e-9 to full precision.
  for (let i = 0; i < 2; i++) {
    const e = normalUpperTail(x) - q;
    const u = -e / normalDensity(x);
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}

/** The critical z of a two-sided interval at a confidence level in (0, 1): 1.959963984540054 for 0.95. */
export function zForConfidence(confidence: number): number {
  return normalUpperQuantile((1 - confidence) / 2);
}
