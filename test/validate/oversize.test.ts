import { describe, expect, it } from 'vitest';
import { oversizeRecords, type RecordLimits } from '../../pipeline/validate/oversize.js';

const bytes = (s: string) => Buffer.from(s, 'latin1');

/** The same question answered the slow, obvious way: split into records as DuckDB does (header first, blank lines skipped), then measure each. */
function naive(text: string, limits: RecordLimits) {
  const out: { line: number; bytes: number; fields: number; lines: number }[] = [];
  let line = 1;
  let i = 0;
  let header = true;
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
    const length = j - i - (j > i && text[j - 1] === '\r' ? 1 : 0);
    if (length > 0 && !header
      && (length > limits.maxBytes || fields > limits.fields + limits.tolerance || fields < limits.fields - limits.tolerance)) {
      out.push({ line, bytes: length, fields, lines: spanned });
    }
    if (length > 0) header = false;
    line += spanned;
    i = j + 1;
  }
  return out;
}

describe('oversizeRecords', () => {
  const limits: RecordLimits = { maxBytes: 20, fields: 3, tolerance: 1 };

  it('finds a long record and ones too many fields off the header, with their lines', () => {
    const text = `a,b,c\n1,2,3\n${'x'.repeat(19)},,\n1,2,3,4\n1,2,3,4,5\n1\n\n1,2\n`;
    expect(oversizeRecords(bytes(text), 0, limits)).toEqual([
      { line: 3, bytes: 21, fields: 3, lines: 1 },
      { line: 5, bytes: 9, fields: 5, lines: 1 },
      { line: 6, bytes: 1, fields: 1, lines: 1 },
    ]);
  });

  it('never judges the header, and skips blank lines as DuckDB does', () => {
    expect(oversizeRecords(bytes(`\r\n\n${'h,'.repeat(30)}h\n\r\n1,2,3\n`), 0, limits)).toEqual([]);
  });

  it('counts a quoted record over all its lines, and commas inside quotes as text', () => {
    const text = `a,b,c\n"${'x\n'.repeat(12)}",2,3\n"1,2,3,4,5",6,7\n`;
    expect(oversizeRecords(bytes(text), 0, limits)).toEqual([{ line: 2, bytes: 30, fields: 3, lines: 13 }]);
  });

  it('does not count a CR before the LF, and finds a record at the end without a newline', () => {
    expect(oversizeRecords(bytes(`a,b,c\r\n${'y'.repeat(18)},,\r\n${'z'.repeat(19)},,`), 0, limits)).toEqual([{ line: 3, bytes: 21, fields: 3, lines: 1 }]);
  });

  it('a record exactly at each limit is left to DuckDB', () => {
    expect(oversizeRecords(bytes(`a,b,c\n${'x'.repeat(18)},,\n1,2,3,4\n1,2\n`), 0, limits)).toEqual([]);
  });

  it('agrees with the obvious reading on random files, quoted and not', () => {
    // A fixed-seed generator: the same files every run.
    let seed = 42;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const pieces = ['a', 'bb', ',', ',', '\n', '\n', '\r\n', 'xxxxxxxxxx', '"', '""', '"q,\nq"'];
    let found = 0;
    for (let n = 0; n < 400; n++) {
      const usable = n % 2 === 0 ? pieces : pieces.filter((p) => !p.includes('"'));
      const text = Array.from({ length: 5 + Math.floor(random() * 60) }, () => usable[Math.floor(random() * usable.length)]).join('');
      const expectedRecords = naive(text, limits);
      found += expectedRecords.length;
      expect(oversizeRecords(bytes(text), 0, limits), JSON.stringify(text)).toEqual(expectedRecords);
    }
    // The files do break the limits, often: the comparison is not of empty lists.
    expect(found).toBeGreaterThan(200);
  });

  it('counts commas the same wherever the bytes sit in memory (commas are counted a word at a time)', () => {
    let seed = 7;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const pieces = ['a', ',', ',,,,', 'a,b,c,d', '\n', '\r\n', 'xxxxxxxxxxxxxxxxx', ',x,', '\u00ac,'];
    const wide: RecordLimits = { maxBytes: 40, fields: 6, tolerance: 2 };
    let found = 0;
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 10 + Math.floor(random() * 80) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const expectedRecords = naive(text, wide);
      found += expectedRecords.length;
      for (let shift = 0; shift < 4; shift++) {
        // A fresh ArrayBuffer per shift, so the text starts at byte offset 0, 1, 2 and 3 of an aligned buffer.
        const padded = new Uint8Array(new ArrayBuffer(text.length + 8), 0, text.length + 8);
        padded.set(bytes(text), shift);
        const view = Buffer.from(padded.buffer, shift, text.length);
        expect(oversizeRecords(view, 0, wide), `${shift} ${JSON.stringify(text)}`).toEqual(expectedRecords);
      }
    }
    expect(found).toBeGreaterThan(100);
  });
});
