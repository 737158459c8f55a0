import { describe, expect, it } from 'vitest';
import { buildPopulation } from '../../pipeline/population/build.js';
import { YjpackError } from '../../pipeline/errors.js';
import type { PopulationRow } from '../../pipeline/population/types.js';
import { fakeReference } from './fake-reference.js';

const cell = (rows: PopulationRow[], year: number, age: string, sex: string, group: string) =>
  rows.find((r) => r.year === year && r.age === age && r.sex === sex && r.ethnic_group === group)?.population;

function errorOf(fn: () => unknown): YjpackError {
  try {
    fn();
  } catch (e) {
    if (e instanceof YjpackError) return e;
    throw e;
  }
  throw new Error('expected a YjpackError');
}

describe('buildPopulation (hand-made reference)', () => {
  it('splits each single age by the Census shares of its band', () => {
    const { rows } = buildPopulation(['X01'], fakeReference);
    // 2020: 100 children at each age 10–17 → total 800
    expect(cell(rows, 2020, '10-17', '', '')).toBe(800);
    // age 10 is in band 10-11, shares White M .3, White F .3, Black M .2, Black F .2 of 100
    expect(cell(rows, 2020, '10', 'M', 'White')).toBe(30);
    expect(cell(rows, 2020, '10', 'F', 'Black')).toBe(20);
    expect(cell(rows, 2020, '10', 'M', 'Asian')).toBe(0);
    // age 12 is in band 12-14: all White boys
    expect(cell(rows, 2020, '12', 'M', 'White')).toBe(100);
  });

  it('has one 10-17 total row per year and detailed rows that add up to it', () => {
    const { rows } = buildPopulation(['X01'], fakeReference);
    for (const year of [2019, 2020]) {
      const detail = rows.filter((r) => r.year === year && r.age !== '10-17').reduce((s, r) => s + r.population, 0);
      expect(rows.filter((r) => r.year === year && r.age === '10-17')).toHaveLength(1);
      expect(detail).toBe(cell(rows, year, '10-17', '', ''));
    }
    // 8 ages × 2 sexes × 5 groups + the total row
    expect(rows.filter((r) => r.year === 2020)).toHaveLength(81);
  });

  it('adds areas up after splitting each with its own mix', () => {
    const { rows } = buildPopulation(['X01', 'X02'], fakeReference);
    // total 2020: 8 × 100 + 8 × 50 = 1,200
    expect(cell(rows, 2020, '10-17', '', '')).toBe(1200);
    // age 10 White boys: X01 100 × .3 = 30, X02 50 × .5 = 25 → 55
    expect(cell(rows, 2020, '10', 'M', 'White')).toBe(55);
    // age 10 Black boys come from X01 only: 100 × .2 = 20
    expect(cell(rows, 2020, '10', 'M', 'Black')).toBe(20);
  });

  it('adds the YJB total for a year without an ONS estimate when the areas are a whole service', () => {
    const { rows, notes } = buildPopulation(['X01'], fakeReference);
    // mid-2021 = 880, split like mid-2020 (the nearest year): 880 / 800 = 1.1 × 100 = 110 at each age
    expect(cell(rows, 2021, '10-17', '', '')).toBe(880);
    // age 10 White boys: 110 × .3 = 33
    expect(cell(rows, 2021, '10', 'M', 'White')).toBe(33);
    // mid-2018 = 720 split like mid-2019 (90 a year): 720 / 720 = 1 → 90 × .2 = 18 Black girls aged 11
    expect(cell(rows, 2018, '11', 'F', 'Black')).toBe(18);
    expect(notes.join('\n')).toMatch(/Alpha YJS \(S1\)/);
  });

  it('leaves out YJB years when the areas are not exactly whole services, and says so', () => {
    const { rows, notes } = buildPopulation(['X01', 'X02'], fakeReference);
    expect([...new Set(rows.map((r) => r.year))]).toEqual([2019, 2020]);
    expect(notes.join('\n')).toMatch(/not exactly one or more whole services/);
  });

  it('splits persons-only Census counts by the boys share over every area that gives sex', () => {
    const { rows, notes } = buildPopulation(['X03'], fakeReference);
    // White 10-11 with sex: X01 30 M + 30 F, X02 50 M + 50 F → boys share 80 / 160 = .5
    // X03 age 10: 40 children, all White → 20 boys, 20 girls
    expect(cell(rows, 2020, '10', 'M', 'White')).toBe(20);
    expect(cell(rows, 2020, '10', 'F', 'White')).toBe(20);
    expect(notes.join('\n')).toMatch(/persons only for Gamma \(X03\)/);
  });

  it('keeps only the years every area has, and says which were left out', () => {
    const { rows, notes } = buildPopulation(['X01', 'X06'], fakeReference);
    expect([...new Set(rows.map((r) => r.year))]).toEqual([2019]);
    // 2019: X01 8 × 90 + X06 8 × 20 = 880
    expect(cell(rows, 2019, '10-17', '', '')).toBe(880);
    expect(notes.join('\n')).toMatch(/Mid-2020 is left out: there is no ONS estimate for Zeta \(X06\)/);
  });

  it('accepts codes in any case with spaces, each once', () => {
    const { rows } = buildPopulation([' x01 ', 'X01'], fakeReference);
    expect(cell(rows, 2020, '10-17', '', '')).toBe(800);
  });

  it('ends its notes with the attribution lines', () => {
    const { notes } = buildPopulation(['X01'], fakeReference);
    expect(notes).toContain('Contains public sector information licensed under the Open Government Licence v3.0.');
    expect(notes.some((n) => n.includes('PRISM-R, Oxon Advisory'))).toBe(true);
  });
});

describe('buildPopulation refusals', () => {
  it('refuses an unknown code with a usage error, suggesting areas whose name contains it', () => {
    const e = errorOf(() => buildPopulation(['alpha'], fakeReference));
    expect(e.messageId).toBe('unknownArea');
    expect(e.exitCode).toBe(64);
    expect(e.message).toContain('X01 (Alpha)');
  });

  it('refuses an unknown code that matches no name without a suggestion', () => {
    const e = errorOf(() => buildPopulation(['X01', 'E99999999'], fakeReference));
    expect(e.messageId).toBe('unknownArea');
    expect(e.message).not.toContain('Did you mean');
  });

  it('refuses no area at all', () => {
    expect(errorOf(() => buildPopulation([' '], fakeReference)).messageId).toBe('areaRequired');
  });

  it('refuses an area together with the county that contains it', () => {
    const e = errorOf(() => buildPopulation(['X05', 'X04'], fakeReference));
    expect(e.messageId).toBe('areasOverlap');
    expect(e.message).toContain('X04 (Delta District) is part of X05 (Epsilon County)');
  });
});
