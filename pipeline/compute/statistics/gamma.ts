/**
 * The gamma function's logarithm, the regularized incomplete gamma function
 * and the chi-square distribution built on it.
 *
 * Sources: Lanczos, C. (1964) SIAM J. Numer. Anal. B 1, 86–96 (g = 7, 9
 * coefficients); the series and Lentz continued fraction for P(a, x) and
 * Q(a, x) as in Press et al., Numerical Recipes (3rd ed., 2007) §6.2.
 */
import { requireNonNegative, requireProbability, requirePositive } from './guard.js';
import { invert } from './invert.js';
import { normalQuantile } from './normal.js';

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.9189385332046727;
const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_TERMS = 100_000;

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  requirePositive('logGamma', 'x', x);
  if (x < 0.5) {
    // Reflection keeps the Lanczos sum in the range where it is accurate.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const y = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Both tails of the gamma(a) distribution at x: P(a, x) and Q(a, x) = 1 − P, each accurate when small. */
export function regularizedGamma(a: number, x: number): { lower: number; upper: number } {
  requirePositive('regularizedGamma', 'a', a);
  requireNonNegative('regularizedGamma', 'x', x);
  if (x === 0) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  const front = Math.exp(-x + a * Math.log(x) - logGamma(a));
  if (x < a + 1) {
    const lower = front * lowerSeries(a, x);
    return { lower, upper: 1 - lower };
  }
  const upper = front * upperContinuedFraction(a, x);
  return { lower: 1 - upper, upper };
}

/** Σ xⁿ / (a(a+1)…(a+n)): converges quickly below x = a + 1. */
function lowerSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_TERMS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum;
}

/** Continued fraction for Q(a, x) / front, by the modified Lentz method. */
function upperContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/** P(χ² ≤ x) with `df` degrees of freedom. */
export function chiSquareCdf(x: number, df: number): number {
  return regularizedGamma(df / 2, x / 2).lower;
}

/**
 * The chi-square quantile: x with P(χ²_df ≤ x) = p, or with `tail: 'upper'`,
 * x with P(χ²_df > x) = p (exact in the far upper tail, where 1 − p would
 * lose digits). df = 0 is the distribution concentrated at 0.
 */
export function chiSquareQuantile(p: number, df: number, tail: 'lower' | 'upper' = 'lower'): number {
  requireProbability('chiSquareQuantile', 'p', p);
  requireNonNegative('chiSquareQuantile', 'df', df);
  if (df === 0) return 0;
  const lowerP = tail === 'lower' ? p : 1 - p;
  if (lowerP === 0) return 0;
  if (lowerP === 1) return Infinity;
  return 2 * gammaQuantile(p, df / 2, tail);
}

function gammaQuantile(p: number, a: number, tail: 'lower' | 'upper'): number {
  const logNormaliser = logGamma(a);
  const density = (x: number): number => Math.exp((a - 1) * Math.log(x) - x - logNormaliser);
  // Solve in whichever tail the probability was given, so a tiny tail keeps its digits.
  const excess = tail === 'lower'
    ? (x: number): number => regularizedGamma(a, x).lower - p
    : (x: number): number => p - regularizedGamma(a, x).upper;
  let upper = Math.max(1, 2 * a);
  while (excess(upper) < 0) upper *= 2;
  return invert({ excess, slope: density, lower: 0, upper, start: wilsonHilfertyStart(p, a, tail) });
}

/** Wilson–Hilferty (1931) cube-root approximation, only to start the iteration near the answer. */
function wilsonHilfertyStart(p: number, a: number, tail: 'lower' | 'upper'): number {
  const lowerP = tail === 'lower' ? p : 1 - p;
  const z = normalQuantile(lowerP);
  const df = 2 * a;
  const c = 2 / (9 * df);
  const chi = df * (1 - c + z * Math.sqrt(c)) ** 3;
  return chi > 0 ? chi / 2 : a / 2;
}
