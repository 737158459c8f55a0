import { describe, expect, it } from 'vitest';
import { hiddenReasons } from '../../pipeline/assemble/hidden-reasons.js';
import type { IndicatorRecord } from '../../pipeline/compute/record.js';

const P = '2024-25-Q3';
const hidden = (id: IndicatorRecord['id'], stage: string, group: string, suppressed = true): IndicatorRecord => ({
  id, period: P, breakdown: { stage, group }, numerator: null, denominator: null, value: null, lower: null, upper: null,
  unit: 'ratio', suppressed,
});

describe('hiddenReasons', () => {
  const reasonOf = hiddenReasons([
    // Asian FTE: its rate hidden for a small count, its RRI with it.
    { id: 'dispro.rate', period: P, breakdown: { stage: 'fte', group: 'Asian' }, reason: 'primary' },
    { id: 'dispro.rri', period: P, breakdown: { stage: 'fte', group: 'Asian' }, reason: 'linked' },
    // Mixed FTE (17 children): hidden to protect Asian, its RRI and share with it.
    { id: 'dispro.rate', period: P, breakdown: { stage: 'fte', group: 'Mixed' }, reason: 'secondary' },
    { id: 'dispro.rri', period: P, breakdown: { stage: 'fte', group: 'Mixed' }, reason: 'linked' },
    // A share hidden because the stage's known total, its base, is hidden to protect another count.
    { id: 'dispro.share', period: P, breakdown: { stage: 'fte', group: 'White' }, reason: 'linked' },
    // Other diverted: 6 of 8, so 2 went to court: hidden for its small complement.
    { id: 'dispro.rate', period: P, breakdown: { stage: 'diversion', group: 'Other' }, reason: 'complement' },
  ]);

  it('calls a figure small when it, or a figure on the same children, was hidden for a small count', () => {
    expect(reasonOf(hidden('dispro.rri', 'fte', 'Asian'))).toBe('small count');
    expect(reasonOf(hidden('dispro.share', 'fte', 'Asian'))).toBe('small count');
    expect(reasonOf(hidden('dispro.rri', 'diversion', 'Other'))).toBe('small count');
  });

  it('calls a figure protecting another when nothing on its children was small', () => {
    expect(reasonOf(hidden('dispro.rri', 'fte', 'Mixed'))).toBe('protects another');
    expect(reasonOf(hidden('dispro.share', 'fte', 'White'))).toBe('protects another');
  });

  it('gives no reason for a figure shown, or one the log does not name', () => {
    expect(reasonOf(hidden('dispro.rri', 'fte', 'Asian', false))).toBeNull();
    expect(reasonOf(hidden('dispro.rri', 'custody', 'Black'))).toBeNull();
    // Another period is another figure.
    expect(reasonOf({ ...hidden('dispro.rri', 'fte', 'Asian'), period: '2024-25-Q2' })).toBeNull();
  });
});
