import { describe, expect, it } from 'vitest';
import { proportionCI } from '../../../pipeline/compute/statistics.js';
import { expectBadInput, expectRelative } from './assertions.js';

const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;

/** Wilson's interval in its textbook form, centre ± half-width (a different algebra from the code's). */
function wilsonByHand(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const shrink = 1 + z * z / n;
  const centre = (p + z * z / (2 * n)) / shrink;
  const half = (z / shrink) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
  return [centre - half, centre + half];
}

describe('proportionCI (Wilson score interval)', () => {
  it('gives 6 of 34 as in the output record example of indicators.md', () => {
    // p = 6/34 = 0.176471; z² = 3.841459; 1 + z²/n = 1.112984;
    // centre = (0.176471 + 3.841459/68) / 1.112984 = (0.176471 + 0.056492) / 1.112984 = 0.209314;
    // half = (1.959964 / 1.112984) · √(0.176471·0.823529/34 + 3.841459/4624)
    //      = 1.760999 · √(0.0042744 + 0.0008308) = 1.760999 · 0.071450 = 0.125824;
    // interval 0.083490 to 0.335138 (indicators.md: 8.349 % to 33.514 %).
    const ci = proportionCI(6, 34);
    expectRelative(ci.value, 6 / 34, 1e-15);
    const [lower, upper] = wilsonByHand(6, 34, Z95);
    expectRelative(ci.lower, lower, 1e-12);
    expectRelative(ci.upper, upper, 1e-12);
    expect(ci.lower).toBeCloseTo(0.08349, 5);
    expect(ci.upper).toBeCloseTo(0.33514, 5);
  });

  it.each([
    // Newcombe, R. G. (1998) Stat Med 17, 857–872, Table I, method 3 (score interval without continuity correction).
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('matches Newcombe 1998 for %i of %i', (x, n, lower, upper) => {
    const ci = proportionCI(x, n);
    expect(ci.lower).toBeCloseTo(lower, 4);
    expect(ci.upper).toBeCloseTo(upper, 4);
  });

  it('is exactly 0 below at x = 0 and exactly 1 above at x = n', () => {
    // x = 0: the upper limit is z² / (n + z²); for n = 20: 3.841459 / 23.841459 = 0.161125.
    const none = proportionCI(0, 20);
    expect(none.value).toBe(0);
    expect(none.lower).toBe(0);
    expectRelative(none.upper, (Z95 * Z95) / (20 + Z95 * Z95), 1e-13);
    // x = n: the lower limit is n / (n + z²); for n = 20: 20 / 23.841459 = 0.838875.
    const all = proportionCI(20, 20);
    expect(all.value).toBe(1);
    expect(all.upper).toBe(1);
    expectRelative(all.lower, 20 / (20 + Z95 * Z95), 1e-13);
  });

  it('handles a single child (n = 1)', () => {
    // 1 of 1: lower = 1 / (1 + z²) = 1 / 4.841459 = 0.206549; 0 of 1: upper = z² / (1 + z²) = 0.793451.
    expectRelative(proportionCI(1, 1).lower, 1 / (1 + Z95 * Z95), 1e-13);
    expectRelative(proportionCI(0, 1).upper, (Z95 * Z95) / (1 + Z95 * Z95), 1e-13);
  });

  it('stays accurate for large counts (10,000 of 1,000,000)', () => {
    // Close to the Wald interval here, 0.01 ± 1.96·√(0.01·0.99/10⁶) = 0.01 ± 0.000195, but not equal to it:
    // Wilson's centre (0.01 + z²/2·10⁶)/(1 + z²/10⁶) sits 0.0000019 above 0.01.
    const ci = proportionCI(10_000, 1_000_000);
    const [lower, upper] = wilsonByHand(10_000, 1_000_000, Z95);
    expectRelative(ci.lower, lower, 1e-12);
    expectRelative(ci.upper, upper, 1e-12);
    expect(ci.lower).toBeCloseTo(0.01 - 0.000195, 5);
    expect(ci.upper).toBeCloseTo(0.01 + 0.000195, 5);
  });

  it('widens at the 99.8% level (z = 3.090232)', () => {
    const ci = proportionCI(6, 34, 0.998);
    const [lower, upper] = wilsonByHand(6, 34, Z998);
    expectRelative(ci.lower, lower, 1e-12);
    expectRelative(ci.upper, upper, 1e-12);
    expect(ci.lower as number).toBeLessThan(proportionCI(6, 34).lower as number);
  });

  it('is undefined for an empty denominator', () => {
    expect(proportionCI(0, 0)).toEqual({ value: null, lower: null, upper: null });
  });

  it('refuses more successes than trials, negative counts and bad levels', () => {
    expectBadInput(() => proportionCI(5, 4));
    expectBadInput(() => proportionCI(-1, 4));
    expectBadInput(() => proportionCI(1, 4, 95));
  });
});
