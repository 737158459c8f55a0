import { describe, expect, it } from 'vitest';
import { hasPaddedFields, headerKey, readHeader, splitRecord } from '../../pipeline/validate/header.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('readHeader', () => {
  it('reads the first record only, without its CR, after the given start', () => {
    const text = '\ufeffa,"b, c",d\r\n1,2,3\r\n';
    expect(readHeader(bytes(text), 3)).toEqual({ fields: ['a', 'b, c', 'd'], text: 'a,"b, c",d' });
  });

  it('keeps a newline inside a quoted header name within the header', () => {
    expect(readHeader(bytes('"x\ny",z\n1,2\n'), 0)!.fields).toEqual(['x\ny', 'z']);
  });
});

describe('readHeader within a bound', () => {
  it('reads no further than the bound: a header that runs past it is no header', () => {
    expect(readHeader(bytes(`${'h'.repeat(11)}\n1\n`), 0, 10)).toBeNull();
    expect(readHeader(bytes(`${'h'.repeat(10)}\n1\n`), 0, 10)).toEqual({ fields: ['h'.repeat(10)], text: 'h'.repeat(10) });
    // A one-line file shorter than the bound is its header.
    expect(readHeader(bytes('a,b'), 0, 10)).toEqual({ fields: ['a', 'b'], text: 'a,b' });
  });
});

describe('splitRecord', () => {
  it('follows RFC 4180: doubled quotes inside quotes, empty fields kept', () => {
    expect(splitRecord('a,"say ""hi""",,"",z')).toEqual(['a', 'say "hi"', '', '', 'z']);
  });
});

describe('headerKey', () => {
  it('compares names trimmed and case-insensitively', () => {
    expect(headerKey('  Child_ID ')).toBe('child_id');
    expect(headerKey('\u200b Child_ID\u00a0\ufeff')).toBe('child_id');
  });
});

describe('hasPaddedFields', () => {
  it.each([
    ['a,b\n1,2\n', false],
    ['a,b\n1, 2\n', true],
    ['a,b\n1 ,2\n', true],
    ['a,b\n1,2 \n', true],
    ['a,b\r\n1,2 \r\n', true],
    ['a,b\n 1,2\n', true],
    ['a,b\n"1 ",2\n', true],
    [' a,b\n1,2', true],
    ['a,b\n1,2 ', true],
    ['a,b\nx y,2\n', false],
  ])('%j → %s', (text, padded) => {
    expect(hasPaddedFields(bytes(text), 0)).toBe(padded);
  });
});
