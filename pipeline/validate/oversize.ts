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
 * A file without quotes: records are lines. Two comparisons a byte, no
 * allocation a record: this is the hot loop of every clean file.
 */
function plainRecords(bytes: Buffer, start: number, limits: RecordLimits): Span[] {
  const spans: Span[] = [];
  const n = bytes.length;
  let from = start;
  let commas = 0;
  let isHeader = true;
  for (let i = start; i < n; i++) {
    const b = bytes[i]!;
    if (b === COMMA) commas++;
    else if (b === LF) {
      const length = recordLength(bytes, from, i);
      if (!isHeader && isOver(length, commas + 1, limits)) spans.push({ offset: from, bytes: length, fields: commas + 1, lines: 1 });
      if (length > 0) isHeader = false;
      from = i + 1;
      commas = 0;
    }
  }
  const last = recordLength(bytes, from, n);
  if (from < n && !isHeader && isOver(last, commas + 1, limits)) spans.push({ offset: from, bytes: last, fields: commas + 1, lines: 1 });
  return spans;
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
