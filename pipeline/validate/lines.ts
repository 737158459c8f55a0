/**
 * Where each record of a CSV starts, as the user counts lines. DuckDB knows a
 * staged row only by its position and a refused row by its own line count
 * (which skips newlines inside quoted fields), so on the error path one byte
 * scan maps both to physical lines. Follows DuckDB's reading: blank lines are
 * skipped; a quote opens a quoted field only at the start of a field.
 */

export interface RecordLines {
  /** Physical 1-based start line of each data record (the header excluded). */
  physical: Int32Array;
  /** DuckDB's line number of each data record: 1 + newlines outside quotes before it. */
  duckdb: Int32Array;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

export function recordLines(bytes: Uint8Array, start: number): RecordLines {
  const physical: number[] = [];
  const duckdb: number[] = [];
  let line = 1;
  let duckLine = 1;
  let i = start;
  let isHeader = true;
  while (i < bytes.length) {
    // Blank line (LF or CRLF alone): DuckDB skips it.
    if (bytes[i] === LF || (bytes[i] === CR && bytes[i + 1] === LF)) {
      i += bytes[i] === CR ? 2 : 1;
      line++;
      duckLine++;
      continue;
    }
    if (!isHeader) {
      physical.push(line);
      duckdb.push(duckLine);
    }
    isHeader = false;
    // Walk one record to its terminating newline.
    let fieldStart = true;
    let inQuotes = false;
    for (; i < bytes.length; i++) {
      const b = bytes[i];
      if (inQuotes) {
        if (b === QUOTE) {
          if (bytes[i + 1] === QUOTE) i++;
          else inQuotes = false;
        } else if (b === LF) line++;
        continue;
      }
      if (b === LF) break;
      if (b === QUOTE && fieldStart) inQuotes = true;
      fieldStart = b === COMMA;
    }
    if (i < bytes.length) {
      i++;
      line++;
      duckLine++;
    }
  }
  return { physical: Int32Array.from(physical), duckdb: Int32Array.from(duckdb) };
}

/**
 * Line lookups for a file: staged row position → line, and DuckDB line → line.
 * Staged rows are the records DuckDB did not refuse, in order.
 */
export function lineMapper(lines: RecordLines, refusedDuckLines: ReadonlySet<number>): {
  lineOfRow: (rn: number) => number;
  lineOfDuckLine: (duckLine: number) => number;
} {
  const staged: number[] = [];
  const byDuckLine = new Map<number, number>();
  for (let k = 0; k < lines.physical.length; k++) {
    const duck = lines.duckdb[k]!;
    byDuckLine.set(duck, lines.physical[k]!);
    if (!refusedDuckLines.has(duck)) staged.push(lines.physical[k]!);
  }
  return {
    // Past the end can only mean the scan and DuckDB disagree; the record count is the best guess left.
    lineOfRow: (rn) => staged[rn] ?? rn + 2,
    lineOfDuckLine: (duckLine) => byDuckLine.get(duckLine) ?? duckLine,
  };
}
