import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { populationToCsv, writePopulationCsv } from '../../pipeline/population/csv.js';
import type { PopulationRow } from '../../pipeline/population/types.js';
import { tempDir } from '../support/temp-dir.js';

const rows: PopulationRow[] = [
  { year: 2020, age: '10-17', sex: '', ethnic_group: '', population: 800 },
  { year: 2020, age: '10', sex: 'M', ethnic_group: 'White', population: 30 },
];

describe('population CSV', () => {
  let dir: string | null = null;
  afterEach(async () => { if (dir) await rm(dir, { recursive: true, force: true }); });

  it('writes the contract header and one line a row, blanks for all', () => {
    expect(populationToCsv(rows)).toBe('year,age,sex,ethnic_group,population\n2020,10-17,,,800\n2020,10,M,White,30\n');
  });

  it('writes the notes to a text file beside the CSV', async () => {
    dir = await tempDir('yjpack-pop-');
    const path = join(dir, 'population.csv');
    await writePopulationCsv(path, rows, ['Children aged 10–17 living in Alpha.', 'Contains public sector information.']);
    expect(await readFile(path, 'utf8')).toBe(populationToCsv(rows));
    const notes = await readFile(`${path}.README.txt`, 'utf8');
    expect(notes).toContain('- Children aged 10–17 living in Alpha.\n- Contains public sector information.\n');
  });
});
