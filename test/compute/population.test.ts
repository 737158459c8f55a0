import { afterEach, describe, expect, it } from 'vitest';
import {
  choosePopulation, populationFor, populationInYear, populationUsed, staleEstimates, staleEstimateWarnings, type EstimateUsed,
  type PopulationRow,
} from '../../pipeline/compute/population.js';
import { messages } from '../../pipeline/messages.js';
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

describe('the estimate used for each quarter (issue 9, population honesty)', () => {
  it('names the estimate each quarter used, and P\'s own', async () => {
    store = await fixtureStore({ population: [{ year: 2020, population: 900 }, { year: 2021, population: 950 }] });
    const quarters = ['2021-22-Q1', '2022-23-Q1', '2024-25-Q2'].map(parsePeriod);
    // Year to 2021-22-Q1 (Jul 2020 – Jun 2021) needs mid-2021: there. Year to 2022-23-Q1 needs mid-2022: mid-2021 used.
    // Year to 2024-25-Q2 (Oct 2023 – Sep 2024) needs mid-2024: mid-2021 used.
    expect(await populationUsed(store, parsePeriod('2024-25-Q2'), quarters)).toEqual({
      year: 2021, fallback: true, wanted: 2024,
      estimates: [
        { period: '2021-22-Q1', wanted: 2021, year: 2021 },
        { period: '2022-23-Q1', wanted: 2022, year: 2021 },
        { period: '2024-25-Q2', wanted: 2024, year: 2021 },
      ],
    });
    // Before any estimate: none for P, so no population at all.
    expect(await populationUsed(store, parsePeriod('2019-20-Q1'), [])).toBeNull();
  });

  const used = (period: string, wanted: number, year: number | null): EstimateUsed => ({ period, wanted, year });

  it('calls an estimate stale only when it is more than 2 years older than the mid-year needed', () => {
    const estimates = [used('2022-23-Q1', 2022, 2021), used('2023-24-Q1', 2023, 2021), used('2024-25-Q1', 2024, 2021), used('2025-26-Q1', 2025, null)];
    // 2022 − 2021 = 1 and 2023 − 2021 = 2: fine. 2024 − 2021 = 3: stale. No estimate: not stale (a note says so elsewhere).
    expect(staleEstimates(estimates).map((e) => e.period)).toEqual(['2024-25-Q1']);
  });

  it('warns once per estimate year, naming the quarters, the ages and the years needed', () => {
    const estimates = [
      used('2023-24-Q4', 2023, 2021), used('2024-25-Q1', 2024, 2021), used('2024-25-Q2', 2024, 2021), used('2025-26-Q1', 2025, 2021),
    ];
    // Stale: 2024-25-Q1 and Q2 (3 years), 2025-26-Q1 (4 years); 2023-24-Q4 is 2 years old, so not named.
    expect(staleEstimateWarnings(estimates)).toEqual([messages.warnPopulationEstimateOld.text({
      periods: 'the years to each quarter from 2024-25-Q1 to 2025-26-Q1', year: 2021, age: '3 to 4 years',
      wanted: 'the mid-2024 to mid-2025 estimates', need: 'those years need', threshold: 2,
    })]);
    expect(staleEstimateWarnings([used('2026-27-Q2', 2026, 2021)])).toEqual([messages.warnPopulationEstimateOld.text({
      periods: 'the year to 2026-27-Q2', year: 2021, age: '5 years', wanted: 'the mid-2026 estimate', need: 'that year needs', threshold: 2,
    })]);
    expect(staleEstimateWarnings([used('2024-25-Q1', 2024, 2022)])).toEqual([]);
  });
});
