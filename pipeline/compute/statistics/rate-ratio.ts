/**
 * The relative rate index (RRI) of a group against the reference (White)
 * group, (a / n1) / (c / n2), with its interval (indicators.md, "Ethnic
 * disproportionality").
 *
 * Population bases (events are Poisson counts): the exact conditional
 * interval. Given a + c, a is binomial with p = RRI·n1 / (RRI·n1 + n2); the
 * Clopper–Pearson limits for p (Clopper & Pearson 1934) are mapped back by
 * RRI = p / (1 − p) · n2 / n1 (Breslow & Day 1987, §2.2; the method of R's
 * poisson.test for two samples).
 *
 * Proportion bases (events are a subset of the base): the Katz log interval
 * exp(ln RRI ± z·SE), SE = √(1/a − 1/n1 + 1/c − 1/n2) (Katz, D., Baptista,
 * J., Azen, S. P. & Pike, M. C. (1978) Biometrics 34, 469–474).
 */
import { betaQuantile } from './beta.js';
import { requireAtMost, requireLevel, requireNonNegative } from './guard.js';
import type { Estimate } from './interval.js';
import { zForLevel } from './normal.js';

export interface RateRatioEstimate extends Estimate {
  /** Why the value or a limit is null, in words for the pack (one of RATE_RATIO_UNDEFINED). */
  undefinedReason?: string;
}

export interface RateRatioOptions {
  base: 'population' | 'proportion';
  level?: number;
}

/** The reasons a rate ratio or its limits can be undefined, worded for the board pack. */
export const RATE_RATIO_UNDEFINED = {
  noReferenceEvents:
    'The relative rate index is undefined: the White group had no events at this stage (c = 0), so there is no rate to compare with.',
  emptyBase:
    'The relative rate index is undefined: a group has no one in the base for this stage, so its rate cannot be calculated.',
  noGroupEvents:
    'The interval is undefined: the group had no events at this stage (a = 0), so the log interval cannot be calculated.',
  upperUnbounded:
    'The upper limit is undefined: the data put no upper bound on the relative rate index.',
} as const;

export function rateRatioCI(a: number, n1: number, c: number, n2: number, options: RateRatioOptions): RateRatioEstimate {
  const level = options.level ?? 0.95;
  for (const [name, value] of [['a', a], ['n1', n1], ['c', c], ['n2', n2]] as const) {
    requireNonNegative('rateRatioCI', name, value);
  }
  requireLevel('rateRatioCI', level);
  if (options.base === 'proportion') {
    requireAtMost('rateRatioCI', 'a', a, 'n1', n1);
    requireAtMost('rateRatioCI', 'c', c, 'n2', n2);
  }
  if (n1 === 0 || n2 === 0) return undefinedRatio(RATE_RATIO_UNDEFINED.emptyBase);
  if (c === 0) return undefinedRatio(RATE_RATIO_UNDEFINED.noReferenceEvents);
  const value = (a / n1) / (c / n2);
  return options.base === 'population'
    ? exactConditional(a, n1, c, n2, value, level)
    : katz(a, n1, c, n2, value, level);
}

function exactConditional(a: number, n1: number, c: number, n2: number, value: number, level: number): RateRatioEstimate {
  const tail = (1 - level) / 2;
  const toRatio = (p: number): number => p / (1 - p) * n2 / n1;
  // Clopper–Pearson limits for a successes in a + c trials, as beta quantiles.
  const pLower = a === 0 ? 0 : betaQuantile(tail, a, c + 1);
  const pUpper = betaQuantile(tail, a + 1, c, 'upper');
  if (pUpper >= 1) {
    return { value, lower: toRatio(pLower), upper: null, undefinedReason: RATE_RATIO_UNDEFINED.upperUnbounded };
  }
  return { value, lower: toRatio(pLower), upper: toRatio(pUpper) };
}

function katz(a: number, n1: number, c: number, n2: number, value: number, level: number): RateRatioEstimate {
  if (a === 0) return { value, lower: null, upper: null, undefinedReason: RATE_RATIO_UNDEFINED.noGroupEvents };
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  const spread = zForLevel(level) * se;
  return { value, lower: value * Math.exp(-spread), upper: value * Math.exp(spread) };
}

function undefinedRatio(reason: string): RateRatioEstimate {
  return { value: null, lower: null, upper: null, undefinedReason: reason };
}
