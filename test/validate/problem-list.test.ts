import { describe, expect, it } from 'vitest';
import { formatProblemList, problemsToCsv } from '../../pipeline/validate/problem-list.js';
import { formulaSafe } from '../../pipeline/output/csv.js';
import { formatProblem, type Problem } from '../../pipeline/errors.js';
import { messages } from '../../pipeline/messages.js';

const problem = (line: number, value: string | null): Problem =>
  ({ file: 'offences.csv', line, column: 'outcome', value, expected: 'expected one of CR, YC', severity: 'error' });

describe('problemsToCsv', () => {
  it('writes a BOM, a header and CRLF rows, quoting cells with commas', () => {
    expect(problemsToCsv([problem(40, 'XYZ')])).toBe(
      '\ufeffseverity,file,line,column,value,expected\r\n'
      + 'error,offences.csv,40,outcome,XYZ,"expected one of CR, YC"\r\n');
  });

  it('defuses cells Excel would run as formulas', () => {
    const csv = problemsToCsv([problem(2, '=HYPERLINK("http://x")'), problem(3, '+1'), problem(4, '-1'), problem(5, '@SUM(A1)'), problem(6, '\tx'), problem(7, '\rx')]);
    const values = csv.split('\r\n').slice(1, 7).map((row) => row.split(',')[4]);
    expect(values).toEqual(['"\'=HYPERLINK(""http://x"")"', "'+1", "'-1", "'@SUM(A1)", "'\tx", '"\'\rx"']);
  });

  it('leaves a blank line cell for file-level problems', () => {
    const csv = problemsToCsv([{ file: 'a.csv', line: null, column: null, value: null, expected: 'x', severity: 'warning' }]);
    expect(csv.split('\r\n')[1]).toBe('warning,a.csv,,,,x');
  });
});

describe('formulaSafe', () => {
  it('keeps ordinary text as it is', () => {
    expect(formulaSafe('C1')).toBe('C1');
    expect(formulaSafe('a=b')).toBe('a=b');
  });
});

describe('formatProblemList', () => {
  it('prints every problem when there are no more than the cap', () => {
    const problems = [problem(2, 'A'), problem(3, 'B')];
    expect(formatProblemList(problems, 2)).toEqual(problems.map(formatProblem));
  });

  it('caps the list and counts the rest: 5 problems, cap 3 → 3 lines + "2 more"', () => {
    const problems = [2, 3, 4, 5, 6].map((l) => problem(l, 'X'));
    const lines = formatProblemList(problems, 3);
    expect(lines).toEqual([...problems.slice(0, 3).map(formatProblem), messages.moreProblems.text({ count: 2 })]);
    expect(lines[0]).toBe("offences.csv:2: column 'outcome' value 'X': expected one of CR, YC");
  });
});
