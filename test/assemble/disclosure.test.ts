import { describe, expect, it } from 'vitest';
import { applyDisclosureControl } from '../../pipeline/assemble/disclosure.js';
import type { IndicatorRecord } from '../../pipeline/compute/record.js';

const base = { period: '2024-25-Q3', breakdown: {}, lower: null, upper: null, suppressed: false } as const;
const count = (value: number): IndicatorRecord => ({ ...base, id: 'fte.count', numerator: value, denominator: null, value, unit: 'count' });

describe('applyDisclosureControl (threshold 5)', () => {
  it('hides counts from 1 to 5 and keeps true zeros and counts above the threshold', () => {
    const out = applyDisclosureControl([count(0), count(1), count(5), count(6)], 5);
    expect(out.map((r) => [r.value, r.suppressed])).toEqual([[0, false], [null, true], [null, true], [6, false]]);
  });

  it('hides a rate and its interval built on a small count, but keeps the population denominator', () => {
    // 3 first time entrants among 20,000: rate 15.0 per 100,000 must not be shown (3 = 15 × 20,000 / 100,000).
    const rate: IndicatorRecord = { ...base, id: 'fte.rate', numerator: 3, denominator: 20_000, value: 15, lower: 3.015, upper: 43.827, unit: 'per 100,000' };
    const [out] = applyDisclosureControl([rate], 5);
    expect(out).toMatchObject({ numerator: null, denominator: 20_000, value: null, lower: null, upper: null, suppressed: true });
  });

  it('hides a percentage on a small denominator even when the numerator is 0 ("0 of 3" reveals 3 children)', () => {
    const pct: IndicatorRecord = { ...base, id: 'ete.overall', numerator: 0, denominator: 3, value: 0, lower: 0, upper: 56.1, unit: '%' };
    const [out] = applyDisclosureControl([pct], 5);
    expect(out).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
  });

  it('leaves records alone when nothing is small', () => {
    const rate: IndicatorRecord = { ...base, id: 'fte.rate', numerator: 30, denominator: 20_000, value: 150, lower: 101.184, upper: 214.143, unit: 'per 100,000' };
    expect(applyDisclosureControl([rate], 5)).toEqual([rate]);
  });
});
