/**
 * The header row, read in JS: DuckDB is then told the column names and count
 * rather than sniffing them, so a ragged or oddly quoted file cannot change
 * how the rest is read.
 */
import { trimInvisible } from './invisible.js';

export interface Header {
  /** Field names as written (unquoted, not yet trimmed). */
  fields: string[];
  /** The header record's text, for sniffing the separator. */
  text: string;
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** Longest header row read (README "Limits"): far more than any contract file's names need. */
export const MAX_HEADER_BYTES = 64 * 1024;
/** Most columns a header may have (README "Limits"); a spreadsheet's own limit is 16,384. */
export const MAX_COLUMNS = 1000;

/**
 * Reads the first record (which may span lines inside quotes) after `start`
 * (past any BOM), looking no further than `maxBytes`: null when the header
 * runs on past that, so a file of one endless line is never decoded whole.
 */
export function readHeader(bytes: Uint8Array, start: number, maxBytes = MAX_HEADER_BYTES): Header | null {
  let inQuotes = false;
  let end = start;
  const stop = Math.min(bytes.length, start + maxBytes + 1);
  for (; end < stop; end++) {
    const b = bytes[end];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (b === NEWLINE && !inQuotes) break;
  }
  if (end - start > maxBytes) return null;
  const text = new TextDecoder('utf-8').decode(bytes.subarray(start, end)).replace(/\r$/, '');
  return { fields: splitRecord(text), text };
}

/** Splits one CSV record into fields (RFC 4180: "" is a quote inside a quoted field). */
export function splitRecord(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') { fields.push(field); field = ''; }
    else field += ch;
  }
  fields.push(field);
  return fields;
}

/** How a header name is compared with the contract's: case-insensitive, trimmed of spaces and invisible characters. */
export function headerKey(name: string): string {
  return trimInvisible(name).toLowerCase();
}

/** Bytes that end or start a field: comma, line feed, carriage return, double quote. */
const FIELD_EDGE = new Set([0x2c, 0x0a, 0x0d, 0x22]);

/**
 * Whether any field may start or end with a space (then values are trimmed):
 * a space next to a comma, a line end or a quote, or at either end of the
 * data. Errs towards yes (a quoted "a, b" counts). One pass that stops only
 * at spaces (a native byte search between them) costs far less than trimming
 * every field of a clean file, and a fraction of one search per pattern.
 */
export function hasPaddedFields(bytes: Buffer, start: number): boolean {
  for (let at = bytes.indexOf(0x20, start); at !== -1; at = bytes.indexOf(0x20, at + 1)) {
    if (at === start || at === bytes.length - 1) return true;
    if (FIELD_EDGE.has(bytes[at - 1]!) || FIELD_EDGE.has(bytes[at + 1]!)) return true;
  }
  return false;
}
