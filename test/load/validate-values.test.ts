/**
 * validateExtract, one contract rule at a time: each inline extract breaks
 * one rule on a known line and the test states the whole problem (file,
 * line, column, value and the catalogue's expected text).
 */
import { describe, expect, it } from 'vitest';
import { validateExtract } from '../../pipeline/load/index.js';
import { expected } from '../../pipeline/messages.js';
import {
  ETE_PROVISION, ETHNIC_GROUPS, ETHNICITY, INTERVENTION_TYPES, OFFENCE_CATEGORIES, OUTCOMES, REMAND_TYPES,
} from '../../pipeline/contract/codes.js';
import type { Problem } from '../../pipeline/errors.js';
import { CHILDREN_HEADER, MINIMAL, OFFENCES_HEADER, csv, extractDir, NOW } from './extract-dir.js';

const error = (file: string, line: number, column: string | null, value: string | null, text: string): Problem =>
  ({ file, line, column, value, expected: text, severity: 'error' });

async function problemsOf(files: Record<string, string>) {
  const report = await validateExtract(await extractDir({ ...MINIMAL, ...files }), { now: NOW });
  return report;
}

/** children.csv with the minimal C1 on line 2 and `row` on line 3. */
const childrenWith = (row: string) => ({ 'children.csv': csv(CHILDREN_HEADER, 'C1,2008-05-01,M,WBRI', row) });
/** offences.csv with the minimal O1 on line 2 and `row` on line 3. */
const offencesWith = (row: string) => ({
  'offences.csv': csv(OFFENCES_HEADER, 'O1,C1,2024-01-10,2024-02-15,YC,THEFT_AND_HANDLING,2', row),
});

