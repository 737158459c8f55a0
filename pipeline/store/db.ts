/**
 * A thin handle on a DuckDB database: the persistent store file, or a
 * throwaway in-memory store for `--data DIR`. Rows come back as plain JS
 * values: BIGINT → number, DATE → 'YYYY-MM-DD', so indicator code never sees
 * driver types.
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBResultReader, type DuckDBValue } from '@duckdb/node-api';
import { existsSync } from 'node:fs';
import { YjpackError } from '../errors.js';
import { onStop, stopError, stopRequested, throwIfStopped } from '../interrupt.js';
import { errorText } from '../errors.js';
import { checkStorePath, storeError, storeFault } from './errors.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';

export type SqlParams = Record<string, string | number | boolean | null>;
export type Row = Record<string, string | number | boolean | null>;

export interface Store {
  /** File path, or null for an in-memory store. */
  readonly path: string | null;
  query<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  run(sql: string, params?: SqlParams): Promise<void>;
  /** Runs fn in one transaction: all of its writes land, or none. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  readonly connection: DuckDBConnection;
  close(): void;
}

export interface OpenOptions {
  readOnly?: boolean;
  /** The store as the user named it, for messages, when `path` is a working copy of it (store/replace.ts). */
  displayPath?: string;
}

/** Opens (creating if needed) a store and makes sure its tables exist. */
export async function openStore(path: string | null, options: OpenOptions = {}): Promise<Store> {
  throwIfStopped();
  const shown = options.displayPath ?? path ?? ':memory:';
  const writing = !options.readOnly;
  if (path !== null && options.displayPath === undefined) await checkStorePath(path, writing);
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path ?? ':memory:',
      options.readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (e) {
    throw await mapStoreError(e, shown, writing, true);
  }
  const connection = await instance.connect();
  const store = wrap(path, shown, writing, instance, connection);
  try {
    await refuseForeignDatabase(store, shown, options.readOnly === true);
    if (!options.readOnly) {
      await store.run(SCHEMA_SQL);
      await store.run(`INSERT INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}') ON CONFLICT DO UPDATE SET value = excluded.value`);
    }
  } catch (e) {
    store.close();
    if (e instanceof YjpackError) throw e;
    throw new YjpackError('storeUnreadable', { path: shown, detail: errorText(e) }, { cause: e });
  }
  return store;
}

/**
 * A store file is a DuckDB database with yjpack's meta table. Any other
 * DuckDB file given to --db is refused, rather than failing later on a
 * missing table (reading) or gaining yjpack's tables (loading); an empty one
 * may become a store. A store from a newer yjpack is refused too.
 */
async function refuseForeignDatabase(store: Store, path: string, readOnly: boolean): Promise<void> {
  const tables = await store.query<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'`);
  if (tables.length === 0 && !readOnly) return;
  if (!tables.some((t) => t.name === 'meta')) throw new YjpackError('storeNotYjpack', { path });
  const [version] = await store.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'schema_version'`);
  if (version && Number(version.value) > SCHEMA_VERSION) {
    throw new YjpackError('storeTooNew', { path, version: version.value, supported: SCHEMA_VERSION });
  }
  // An older store is upgraded when opened for writing (SCHEMA_SQL only adds); read-only it cannot be.
  if (readOnly && version && Number(version.value) < SCHEMA_VERSION) {
    throw new YjpackError('storeTooOld', { path, version: version.value, supported: SCHEMA_VERSION });
  }
}

/**
 * Every statement first checks for a stop request (a signal interrupts the
 * running statement too), and a failure that is the file's fault (damaged,
 * disk full, permissions) becomes its message rather than a "bug".
 */
function wrap(path: string | null, shown: string, writing: boolean, instance: DuckDBInstance, connection: DuckDBConnection): Store {
  let closed = false;
  const stopHook = onStop(() => { if (!closed) connection.interrupt(); });
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    throwIfStopped();
    try {
      return await work();
    } catch (e) {
      const signal = stopRequested();
      if (signal) throw stopError(signal);
      if (e instanceof YjpackError) throw e;
      throw await mapStoreError(e, shown, writing && path !== null, path !== null);
    }
  };
  return {
    path,
    connection,
    query<T extends Row>(sql: string, params?: SqlParams): Promise<T[]> {
      return guarded(async () => {
        const reader = await connection.runAndReadAll(sql, params as Record<string, DuckDBValue> | undefined);
        return plainRows(reader) as T[];
      });
    },
    run(sql: string, params?: SqlParams): Promise<void> {
      return guarded(async () => { await connection.run(sql, params as Record<string, DuckDBValue> | undefined); });
    },
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      await guarded(() => connection.run('BEGIN TRANSACTION'));
      try {
        const result = await fn();
        await guarded(() => connection.run('COMMIT'));
        return result;
      } catch (e) {
        await connection.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    close(): void {
      if (closed) return;
      closed = true;
      stopHook();
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/**
 * The result as plain rows, read a column at a time: the client's row-wise
 * reading asks the native side for the column count on every row, which
 * made it three times slower over the KPIs' tens of thousands of rows.
 */
function plainRows(reader: DuckDBResultReader): Row[] {
  const names = reader.deduplicatedColumnNames();
  const columns = reader.getColumns().map((values) => values.map(plainValue));
  const rows = new Array<Row>(reader.currentRowCount);
  for (let i = 0; i < rows.length; i++) {
    const row: Row = {};
    for (let k = 0; k < names.length; k++) row[names[k]!] = columns[k]![i] ?? null;
    rows[i] = row;
  }
  return rows;
}

function plainValue(v: DuckDBValue): string | number | boolean | null {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  // DuckDB value objects (DATE, TIMESTAMP, DECIMAL, …) print in their SQL form.
  return String(v);
}

/**
 * A DuckDB error as the user's problem where it is one. On opening, an
 * error of no known kind still means "not a store this yjpack can open";
 * later it is passed on as it is (a bug).
 */
async function mapStoreError(e: unknown, path: string, writing: boolean, opening: boolean): Promise<unknown> {
  const fault = storeFault(e);
  if (fault !== null) return storeError(e, path, writing, fault === 'damaged' ? await usableBackup(path) : null);
  if (opening) return new YjpackError('storeUnreadable', { path, detail: errorText(e) }, { cause: e });
  return e;
}

/** The copy a load keeps of the store it replaced (store/replace.ts), when there is one that opens and reads as a store. */
export function backupPath(path: string): string {
  return `${path}.backup`;
}

async function usableBackup(path: string): Promise<string | null> {
  const backup = backupPath(path);
  if (path === ':memory:' || !existsSync(backup)) return null;
  try {
    const instance = await DuckDBInstance.create(backup, { access_mode: 'READ_ONLY' });
    try {
      const connection = await instance.connect();
      await connection.run('SELECT * FROM meta');
      // Hashing every column of every table reads each block, so its checksum is proved.
      const tables = await connection.runAndReadAll(
        `SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'`);
      for (const [name] of tables.getRows()) await connection.run(`SELECT min(hash(COLUMNS(*))) FROM "${String(name)}"`);
      connection.closeSync();
    } finally {
      instance.closeSync();
    }
    return backup;
  } catch {
    return null;
  }
}
