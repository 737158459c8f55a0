import { describe, expect, it } from 'vitest';
import { summariseLoadWarnings, withWarningRows } from '../../pipeline/assemble/load-warnings.js';
import type { Problem } from '../../pipeline/errors.js';
import { expected } from '../../pipeline/messages.js';

const warn = (file: string, line: number | null, column: string | null, text: string, value: string | null = null): Problem =>
  ({ file, line, column, value, expected: text, severity: 'warning' });
const CATEGORY = expected.knownCode(['ARSON', 'OTHER']);
const PROVISION = expected.knownCode(['SCHOOL_FULL_TIME']);

describe('summariseLoadWarnings', () => {
  it('groups warnings by file and column, adds the unlisted rows, and never keeps a value', () => {
    const { warnings, byFile } = summariseLoadWarnings([
      warn('offences.csv', 1, null, expected.extraColumns(['notes'])),
      warn('offences.csv', 4, 'offence_category', CATEGORY, 'SHOPLIFTING'),
      warn('offences.csv', 9, 'offence_category', CATEGORY, 'SHOPLIFTING'),
      warn('offences.csv', null, 'offence_category', expected.moreRows(1234)),
      { ...warn('offences.csv', 5, 'outcome', 'x'), severity: 'error' },
    ]);
    // offence_category: lines 4 and 9 listed, and 1,234 more → 1,236 rows. Unknown columns: a file-level warning (0 rows).
    expect(warnings).toEqual([
      { file: 'offences.csv', column: null, rows: 0, expected: expected.extraColumns(['notes']) },
      { file: 'offences.csv', column: 'offence_category', rows: 1236, expected: CATEGORY },
    ]);
    expect(JSON.stringify(warnings)).not.toContain('SHOPLIFTING');
    // Some rows unlisted: the file has at least as many rows with warnings as its largest column.
    expect(byFile.get('offences.csv')).toEqual({ rows: 1236, atLeast: true });
  });

  it('counts a row with warnings in two columns once when every row is listed', () => {
    const { byFile } = summariseLoadWarnings([
      warn('ete.csv', 3, 'provision', PROVISION), warn('ete.csv', 3, 'suitability', PROVISION), warn('ete.csv', 7, 'provision', PROVISION),
    ]);
    // Lines 3 and 7 → 2 rows.
    expect(byFile.get('ete.csv')).toEqual({ rows: 2, atLeast: false });
  });

  it('gives files without warnings 0 rows with warnings', () => {
    const files = [{ file: 'children.csv', rows: 10, refusedRows: 0, sha256: 'ab' }];
    expect(withWarningRows(files, summariseLoadWarnings([]))).toEqual([{ ...files[0], warningRows: 0, warningRowsAtLeast: false }]);
  });
});
