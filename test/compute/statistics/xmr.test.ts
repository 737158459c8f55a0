import { describe, expect, it } from 'vitest';
import { MIN_POINTS, xmr, type XmrJudged, type XmrResult, type XmrSignal } from '../../../pipeline/compute/statistics.js';
import { expectRelative } from './assertions.js';

/** The result, which must have had enough points to be judged. */
function judged(result: XmrResult): XmrJudged {
  if (result.tooFew) throw new Error(`expected at least ${MIN_POINTS} points, got ${result.used}`);
  return result;
}

/** Indexes of the points carrying a signal. */
function withSignal(result: XmrResult, signal: XmrSignal): number[] {
  return judged(result).points.flatMap((p, i) => (p.signals.includes(signal) ? [i] : []));
}

describe('xmr: mean and limits', () => {
  it('computes the mean, mean moving range and limits of a small series by hand', () => {
    // Values 10, 12, 11, 13, 12, 14: mean 72/6 = 12. Moving ranges 2, 1, 2, 1, 2: mean 8/5 = 1.6.
    // Limits 12 ± 2.66·1.6 = 12 ± 4.256 → 7.744 and 16.256; two-thirds lines 12 ± 2.837333 → 9.162667 and 14.837333.
    const r = judged(xmr([10, 12, 11, 13, 12, 14]));
    expect(r.mean).toBe(12);
    expectRelative(r.meanMovingRange, 1.6, 1e-14);
    expectRelative(r.lower, 7.744, 1e-14);
    expectRelative(r.upper, 16.256, 1e-14);
    expectRelative(r.nearLower, 12 - 2.837333333333333, 1e-14);
    expectRelative(r.nearUpper, 12 + 2.837333333333333, 1e-14);
    expect(r.points.map((p) => p.signals)).toEqual([[], [], [], [], [], []]);
  });

  it('skips missing quarters, keeping one point per input', () => {
    // The same six values with two gaps: moving ranges span the gaps, so mean and limits are unchanged.
    const r = judged(xmr([10, null, 12, 11, 13, null, 12, 14]));
    expect(r.mean).toBe(12);
    expectRelative(r.upper, 16.256, 1e-14);
    expect(r.points).toHaveLength(8);
    expect(r.points[1]).toEqual({ value: null, signals: [], details: [] });
  });
});

describe('xmr: too few points to judge (MIN_POINTS)', () => {
  it('needs 6 points, so at least 5 moving ranges', () => {
    expect(MIN_POINTS).toBe(6);
  });

  it('judges nothing on 5 points, not even a point that 6 would put outside the limits', () => {
    // 10, 10, 10, 10, 50: had it been judged, mean 90/5 = 18, mean moving range 40/4 = 10, upper limit 18 + 26.6 = 44.6 < 50.
    const r = xmr([10, 10, 10, 10, 50]);
    expect(r).toEqual({
      tooFew: true, needed: 6, used: 5,
      points: [10, 10, 10, 10, 50].map((value) => ({ value })),
    });
    // No mean, limit, trial flag or signal to read: the type has none (only `tooFew`, `needed`, `used` and the points' values).
    expect(Object.keys(r).sort()).toEqual(['needed', 'points', 'tooFew', 'used']);
  });

  it('judges 6 points: 10 five times then 50 is above the upper limit', () => {
    // Mean 100/6 = 16.666667; moving ranges 0, 0, 0, 0, 40: mean 40/5 = 8; upper limit 16.666667 + 2.66·8 = 37.946667 < 50.
    const r = judged(xmr([10, 10, 10, 10, 10, 50]));
    expect(r.used).toBe(6);
    expectRelative(r.mean, 100 / 6, 1e-14);
    expect(r.meanMovingRange).toBe(8);
    expectRelative(r.upper, 100 / 6 + 21.28, 1e-14);
    expect(r.trial).toBe(true);
    expect(withSignal(r, 'outside')).toEqual([5]);
  });

  it('does not count missing quarters towards the minimum', () => {
    // Seven quarters, two missing: 5 points, too few; the result still has one point per quarter.
    const five = xmr([10, null, 10, 10, null, 10, 50]);
    expect(five.tooFew).toBe(true);
    expect(five.used).toBe(5);
    expect(five.points).toHaveLength(7);
    // Eight quarters, two missing: 6 points, judged as the six above (the moving range spans each gap).
    const six = judged(xmr([10, null, 10, 10, null, 10, 10, 50]));
    expect(six.used).toBe(6);
    expect(six.meanMovingRange).toBe(8);
    expect(withSignal(six, 'outside')).toEqual([7]);
  });

  it('has nothing to judge with one point or none', () => {
    expect(xmr([5])).toMatchObject({ tooFew: true, used: 1 });
    expect(xmr([null, null])).toEqual({
      tooFew: true, needed: 6, used: 0, points: [{ value: null }, { value: null }],
    });
  });
});