describe('validateExtract: values', () => {
  const cases: [string, Record<string, string>, Problem][] = [
    ['a US-style date', childrenWith('C2,12/31/2009,F,BCRB'),
      error('children.csv', 3, 'date_of_birth', '12/31/2009', expected.dateMonthFirst())],
    ['an impossible date', childrenWith('C2,31/02/2009,F,BCRB'),
      error('children.csv', 3, 'date_of_birth', '31/02/2009', expected.dateImpossible())],
    ['an impossible ISO date', childrenWith('C2,2009-02-29,F,BCRB'),
      error('children.csv', 3, 'date_of_birth', '2009-02-29', expected.dateImpossible())],
    ['a two-digit year', childrenWith('C2,01/02/09,F,BCRB'),
      error('children.csv', 3, 'date_of_birth', '01/02/09', expected.date())],
    ['a blank required date', childrenWith('C2,,F,BCRB'),
      error('children.csv', 3, 'date_of_birth', null, expected.notBlank())],
    ['an unknown sex', childrenWith('C2,2009-01-01,X,BCRB'),
      error('children.csv', 3, 'sex', 'X', expected.sex())],
    ['an unknown ethnicity', childrenWith('C2,2009-01-01,F,Purple'),
      error('children.csv', 3, 'ethnicity', 'Purple', expected.oneOf(Object.keys(ETHNICITY)))],
    ['markup in a code field, shown as written', childrenWith('C2,2009-01-01,F,<b>x</b>'),
      error('children.csv', 3, 'ethnicity', '<b>x</b>', expected.oneOf(Object.keys(ETHNICITY)))],
    ['an unknown Y/N', { 'children.csv': csv(`${CHILDREN_HEADER},looked_after`, 'C1,2008-05-01,M,WBRI,maybe') },
      error('children.csv', 2, 'looked_after', 'maybe', expected.yesNo())],
    ['a blank id', childrenWith(',2009-01-01,F,BCRB'),
      error('children.csv', 3, 'child_id', null, expected.notBlank())],
    ['a repeated id, naming the first line', childrenWith('C1,2009-01-01,F,BCRB'),
      error('children.csv', 3, 'child_id', 'C1', expected.unique(2))],
    ['an unknown outcome', offencesWith('O2,C1,2024-01-10,2024-02-15,XYZ,THEFT_AND_HANDLING,2'),
      error('offences.csv', 3, 'outcome', 'XYZ', expected.oneOf(Object.keys(OUTCOMES)))],
    ['an unknown offence category', offencesWith('O2,C1,2024-01-10,2024-02-15,YC,SHOPLIFTING,2'),
      error('offences.csv', 3, 'offence_category', 'SHOPLIFTING', expected.oneOf(Object.keys(OFFENCE_CATEGORIES)))],
    ['a gravity above 8', offencesWith('O2,C1,2024-01-10,2024-02-15,YC,THEFT_AND_HANDLING,9'),
      error('offences.csv', 3, 'gravity', '9', expected.integer(1, 8))],
    ['a fractional gravity', offencesWith('O2,C1,2024-01-10,2024-02-15,YC,THEFT_AND_HANDLING,2.5'),
      error('offences.csv', 3, 'gravity', '2.5', expected.integer(1, 8))],
    ['an outcome before the offence', offencesWith('O2,C1,2024-01-10,09/01/2024,YC,THEFT_AND_HANDLING,2'),
      error('offences.csv', 3, 'outcome_date', '09/01/2024', expected.notBefore('offence_date', '2024-01-10'))],
    ['a child not in children.csv', offencesWith('O2,C9,2024-01-10,2024-02-15,YC,THEFT_AND_HANDLING,2'),
      error('offences.csv', 3, 'child_id', 'C9', expected.childExists())],
    ['a repeated offence id', offencesWith('O1,C1,2024-01-11,2024-02-15,YC,THEFT_AND_HANDLING,2'),
      error('offences.csv', 3, 'offence_id', 'O1', expected.unique(2))],
    ['an unknown intervention type',
      { 'interventions.csv': csv('intervention_id,child_id,type,start_date,end_date', 'I1,C1,ASBO,2024-01-01,') },
      error('interventions.csv', 2, 'type', 'ASBO', expected.oneOf(Object.keys(INTERVENTION_TYPES)))],
    ['an unknown remand type',
      { 'remands.csv': csv('remand_id,child_id,decision_date,end_date,remand_type', 'R1,C1,2024-01-01,,JAIL') },
      error('remands.csv', 2, 'remand_type', 'JAIL', expected.oneOf(Object.keys(REMAND_TYPES)))],
    ['negative hours',
      { 'ete.csv': csv('child_id,start_date,end_date,provision,suitability,hours_offered', 'C1,2024-01-01,,PRU,SUITABLE,-1') },
      error('ete.csv', 2, 'hours_offered', '-1', expected.number(0, 168))],
    ['a repeated placement (composite key)',
      { 'ete.csv': csv('child_id,start_date,end_date,provision,suitability,hours_offered',
        'C1,2024-01-01,,PRU,SUITABLE,10', 'C1,01/01/2024,2024-03-01,Pupil referral unit,,5') },
      error('ete.csv', 3, 'child_id, start_date, provision', 'C1, 01/01/2024, Pupil referral unit', expected.unique(2))],
    ['an arrest age of 18',
      { 'arrests.csv': csv('arrest_id,arrest_date,age,sex,ethnicity', 'A1,2024-01-01,18,M,') },
      error('arrests.csv', 2, 'age', '18', expected.integer(10, 17))],
    ['a population age band outside 10-17',
      { 'population.csv': csv('year,age,sex,ethnic_group,population', '2024,9-17,,,100') },
      error('population.csv', 2, 'age', '9-17', expected.ageOrBand())],
    ['a population of unknown sex',
      { 'population.csv': csv('year,age,sex,ethnic_group,population', '2024,10-17,U,,100') },
      error('population.csv', 2, 'sex', 'U', expected.sexOrPersons())],
    ['an unknown population ethnic group',
      { 'population.csv': csv('year,age,sex,ethnic_group,population', '2024,10-17,,Purple,100') },
      error('population.csv', 2, 'ethnic_group', 'Purple', expected.ethnicGroup(ETHNIC_GROUPS))],
    ['a comparator value that is not a number',
      { 'comparators.csv': csv('indicator,period,area,value', 'fte.rate,2024-25-Q2,England,n/a') },
      error('comparators.csv', 2, 'value', 'n/a', expected.number())],
  ];

  it.each(cases)('refuses %s', async (_name, files, problem) => {
    const report = await problemsOf(files);
    expect(report.problems).toEqual([problem]);
    expect(report.errorCount).toBe(1);
    expect(report.files.find((f) => f.file === problem.file)?.refusedRows).toBe(1);
  });

  it('warns about an unknown code in an open list and keeps going', async () => {
    const report = await problemsOf({
      'ete.csv': csv('child_id,start_date,end_date,provision,suitability,hours_offered', 'C1,2024-01-01,,home tutor,SUITABLE,10'),
    });
    expect(report.problems).toEqual([{
      file: 'ete.csv', line: 2, column: 'provision', value: 'home tutor',
      expected: expected.knownCode(Object.keys(ETE_PROVISION)), severity: 'warning',
    }]);
    expect(report.errorCount).toBe(0);
    expect(report.warningCount).toBe(1);
  });

  it('accepts blanks where the contract allows them', async () => {
    const report = await problemsOf({
      'children.csv': csv(`${CHILDREN_HEADER},looked_after`, 'C1,2008-05-01,,,'),
      'offences.csv': csv(OFFENCES_HEADER, 'O1,C1,2024-01-10,2024-02-15,YC,,'),
    });
    expect(report.problems).toEqual([]);
  });

  it('reports every problem of every file together, in file then line order', async () => {
    const report = await problemsOf({
      'children.csv': csv(CHILDREN_HEADER, 'C1,2008-05-01,X,WBRI', 'C2,31/02/2009,F,BCRB'),
      'offences.csv': csv(OFFENCES_HEADER, 'O1,C1,2024-01-10,2024-02-15,XYZ,THEFT_AND_HANDLING,9'),
      'arrests.csv': csv('arrest_id,arrest_date,age,sex,ethnicity', 'A1,2024-01-01,9,M,'),
    });
    expect(report.problems.map((p) => [p.file, p.line, p.column])).toEqual([
      ['children.csv', 2, 'sex'],
      ['children.csv', 3, 'date_of_birth'],
      ['offences.csv', 2, 'outcome'],
      ['offences.csv', 2, 'gravity'],
      ['arrests.csv', 2, 'age'],
    ]);
    expect(report.errorCount).toBe(5);
    // children: 2 rows refused; offences 1; arrests 1.
    expect(report.files.filter((f) => f.present).map((f) => [f.file, f.rows, f.refusedRows])).toEqual([
      ['children.csv', 2, 2], ['offences.csv', 1, 1], ['arrests.csv', 1, 1],
    ]);
  });

  it('lists 1,000 rows of one rule, counts the rest in full and says so', async () => {
    // 1,005 offences with outcome XYZ on lines 2..1006: 1,000 listed (lines 2..1001), 5 counted.
    const rows = Array.from({ length: 1005 }, (_, i) => `O${i},C1,2024-01-10,2024-02-15,XYZ,,`);
    const report = await problemsOf({ 'offences.csv': csv(OFFENCES_HEADER, ...rows) });
    expect(report.errorCount).toBe(1005);
    expect(report.problems).toHaveLength(1001);
    expect(report.problems[999]).toMatchObject({ line: 1001, column: 'outcome', value: 'XYZ' });
    expect(report.problems[1000]).toEqual({
      file: 'offences.csv', line: null, column: 'outcome', value: null, expected: expected.moreRows(5), severity: 'error',
    });
    expect(report.files[1]).toMatchObject({ rows: 1005, refusedRows: 1005 });
  });
});
