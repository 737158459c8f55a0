/**
 * The whole content of a store file, table by table in a fixed order, read
 * through a read-only open (as `yjpack run --db` reads it), to compare a
 * store before and after something that must not change it.
 */
import { openStore, type Row } from '../../pipeline/store/db.js';
import { STORE_TABLES } from '../../pipeline/store/schema.js';

export const ALL_TABLES = [...STORE_TABLES, 'loads', 'meta'] as const;

export async function dumpStore(path: string): Promise<Record<string, Row[]>> {
  const store = await openStore(path, { readOnly: true });
  try {
    const out: Record<string, Row[]> = {};
    for (const t of ALL_TABLES) out[t] = await store.query(`SELECT * FROM ${t} ORDER BY ALL`);
    return out;
  } finally {
    store.close();
  }
}

/** Row counts and an order-free checksum per table: cheap enough for a national-size store. */
export async function fingerprintStore(path: string): Promise<Record<string, { rows: number; sum: string }>> {
  const store = await openStore(path, { readOnly: true });
  try {
    const out: Record<string, { rows: number; sum: string }> = {};
    for (const t of ALL_TABLES) {
      const [row] = await store.query<{ rows: number; sum: string | null }>(
        `SELECT CAST(count(*) AS INTEGER) AS rows, CAST(sum(hash(${t})) AS VARCHAR) AS sum FROM ${t}`);
      out[t] = { rows: row?.rows ?? 0, sum: row?.sum ?? '' };
    }
    return out;
  } finally {
    store.close();
  }
}
