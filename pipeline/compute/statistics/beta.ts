/**
 * The regularized incomplete beta function and the beta quantile, used for
 * the Clopper–Pearson limits.
 *
 * Sources: the continued fraction for I_x(a, b) evaluated by the modified
 * Lentz method, with the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) chosen so the
 * fraction converges fast (Press et al., Numerical Recipes, 3rd ed., 2007,
 * §6.4); Clopper, C. J. & Pearson, E. S. (1934) Biometrika 26, 404–413 for
 * the binomial limits as beta quantiles.
 */
import { logGamma } from './gamma.js';
import { requirePositive, requireProbability } from './guard.js';
import { invert } from './invert.js';

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_TERMS = 100_000;

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Both tails of the beta(a, b) distribution at x: I_x(a, b) and 1 − I_x(a, b), each accurate when small. */
export function regularizedBeta(x: number, a: number, b: number): { lower: number; upper: number } {
  requireProbability('regularizedBeta', 'x', x);
  requirePositive('regularizedBeta', 'a', a);
  requirePositive('regularizedBeta', 'b', b);
  if (x === 0) return { lower: 0, upper: 1 };
  if (x === 1) return { lower: 1, upper: 0 };
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = Math.exp(logFront) * continuedFraction(x, a, b) / a;
    return { lower, upper: 1 - lower };
  }
  const upper = Math.exp(logFront) * continuedFraction(1 - x, b, a) / b;
  return { lower: 1 - upper, upper };
}

function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - qab * x / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_TERMS; m++) {
    const m2 = 2 * m;
    const even = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + even * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + even / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    const odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + odd * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + odd / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}

/**
 * The beta(a, b) quantile: x with I_x(a, b) = p, or with `tail: 'upper'`,
 * x with 1 − I_x(a, b) = p (exact when that upper tail is tiny).
 */
export function betaQuantile(p: number, a: number, b: number, tail: 'lower' | 'upper' = 'lower'): number {
  requireProbability('betaQuantile', 'p', p);
  requirePositive('betaQuantile', 'a', a);
  requirePositive('betaQuantile', 'b', b);
  const lowerP = tail === 'lower' ? p : 1 - p;
  if (lowerP === 0) return 0;
  if (lowerP === 1) return 1;
  const logNormaliser = logBeta(a, b);
  const density = (x: number): number =>
    Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logNormaliser);
  const excess = tail === 'lower'
    ? (x: number): number => regularizedBeta(x, a, b).lower - p
    : (x: number): number => p - regularizedBeta(x, a, b).upper;
  return invert({ excess, slope: density, lower: 0, upper: 1, start: a / (a + b) });
}
