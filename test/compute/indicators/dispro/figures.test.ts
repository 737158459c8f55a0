import { describe, expect, it } from 'vitest';
import { poolFigures, stageFigures, tallyFromRows } from '../../../../pipeline/compute/indicators/dispro/figures.js';

const populations = { Asian: 200, Black: 100, Mixed: 50, Other: 25, White: 400 };

describe('tallyFromRows', () => {
  it('gives every group a tally, zero where there is no row, and adds rows of the same group', () => {
    const t = tallyFromRows([
      { ethnic_group: 'White', events: 2, base: 5 },
      { ethnic_group: 'White', events: 1, base: 1 },
      { ethnic_group: 'Not known', events: 1, base: 3 },
    ]);
    expect(t.White).toEqual({ events: 3, base: 6 });
    expect(t.Asian).toEqual({ events: 0, base: 0 });
    expect(t['Not known']).toEqual({ events: 1, base: 3 });
  });
});

describe('stageFigures', () => {
  const tally = tallyFromRows([
    { ethnic_group: 'White', events: 2, base: 8 },
    { ethnic_group: 'Black', events: 3, base: 4 },
    { ethnic_group: 'Not known', events: 1, base: 3 },
  ]);

  it('takes the population as base for a population stage, and counts unknown ethnicity among the events', () => {
    const f = stageFigures('outcome', 'population', '2024-25-Q3', tally, populations);
    expect(f.groups.White).toEqual({ events: 2, base: 400 });
    expect(f.groups.Black).toEqual({ events: 3, base: 100 });
    // events: 2 + 3 + 1 unknown = 6
    expect(f.unknown).toEqual({ count: 1, total: 6 });
  });

  it('takes the children fed in as base for a proportion stage, and counts unknown ethnicity among them', () => {
    const f = stageFigures('custody', 'proportion', '2024-25-Q3', tally, populations);
    expect(f.groups.Black).toEqual({ events: 3, base: 4 });
    // bases: 8 + 4 + 3 unknown = 15
    expect(f.unknown).toEqual({ count: 3, total: 15 });
  });
});

describe('poolFigures', () => {
  const year = (period: string, white: [number, number], black: [number, number | null]) => ({
    stage: 'outcome', base: 'population' as const, period,
    groups: {
      White: { events: white[0], base: white[1] }, Black: { events: black[0], base: black[1] },
      Asian: { events: 0, base: 10 }, Mixed: { events: 0, base: 10 }, Other: { events: 0, base: 10 },
    },
    unknown: { count: 1, total: 4 },
  });

  it('adds events, bases and unknowns of the years, under the pooled stage and period', () => {
    const pooled = poolFigures([year('2022-23-Q3', [1, 300], [2, 90]), year('2023-24-Q3', [3, 350], [0, 95])], 'outcome_pooled', '2024-25-Q3');
    expect(pooled).toMatchObject({ stage: 'outcome_pooled', period: '2024-25-Q3', base: 'population' });
    expect(pooled.groups.White).toEqual({ events: 4, base: 650 }); // 1 + 3, 300 + 350
    expect(pooled.groups.Black).toEqual({ events: 2, base: 185 }); // 2 + 0, 90 + 95
    expect(pooled.unknown).toEqual({ count: 2, total: 8 });
  });

  it('leaves the pooled base missing when any year lacks it', () => {
    const pooled = poolFigures([year('2022-23-Q3', [1, 300], [2, null]), year('2023-24-Q3', [3, 350], [0, 95])], 'outcome_pooled', '2024-25-Q3');
    expect(pooled.groups.Black).toEqual({ events: 2, base: null });
    expect(pooled.groups.White.base).toBe(650);
  });
});
