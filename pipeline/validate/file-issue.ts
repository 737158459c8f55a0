/**
 * Problems that make a whole file unreadable as a CSV of the contract, found
 * from its bytes before DuckDB reads it. Each maps to the specific message the
 * load fails with when it is the only error in the extract.
 */
import { isUtf8 } from 'node:buffer';
import type { MessageId } from '../messages.js';
import { expected } from '../messages.js';

export interface FileIssue {
  messageId: Extract<MessageId, 'notUtf8' | 'notCommaSeparated' | 'emptyFile' | 'badLineEnds'
    | 'fileTooLarge' | 'recordTooLong' | 'headerTooLong' | 'tooManyColumns'>;
  /** Parameters of the message besides the file name. */
  params: Record<string, string>;
  /** The text for Problem.expected. */
  expected: string;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/** Length of a leading UTF-8 byte order mark (3) or 0. */
export function bomLength(bytes: Uint8Array): number {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2] ? 3 : 0;
}

/** Megabytes (of 1,000,000 bytes, as file managers mostly show them) to one decimal place, for messages. */
export function megabytes(bytes: number): string {
  return (bytes / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 1 });
}

/** A file over the size limit: only its size is known, as it was not read. */
export function fileTooLargeIssue(size: number, limit: number): FileIssue {
  const params = { size: megabytes(size), limit: megabytes(limit) };
  return { messageId: 'fileTooLarge', params, expected: expected.fileTooLarge(params.size, params.limit) };
}

/** A header that does not end within the bytes read for it. */
export function headerTooLongIssue(limitBytes: number): FileIssue {
  const limit = Math.round(limitBytes / 1024);
  return { messageId: 'headerTooLong', params: { limit: String(limit) }, expected: expected.headerTooLong(limit) };
}

/** `atLeast`: the header was only read in part, which already had `count` columns. */
export function tooManyColumnsIssue(count: number, limit: number, exact: 'exact' | 'atLeast' = 'exact'): FileIssue {
  const counted = `${exact === 'atLeast' ? 'at least ' : ''}${count.toLocaleString('en-GB')}`;
  return {
    messageId: 'tooManyColumns', params: { count: counted, limit: limit.toLocaleString('en-GB') },
    expected: expected.tooManyColumns(counted, limit),
  };
}

/** The first record too big to read (too long, or too many fields); the problem list names every one. */
export function recordTooLongIssue(line: number, detail: string): FileIssue {
  return { messageId: 'recordTooLong', params: { line: String(line), detail }, expected: detail };
}

/** Checks the bytes are non-empty UTF-8 text; says which encoding it looks like if not. */
export function encodingIssue(bytes: Uint8Array): FileIssue | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const bom = bytes[0] === 0xff ? 'FF FE' : 'FE FF';
    return notUtf8(expected.utf16Bom(bom));
  }
  // NUL is valid UTF-8 but never in a CSV export: UTF-16 without a BOM puts one beside every ASCII letter,
  // and one further on is a damaged file (DuckDB would load it inside a value).
  const nul = bytes.indexOf(0);
  if (nul !== -1 && nul < 4096) return notUtf8(expected.utf16NoBom());
  if (nul !== -1) return notUtf8(expected.nulByte(lineAt(bytes, nul)));
  if (!isUtf8(bytes)) {
    const at = firstInvalidUtf8(bytes);
    return notUtf8(expected.invalidByte(`0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`, lineAt(bytes, at)));
  }
  const text = bytes.subarray(bomLength(bytes));
  if (text.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    return { messageId: 'emptyFile', params: {}, expected: expected.emptyFile() };
  }
  return null;
}

/** The header is not comma-separated when it has no comma but has semicolons or tabs (Excel's other "CSV" exports). */
export function separatorIssue(headerLine: string): FileIssue | null {
  if (headerLine.includes(',')) return null;
  const separator = headerLine.includes(';') ? 'semicolon' : headerLine.includes('\t') ? 'tab' : null;
  if (separator === null) return null;
  return { messageId: 'notCommaSeparated', params: { detail: separator }, expected: expected.notCommaSeparated(separator) };
}

