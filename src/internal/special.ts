// Special functions for the predictive models: log-gamma, log-beta, Gauss's hypergeometric 2F1 and log-sum-exp.
// Every function is pure double arithmetic; callers decide what a non-finite result means.

const HALF_LOG_2PI = 0.9189385332046728;
const EULER_GAMMA = 0.5772156649015329;
// ζ(2) ... ζ(31): the Taylor coefficients of ln Γ(1 + ε).
const ZETA = [
  1.6449340668482264, 1.2020569031595942, 1.0823232337111381, 1.03692775514337, 1.0173430619844492, 1.008349277381923,
  1.0040773561979444, 1.0020083928260821, 1.000994575127818, 1.0004941886041194, 1.000246086553308, 1.0001227133475785,
  1.0000612481350588, 1.000030588236307, 1.0000152822594086, 1.0000076371976379, 1.000003817293265, 1.0000019082127165,
  1.0000009539620338, 1.0000004769329869, 1.0000002384505027, 1.000000119219926, 1.000000059608189, 1.0000000298035034,
  1.0000000149015549, 1.0000000074507118, 1.000000003725334, 1.0000000018626598, 1.0000000009313275, 1.0000000004656628,
];

/** ζ(k) for k >= 2: the table, then 1 + 2^-k + 3^-k + 4^-k, exact to double precision from k = 32 on. */
function zeta(k: number): number {
  return k <= 31 ? ZETA[k - 2]! : 1 + 2 ** -k + 3 ** -k + 4 ** -k;
}

/** ln Γ(1 + ε) for |ε| <= 1/2 by its Taylor series -γε + Σ (-1)^k ζ(k) ε^k / k: full relative accuracy near the zero at 1. */
function logGamma1p(eps: number): number {
  let sum = 0;
  let power = -eps;
  for (let k = 2; k <= 56; k++) {
    power *= -eps;
    sum += (zeta(k) * power) / k;
  }
  return -EULER_GAMMA * eps + sum;
}

/** The correction series of Stirling's formula, for x >= 10 (the first omitted term is below 1e-16 there). */
function stirlingSeries(x: number): number {
  const inv = 1 / x;
  const inv2 = inv * inv;
  return inv * (1 / 12 + inv2 * (-1 / 360 + inv2 * (1 / 1260 + inv2 * (-1 / 1680 + inv2 * (1 / 1188 + inv2 * (-691 / 360360 + inv2 / 156))))));
}

/** Stirling's series for x >= 10. */
function stirling(x: number): number {
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingSeries(x);
}

/**
 * ln Γ(x) for x > 0 (NaN otherwise): Stirling's series above 10, the upward recurrence below it, and Taylor series
 * around the zeros at 1 and 2 so that values there keep their relative accuracy.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  if (x >= 10) return stirling(x);
  if (x <= 1.5 && x >= 0.5) return logGamma1p(x - 1);
  if (x <= 2.5 && x > 1.5) return logGamma1p(x - 2) + Math.log1p(x - 2);
  let product = 1;
  while (x < 10) {
    product *= x;
    x += 1;
  }
  return stirling(x) - Math.log(product);
}

/** sin(πx), exact at the integers. */
function sinPi(x: number): number {
  const r = x - 2 * Math.floor(x / 2); // in [0, 2)
  if (r === 0 || r === 1) return 0;
  return Math.sin(Math.PI * r);
}

/**
 * ln |Γ(x)| and the sign of Γ(x) for any real x; the sign is 0 at the poles (0, -1, -2, ...), where 1/Γ vanishes.
 * Negative arguments go through the reflection formula Γ(x) Γ(1 - x) = π / sin(πx).
 */
export function logGammaSigned(x: number): { value: number; sign: number } {
  if (x > 0) return { value: logGamma(x), sign: 1 };
  const s = sinPi(x);
  if (s === 0) return { value: Number.POSITIVE_INFINITY, sign: 0 };
  return { value: Math.log(Math.PI / Math.abs(s)) - logGamma(1 - x), sign: s > 0 ? 1 : -1 };
}

