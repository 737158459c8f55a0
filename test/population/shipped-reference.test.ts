/**
 * The reference tables shipped in reference/, checked against figures
 * published elsewhere (reference/SOURCES.md gives Wolverhampton's).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPopulation, defaultReferenceDir, listAreas, loadPopulationReference } from '../../pipeline/population/index.js';
import type { PopulationReference, PopulationRow } from '../../pipeline/population/types.js';
import { YjpackError } from '../../pipeline/errors.js';

const total = (rows: PopulationRow[], year: number) => rows.find((r) => r.year === year && r.age === '10-17')?.population;
let reference: PopulationReference;

beforeAll(async () => {
  reference = await loadPopulationReference();
});

describe('the shipped population reference', () => {
  it('is found from the module location, not the working directory', () => {
    const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
    expect(defaultReferenceDir()).toBe(join(projectRoot, 'reference'));
  });

  it('gives Wolverhampton the published totals aged 10–17', () => {
    const { rows } = buildPopulation(['E08000031'], reference);
    // ONS mid-year estimates: 25,624 (mid-2019), 26,657 (mid-2020); YJB service table: 24,959 (mid-2018), 27,974 (mid-2021)
    expect(total(rows, 2019)).toBe(25_624);
    expect(total(rows, 2020)).toBe(26_657);
    expect(total(rows, 2018)).toBe(24_959);
    expect(total(rows, 2021)).toBe(27_974);
  });

  it('splits Wolverhampton by its Census 2021 mix', () => {
    const { rows } = buildPopulation(['E08000031'], reference);
    // mid-2020 age 10: 3,687. Census 2021 Wolverhampton 10–11: White boys 1,939 of
    // 810 + 885 + 424 + 429 + 431 + 418 + 146 + 165 + 1,714 + 1,939 = 7,361 → 3,687 × 1,939 / 7,361 = 971.2
    const whiteBoys10 = rows.find((r) => r.year === 2020 && r.age === '10' && r.sex === 'M' && r.ethnic_group === 'White')!.population;
    expect(Math.abs(whiteBoys10 - 971.2)).toBeLessThan(1);
  });

  it('adds two areas up', () => {
    const { rows } = buildPopulation(['E08000031', 'E08000030'], reference);
    // Wolverhampton 26,657 + Walsall 30,005 (mid-2020); 27,974 + 30,659 (mid-2021, both whole YJB services)
    expect(total(rows, 2020)).toBe(56_662);
    expect(total(rows, 2021)).toBe(58_633);
  });

  it('builds a county from its districts’ Census mix (Leicestershire, with Melton persons only)', () => {
    const { rows, notes } = buildPopulation(['E10000018'], reference);
    expect(total(rows, 2020)).toBe(65_428);
    expect(notes.join('\n')).toMatch(/persons only for Melton \(E07000133\)/);
  });

  it('lists the areas it knows by name, with their codes', () => {
    const areas = listAreas(reference);
    expect(areas).toContainEqual({ code: 'E08000031', name: 'Wolverhampton', geography: 'Metropolitan District' });
    const names = areas.map((a) => a.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
  });

  it('refuses a folder without the reference files', async () => {
    const error = await loadPopulationReference('/nonexistent/yjpack-reference').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YjpackError);
    expect((error as YjpackError).messageId).toBe('referenceMissing');
  });
});
