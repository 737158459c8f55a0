import { afterEach, describe, expect, it } from 'vitest';
import { choosePopulation, populationFor, populationInYear, type PopulationRow } from '../../pipeline/compute/population.js';
import { parsePeriod } from '../../pipeline/period.js';
import type { Store } from '../../pipeline/store/db.js';
import { fixtureStore } from '../helpers/fixture-store.js';

const row = (fields: Partial<PopulationRow> & { population: number }): PopulationRow =>
  ({ year: 2024, age_from: 10, age_to: 17, sex: null, ethnic_group: null, ...fields });
const singleAges = (each: number, fields: Partial<PopulationRow> = {}): PopulationRow[] =>
  [10, 11, 12, 13, 14, 15, 16, 17].map((age) => row({ age_from: age, age_to: age, population: each, ...fields }));

let store: Store | null = null;
afterEach(() => { store?.close(); store = null; });

describe('population precedence (never counting a child twice)', () => {
  it('prefers the 10–17 total row over single ages and sex splits', () => {
    const rows = [row({ population: 1000 }), ...singleAges(125), row({ sex: 'M', population: 510 }), row({ sex: 'F', population: 490 })];
    // Total row alone → 1000 (not 1000 + 8 × 125 + 510 + 490).
    expect(populationInYear(rows, {})).toBe(1000);
  });

  it('adds up single ages of persons when there is no total row, before sex splits', () => {
    const rows = [...singleAges(100), row({ sex: 'M', population: 500 }), row({ sex: 'F', population: 480 })];
    // 8 × 100 = 800.
    expect(populationInYear(rows, {})).toBe(800);
  });

  it('adds males and females when only sex rows exist, and needs both', () => {
    // 400 + 390 = 790.
    expect(populationInYear([row({ sex: 'M', population: 400 }), row({ sex: 'F', population: 390 })], {})).toBe(790);
    expect(populationInYear([row({ sex: 'M', population: 400 })], {})).toBeNull();
  });

  it('mixes bands and single ages that cover 10–17 exactly, and refuses a partial cover', () => {
    // 10–11 band 200 + ages 12, 13, 14 at 90 each + 15–17 band 300 = 200 + 270 + 300 = 770.
    const bands = [
      row({ age_from: 10, age_to: 11, population: 200 }),
      ...[12, 13, 14].map((age) => row({ age_from: age, age_to: age, population: 90 })),
      row({ age_from: 15, age_to: 17, population: 300 }),
    ];
    expect(populationInYear(bands, {})).toBe(770);
    // Ages 10–16 only: 17-year-olds missing → not usable.
    expect(populationInYear(singleAges(100).filter((r) => r.age_from !== 17), {})).toBeNull();
  });

  it('sums the ethnic groups for all children when no all-groups rows exist, and picks one group when asked', () => {
    const rows = [
      row({ ethnic_group: 'White', population: 600 }),
      row({ ethnic_group: 'Asian', sex: 'M', population: 110 }),
      row({ ethnic_group: 'Asian', sex: 'F', population: 90 }),
    ];
    // 600 + (110 + 90) = 800.
    expect(populationInYear(rows, {})).toBe(800);
    expect(populationInYear(rows, { ethnic_group: 'Asian' })).toBe(200);
    expect(populationInYear(rows, { ethnic_group: 'Black' })).toBeNull();
    // With an all-groups total present, the groups are not added to it.
    expect(populationInYear([...rows, row({ population: 810 })], {})).toBe(810);
  });
});

describe('population for the year to a period', () => {
  it('uses the mid-year inside the year, else the latest earlier one, else none', () => {
    const rows = [row({ year: 2022, population: 900 }), row({ year: 2023, population: 950 })];
    expect(choosePopulation(rows, 2023, {})).toEqual({ year: 2023, population: 950, fallback: false });
    expect(choosePopulation(rows, 2024, {})).toEqual({ year: 2023, population: 950, fallback: true });
    expect(choosePopulation(rows, 2021, {})).toBeNull();
    // An unusable 2023 (males only) falls back to 2022.
    expect(choosePopulation([row({ year: 2022, population: 900 }), row({ year: 2023, sex: 'M', population: 480 })], 2023, {}))
      .toEqual({ year: 2022, population: 900, fallback: true });
  });

  it('reads the store: the year to 2024-25-Q1 (July 2023 – June 2024) holds 30 June 2024', async () => {
    store = await fixtureStore({
      population: [{ year: 2023, population: 950 }, { year: 2024, population: 1000 }, { year: 2024, ethnic_group: 'Black', population: 70 }],
    });
    expect(await populationFor(store, parsePeriod('2024-25-Q1'))).toEqual({ year: 2024, population: 1000, fallback: false });
    // The year to 2023-24-Q4 (April 2023 – March 2024) holds 30 June 2023.
    expect(await populationFor(store, parsePeriod('2023-24-Q4'))).toEqual({ year: 2023, population: 950, fallback: false });
    // Black children: only a 2024 row; the year to 2025-26-Q1 (mid-2025) falls back to it.
    expect(await populationFor(store, parsePeriod('2025-26-Q1'), { ethnic_group: 'Black' })).toEqual({ year: 2024, population: 70, fallback: true });
    expect(await populationFor(store, parsePeriod('2023-24-Q4'), { ethnic_group: 'Black' })).toBeNull();
  });
});
