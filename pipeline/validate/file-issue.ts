/**
 * Problems that make a whole file unreadable as a CSV of the contract, found
 * from its bytes before DuckDB reads it. Each maps to the specific message the
 * load fails with when it is the only error in the extract.
 */
import { isUtf8 } from 'node:buffer';
import type { MessageId } from '../messages.js';
import { expected } from '../messages.js';

export interface FileIssue {
  messageId: Extract<MessageId, 'notUtf8' | 'notCommaSeparated' | 'emptyFile'>;
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

/** Checks the bytes are non-empty UTF-8 text; says which encoding it looks like if not. */
export function encodingIssue(bytes: Uint8Array): FileIssue | null {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const bom = bytes[0] === 0xff ? 'FF FE' : 'FE FF';
    return notUtf8(expected.utf16Bom(bom));
  }
  // NUL is valid UTF-8 but never in a CSV export: UTF-16 without a BOM puts one beside every ASCII letter.
  if (bytes.subarray(0, 4096).includes(0)) return notUtf8(expected.utf16NoBom());
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
