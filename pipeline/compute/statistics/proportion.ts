/**
 * Confidence interval for a proportion: the Wilson score interval.
 *
 * Source: Wilson, E. B. (1927) "Probable inference, the law of succession,
 * and statistical inference", JASA 22, 209–212; written in the form used by
 * PHE/UKHSA Fingertips and PHEindicatormethods (wilson_lower/wilson_upper):
 *   (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²)),
 * which gives exactly 0 at x = 0 and exactly 1 at x = n.
 */
import { requireAtMost, requireLevel, requireNonNegative } from './guard.js';
import { UNDEFINED_ESTIMATE, type Estimate } from './interval.js';
import { zForLevel } from './normal.js';

/** x of n as a fraction (0–1) with its Wilson interval; all null when n = 0. */
export function proportionCI(x: number, n: number, level = 0.95): Estimate {
  requireNonNegative('proportionCI', 'x', x);
  requireNonNegative('proportionCI', 'n', n);
  requireAtMost('proportionCI', 'x', x, 'n', n);
  requireLevel('proportionCI', level);
  if (n === 0) return { ...UNDEFINED_ESTIMATE };
  const z = zForLevel(level);
  const spread = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
  const scale = 2 * (n + z * z);
  return {
    value: x / n,
    lower: x === 0 ? 0 : (2 * x + z * z - spread) / scale,
    upper: x === n ? 1 : (2 * x + z * z + spread) / scale,
  };
}
