import { describe, expect, it } from 'vitest';
import { holdPopulationYears } from '../../pipeline/population/hold.js';
import type { PopulationRow } from '../../pipeline/population/types.js';

const year = (y: number, n: number): PopulationRow[] => [
  { year: y, age: '10-17', sex: '', ethnic_group: '', population: n },
  { year: y, age: '10', sex: 'F', ethnic_group: 'Asian', population: n / 10 },
];

describe('holdPopulationYears', () => {
  it('repeats the latest estimate for later years and the earliest for earlier ones', () => {
    const held = holdPopulationYears({ rows: [...year(2019, 100), ...year(2020, 200)], notes: [] }, 2017, 2022);
    const totals = held.rows.filter((r) => r.age === '10-17').map((r) => [r.year, r.population]);
    expect(totals).toEqual([[2017, 100], [2018, 100], [2019, 100], [2020, 200], [2021, 200], [2022, 200]]);
    expect(held.rows.find((r) => r.year === 2022 && r.age === '10')?.population).toBe(20);
  });

  it('says which years are held and from which estimate', () => {
    const held = holdPopulationYears({ rows: [...year(2019, 100), ...year(2020, 200)], notes: ['built'] }, 2019, 2023);
    expect(held.notes).toEqual(['built', 'Mid-2021 to mid-2023 hold the mid-2020 figures: no estimate for those years is shipped with yjpack.']);
  });

  it('changes nothing when every year has an estimate', () => {
    const built = { rows: [...year(2019, 100), ...year(2020, 200)], notes: ['built'] };
    expect(holdPopulationYears(built, 2019, 2020)).toEqual(built);
  });
});
