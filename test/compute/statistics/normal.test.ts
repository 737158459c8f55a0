import { describe, expect, it } from 'vitest';
import { normalQuantile, zForLevel } from '../../../pipeline/compute/statistics/normal.js';
import { expectBadInput, expectRelative } from './assertions.js';

describe('normalQuantile (Wichura AS 241)', () => {
  it('gives the textbook critical values', () => {
    // Published values (R qnorm; normal tables): z(0.975) = 1.959963984540054, z(0.999) = 3.090232306167813.
    expectRelative(normalQuantile(0.975), 1.959963984540054, 1e-14);
    expectRelative(normalQuantile(0.999), 3.090232306167813, 1e-14);
    // Φ(1) = 0.8413447460685429 (the 68–95–99.7 rule's one-sigma point), so its quantile is 1.
    expectRelative(normalQuantile(0.8413447460685429), 1, 1e-14);
  });

  it('is 0 at the median and antisymmetric about it', () => {
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [0.3, 0.07, 0.001]) expectRelative(normalQuantile(p), -normalQuantile(1 - p), 1e-12);
  });

  it('keeps its accuracy in both tail regions of the algorithm', () => {
    // R: qnorm(1e-10) = -6.361340902404056 (r ≤ 5 branch), qnorm(1e-300) = -37.0470962993612 (r > 5 branch).
    expectRelative(normalQuantile(1e-10), -6.361340902404056, 1e-13);
    expectRelative(normalQuantile(1e-300), -37.0470962993612, 1e-13);
  });

  it('is infinite at 0 and 1 and refuses probabilities outside them', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expectBadInput(() => normalQuantile(1.5));
    expectBadInput(() => normalQuantile(Number.NaN));
  });
});

describe('zForLevel', () => {
  it('is the two-sided critical value of a confidence level', () => {
    expectRelative(zForLevel(0.95), 1.959963984540054, 1e-14);
    // 99.8%: α/2 = 0.001, z = 3.090232306167813.
    expectRelative(zForLevel(0.998), 3.090232306167813, 1e-14);
  });

  it('refuses levels of 0 or 1', () => {
    expectBadInput(() => zForLevel(1));
    expectBadInput(() => zForLevel(0));
  });
});
