import { describe, expect, it } from 'vitest';
import { betaQuantile, regularizedBeta } from '../../../pipeline/compute/statistics/beta.js';
import { expectBadInput, expectRelative } from './assertions.js';

describe('regularizedBeta', () => {
  it('matches the binomial identity I_x(a, n − a + 1) = P(Binomial(n, x) ≥ a)', () => {
    // I_0.3(2, 3) = P(Bin(4, 0.3) ≥ 2) = 6·0.3²·0.7² + 4·0.3³·0.7 + 0.3⁴ = 0.2646 + 0.0756 + 0.0081 = 0.3483.
    expectRelative(regularizedBeta(0.3, 2, 3).lower, 0.3483, 1e-13);
    // Past the switch point (a+1)/(a+b+2) = 3/7, the other tail is computed directly: 1 − 0.9163 = 0.0837.
    // I_0.7(2, 3) = 6·0.49·0.09 + 4·0.343·0.3 + 0.2401 = 0.2646 + 0.4116 + 0.2401 = 0.9163.
    expectRelative(regularizedBeta(0.7, 2, 3).lower, 0.9163, 1e-13);
    expectRelative(regularizedBeta(0.7, 2, 3).upper, 0.0837, 1e-12);
  });

  it('is ½ at the centre of a symmetric beta', () => {
    expectRelative(regularizedBeta(0.5, 7, 7).lower, 0.5, 1e-14);
  });
});

describe('betaQuantile', () => {
  it('inverts the closed forms of beta(a, 1) and beta(1, b)', () => {
    // beta(a, 1) has CDF xᵃ, so its quantile is p^(1/a); beta(1, b) has CDF 1 − (1 − x)ᵇ.
    expectRelative(betaQuantile(0.025, 3, 1), 0.025 ** (1 / 3), 1e-13);
    expectRelative(betaQuantile(0.975, 1, 4), 1 - 0.025 ** (1 / 4), 1e-13);
    expectRelative(betaQuantile(0.3, 1, 1), 0.3, 1e-13);
  });

  it('agrees with an independent implementation (scipy.stats.beta.ppf, Boost) at small and large parameters', () => {
    expectRelative(betaQuantile(0.025, 3, 7), 0.07485463141969183, 1e-12);
    expectRelative(betaQuantile(0.001, 5000, 9000), 0.34468863288588103, 1e-10);
  });

  it('takes an upper-tail probability when asked', () => {
    // beta(a, 1): P(X > x) = 1 − xᵃ = 1e-6 → x = (1 − 1e-6)^(1/a).
    expectRelative(betaQuantile(1e-6, 2, 1, 'upper'), Math.sqrt(1 - 1e-6), 1e-14);
  });

  it('is 0 and 1 at the ends and refuses a zero shape', () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
    expectBadInput(() => betaQuantile(0.5, 0, 3));
  });
});
