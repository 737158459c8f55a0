/**
 * Writes a validated extract's normalised tables into the store in one
 * transaction. Records are keyed (FileSpec.key): a record whose key is new or
 * whose content changed is written with this load's id; an identical one is
 * left as it was, so loading the same extract twice changes nothing but the
 * loads table. 'full' empties every record table first. Reference tables are
 * replaced whole when their file is present (unless identical).
 */
import { FILES, type FileSpec } from '../contract/files.js';
import type { Store } from './db.js';
import { STORE_TABLES, type StoreTable } from './schema.js';

export interface WriteSource {
  spec: FileSpec;
  /** TEMP table holding the normalised rows, with every column of the store table except load_id. */
  table: string;
}

export interface LoadRecord {
  mode: 'merge' | 'full';
  loadedAt: Date;
  sourceDir: string;
  files: readonly { file: string; sha256: string; rows: number; bytes: number }[];
}

export interface WriteResult {
  loadId: number;
  /** Rows this load inserted or replaced, per table (0 where nothing changed or no file). */
  rowsWritten: Record<StoreTable, number>;
}

export async function writeExtract(store: Store, sources: readonly WriteSource[], load: LoadRecord): Promise<WriteResult> {
  // A record table's rows have no order (every query of the store orders by its keys, never by position). Left to keep
  // the order they are inserted in, DuckDB writes each batch apart and merges the row groups again when the copy is
  // checkpointed; unordered, its threads fill whole row groups: a national load costs about a tenth less CPU.
  // The staging tables are read before this, in order (their rowid is the record's position in its file).
  await store.run('SET preserve_insertion_order = false');
  try {
    return await writeAll(store, sources, load);
  } finally {
    // Not to hide the error that ended the write, if any.
    await store.run('RESET preserve_insertion_order').catch(() => undefined);
  }
}

function writeAll(store: Store, sources: readonly WriteSource[], load: LoadRecord): Promise<WriteResult> {
  return store.transaction(async () => {
    const [next] = await store.query<{ id: number }>('SELECT CAST(coalesce(max(load_id), 0) + 1 AS INTEGER) AS id FROM loads');
    const loadId = next?.id ?? 1;
    const rowsWritten = Object.fromEntries(STORE_TABLES.map((t) => [t, 0])) as Record<StoreTable, number>;
    if (load.mode === 'full') {
      for (const spec of FILES.filter((f) => !f.reference)) await store.run(`DELETE FROM ${spec.name}`);
    }
    for (const source of sources) {
      const table = source.spec.name;
      const columns = await storeColumns(store, table);
      if (source.spec.reference) await replaceReference(store, table, source.table, columns, loadId);
      else if (load.mode === 'full') await insertAll(store, table, source.table, columns, loadId);
      else await mergeRecords(store, table, source, columns, loadId);
      const [written] = await store.query<{ n: number }>(
        `SELECT CAST(count(*) AS INTEGER) AS n FROM ${table} WHERE load_id = $loadId`, { loadId });
      rowsWritten[table] = written?.n ?? 0;
    }
    await store.run(
      `INSERT INTO loads (load_id, loaded_at, mode, source_dir, files)
       VALUES ($loadId, CAST($loadedAt AS TIMESTAMP), $mode, $sourceDir, CAST($files AS JSON))`,
      {
        loadId, loadedAt: load.loadedAt.toISOString().replace('T', ' ').replace('Z', ''),
        mode: load.mode, sourceDir: load.sourceDir, files: JSON.stringify(load.files),
      });
    return { loadId, rowsWritten };
  });
}

async function storeColumns(store: Store, table: StoreTable): Promise<string[]> {
  const rows = await store.query<{ name: string }>(
    `SELECT column_name AS name FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $table AND column_name <> 'load_id'
     ORDER BY column_index`, { table });
  return rows.map((r) => r.name);
}

const quoted = (columns: readonly string[], alias?: string): string =>
  columns.map((c) => (alias ? `${alias}."${c}"` : `"${c}"`)).join(', ');

async function mergeRecords(store: Store, table: StoreTable, source: WriteSource, columns: string[], loadId: number): Promise<void> {
  const keyMatch = source.spec.key.map((k) => `t."${k}" = n."${k}"`).join(' AND ');
  const same = columns.map((c) => `t."${c}" IS NOT DISTINCT FROM n."${c}"`).join(' AND ');
  // Drop the stored records this extract changes; identical ones keep their load id.
  await store.run(`DELETE FROM ${table} t USING ${source.table} n WHERE ${keyMatch} AND NOT (${same})`);
  await store.run(
    `INSERT INTO ${table} (${quoted(columns)}, load_id)
     SELECT ${quoted(columns, 'n')}, $loadId FROM ${source.table} n
     WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE ${keyMatch})`, { loadId });
}

async function insertAll(store: Store, table: StoreTable, source: string, columns: string[], loadId: number): Promise<void> {
  await store.run(`INSERT INTO ${table} (${quoted(columns)}, load_id) SELECT ${quoted(columns)}, $loadId FROM ${source}`, { loadId });
}

async function replaceReference(store: Store, table: StoreTable, source: string, columns: string[], loadId: number): Promise<void> {
  const [diff] = await store.query<{ n: number }>(
    `SELECT CAST(count(*) AS INTEGER) AS n FROM (
       (SELECT ${quoted(columns)} FROM ${table} EXCEPT ALL SELECT ${quoted(columns)} FROM ${source})
       UNION ALL
       (SELECT ${quoted(columns)} FROM ${source} EXCEPT ALL SELECT ${quoted(columns)} FROM ${table}))`);
  if ((diff?.n ?? 0) === 0) return;
  await store.run(`DELETE FROM ${table}`);
  await insertAll(store, table, source, columns, loadId);
}
