/**
 * A thin handle on a DuckDB database: the persistent store file, or a
 * throwaway in-memory store for `--data DIR`. Rows come back as plain JS
 * values: BIGINT → number, DATE → 'YYYY-MM-DD', so indicator code never sees
 * driver types.
 */
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { YjpackError } from '../errors.js';
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
}

/** Opens (creating if needed) a store and makes sure its tables exist. */
export async function openStore(path: string | null, options: OpenOptions = {}): Promise<Store> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path ?? ':memory:',
      options.readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (e) {
    throw mapOpenError(path ?? ':memory:', e);
  }
  const connection = await instance.connect();
  const store = wrap(path, instance, connection);
  try {
    await refuseForeignDatabase(store, path ?? ':memory:', options.readOnly === true);
  } catch (e) {
    store.close();
    throw e;
  }
  if (!options.readOnly) {
    try {
      await connection.run(SCHEMA_SQL);
      await connection.run(
        `INSERT INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}') ON CONFLICT DO UPDATE SET value = excluded.value`);
    } catch (e) {
      store.close();
      throw new YjpackError('storeUnreadable', { path: path ?? ':memory:', detail: errorText(e) }, { cause: e });
    }
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

function wrap(path: string | null, instance: DuckDBInstance, connection: DuckDBConnection): Store {
  let closed = false;
  return {
    path,
    connection,
    async query<T extends Row>(sql: string, params?: SqlParams): Promise<T[]> {
      const reader = await connection.runAndReadAll(sql, params as Record<string, DuckDBValue> | undefined);
      return reader.getRowObjects().map((r) => plainRow(r) as T);
    },
    async run(sql: string, params?: SqlParams): Promise<void> {
      await connection.run(sql, params as Record<string, DuckDBValue> | undefined);
    },
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      await connection.run('BEGIN TRANSACTION');
      try {
        const result = await fn();
        await connection.run('COMMIT');
        return result;
      } catch (e) {
        await connection.run('ROLLBACK').catch(() => undefined);
        throw e;
      }
    },
    close(): void {
      if (closed) return;
      closed = true;
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function plainRow(r: Record<string, DuckDBValue>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(r)) out[k] = plainValue(v);
  return out;
}

function plainValue(v: DuckDBValue): string | number | boolean | null {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  // DuckDB value objects (DATE, TIMESTAMP, DECIMAL, …) print in their SQL form.
  return String(v);
}

function mapOpenError(path: string, e: unknown): YjpackError {
  const text = errorText(e);
  if (/Could not set lock|Conflicting lock/i.test(text)) {
    return new YjpackError('storeInUse', { path }, { cause: e });
  }
  return new YjpackError('storeUnreadable', { path, detail: text }, { cause: e });
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
