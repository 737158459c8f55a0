import { describe, expect, it } from 'vitest';
import { dateExpected, keyColumns, rowChecks } from '../../pipeline/validate/rules.js';
import { expected } from '../../pipeline/messages.js';
import { fileSpec, type FileSpec } from '../../pipeline/contract/files.js';
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
    ['20240-01-10', expected.dateYearDigits()],
    ['10/01/20240', expected.dateYearDigits()],
  ])('%s', (value, text) => {
    expect(dateExpected(value)).toBe(text);
  });
});

describe('rowChecks', () => {
  it('checks only the columns the header has, and child references only when asked', () => {
    const spec = fileSpec('offences');
    const match = matchColumns(spec, ['offence_id', 'child_id', 'offence_date', 'outcome']);
    const rules = (refs: boolean) => rowChecks(spec, match, { childRefs: refs, runDate: '2026-11-23', invisible: false })
      .map((c) => `${c.column}:${c.rule}`);
    expect(rules(true)).toEqual([
      'offence_id:blank', 'child_id:blank', 'child_id:childRef', 'offence_date:blank', 'offence_date:date',
      'offence_date:early', 'offence_date:future', 'offence_date:beforeBirth', 'offence_date:underTen', 'offence_date:adult',
      'outcome:blank', 'outcome:outcome',
    ]);
    // Without children.csv to hand, neither the reference nor the ages at offence can be checked.
    expect(rules(false)).toEqual([
      'offence_id:blank', 'child_id:blank', 'offence_date:blank', 'offence_date:date', 'offence_date:early', 'offence_date:future',
      'outcome:blank', 'outcome:outcome',
    ]);
  });
});

describe('keyColumns', () => {
  it('uses age_from and age_to for the population age', () => {
    expect(keyColumns(fileSpec('population'))).toEqual(['year', 'age_from', 'age_to', 'sex', 'ethnic_group']);
    expect(keyColumns(fileSpec('ete'))).toEqual(['child_id', 'start_date', 'provision']);
  });
});