/**
 * Lines must end with LF or CRLF. DuckDB also ends a record
 * at a CR on its own, which the line numbering here does not, so such a file
 * (old Mac line ends, or a stray CR from a hand edit) is refused at the first
 * one outside quotes. The scan runs only when a bare CR exists at all.
 */
export function lineEndIssue(bytes: Uint8Array, start: number): FileIssue | null {
  const at = bareCrOutsideQuotes(bytes, start);
  if (at === -1) return null;
  const line = lineAt(bytes, at);
  return { messageId: 'badLineEnds', params: { line: String(line) }, expected: expected.bareCarriageReturn(line) };
}

function bareCrOutsideQuotes(bytes: Uint8Array, start: number): number {
  if (firstBareCr(bytes, start) === -1) return -1;
  // Rare: walk the records, as a CR inside a quoted field is part of its value.
  let inQuotes = false;
  let fieldStart = true;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (inQuotes) {
      if (b === 0x22 && bytes[i + 1] === 0x22) i++;
      else if (b === 0x22) inQuotes = false;
      continue;
    }
    if (b === 0x0d && bytes[i + 1] !== 0x0a) return i;
    if (b === 0x22 && fieldStart) inQuotes = true;
    fieldStart = b === 0x2c || b === 0x0a;
  }
  return -1;
}

const SCAN_CHUNK = 1 << 20;

/** Offset of the first CR not followed by LF, or -1. A regular expression over Latin-1 chunks is far faster than a byte loop on a CRLF file. */
export function firstBareCr(bytes: Uint8Array, start: number): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.indexOf(0x0d, start) === -1) return -1;
  for (let from = start; from < buffer.length; from += SCAN_CHUNK) {
    // One byte of overlap, so a CR at the end of a chunk is judged by what follows it.
    const end = Math.min(buffer.length, from + SCAN_CHUNK + 1);
    const found = /\r(?!\n)/.exec(buffer.toString('latin1', from, end));
    if (found && (found.index < SCAN_CHUNK || end === buffer.length)) return from + found.index;
  }
  return -1;
}

/**
 * Where a file-level issue is, for the problem list: the line of the first
 * byte that is not UTF-8 (and the field around it, read as Latin-1, so the
 * officer can find it) or of a bare CR; line 1 (the header) otherwise.
 */
export function issueLocation(bytes: Uint8Array, issue: FileIssue): { line: number; value: string | null } {
  if (issue.messageId === 'badLineEnds') return { line: Number(issue.params.line), value: null };
  if (issue.messageId !== 'notUtf8' || bytes.subarray(0, 4096).includes(0) || bomIsUtf16(bytes)) return { line: 1, value: null };
  const nul = bytes.indexOf(0);
  if (nul !== -1) return { line: lineAt(bytes, nul), value: null };
  const at = firstInvalidUtf8(bytes);
  return { line: lineAt(bytes, at), value: fieldAround(bytes, at) };
}

function bomIsUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The comma-separated field holding a byte offset, decoded as Latin-1. */
function fieldAround(bytes: Uint8Array, offset: number): string {
  const isEdge = (b: number | undefined) => b === undefined || b === 0x2c || b === 0x0a || b === 0x0d;
  let from = offset;
  while (from > 0 && !isEdge(bytes[from - 1])) from--;
  let to = offset;
  while (to < bytes.length && !isEdge(bytes[to])) to++;
  return Buffer.from(bytes.subarray(from, to)).toString('latin1').trim();
}

function notUtf8(detail: string): FileIssue {
  return { messageId: 'notUtf8', params: { detail }, expected: expected.notUtf8(detail) };
}

/** Byte offset of the first byte that does not start or continue a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based physical line of a byte offset. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