describe('xmr: trial limits', () => {
  const alternating = (n: number): number[] => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 10 : 11));

  it('labels limits from 11 points as trial and from 12 as not', () => {
    expect(judged(xmr(alternating(11))).trial).toBe(true);
    expect(judged(xmr(alternating(12))).trial).toBe(false);
  });

  it('counts only quarters with a value', () => {
    // 12 quarters of which one is missing: 11 points, so still trial limits.
    expect(judged(xmr([...alternating(11), null])).trial).toBe(true);
  });
});

describe('xmr: outside the limits', () => {
  it('flags a point above the upper limit', () => {
    // 10, 11 alternating for 11 points, then 25: mean (6·10 + 5·11 + 25)/12 = 140/12 = 11.666667.
    // Moving ranges: ten of 1 and one of 15 → 25/11 = 2.272727; upper limit 11.666667 + 2.66·2.272727 = 17.712121 < 25.
    const r = judged(xmr([10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 25]));
    expectRelative(r.upper, 140 / 12 + 2.66 * 25 / 11, 1e-14);
    expect(withSignal(r, 'outside')).toEqual([11]);
    expect(r.points[11]?.details).toContainEqual({ signal: 'outside', direction: 'high' });
  });

  it('flags a point below the lower limit', () => {
    // 20, 21 alternating for 11 points, then 5: mean (6·20 + 5·21 + 5)/12 = 230/12 = 19.166667.
    // Moving ranges: ten of 1 and one of 16 → 26/11 = 2.363636; lower limit 19.166667 − 6.287273 = 12.879394 > 5.
    const r = judged(xmr([20, 21, 20, 21, 20, 21, 20, 21, 20, 21, 20, 5]));
    expect(withSignal(r, 'outside')).toEqual([11]);
    expect(r.points[11]?.details).toContainEqual({ signal: 'outside', direction: 'low' });
  });

  it('narrows the limits when moving ranges are screened for outliers', () => {
    // Same series as above: the range of 15 is ≥ 3.267·2.272727 = 7.425 so screening drops it;
    // the mean moving range becomes 10/10 = 1 and the limits 11.666667 ± 2.66 → 9.006667 and 14.326667.
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 25];
    const screened = judged(xmr(values, { screenOutliers: true }));
    expect(screened.meanMovingRange).toBe(1);
    expectRelative(screened.lower, 140 / 12 - 2.66, 1e-14);
    expectRelative(screened.upper, 140 / 12 + 2.66, 1e-14);
    // Not screened unless asked: 11.666667 − 2.66·2.272727 = 5.621212.
    expectRelative(judged(xmr(values)).lower, 140 / 12 - 2.66 * 25 / 11, 1e-14);
  });
});

