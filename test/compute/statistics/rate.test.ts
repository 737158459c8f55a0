import { describe, expect, it } from 'vitest';
import { rateCI } from '../../../pipeline/compute/statistics.js';
import { expectBadInput, expectRelative } from './assertions.js';

const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;

/** P(Poisson(μ) ≤ k), summed term by term. */
function poissonCdf(k: number, mu: number): number {
  let term = Math.exp(-mu);
  let total = term;
  for (let j = 1; j <= k; j++) {
    term *= mu / j;
    total += term;
  }
  return total;
}

/** Byar's limits by hand for x events (Breslow & Day 1987). */
function byarByHand(x: number, z: number): [number, number] {
  return [
    x * (1 - 1 / (9 * x) - z / (3 * Math.sqrt(x))) ** 3,
    (x + 1) * (1 - 1 / (9 * (x + 1)) + z / (3 * Math.sqrt(x + 1))) ** 3,
  ];
}

describe('rateCI: exact Poisson below 10 events', () => {
  it('gives −ln(0.025) = 3.6889 per n as the upper limit for no events', () => {
    // P(0 events | μ) = e^(−μ) = 0.025 → μ = −ln 0.025 = 3.688879; per 1,000 of 1,000 that is 3.6889.
    const ci = rateCI(0, 1000, 1000);
    expect(ci.value).toBe(0);
    expect(ci.lower).toBe(0);
    expectRelative(ci.upper, -Math.log(0.025), 1e-12);
  });

  it('gives −ln(0.975) as the lower limit for one event', () => {
    // P(X ≥ 1 | μ) = 1 − e^(−μ) = 0.025 → μ = −ln 0.975 = 0.025318.
    expectRelative(rateCI(1, 1, 1).lower, -Math.log(0.975), 1e-12);
  });

  it.each([1, 2, 5, 9])('puts 2.5%% in each Poisson tail for %i events', (x) => {
    // Exact limits: P(X ≥ x | μ_L) = 0.025 and P(X ≤ x | μ_U) = 0.025.
    const ci = rateCI(x, 1, 1);
    expectRelative(1 - poissonCdf(x - 1, ci.lower as number), 0.025, 1e-11);
    expectRelative(poissonCdf(x, ci.upper as number), 0.025, 1e-11);
  });

  it.each([
    // Garwood (1936) exact limits, as in published tables of 95% limits for a Poisson count.
    [1, 0.0253, 5.5716],
    [5, 1.6235, 11.6683],
    [9, 4.1154, 17.0848],
  ])('matches the published exact limits for %i events', (x, lower, upper) => {
    const ci = rateCI(x, 1, 1);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });
});

describe("rateCI: Byar's method from 10 events", () => {
  it('applies Byar at exactly 10 events', () => {
    // lower = 10·(1 − 1/90 − 1.959964/(3·√10))³ = 10·(1 − 0.011111 − 0.206598)³ = 10·0.782291³ = 4.787450;
    // upper = 11·(1 − 1/99 + 1.959964/(3·√11))³ = 11·(1 − 0.010101 + 0.196984)³ = 11·1.186883³ = 18.391459.
    const ci = rateCI(10, 1, 1);
    const [lower, upper] = byarByHand(10, Z95);
    expectRelative(ci.lower, lower, 1e-13);
    expectRelative(ci.upper, upper, 1e-13);
    expect(ci.lower).toBeCloseTo(4.78745, 5);
    expect(ci.upper).toBeCloseTo(18.39146, 5);
    // The exact interval for 10 would start at 4.7954 (Garwood): Byar's is a different number.
    expect(ci.lower).not.toBeCloseTo(4.7954, 3);
  });

  it('scales by the multiplier over the population (10,000 of 1,000,000 per 100,000)', () => {
    // value 10,000 / 10⁶ × 10⁵ = 1,000; roughly 1,000 ± 1.96·√10,000 / 10 = 1,000 ± 19.6.
    const ci = rateCI(10_000, 1_000_000, 100_000);
    const [lower, upper] = byarByHand(10_000, Z95);
    expectRelative(ci.value, 1000, 1e-15);
    expectRelative(ci.lower, lower / 10, 1e-12);
    expectRelative(ci.upper, upper / 10, 1e-12);
    expect(ci.lower).toBeCloseTo(980.5, 1);
    expect(ci.upper).toBeCloseTo(1019.8, 1);
  });

  it('uses the 99.8% level when asked (z = 3.090232)', () => {
    const [lower, upper] = byarByHand(10, Z998);
    const ci = rateCI(10, 1, 1, 0.998);
    expectRelative(ci.lower, lower, 1e-13);
    expectRelative(ci.upper, upper, 1e-13);
    // And the exact branch: no events, upper = −ln(0.001) = 6.907755.
    expectRelative(rateCI(0, 1, 1, 0.998).upper, -Math.log(0.001), 1e-12);
  });
});

describe('rateCI: edges', () => {
  it('is undefined for an empty population', () => {
    expect(rateCI(3, 0, 1000)).toEqual({ value: null, lower: null, upper: null });
  });

  it('divides by a population of one', () => {
    // 3 events in 1: value 3 per 1; exact upper for 3 events is 8.7673 (Garwood).
    const ci = rateCI(3, 1, 1);
    expect(ci.value).toBe(3);
    expect(ci.upper).toBeCloseTo(8.7673, 4);
  });

  it('refuses negative counts', () => {
    expectBadInput(() => rateCI(-1, 10, 1000));
    expectBadInput(() => rateCI(1, -10, 1000));
  });
});
