/**
 * The header row, read in JS: DuckDB is then told the column names and count
 * rather than sniffing them, so a ragged or oddly quoted file cannot change
 * how the rest is read.
 */

export interface Header {
  /** Field names as written (unquoted, not yet trimmed). */
  fields: string[];
  /** The header record's text, for sniffing the separator. */
  text: string;
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** Reads the first record (which may span lines inside quotes) after `start` (past any BOM). */
export function readHeader(bytes: Uint8Array, start: number): Header {
  let inQuotes = false;
  let end = start;
  for (; end < bytes.length; end++) {
    const b = bytes[end];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (b === NEWLINE && !inQuotes) break;
  }
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

/** How a header name is compared with the contract's: case-insensitive, trimmed. */
export function headerKey(name: string): string {
  return name.trim().toLowerCase();
}

const PADDING = [', ', ' ,', ' \n', ' \r', '\n ', '" ', ' "'].map((p) => Buffer.from(p, 'latin1'));

/**
 * Whether any field may start or end with a space (then values are trimmed).
 * Errs towards yes (a quoted "a, b" counts); a handful of byte searches cost
 * far less than trimming every field of a clean file.
 */
export function hasPaddedFields(bytes: Buffer, start: number): boolean {
  if (bytes[start] === 0x20 || bytes[bytes.length - 1] === 0x20) return true;
  return PADDING.some((p) => bytes.indexOf(p, start) !== -1);
}
