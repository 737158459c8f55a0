import { describe, expect, it } from 'vitest';
import { changeSymbol, compareEstimates, differenceInterval, type Estimate } from '../../pipeline/assemble/compare.js';

const est = (value: number | null, lower: number | null, upper: number | null, suppressed = false): Estimate =>
  ({ value, lower, upper, suppressed });

describe('differenceInterval: the MOVER 95% interval of a difference from the two figures\' own intervals', () => {
  it('recovers each side\'s variance from the distance to the limit on that side', () => {
    // now 150 [101.184, 214.143], before 300 [228.918, 386.168]: d = −150;
    // L = −150 − √((150 − 101.184)² + (386.168 − 300)²) = −150 − √(2,383.0 + 7,424.9) = −150 − 99.035 = −249.035;
    // U = −150 + √((214.143 − 150)² + (300 − 228.918)²) = −150 + √(4,114.3 + 5,052.7) = −150 + 95.74 = −54.26.
    const d = differenceInterval(est(150, 101.184, 214.143), est(300, 228.918, 386.168));
    expect(d?.value).toBe(-150);
    expect(d?.lower).toBeCloseTo(-249.035, 2);
    expect(d?.upper).toBeCloseTo(-54.26, 2);
  });

  it('is the Newcombe interval for two Wilson proportions', () => {
    // 30% [20, 40] against 10% [5, 20]: d = 20; L = 20 − √(10² + 10²) = 5.858; U = 20 + √(10² + 5²) = 31.180.
    const d = differenceInterval(est(30, 20, 40), est(10, 5, 20));
    expect(d?.lower).toBeCloseTo(5.858, 3);
    expect(d?.upper).toBeCloseTo(31.180, 3);
  });
});

describe('compareEstimates: higher or lower only when the difference\'s 95% interval excludes 0', () => {
  it('calls a figure lower when the whole interval of the difference is below 0', () => {
    // As above: U = −54.26 < 0.
    expect(compareEstimates(est(150, 101.184, 214.143), est(300, 228.918, 386.168))).toBe('lower');
  });

  it('calls a figure higher when the whole interval of the difference is above 0', () => {
    // The same pair the other way round: L = 150 − √(71.082² + 64.143²) = 150 − 95.74 = 54.26 > 0.
    expect(compareEstimates(est(300, 228.918, 386.168), est(150, 101.184, 214.143))).toBe('higher');
  });

  it('calls a difference whose interval includes 0 similar, even when the values differ a lot', () => {
    // 150 [101.184, 214.143] against 200 [142.866, 272.352]: d = −50; U = −50 + √(64.143² + 57.134²) = −50 + 85.90 = 35.90 > 0.
    expect(compareEstimates(est(150, 101.184, 214.143), est(200, 142.866, 272.352))).toBe('similar');
  });

  it('finds a change that overlapping intervals hide', () => {
    // 150 [101.184, 214.143] against 250 [185.539, 329.602]: the intervals overlap (214.1 > 185.5), but
    // U = −100 + √(64.143² + 64.461²) = −100 + 90.94 = −9.06 < 0, so lower.
    expect(compareEstimates(est(150, 101.184, 214.143), est(250, 185.539, 329.602))).toBe('lower');
  });

  it('counts a difference interval that reaches 0 exactly as similar', () => {
    // 25 [22, 28] against 20 [16, 24]: L = 5 − √((25 − 22)² + (24 − 20)²) = 5 − √(9 + 16) = 0.
    expect(compareEstimates(est(25, 22, 28), est(20, 16, 24))).toBe('similar');
  });

  it('cannot compare with a missing, suppressed or interval-less figure', () => {
    const now = est(150, 101.184, 214.143);
    expect(compareEstimates(now, undefined)).toBe('not available');
    expect(compareEstimates(now, est(null, null, null, true))).toBe('not available');
    expect(compareEstimates(now, est(200, null, null))).toBe('not available');
    expect(compareEstimates(est(null, null, null), now)).toBe('not available');
  });

  it('gives every word its own symbol, so colour never carries the meaning alone', () => {
    const symbols = (['higher', 'lower', 'similar', 'not available'] as const).map(changeSymbol);
    expect(new Set(symbols).size).toBe(4);
  });
});
