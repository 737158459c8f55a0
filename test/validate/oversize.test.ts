import { describe, expect, it } from 'vitest';
import { oversizeRecords, type OversizeLimits } from '../../pipeline/validate/oversize.js';

const bytes = (s: string) => Buffer.from(s, 'latin1');

/** The same question answered the slow, obvious way: split into records as DuckDB does, then measure each. */
function naive(text: string, limits: OversizeLimits) {
  const out: { line: number; bytes: number; fields: number; lines: number }[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    let inQuotes = false;
    let fieldStart = true;
    let fields = 1;
    let j = i;
    let spanned = 1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (inQuotes) {
        if (c === '"' && text[j + 1] === '"') j++;
        else if (c === '"') inQuotes = false;
        else if (c === '\n') spanned++;
        continue;
      }
      if (c === '\n') break;
      if (c === ',') fields++;
      else if (c === '"' && fieldStart) inQuotes = true;
      fieldStart = c === ',';
    }
    const length = j - i - (text[j - 1] === '\r' && j > i ? 1 : 0);
    if (length > limits.maxBytes || fields > limits.maxFields) out.push({ line, bytes: length, fields, lines: spanned });
    line += spanned;
    i = j + 1;
  }
  return out;
}

describe('oversizeRecords', () => {
  const limits = { maxBytes: 20, maxFields: 4 };

  it('finds a long line and a wide one in a file without quotes, with their lines', () => {
    const text = `a,b\n1,2\n${'x'.repeat(21)}\n1,2\n1,2,3,4,5\n`;
    expect(oversizeRecords(bytes(text), 0, limits)).toEqual([
      { line: 3, bytes: 21, fields: 1, lines: 1 },
      { line: 5, bytes: 9, fields: 5, lines: 1 },
    ]);
  });

  it('counts a quoted record over all its lines, and commas inside quotes as text', () => {
    const text = `a,b\n"${'x\n'.repeat(12)}",2\n"1,2,3,4,5",6\n`;
    expect(oversizeRecords(bytes(text), 0, limits)).toEqual([{ line: 2, bytes: 28, fields: 2, lines: 13 }]);
  });

  it('does not count a CR before the LF, and finds a record at the end without a newline', () => {
    expect(oversizeRecords(bytes(`a\r\n${'y'.repeat(20)}\r\n${'z'.repeat(21)}`), 0, limits)).toEqual([{ line: 3, bytes: 21, fields: 1, lines: 1 }]);
  });

  it('a record exactly at each limit is fine', () => {
    expect(oversizeRecords(bytes(`a,b,c,d\n${'x'.repeat(20)}\n1,2,3,4\n`), 0, limits)).toEqual([]);
  });

  it('starts after the byte order mark', () => {
    expect(oversizeRecords(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(`${'x'.repeat(20)}\n`)]), 3, limits)).toEqual([]);
  });

  it('agrees with the obvious reading on random files, quoted and not', () => {
    // A fixed-seed generator: the same files every run.
    let seed = 42;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const pieces = ['a', 'bb', ',', ',', '\n', '\r\n', 'xxxxxxxxxx', '"', '""', '"q,\nq"'];
    for (let n = 0; n < 400; n++) {
      const withQuotes = n % 2 === 0;
      const usable = withQuotes ? pieces : pieces.filter((p) => !p.includes('"'));
      const text = Array.from({ length: 5 + Math.floor(random() * 60) }, () => usable[Math.floor(random() * usable.length)]).join('');
      expect(oversizeRecords(bytes(text), 0, limits), JSON.stringify(text)).toEqual(naive(text, limits));
    }
  });
});
