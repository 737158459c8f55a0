/**
 * Records too big to hand to DuckDB. DuckDB drops a record longer than its
 * 32 MB read buffer without a word (or reports an unclosed quote on another
 * line), and records each surplus field of a too-wide record with a copy of
 * the whole record, so one row of 100,000 fields takes minutes. Such records
 * are found here first, with their lines, and the file is refused as it is.
 *
 * Records are read as DuckDB reads them (lines.ts): a quote opens a quoted
 * field only at the start of a field. A file without any quote is scanned at
 * memchr speed, probing for long lines only (a record with too many fields
 * is a long line); a file with quotes is walked byte by byte.
 */

/** Longest record read (README "Limits"): well inside DuckDB's 2 MB line and 32 MB buffer; a contract record is a few hundred bytes. */
export const MAX_RECORD_BYTES = 1_000_000;
/** Most fields a record may have (README "Limits"), as for the header. */
export const MAX_RECORD_FIELDS = 1000;

export interface OversizeRecord {
  /** Physical 1-based line it starts on. */
  line: number;
  bytes: number;
  fields: number;
  /** Physical lines it spans (more than one when a quoted field holds newlines). */
  lines: number;
}

export interface OversizeLimits { maxBytes: number; maxFields: number }

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Every record of the file (header included) longer than maxBytes or with more than maxFields fields. */
export function oversizeRecords(
  bytes: Buffer, start: number, limits: OversizeLimits = { maxBytes: MAX_RECORD_BYTES, maxFields: MAX_RECORD_FIELDS },
): OversizeRecord[] {
  // A record of more than maxFields fields has at least maxFields bytes (its commas).
  const suspect = Math.min(limits.maxBytes, limits.maxFields);
  if (bytes.length - start <= suspect) return [];
  const isOver = (r: Span) => r.bytes > limits.maxBytes || r.fields > limits.maxFields;
  const over = (bytes.indexOf(QUOTE, start) === -1 ? longLines(bytes, start, suspect) : quotedRecords(bytes, start, limits)).filter(isOver);
  if (over.length === 0) return [];
  // Rare: now count lines up to each, in one pass.
  let line = 1;
  let at = start;
  return over.map((r) => {
    for (let i = bytes.indexOf(LF, at); i !== -1 && i < r.offset; i = bytes.indexOf(LF, i + 1)) line++;
    at = r.offset;
    return { line, bytes: r.bytes, fields: r.fields, lines: r.lines };
  });
}

interface Span { offset: number; bytes: number; fields: number; lines: number }

/**
 * Lines of at least `suspect` bytes in a file without quotes (where a line is
 * a record). Probes every suspect/2 bytes: a line that long holds a probe at
 * least suspect/2 bytes before its end, found by one memchr for the next LF.
 */
function longLines(bytes: Buffer, start: number, suspect: number): Span[] {
  const step = Math.max(1, Math.floor(suspect / 2));
  const spans: Span[] = [];
  for (let probe = start; probe < bytes.length;) {
    const next = bytes.indexOf(LF, probe);
    const end = next === -1 ? bytes.length : next;
    if (end - probe < step) {
      probe += step;
      continue;
    }
    const from = probe === start ? start : Math.max(start, bytes.lastIndexOf(LF, probe - 1) + 1);
    spans.push({ offset: from, bytes: recordLength(bytes, from, end), fields: commasIn(bytes, from, end) + 1, lines: 1 });
    probe = end + 1;
  }
  return spans;
}

/** The records of a file with quotes over either limit, walked byte by byte (no allocation per record: this is the hot loop). */
function quotedRecords(bytes: Buffer, start: number, limits: OversizeLimits): Span[] {
  const spans: Span[] = [];
  const { maxBytes, maxFields } = limits;
  const n = bytes.length;
  let from = start;
  let fields = 1;
  let lines = 1;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = start; i < n; i++) {
    const b = bytes[i]!;
    if (inQuotes) {
      if (b === QUOTE) {
        if (bytes[i + 1] === QUOTE) i++;
        else inQuotes = false;
      } else if (b === LF) lines++;
      continue;
    }
    if (b === LF) {
      if (fields > maxFields || i - from > maxBytes) spans.push({ offset: from, bytes: recordLength(bytes, from, i), fields, lines });
      from = i + 1;
      fields = 1;
      lines = 1;
      fieldStart = true;
    } else if (b === COMMA) {
      fields++;
      fieldStart = true;
    } else {
      if (b === QUOTE && fieldStart) inQuotes = true;
      fieldStart = false;
    }
  }
  if (from < n) spans.push({ offset: from, bytes: recordLength(bytes, from, n), fields, lines });
  return spans;
}

function recordLength(bytes: Buffer, from: number, end: number): number {
  return end - from - (end > from && bytes[end - 1] === CR ? 1 : 0);
}

function commasIn(bytes: Buffer, from: number, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(COMMA, from); i !== -1 && i < end; i = bytes.indexOf(COMMA, i + 1)) n++;
  return n;
}
