import { describe, expect, it } from 'vitest';
import { populationShareRecords, stageRecords } from '../../../../pipeline/compute/indicators/dispro/records.js';
import type { StageFigures } from '../../../../pipeline/compute/indicators/dispro/figures.js';

describe('populationShareRecords', () => {
  it('gives each group its % of the five groups\' total under stage "population"', () => {
    // 100 + 300 + 50 + 50 + 500 = 1,000
    const records = populationShareRecords({ Asian: 100, Black: 300, Mixed: 50, Other: 50, White: 500 }, '2024-25-Q3');
    expect(records.map((r) => [r.breakdown.group, r.value])).toEqual([
      ['Asian', 10], ['Black', 30], ['Mixed', 5], ['Other', 5], ['White', 50],
    ]);
    expect(records[0]).toMatchObject({ id: 'dispro.share', breakdown: { stage: 'population' }, numerator: 100, denominator: 1000 });
  });

  it('is not given when a group has no population', () => {
    expect(populationShareRecords({ Asian: 100, Black: null, Mixed: 50, Other: 50, White: 500 }, '2024-25-Q3')).toEqual([]);
  });
});

describe('stageRecords', () => {
  it('gives a group with nobody in the base a null rate and RRI, with the reason', () => {
    const fig: StageFigures = {
      stage: 'custody', base: 'proportion', period: '2024-25-Q3',
      groups: {
        Asian: { events: 0, base: 0 }, Black: { events: 1, base: 2 }, Mixed: { events: 1, base: 1 },
        Other: { events: 0, base: 1 }, White: { events: 2, base: 4 },
      },
      unknown: { count: 0, total: 8 },
    };
    const { records, undefinedRatios } = stageRecords(fig);
    const asianRate = records.find((r) => r.id === 'dispro.rate' && r.breakdown.group === 'Asian');
    expect(asianRate).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(records.find((r) => r.id === 'dispro.rri' && r.breakdown.group === 'Asian')).toMatchObject({ value: null });
    // Black: (1/2) / (2/4) = 1
    expect(records.find((r) => r.id === 'dispro.rri' && r.breakdown.group === 'Black')?.value).toBeCloseTo(1, 12);
    expect(undefinedRatios.map((u) => u.group)).toEqual(['Asian', 'Other']); // empty base; Katz with a = 0
    // Not known share: 0 of 8
    expect(records.find((r) => r.id === 'dispro.share' && r.breakdown.group === 'Not known')).toMatchObject({ numerator: 0, denominator: 8, value: 0 });
  });
});
