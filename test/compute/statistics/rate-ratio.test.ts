import { describe, expect, it } from 'vitest';
import { RATE_RATIO_UNDEFINED, rateRatioCI } from '../../../pipeline/compute/statistics.js';
import { expectBadInput, expectRelative } from './assertions.js';

const Z95 = 1.959963984540054;
const Z998 = 3.090232306167813;

/** P(Binomial(n, p) ≤ k), summed term by term. */
function binomialCdf(k: number, n: number, p: number): number {
  let total = 0;
  let coefficient = 1;
  for (let j = 0; j <= k; j++) {
    total += coefficient * p ** j * (1 - p) ** (n - j);
    coefficient = coefficient * (n - j) / (j + 1);
  }
  return total;
}

describe('rateRatioCI, population bases (exact conditional)', () => {
  it('gives the closed-form limits for one event in each group', () => {
    // a = c = 1, so a + c = 2 trials. Upper p: P(X ≤ 1) = 1 − p² = 0.025 → p_U = √0.975;
    // lower p: P(X ≥ 1) = 1 − (1 − p)² = 0.025 → p_L = 1 − √0.975.
    // With n1 = n2: RRI = p / (1 − p): lower (1 − √0.975)/√0.975 = 0.012739, upper √0.975/(1 − √0.975) = 78.497.
    const r = rateRatioCI(1, 100, 1, 100, { base: 'population' });
    const root = Math.sqrt(0.975);
    expect(r.value).toBe(1);
    expectRelative(r.lower, (1 - root) / root, 1e-12);
    expectRelative(r.upper, root / (1 - root), 1e-12);
    expect(r.undefinedReason).toBeUndefined();
  });

  it('maps back with n2 / n1 when the bases differ', () => {
    // Rates 1/100 and 1/400: RRI = 0.01 / 0.0025 = 4, and both limits are 4 × those above.
    const r = rateRatioCI(1, 100, 1, 400, { base: 'population' });
    const root = Math.sqrt(0.975);
    expectRelative(r.value, 4, 1e-15);
    expectRelative(r.lower, 4 * (1 - root) / root, 1e-12);
    expectRelative(r.upper, 4 * root / (1 - root), 1e-12);
  });

  it('puts 2.5% in each binomial tail at its limits (3 of 1,000 against 6 of 4,000)', () => {
    // RRI = (3/1000)/(6/4000) = 2. At a limit R, p(R) = R·n1/(R·n1 + n2) and, with 9 events in all,
    // P(X ≥ 3 | 9, p(R_L)) = 0.025 and P(X ≤ 3 | 9, p(R_U)) = 0.025.
    const r = rateRatioCI(3, 1000, 6, 4000, { base: 'population' });
    const pOf = (ratio: number): number => ratio * 1000 / (ratio * 1000 + 4000);
    expectRelative(r.value, 2, 1e-15);
    expectRelative(1 - binomialCdf(2, 9, pOf(r.lower as number)), 0.025, 1e-10);
    expectRelative(binomialCdf(3, 9, pOf(r.upper as number)), 0.025, 1e-10);
  });

  it('has lower limit 0 when the group has no events', () => {
    // a = 0, c = 2: P(X ≤ 0 | 2, p) = (1 − p)² = 0.025 → p_U = 1 − √0.025; RRI_U = p_U/(1 − p_U) = 1/√0.025 − 1 = 5.324555.
    const r = rateRatioCI(0, 50, 2, 50, { base: 'population' });
    expect(r.value).toBe(0);
    expect(r.lower).toBe(0);
    expectRelative(r.upper, 1 / Math.sqrt(0.025) - 1, 1e-12);
  });

  it('is undefined, with the reason, when the White group has no events (c = 0)', () => {
    for (const a of [0, 4]) {
      const r = rateRatioCI(a, 100, 0, 500, { base: 'population' });
      expect(r).toEqual({ value: null, lower: null, upper: null, undefinedReason: RATE_RATIO_UNDEFINED.noReferenceEvents });
    }
  });

  it('is undefined when a base is empty', () => {
    const r = rateRatioCI(0, 0, 3, 500, { base: 'population' });
    expect(r.value).toBeNull();
    expect(r.undefinedReason).toBe(RATE_RATIO_UNDEFINED.emptyBase);
  });

  it('widens at the 99.8% level', () => {
    // a = c = 1 at 99.8%: p_U = √0.999, so the upper limit is √0.999/(1 − √0.999) = 1998.5.
    const r = rateRatioCI(1, 100, 1, 100, { base: 'population', level: 0.998 });
    const root = Math.sqrt(0.999);
    expectRelative(r.upper, root / (1 - root), 1e-9);
  });
});

describe('rateRatioCI, proportion bases (Katz log interval)', () => {
  it('matches the interval worked by hand', () => {
    // a = 10 of n1 = 50 (20%), c = 20 of n2 = 200 (10%): RRI = 0.2 / 0.1 = 2.
    // SE = √(1/10 − 1/50 + 1/20 − 1/200) = √(0.1 − 0.02 + 0.05 − 0.005) = √0.125 = 0.353553;
    // z·SE = 1.959964 · 0.353553 = 0.692952; limits 2·e^(∓0.692952) = 2·0.500098 = 1.000195 and 2·1.999609 = 3.999219.
    const r = rateRatioCI(10, 50, 20, 200, { base: 'proportion' });
    expectRelative(r.value, 2, 1e-15);
    expectRelative(r.lower, 2 * Math.exp(-Z95 * Math.sqrt(0.125)), 1e-13);
    expectRelative(r.upper, 2 * Math.exp(Z95 * Math.sqrt(0.125)), 1e-13);
    expect(r.lower).toBeCloseTo(1.000195, 6);
    expect(r.upper).toBeCloseTo(3.999219, 6);
  });

  it('uses z = 3.090232 at the 99.8% level', () => {
    // z·SE = 3.090232 · 0.353553 = 1.092562; limits 2·e^(∓1.092562) = 0.670712 and 5.963809.
    const r = rateRatioCI(10, 50, 20, 200, { base: 'proportion', level: 0.998 });
    expectRelative(r.lower, 2 * Math.exp(-Z998 * Math.sqrt(0.125)), 1e-13);
    expectRelative(r.upper, 2 * Math.exp(Z998 * Math.sqrt(0.125)), 1e-13);
  });

  it('leaves the limits undefined when the group has no events (a = 0)', () => {
    const r = rateRatioCI(0, 50, 20, 200, { base: 'proportion' });
    expect(r).toEqual({ value: 0, lower: null, upper: null, undefinedReason: RATE_RATIO_UNDEFINED.noGroupEvents });
  });

  it('is undefined when the White group has no events (c = 0)', () => {
    const r = rateRatioCI(3, 50, 0, 200, { base: 'proportion' });
    expect(r).toEqual({ value: null, lower: null, upper: null, undefinedReason: RATE_RATIO_UNDEFINED.noReferenceEvents });
  });

  it('refuses more events than the base holds', () => {
    expectBadInput(() => rateRatioCI(51, 50, 20, 200, { base: 'proportion' }));
    expectBadInput(() => rateRatioCI(-1, 50, 20, 200, { base: 'population' }));
  });
});
