/**
 * Records DuckDB cannot be trusted with. DuckDB drops a record longer than
 * its 32 MB read buffer without a word (or reports an unclosed quote on
 * another line), and records every missing or surplus field of a ragged row
 * as its own reject carrying a copy of the whole row: one row of 100,000
 * fields, or 20,000 short rows under a header of 1,000 columns, take minutes
 * and gigabytes. Such records are found here first, with their lines, and the
 * file is refused as it is; a row only a few fields off is left to DuckDB,
 * which reports it the same way.
 *
 * Records are read as DuckDB reads them (lines.ts): a quote opens a quoted
 * field only at the start of a field; blank lines are skipped.
 */

/** Longest record read (README "Limits"): well inside DuckDB's 2 MB line and 32 MB buffer; a contract record is a few hundred bytes. */
export const MAX_RECORD_BYTES = 1_000_000;
/** Most fields a record may have beyond or short of the header's before it is refused here rather than by DuckDB (README "Limits"). */
export const FIELD_TOLERANCE = 10;

export interface OversizeRecord {
  /** Physical 1-based line it starts on. */
  line: number;
  bytes: number;
  fields: number;
  /** Physical lines it spans (more than one when a quoted field holds newlines). */
  lines: number;
}

export interface RecordLimits {
  maxBytes: number;
  /** Fields of the header: a record more than `tolerance` fields off it is refused. */
  fields: number;
  tolerance: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Every data record too long, or too many fields off the header's count. */
export function oversizeRecords(bytes: Buffer, start: number, limits: RecordLimits): OversizeRecord[] {
  const spans = bytes.indexOf(QUOTE, start) === -1 ? plainRecords(bytes, start, limits) : quotedRecords(bytes, start, limits);
  if (spans.length === 0) return [];
  // Rare: now count lines up to each, in one pass.
  let line = 1;
  let at = start;
  return spans.map((r) => {
    for (let i = bytes.indexOf(LF, at); i !== -1 && i < r.offset; i = bytes.indexOf(LF, i + 1)) line++;
    at = r.offset;
    return { line, bytes: r.bytes, fields: r.fields, lines: r.lines };
  });
}

interface Span { offset: number; bytes: number; fields: number; lines: number }

/** Whether a record breaks the limits; a blank line is no record (DuckDB skips it). */
function isOver(length: number, fields: number, limits: RecordLimits): boolean {
  if (length === 0) return false;
  return length > limits.maxBytes || fields > limits.fields + limits.tolerance || fields < limits.fields - limits.tolerance;
}

/**
 * A file without quotes: records are lines. The hot loop of every clean file,
 * so the line ends are found natively (indexOf) and commas counted four bytes
 * at a time: a third of the CPU of a byte loop over a national extract.
 */
function plainRecords(bytes: Buffer, start: number, limits: RecordLimits): Span[] {
  const spans: Span[] = [];
  const n = bytes.length;
  const counter = commaCounter(bytes);
  let isHeader = true;
  for (let from = start; from < n;) {
    const lf = bytes.indexOf(LF, from);
    const end = lf === -1 ? n : lf;
    const length = recordLength(bytes, from, end);
    const fields = counter(from, end) + 1;
    if (!isHeader && isOver(length, fields, limits)) spans.push({ offset: from, bytes: length, fields, lines: 1 });
    if (length > 0) isHeader = false;
    from = end + 1;
  }
  return spans;
}

/**
 * Counts the commas in bytes[from, end). Whole aligned 32-bit words are
 * tested together (a byte equals the comma exactly when it is zero after XOR,
 * found without carries between bytes); the ends byte by byte.
 */
function commaCounter(bytes: Buffer): (from: number, end: number) => number {
  const skip = (4 - (bytes.byteOffset % 4)) % 4;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + skip, Math.max(0, Math.floor((bytes.length - skip) / 4)));
  const countBytes = (from: number, end: number): number => {
    let commas = 0;
    for (let i = from; i < end; i++) if (bytes[i] === COMMA) commas++;
    return commas;
  };
  return (from, end) => {
    const first = Math.ceil(Math.max(0, from - skip) / 4);
    const last = Math.floor(Math.max(0, end - skip) / 4);
    if (last <= first) return countBytes(from, end);
    let commas = countBytes(from, skip + first * 4) + countBytes(skip + last * 4, end);
    for (let w = first; w < last; w++) {
      const x = words[w]! ^ 0x2c2c2c2c;
      const zeroBytes = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x) & 0x80808080;
      if (zeroBytes !== 0) commas += Math.imul(zeroBytes >>> 7, 0x01010101) >>> 24;
    }
    return commas;
  };
}

/** A file with quotes, walked with the quote state. */
function quotedRecords(bytes: Buffer, start: number, limits: RecordLimits): Span[] {
  const spans: Span[] = [];
  const n = bytes.length;
  let from = start;
  let fields = 1;
  let lines = 1;
  let inQuotes = false;
  let fieldStart = true;
  let isHeader = true;
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
      const length = recordLength(bytes, from, i);
      if (!isHeader && isOver(length, fields, limits)) spans.push({ offset: from, bytes: length, fields, lines });
      if (length > 0) isHeader = false;
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
  const last = recordLength(bytes, from, n);
  if (from < n && !isHeader && isOver(last, fields, limits)) spans.push({ offset: from, bytes: last, fields, lines });
  return spans;
}

function recordLength(bytes: Buffer, from: number, end: number): number {
  return end - from - (end > from && bytes[end - 1] === CR ? 1 : 0);
}
