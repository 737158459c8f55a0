import { describe, expect, it } from 'vitest';
import { expected } from '../../pipeline/messages.js';
import { yearFindings } from '../../pipeline/validate/population-totals.js';

type Row = Parameters<typeof yearFindings>[0][number];
let rn = 0;
/** One population row: `age` 10–17 as "10-17" or a single age. */
function row(age: string, sex: string | null, group: string | null, population: number): Row {
  const [from, to] = age.includes('-') ? age.split('-').map(Number) : [Number(age), Number(age)];
  return { rn: rn++, year: 2024, ageFrom: from!, ageTo: to!, sex, group, population, value: String(population) };
}
const GROUPS = ['Asian', 'Black', 'Mixed', 'Other', 'White'];
const texts = (rows: Row[]) => yearFindings(rows).map((f) => [f.rn, f.severity, f.expected(() => 0)]);

describe('yearFindings', () => {
  it('is silent when the parts add up exactly, however they are given', () => {
    const total = row('10-17', null, null, 8000);
    const ages = Array.from({ length: 8 }, (_, i) => row(String(10 + i), null, null, 1000));
    const sexes = [row('10-17', 'M', null, 4100), row('10-17', 'F', null, 3900)];
    const groups = GROUPS.map((g) => row('10-17', null, g, 1600));
    expect(yearFindings([total, ...ages, ...sexes, ...groups])).toEqual([]);
  });

  it('the 10–17 row against its single ages: 8 × 1,000 = 8,000, not 9,000', () => {
    const total = row('10-17', null, null, 9000);
    const ages = Array.from({ length: 8 }, (_, i) => row(String(10 + i), null, null, 1000));
    expect(texts([total, ...ages])).toEqual([[total.rn, 'error', expected.partsDiffer('single ages', '9,000', '8,000')]]);
  });

  it('persons against boys plus girls, within a group too', () => {
    const black = row('10-17', null, 'Black', 500);
    expect(texts([black, row('10-17', 'M', 'Black', 200), row('10-17', 'F', 'Black', 200)]))
      .toEqual([[black.rn, 'error', expected.partsDiffer('boys and girls', '500', '400')]]);
  });

  it('all children against the five groups (each by boys plus girls): 5 × (49 + 50) = 495 against 500 is within 1%, a warning', () => {
    const total = row('10-17', null, null, 500);
    const groups = GROUPS.flatMap((g) => [row('10-17', 'M', g, 49), row('10-17', 'F', g, 50)]);
    expect(texts([total, ...groups])).toEqual([[total.rn, 'warning', expected.partsRounded()]]);
  });

  it('just over 1% is an error: 494 against 500', () => {
    const total = row('10-17', null, null, 500);
    const groups = GROUPS.map((g, i) => row('10-17', null, g, i === 0 ? 94 : 100));
    expect(texts([total, ...groups])).toEqual([[total.rn, 'error', expected.partsDiffer('five ethnic groups', '500', '494')]]);
  });

  it('leaves groups alone unless all five are given (a partial split is no sum)', () => {
    expect(yearFindings([row('10-17', null, null, 500), row('10-17', null, 'White', 300)])).toEqual([]);
  });

  it('ignores rows that cover only part of 10–17', () => {
    expect(yearFindings([row('10-17', null, null, 500), row('10', null, null, 20), row('11', null, null, 30)])).toEqual([]);
  });
});
