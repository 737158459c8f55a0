/**
 * Confidence interval for a rate (events per population × multiplier).
 *
 * Below 10 events the exact Poisson interval (Garwood 1936, via chi-square:
 * lower = χ²(α/2; 2x)/2, upper = χ²(1 − α/2; 2x + 2)/2); from 10 events
 * Byar's approximation (Breslow, N. E. & Day, N. E. (1987) Statistical
 * Methods in Cancer Research vol. II, IARC, p. 69). The switch at 10 is the
 * PHE/UKHSA Fingertips method, as in PHEindicatormethods (phe_rate with
 * byars_lower/byars_upper).
 */
import { chiSquareQuantile } from './gamma.js';
import { requireLevel, requireNonNegative } from './guard.js';
import { UNDEFINED_ESTIMATE, type Estimate } from './interval.js';
import { zForLevel } from './normal.js';

/** Counts at or above this use Byar's method; below it the exact interval. */
export const BYAR_FROM = 10;

/** x events in a population n, as a rate per `multiplier`, with its interval; all null when n = 0. */
export function rateCI(x: number, n: number, multiplier: number, level = 0.95): Estimate {
  requireNonNegative('rateCI', 'x', x);
  requireNonNegative('rateCI', 'n', n);
  requireNonNegative('rateCI', 'multiplier', multiplier);
  requireLevel('rateCI', level);
  if (n === 0) return { ...UNDEFINED_ESTIMATE };
  const limits = x < BYAR_FROM ? exactPoissonLimits(x, level) : byarLimits(x, level);
  const scale = multiplier / n;
  return { value: x * scale, lower: limits.lower * scale, upper: limits.upper * scale };
}

/** Limits for the expected count of a Poisson variable observed as x. */
export function exactPoissonLimits(x: number, level: number): { lower: number; upper: number } {
  const tail = (1 - level) / 2;
  return {
    lower: x === 0 ? 0 : chiSquareQuantile(tail, 2 * x) / 2,
    // Given as an upper-tail probability so that no digits are lost at levels such as 0.998.
    upper: chiSquareQuantile(tail, 2 * x + 2, 'upper') / 2,
  };
}

export function byarLimits(x: number, level: number): { lower: number; upper: number } {
  const z = zForLevel(level);
  const next = x + 1;
  return {
    // At extreme levels the cube root term can pass zero; a count's limit cannot.
    lower: Math.max(0, x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3),
    upper: next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3,
  };
}