describe('xmr: shifts (7 in a row on one side of the mean)', () => {
  it('flags exactly 7 points above the mean', () => {
    // 1, 2, 1, 2, 1 then 5, 4, 5, 4, 5, 4, 5: mean (7 + 32)/12 = 3.25, the last 7 are above it.
    const r = judged(xmr([1, 2, 1, 2, 1, 5, 4, 5, 4, 5, 4, 5]));
    expect(r.mean).toBe(3.25);
    expect(withSignal(r, 'shift')).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect(r.points[5]?.details).toEqual([{ signal: 'shift', direction: 'high' }]);
  });

  it('does not flag 6 points above the mean', () => {
    // 1, 2, 1, 2, 1, 2 then 5, 4, 5, 4, 5, 4: mean 36/12 = 3, six below then six above.
    expect(withSignal(xmr([1, 2, 1, 2, 1, 2, 5, 4, 5, 4, 5, 4]), 'shift')).toEqual([]);
  });

  it('breaks a run at a point on the mean', () => {
    // Mean 36/12 = 3; 4, 4, 4, [3], 4, 4, 4 would be 7 above but the 3 sits on the mean.
    const r = judged(xmr([4, 4, 4, 3, 4, 4, 4, 1, 2, 1, 2, 3]));
    expect(r.mean).toBe(3);
    expect(withSignal(r, 'shift')).toEqual([]);
  });

  it('flags a run below the mean as low', () => {
    // 5, 4 then 1, 2, 1, 2, 1, 2, 1: mean 19/9 = 2.111111; the last 7 are below.
    const r = judged(xmr([5, 4, 1, 2, 1, 2, 1, 2, 1]));
    expect(withSignal(r, 'shift')).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(r.points[2]?.details).toContainEqual({ signal: 'shift', direction: 'low' });
  });
});

describe('xmr: trends (7 points rising or falling)', () => {
  it('flags 7 points each higher than the last', () => {
    // 3 then 1, 2, 3, 4, 5, 6, 7 (7 rising points, 6 rises) then 3.
    const r = judged(xmr([3, 1, 2, 3, 4, 5, 6, 7, 3]));
    expect(withSignal(r, 'trend')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.points[4]?.details).toContainEqual({ signal: 'trend', direction: 'high' });
  });

  it('does not flag 6 rising points', () => {
    expect(withSignal(xmr([3, 1, 2, 3, 4, 5, 6, 3]), 'trend')).toEqual([]);
  });

  it('flags 7 falling points as low', () => {
    const r = judged(xmr([9, 8, 7, 6, 5, 4, 3]));
    expect(withSignal(r, 'trend')).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(r.points[0]?.details).toContainEqual({ signal: 'trend', direction: 'low' });
  });

  it('treats a repeated value as breaking the trend', () => {
    // 1, 2, 3, 3, 4, 5, 6, 7: the runs are 1–3 (3 points) and 3–7 (5 points).
    expect(withSignal(xmr([1, 2, 3, 3, 4, 5, 6, 7]), 'trend')).toEqual([]);
  });
});

describe('xmr: two of three beyond two-thirds of the way to a limit', () => {
  it('marks the two points beyond the line, not the one between them', () => {
    // Twelve points 10, 11 alternating, then 16, 11, 16: mean (6·10 + 6·11 + 43)/15 = 169/15 = 11.266667.
    // Moving ranges: eleven of 1, then 5, 5, 5 → 26/14 = 1.857143; 2.66·1.857143 = 4.94.
    // Two-thirds line 11.266667 + 3.293333 = 14.56; upper limit 16.206667: both 16s are beyond the line, inside the limit.
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 16, 11, 16];
    const r = judged(xmr(values));
    expectRelative(r.nearUpper, 169 / 15 + (2 / 3) * 2.66 * 26 / 14, 1e-14);
    expect(withSignal(r, 'outside')).toEqual([]);
    expect(withSignal(r, 'twoOfThree')).toEqual([12, 14]);
    expect(r.points[12]?.details).toContainEqual({ signal: 'twoOfThree', direction: 'high' });
  });

  it('does not mark a single point beyond the line', () => {
    // Twelve points 10, 11 alternating, then 16, 11, 11: only one point in any three is beyond the line.
    const r = judged(xmr([10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 16, 11, 11]));
    expect(withSignal(r, 'twoOfThree')).toEqual([]);
  });
});