/**
 * ln Γ(x) - ln Γ(x + a) for x, a > 0, without the cancellation of two huge log-gammas: for x >= 10 it is the difference
 * of Stirling's series written as -(x - 1/2) ln(1 + a/x) - a ln(x + a) + a + (series(x) - series(x + a)), accurate to
 * the last digits when x is 1e17 or 1e308 and a is small (where ln Γ(x) itself is 4e18 or Infinity).
 */
export function logGammaRatio(x: number, a: number): number {
  if (x < 10) return logGamma(x) - logGamma(x + a);
  const y = x + a;
  // ln y as ln x + ln(1 + a/x), finite even when x + a overflows
  const logY = Math.log(x) + Math.log1p(a / x);
  return -(x - 0.5) * Math.log1p(a / x) - a * logY + a + (stirlingSeries(x) - stirlingSeries(y));
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b), for a, b > 0, through {@link logGammaRatio} of the larger argument. */
export function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  return logGamma(small) + logGammaRatio(Math.max(a, b), small);
}

/**
 * The regularized incomplete beta function I_x(a, b) for a, b > 0 and x in [0, 1], with y = 1 - x passed by callers that
 * know it more accurately: the continued fraction of DiDonato & Morris / Numerical Recipes (modified Lentz), on the side
 * of the mean where it converges fast and keeps relative accuracy in the smaller tail. NaN when the fraction has not
 * converged within `maxTerms` (arguments in the millions, next to the mean).
 */
export function regularizedBeta(x: number, a: number, b: number, y = 1 - x, maxTerms = 1_000_000): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logFront = a * Math.log(x) + b * Math.log(y) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(x, a, b, maxTerms)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(y, b, a, maxTerms)) / b;
}

function betaFraction(x: number, a: number, b: number, maxTerms: number): number {
  // On the side of the mean where it is used, no denominator of the fraction comes near 0 (Lentz's guard is not needed).
  let c = 1;
  let d = 1 / (1 - ((a + b) * x) / (a + 1));
  let h = d;
  for (let m = 1; m <= maxTerms; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 / (1 + aa * d);
    c = 1 + aa / c;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 / (1 + aa * d);
    c = 1 + aa / c;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) return h;
  }
  return Number.NaN;
}

// Gauss-Legendre nodes and weights on [-1, 1], 16 points (the positive half; the rule is symmetric).
const GL_NODES = [
  0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438, 0.755404408355003, 0.8656312023878318,
  0.9445750230732326, 0.9894009349916499,
];
const GL_WEIGHTS = [
  0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767, 0.1246289712555339, 0.0951585116824928,
  0.0622535239386479, 0.0271524594117541,
];

/**
 * ln ∫_lo^hi e^(f(u)) du by 16-point Gauss-Legendre on [lo, hi] (shifted by `offset` to keep e^(f - offset) in range).
 * Callers choose panels short enough for the rule (16 points integrate polynomials of degree 31 exactly).
 */
export function logGaussLegendre(f: (u: number) => number, lo: number, hi: number, offset: number): number {
  const half = (hi - lo) / 2;
  const mid = lo + half;
  let sum = 0;
  for (let j = 0; j < 8; j++) {
    const dx = half * GL_NODES[j]!;
    sum += GL_WEIGHTS[j]! * (Math.exp(f(mid - dx) - offset) + Math.exp(f(mid + dx) - offset));
  }
  return offset + Math.log(sum * half);
}

/** ln(e^x + e^y) without overflow. */
export function logAddExp(x: number, y: number): number {
  const m = Math.max(x, y);
  if (m === Number.NEGATIVE_INFINITY) return m;
  return m + Math.log1p(Math.exp(-Math.abs(x - y)));
}

