import { describe, expect, it } from 'vitest';
import { chiSquareCdf, chiSquareQuantile, logGamma, regularizedGamma } from '../../../pipeline/compute/statistics/gamma.js';
import { expectBadInput, expectRelative } from './assertions.js';

describe('logGamma', () => {
  it('matches factorials and Γ(1/2) = √π', () => {
    expectRelative(logGamma(5), Math.log(24), 1e-14); // Γ(5) = 4! = 24
    expectRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    // ln(100!) = 363.73937555556347 (tables of log factorials).
    expectRelative(logGamma(101), 363.73937555556347, 1e-14);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });
});

describe('regularizedGamma and chiSquareCdf', () => {
  it('matches the closed form for 2 degrees of freedom, P(χ²₂ ≤ x) = 1 − e^(−x/2)', () => {
    for (const x of [0.1, 2, 7.5, 30]) {
      expectRelative(chiSquareCdf(x, 2), 1 - Math.exp(-x / 2), 1e-13);
      // The upper tail is returned directly, so it keeps its digits far out: e^(−15) at x = 30.
      expectRelative(regularizedGamma(1, x / 2).upper, Math.exp(-x / 2), 1e-13);
    }
  });

  it('gives the one-sigma probability for 1 degree of freedom', () => {
    // P(χ²₁ ≤ 1) = P(|Z| ≤ 1) = erf(1/√2) = 0.6826894921370859.
    expectRelative(chiSquareCdf(1, 1), 0.6826894921370859, 1e-13);
  });
});

describe('chiSquareQuantile', () => {
  it('gives the textbook values', () => {
    // df = 2: x = −2 ln(1 − p); −2 ln(0.025) = 7.377758908227871.
    expectRelative(chiSquareQuantile(0.975, 2), -2 * Math.log(0.025), 1e-13);
    expectRelative(chiSquareQuantile(0.975, 2), 7.377758908227871, 1e-13);
    // R: qchisq(0.025, 20) = 9.590777392264868; qchisq(0.975, 4) = 11.143286781877796.
    expectRelative(chiSquareQuantile(0.025, 20), 9.590777392264868, 1e-12);
    expectRelative(chiSquareQuantile(0.975, 4), 11.143286781877796, 1e-12);
  });

  it('solves the df = 4 closed form 1 − e^(−x/2)(1 + x/2) = p', () => {
    const x = chiSquareQuantile(0.975, 4);
    expectRelative(1 - Math.exp(-x / 2) * (1 + x / 2), 0.975, 1e-13);
  });

  it('takes an upper-tail probability when asked', () => {
    // P(χ²₂ > x) = e^(−x/2) = 0.001 → x = −2 ln 0.001.
    expectRelative(chiSquareQuantile(0.001, 2, 'upper'), -2 * Math.log(0.001), 1e-13);
  });

  it('is 0 for 0 degrees of freedom and at p = 0, infinite at p = 1', () => {
    expect(chiSquareQuantile(0.975, 0)).toBe(0);
    expect(chiSquareQuantile(0, 5)).toBe(0);
    expect(chiSquareQuantile(1, 5)).toBe(Infinity);
  });

  it('refuses a negative df or a probability above 1', () => {
    expectBadInput(() => chiSquareQuantile(0.5, -1));
    expectBadInput(() => chiSquareQuantile(1.01, 2));
  });
});
