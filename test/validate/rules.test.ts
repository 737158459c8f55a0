import { describe, expect, it } from 'vitest';
import { dateExpected, keyColumns, rowChecks } from '../../pipeline/validate/rules.js';
import { expected } from '../../pipeline/messages.js';
import { fileSpec } from '../../pipeline/contract/files.js';
import { matchColumns } from '../../pipeline/validate/columns.js';

describe('dateExpected', () => {
  it.each([
    ['12/31/2019', expected.dateMonthFirst()],
    ['2/13/2020', expected.dateMonthFirst()],
    ['31/02/2021', expected.dateImpossible()],
    ['13/13/2021', expected.dateImpossible()],
    ['2021-02-30', expected.dateImpossible()],
    ['2021/02/03', expected.date()],
    ['yesterday', expected.date()],
  ])('%s', (value, text) => {
    expect(dateExpected(value)).toBe(text);
  });
});

describe('rowChecks', () => {
  it('checks only the columns the header has, and child references only when asked', () => {
    const spec = fileSpec('offences');
    const match = matchColumns(spec, ['offence_id', 'child_id', 'offence_date', 'outcome']);
    const rules = (refs: boolean) => rowChecks(spec, match, refs).map((c) => `${c.column}:${c.rule}`);
    expect(rules(true)).toEqual([
      'offence_id:blank', 'child_id:blank', 'child_id:childRef', 'offence_date:blank', 'offence_date:date', 'outcome:blank', 'outcome:outcome',
    ]);
    expect(rules(false)).not.toContain('child_id:childRef');
  });
});

describe('keyColumns', () => {
  it('uses age_from and age_to for the population age', () => {
    expect(keyColumns(fileSpec('population'))).toEqual(['year', 'age_from', 'age_to', 'sex', 'ethnic_group']);
    expect(keyColumns(fileSpec('ete'))).toEqual(['child_id', 'start_date', 'provision']);
  });
});
