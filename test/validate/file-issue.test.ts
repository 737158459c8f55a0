import { describe, expect, it } from 'vitest';
import { bomLength, encodingIssue, firstInvalidUtf8, lineAt, separatorIssue } from '../../pipeline/validate/file-issue.js';
import { expected } from '../../pipeline/messages.js';

describe('encodingIssue', () => {
  it('accepts UTF-8 with or without a BOM', () => {
    expect(encodingIssue(Buffer.from('a,b\n£,é\n', 'utf8'))).toBeNull();
    expect(encodingIssue(Buffer.from('\ufeffa,b\n', 'utf8'))).toBeNull();
  });

  it('names UTF-16 big-endian by its BOM', () => {
    expect(encodingIssue(Buffer.from([0xfe, 0xff, 0x00, 0x61]))).toEqual({
      messageId: 'notUtf8', params: { detail: expected.utf16Bom('FE FF') }, expected: expected.notUtf8(expected.utf16Bom('FE FF')),
    });
  });

  it('finds the first bad byte: 0xE9 (Latin-1 é) on line 2', () => {
    const latin1 = Buffer.from('a,b\ncaf\u00e9,1\n', 'latin1');
    expect(encodingIssue(latin1)?.params.detail).toBe(expected.invalidByte('0xE9', 2));
  });

  it('calls a file of blanks empty', () => {
    expect(encodingIssue(Buffer.from(' \r\n\t\n'))?.messageId).toBe('emptyFile');
  });
});

describe('byte helpers', () => {
  it('bomLength is 3 for a UTF-8 BOM and 0 otherwise', () => {
    expect(bomLength(Buffer.from('\ufeffx', 'utf8'))).toBe(3);
    expect(bomLength(Buffer.from('x'))).toBe(0);
  });

  it('firstInvalidUtf8 skips valid multi-byte sequences', () => {
    // "é" is 2 bytes (0..1), "€" 3 bytes (2..4), then the lone continuation byte 0x80 at 5.
    expect(firstInvalidUtf8(Buffer.concat([Buffer.from('é€', 'utf8'), Buffer.from([0x80])]))).toBe(5);
    // A truncated 3-byte sequence at the end is invalid where it starts.
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1);
  });

  it('lineAt counts newlines before the offset', () => {
    expect(lineAt(Buffer.from('a\nb\nc'), 4)).toBe(3);
  });
});

describe('separatorIssue', () => {
  it('says semicolon or tab when the header has no comma', () => {
    expect(separatorIssue('a;b;c')?.params).toEqual({ detail: 'semicolon' });
    expect(separatorIssue('a\tb')?.params).toEqual({ detail: 'tab' });
  });

  it('leaves comma headers and single-column headers alone', () => {
    expect(separatorIssue('a,b;c')).toBeNull();
    expect(separatorIssue('child_id')).toBeNull();
  });
});
