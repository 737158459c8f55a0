import { describe, expect, it } from 'vitest';
import { changeSymbol, compareEstimates, type Estimate } from '../../pipeline/assemble/compare.js';

const est = (value: number | null, lower: number | null, upper: number | null, suppressed = false): Estimate =>
  ({ value, lower, upper, suppressed });

describe('compareEstimates: higher or lower only when the 95% intervals do not overlap', () => {
  it('calls a figure lower when its interval lies wholly below the earlier one', () => {
    // now 150.0 [101.184, 214.143]; a year ago 300.0 [228.918, 386.168]: 214.143 < 228.918, so no overlap.
    expect(compareEstimates(est(150, 101.184, 214.143), est(300, 228.918, 386.168))).toBe('lower');
  });

  it('calls a figure higher when its interval lies wholly above the earlier one', () => {
    // now 300.0 [228.918, 386.168]; before 150.0 [101.184, 214.143]: 228.918 > 214.143.
    expect(compareEstimates(est(300, 228.918, 386.168), est(150, 101.184, 214.143))).toBe('higher');
  });

  it('calls overlapping intervals similar, even when the values differ a lot', () => {
    // now 150.0 [101.184, 214.143]; before 200.0 [142.866, 272.352]: 214.143 ≥ 142.866 and 101.184 ≤ 272.352.
    expect(compareEstimates(est(150, 101.184, 214.143), est(200, 142.866, 272.352))).toBe('similar');
  });

  it('counts intervals that touch as overlapping', () => {
    // [10, 20] and [20, 30] share the point 20.
    expect(compareEstimates(est(25, 20, 30), est(15, 10, 20))).toBe('similar');
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
