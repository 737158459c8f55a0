/**
 * Line ends and stray bytes the contract does not allow: a CR on its own
 * (old Mac files, hand edits) and a NUL deep in a file, each located by line.
 */
import { describe, expect, it } from 'vitest';
import { encodingIssue, firstBareCr, issueLocation, lineEndIssue } from '../../pipeline/validate/file-issue.js';
import { expected } from '../../pipeline/messages.js';

const CHUNK = 1 << 20;

describe('firstBareCr', () => {
  it('finds nothing in LF or CRLF text', () => {
    expect(firstBareCr(Buffer.from('a,b\nc,d\n'), 0)).toBe(-1);
    expect(firstBareCr(Buffer.from('a,b\r\nc,d\r\n'), 0)).toBe(-1);
  });

  it('finds a CR not followed by LF, also as the last byte', () => {
    // "a,b\r\nc\rd": bytes 0-2 "a,b", 3-4 CRLF, 5 "c", 6 the bare CR.
    expect(firstBareCr(Buffer.from('a,b\r\nc\rd'), 0)).toBe(6);
    expect(firstBareCr(Buffer.from('a,b\r'), 0)).toBe(3);
  });

  it('judges a CR at the end of a scanning chunk by the byte after it', () => {
    // CRLF split across the chunk boundary: CR is the chunk's last byte, LF the next chunk's first.
    const split = Buffer.alloc(CHUNK + 10, 0x61);
    split[CHUNK - 1] = 0x0d;
    split[CHUNK] = 0x0a;
    expect(firstBareCr(split, 0)).toBe(-1);
    // A bare CR as the first byte of the second chunk.
    const second = Buffer.alloc(CHUNK + 10, 0x61);
    second[CHUNK] = 0x0d;
    expect(firstBareCr(second, 0)).toBe(CHUNK);
  });
});

describe('lineEndIssue', () => {
  it('refuses a file with CR-only line ends on line 1', () => {
    const issue = lineEndIssue(Buffer.from('child_id,sex\rC1,M\r'), 0);
    expect(issue).toMatchObject({ messageId: 'badLineEnds', expected: expected.bareCarriageReturn(1) });
  });

  it('names the line of a stray CR, counting LF lines before it', () => {
    const bytes = Buffer.from('child_id,sex\r\nC1,M\r\nC2,F\rx\r\n');
    const issue = lineEndIssue(bytes, 0)!;
    expect(issue.expected).toBe(expected.bareCarriageReturn(3));
    expect(issueLocation(bytes, issue)).toEqual({ line: 3, value: null });
  });

  it('allows a CR inside a quoted field: it is part of the value', () => {
    expect(lineEndIssue(Buffer.from('area,value\n"North\rWest",1\n'), 0)).toBeNull();
  });
});

describe('a NUL byte', () => {
  it('in the first 4 KB means UTF-16 without a byte order mark', () => {
    expect(encodingIssue(Buffer.from('a\u0000,b\n'))?.expected).toBe(expected.notUtf8(expected.utf16NoBom()));
  });

  it('further on is a damaged file, refused at its line', () => {
    // 2,000 lines of "x,1\n" (8,000 bytes, past the first 4 KB), then line 2,001 holds the NUL.
    const bytes = Buffer.from(`${'x,1\n'.repeat(2000)}y,\u00002\n`);
    const issue = encodingIssue(bytes)!;
    expect(issue.expected).toBe(expected.notUtf8(expected.nulByte(2001)));
    expect(issueLocation(bytes, issue)).toEqual({ line: 2001, value: null });
  });
});