/** ln Σ e^(x_i) without overflow (−Infinity for an empty list). */
export function logSumExp(xs: ArrayLike<number>): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < xs.length; i++) if (xs[i]! > m) m = xs[i]!;
  if (m === Number.NEGATIVE_INFINITY || m === Number.POSITIVE_INFINITY) return m;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += Math.exp(xs[i]! - m);
  return m + Math.log(sum);
}

/** Terms the plain series may take before the transformation to 1 - z is used instead. */
const SERIES_BUDGET = 20_000;

/**
 * The Gauss series Σ (a)_n (b)_n / ((c)_n n!) z^n, or NaN when it has not reached full precision within the budget
 * (only possible close to z = 1).
 */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < SERIES_BUDGET; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) return sum;
  }
  return Number.NaN;
}

/** Γ-ratio coefficient exp(Σ ln|Γ(num)| - Σ ln|Γ(den)| + extra) with its sign; 0 when a denominator sits on a pole. */
function gammaRatio(num: number[], den: number[], extraLog: number): number {
  let log = extraLog;
  let sign = 1;
  for (const x of num) {
    const g = logGammaSigned(x);
    log += g.value;
    sign *= g.sign;
  }
  for (const x of den) {
    const g = logGammaSigned(x);
    if (g.sign === 0) return 0;
    log -= g.value;
    sign *= g.sign;
  }
  return sign * Math.exp(log);
}

/** The connection formula to 1 - z (Abramowitz & Stegun 15.3.6), for s = c - a - b not an integer. */
function nearOne(a: number, b: number, c: number, w: number): number {
  const s = c - a - b;
  const first = gammaRatio([c, s], [c - a, c - b], 0) * hyp2f1Series(a, b, 1 - s, w);
  const second = gammaRatio([c, -s], [a, b], s * Math.log(w)) * hyp2f1Series(c - a, c - b, 1 + s, w);
  return first + second;
}

/** How far c - a - b must stay from an integer for the connection formula to be used as it stands. */
const INTEGER_GAP = 5e-4;

/**
 * Gauss's hypergeometric function 2F1(a, b; c; z) for real parameters and real z < 1.
 *
 * 2F1(a, b; c; z) = Σ_{n>=0} (a)_n (b)_n / ((c)_n n!) z^n. The series is summed directly while it converges within a
 * budget of terms; closer to z = 1 the function is continued through the connection formula to 1 - z, and when
 * c - a - b is (nearly) an integer, where that formula's two halves have poles that cancel, it is interpolated in c
 * (a cubic through four points on either side of the integer; 2F1 is smooth in c). Negative z goes through Pfaff's
 * transformation 2F1(a, b; c; z) = (1 - z)^(-a) 2F1(a, c - b; c; z / (z - 1)). Returns NaN for z >= 1.
 *
 * `w` is 1 - z; a caller who knows it more accurately than 1 - z can be computed (z within a few ulps of 1) passes it.
 */
export function hyp2f1(a: number, b: number, c: number, z: number, w = 1 - z): number {
  if (!(z < 1)) return Number.NaN;
  if (z < 0) return w ** -a * hyp2f1(a, c - b, c, z / (z - 1));
  const direct = hyp2f1Series(a, b, c, z);
  if (!Number.isNaN(direct)) return direct;
  const s = c - a - b;
  const m = Math.round(s);
  if (Math.abs(s - m) >= INTEGER_GAP) return nearOne(a, b, c, w);
  // Lagrange interpolation at u = s - m from the nodes u = -2h, -h, h, 2h.
  const h = INTEGER_GAP;
  const u = s - m;
  const nodes = [-2 * h, -h, h, 2 * h];
  let result = 0;
  for (let i = 0; i < 4; i++) {
    let weight = 1;
    for (let j = 0; j < 4; j++) if (j !== i) weight *= (u - nodes[j]!) / (nodes[i]! - nodes[j]!);
    result += weight * nearOne(a, b, c + nodes[i]! - u, w);
  }
  return result;
}
