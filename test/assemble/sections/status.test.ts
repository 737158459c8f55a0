import { describe, expect, it } from 'vitest';
import { comparatorStatus, comparisonsOf, targetSentence, targetStatus } from '../../../pipeline/assemble/sections/status.js';
import type { Comparison } from '../../../pipeline/compute/comparators.js';
import type { IndicatorRecord } from '../../../pipeline/compute/record.js';

// 30 first time entrants among 20,000: 150.0 per 100,000, Byar interval 101.184 to 214.143.
const fte: IndicatorRecord = {
  id: 'fte.rate', period: '2024-25-Q3', breakdown: {}, numerator: 30, denominator: 20_000, value: 150, lower: 101.184, upper: 214.143,
  unit: 'per 100,000', suppressed: false,
};
// 32 of 47 children: 68.1%, Wilson interval 53.8 to 79.6.
const ete: IndicatorRecord = {
  id: 'ete.overall', period: '2024-25-Q3', breakdown: {}, numerator: 32, denominator: 47, value: 68.085, lower: 53.8, upper: 79.6, unit: '%', suppressed: false,
};
const hidden: IndicatorRecord = { ...fte, numerator: null, value: null, lower: null, upper: null, suppressed: true };

const comparison = (area: string, value: number, over: Partial<Comparison> = {}): Comparison => ({
  id: 'fte.rate', period: '2024-25-Q3', breakdown: {}, value: 150, lower: 101.184, upper: 214.143, unit: 'per 100,000',
  comparator: 'fte.rate', comparatorPeriod: '2024-25-Q3', area, comparatorValue: value, source: null, origin: 'user',
  significant: false, direction: null, ...over,
});

describe('targetStatus: met, not met or similar, from where the target lies against the 95% interval', () => {
  it('is met when the whole interval is on the better side of the target', () => {
    // Lower is better; 250 is above the upper limit 214.143.
    expect(targetStatus(fte, { value: 250, better: 'lower' }, fte.unit)).toEqual({ against: 'Target', word: 'met', symbol: '✓', tone: 'good', detail: '250.0 or lower' });
    // Higher is better; 50 is below the lower limit 53.8.
    expect(targetStatus(ete, { value: 50, better: 'higher' }, ete.unit)).toMatchObject({ word: 'met', tone: 'good', detail: '50.0% or higher' });
  });

  it('is not met when the whole interval is on the worse side', () => {
    // 90 is below the lower limit 101.184: the rate is above a lower-is-better target.
    expect(targetStatus(fte, { value: 90, better: 'lower' }, fte.unit)).toMatchObject({ word: 'not met', symbol: '✗', tone: 'bad' });
    // 85 is above 79.6: below a higher-is-better target.
    expect(targetStatus(ete, { value: 85, better: 'higher' }, ete.unit)).toMatchObject({ word: 'not met', tone: 'bad' });
  });

  it('is similar when the target lies inside the interval, even though the value is on the better side', () => {
    // 150 < 200, but 200 lies inside [101.184, 214.143].
    expect(targetStatus(fte, { value: 200, better: 'lower' }, fte.unit)).toMatchObject({ word: 'similar', symbol: '●', tone: 'neutral' });
    // A target exactly on a limit is inside.
    expect(targetStatus(fte, { value: 214.143, better: 'lower' }, fte.unit).word).toBe('similar');
  });

  it('is not available for a hidden figure, so a public pack says nothing about it', () => {
    expect(targetStatus(hidden, { value: 250, better: 'lower' }, hidden.unit)).toMatchObject({ word: 'not available', tone: 'neutral' });
  });

  it('says the status in a sentence', () => {
    const t = { value: 200, better: 'lower' as const };
    expect(targetSentence(targetStatus(fte, t, fte.unit), t, 'per 100,000')).toBe('It was similar to the target of 200.0 or lower.');
    const m = { value: 250, better: 'lower' as const };
    expect(targetSentence(targetStatus(fte, m, fte.unit), m, 'per 100,000')).toBe('It met the target of 250.0 or lower.');
  });
});

describe('comparatorStatus: the direction by symbol, better or worse by word and colour', () => {
  it('calls a rate above a comparator below its interval higher and, where lower is better, worse', () => {
    // 90 < 101.184: the service is higher.
    expect(comparatorStatus(fte, comparison('England', 90), 'lower', 'the year to December 2024')).toEqual({
      against: 'England', word: 'higher (worse)', symbol: '▲', tone: 'bad', detail: '90.0 in the year to December 2024',
    });
  });

  it('calls a rate below a comparator above its interval lower and better', () => {
    // 300 > 214.143.
    expect(comparatorStatus(fte, comparison('West Midlands', 300), 'lower', 'x')).toMatchObject({ word: 'lower (better)', symbol: '▼', tone: 'good' });
  });

  it('calls a comparator inside the interval similar', () => {
    expect(comparatorStatus(fte, comparison('Wales', 141), 'lower', 'x')).toMatchObject({ word: 'similar', symbol: '●', tone: 'neutral' });
  });

  it('judges the figure the audience sees, not the one the comparison was made with', () => {
    // The comparison was made on the board's figure; the public one is hidden.
    expect(comparatorStatus(hidden, comparison('England', 90, { significant: true, direction: 'higher' }), 'lower', 'x').word).toBe('not available');
  });
});

describe('comparisonsOf', () => {
  it('takes the comparisons of exactly this record', () => {
    const list = [
      comparison('England', 90),
      comparison('England', 90, { period: '2024-25-Q2' }),
      comparison('England', 90, { id: 'custody.rate' }),
      comparison('England', 90, { breakdown: { cohort: '2024-25-Q3' } }),
    ];
    expect(comparisonsOf(list, fte)).toEqual([list[0]]);
  });
});
