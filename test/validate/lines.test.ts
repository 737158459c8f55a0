import { describe, expect, it } from 'vitest';
import { lineMapper, recordLines } from '../../pipeline/validate/lines.js';

const scan = (text: string) => {
  const r = recordLines(Buffer.from(text, 'utf8'), 0);
  return { physical: [...r.physical], duckdb: [...r.duckdb] };
};

describe('recordLines', () => {
  it('puts record k on line k + 2 in a plain file', () => {
    expect(scan('h\na\nb\n')).toEqual({ physical: [2, 3], duckdb: [2, 3] });
  });

  it('counts a quoted newline physically but not for DuckDB', () => {
    // Records: header (1), "x\ny" (2-3), z (4).
    expect(scan('h\n"x\ny",1\nz\n')).toEqual({ physical: [2, 4], duckdb: [2, 3] });
  });

  it('skips blank lines (LF or CRLF) as DuckDB does, but a line of spaces is a record', () => {
    expect(scan('h\r\na\r\n\r\n\nb\r\n   \r\n')).toEqual({ physical: [2, 5, 6], duckdb: [2, 5, 6] });
  });

  it('opens quotes only at the start of a field, and reads "" inside quotes', () => {
    // Line 2: x"y is an unquoted field with a stray quote; line 3: a quoted field holding a doubled quote.
    expect(scan('h\nx"y,1\n"a""\nb",2\nc\n')).toEqual({ physical: [2, 3, 5], duckdb: [2, 3, 4] });
  });

  it('lets an unclosed quote run to the end of the file', () => {
    expect(scan('h\na\n"b\nc\nd\n')).toEqual({ physical: [2, 3], duckdb: [2, 3] });
  });

  it('handles a last line without a newline', () => {
    expect(scan('h\na\nb')).toEqual({ physical: [2, 3], duckdb: [2, 3] });
  });
});

describe('lineMapper', () => {
  it('maps staged rows past refused records, and refused records by their DuckDB line', () => {
    // Records start on physical lines 2, 3 (spanning 3-4), 5, 6; DuckDB lines 2, 3, 4, 5. DuckDB refused its line 3.
    const lines = recordLines(Buffer.from('h\na\n"b\nc"\nd\ne\n'), 0);
    const { lineOfRow, lineOfDuckLine } = lineMapper(lines, new Set([3]));
    expect([0, 1, 2].map(lineOfRow)).toEqual([2, 5, 6]);
    expect(lineOfDuckLine(3)).toBe(3);
  });
});
