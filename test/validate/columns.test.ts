import { describe, expect, it } from 'vitest';
import { fileSpec } from '../../pipeline/contract/files.js';
import { headerProblems, matchColumns } from '../../pipeline/validate/columns.js';
import { expected } from '../../pipeline/messages.js';

describe('matchColumns', () => {
  const children = fileSpec('children');

  it('finds contract columns by trimmed, case-insensitive name; optional ones may be absent', () => {
    const match = matchColumns(children, ['SEX', ' child_id', 'Date_of_Birth', 'ethnicity', 'Worker']);
    expect([...match.position]).toEqual([['child_id', 1], ['date_of_birth', 2], ['sex', 0], ['ethnicity', 3]]);
    expect(match.missing).toEqual([]);
    expect(match.extra).toEqual(['Worker']);
  });

  it('lists required columns that are missing, and contract columns given twice', () => {
    const match = matchColumns(children, ['child_id', 'sex', 'Sex']);
    expect(match.missing).toEqual(['date_of_birth', 'ethnicity']);
    expect(match.repeated).toEqual([{ name: 'Sex', position: 2, first: 1 }]);
  });

  it('treats repeated blank names (Excel trailing columns) as one ignored column', () => {
    const match = matchColumns(children, ['child_id', 'date_of_birth', 'sex', 'ethnicity', '', '']);
    expect(match.repeated).toEqual([]);
    expect(match.extra).toEqual(['(blank)']);
  });
});

describe('headerProblems', () => {
  it('puts every header problem on line 1: errors, then one warning', () => {
    const match = matchColumns(fileSpec('arrests'), ['arrest_id', 'age', 'AGE', 'x', 'y']);
    expect(headerProblems('arrests.csv', match)).toEqual([
      { file: 'arrests.csv', line: 1, column: 'arrest_date', value: null, expected: expected.column(), severity: 'error' },
      { file: 'arrests.csv', line: 1, column: 'sex', value: null, expected: expected.column(), severity: 'error' },
      { file: 'arrests.csv', line: 1, column: 'ethnicity', value: null, expected: expected.column(), severity: 'error' },
      { file: 'arrests.csv', line: 1, column: 'AGE', value: null, expected: expected.uniqueHeader(2), severity: 'error' },
      { file: 'arrests.csv', line: 1, column: null, value: null, expected: expected.extraColumns(['x', 'y']), severity: 'warning' },
    ]);
  });
});
