/**
 * Reads one CSV with DuckDB, every field VARCHAR as written, straight into a
 * TEMP table through a projection (the normalising SELECT), so a file is
 * materialised once. The dialect is spelled out (the sniffer guesses wrong on
 * small ragged files) and the column count comes from our own reading of the
 * header, so a row with too many or too few fields, or a broken quote, is
 * refused into a rejects table with its line instead of stopping the read.
 */
import { errorText } from '../errors.js';
import type { Store } from '../store/db.js';

export interface RefusedRecord {
  /** DuckDB's line number (newlines inside quoted fields not counted). */
  duckLine: number;
  kind: 'fieldCount' | 'quoting' | 'other';
  /** Fields found, for fieldCount. */
  found: number | null;
  message: string;
  /** The record's first physical line as written, to show the officer. */
  text: string;
  /** 0-based field where an unterminated quote opens; null otherwise. */
  field: number | null;
}

export interface Staged {
  table: string;
  /** Fields per record, from the header. */
  columns: number;
  rows: number;
  refused: RefusedRecord[];
  /** Distinct refused records, counted in full (refused is capped). */
  refusedCount: number;
}

export type StageResult = { ok: true; staged: Staged } | { ok: false; detail: string };

/**
 * `select` turns the reader (a relation with fields c0..c(n-1)) into the
 * table's SELECT; it must keep file order (no joins), as rowid is the record's
 * position. Staging tables live on the store's connection: TEMP, gone when
 * it closes, never in the store file.
 */
export async function stageCsv(
  store: Store, path: string, table: string, columnCount: number, cap: number, select: (source: string) => string,
): Promise<StageResult> {
  const rejects = `${table}_rejects`;
  const scans = `${table}_scans`;
  await dropStaging(store, table);
  const reader = `read_csv($path,
      auto_detect = false, header = true, delim = ',', quote = '"', escape = '"',
      columns = ${stagingColumns(columnCount)}, null_padding = false, strict_mode = true,
      store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${scans}')`;
  try {
    await store.run(`CREATE TEMP TABLE ${table} AS ${select(reader)}`, { path });
  } catch (e) {
    await dropStaging(store, table);
    // The reader's own failures are about the file; anything else (a binder error) is a bug in our SQL.
    const text = errorText(e);
    if (!/^(Invalid Input|IO|Conversion) Error/.test(text)) throw e;
    return { ok: false, detail: text.replace(/^[A-Za-z ]+ Error: /, '').split('\n')[0] ?? '' };
  }
  const [count] = await store.query<{ n: number; refused: number }>(
    `SELECT CAST((SELECT count(*) FROM ${table}) AS INTEGER) AS n,
            CAST((SELECT count(DISTINCT line) FROM ${rejects}) AS INTEGER) AS refused`);
  const refusedCount = count?.refused ?? 0;
  const refused = refusedCount === 0 ? [] : await refusedRecords(store, rejects, cap);
  return { ok: true, staged: { table, columns: columnCount, rows: count?.n ?? 0, refused, refusedCount } };
}

export async function dropStaging(store: Store, table: string): Promise<void> {
  await store.run(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${table}_rejects; DROP TABLE IF EXISTS ${table}_scans`);
}

async function refusedRecords(store: Store, rejects: string, cap: number): Promise<RefusedRecord[]> {
  // DuckDB writes one reject per missing column of a short row: one problem per record is enough.
  const rows = await store.query<{ line: number; types: string; messages: string; text: string | null; quoted: string | null }>(
    `SELECT CAST(line AS INTEGER) AS line, string_agg(DISTINCT error_type, '|') AS types,
            string_agg(error_message, '|') AS messages, any_value(left(split_part(csv_line, chr(10), 1), 500)) AS text,
            min(column_name) FILTER (WHERE error_type = 'UNQUOTED VALUE') AS quoted
     FROM ${rejects} GROUP BY line ORDER BY line LIMIT ${cap}`);
  return rows.map((r): RefusedRecord => {
    const types = r.types.split('|');
    const found = [...r.messages.matchAll(/Found: (\d+)/g)].map((m) => Number(m[1]));
    // An unclosed quote's csv_line runs on to the end of the file: its first line (trimmed above) is what to show.
    const record = { duckLine: r.line, text: (r.text ?? '').replace(/\r$/, ''), field: null };
    if (types.includes('UNQUOTED VALUE')) {
      const field = /^c(\d+)$/.exec(r.quoted ?? '');
      return { ...record, kind: 'quoting', found: null, message: r.messages, field: field ? Number(field[1]) : null };
    }
    if (types.includes('MISSING COLUMNS') || types.includes('TOO MANY COLUMNS')) {
      // A short row gets one reject per missing column, each counting further: the least is what the row had.
      // Folded, not spread: a record of very many fields would overflow the stack as arguments.
      const n = found.reduce((best, x) => (types.includes('TOO MANY COLUMNS') ? Math.max(best, x) : Math.min(best, x)),
        types.includes('TOO MANY COLUMNS') ? -Infinity : Infinity);
      return { ...record, kind: 'fieldCount', found: Number.isFinite(n) ? n : null, message: r.messages };
    }
    return { ...record, kind: 'other', found: null, message: r.messages.split('|')[0] ?? '' };
  });
}

function stagingColumns(count: number): string {
  return `{${Array.from({ length: count }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
}
