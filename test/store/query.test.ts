/**
 * store.query's rows: plain JavaScript values (text, numbers, booleans,
 * null), BIGINT as a number, and every other DuckDB type in its SQL text, in
 * the columns' order, over results of more than one of DuckDB's 2,048-row
 * chunks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../pipeline/store/db.js';

let store: Store;
beforeAll(async () => { store = await openStore(null); });
afterAll(() => { store.close(); });

describe('store.query', () => {
  it('gives each type as a plain value', async () => {
    const rows = await store.query(`
      SELECT 'IN01' AS id, CAST(7 AS INTEGER) AS small, CAST(9007199254740 AS BIGINT) AS big, 0.25::DOUBLE AS share,
             true AS flag, CAST(NULL AS VARCHAR) AS missing, DATE '2024-02-29' AS day, CAST(12.3 AS DECIMAL(5, 2)) AS money`);
    expect(rows).toEqual([{ id: 'IN01', small: 7, big: 9007199254740, share: 0.25, flag: true, missing: null, day: '2024-02-29', money: '12.30' }]);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'small', 'big', 'share', 'flag', 'missing', 'day', 'money']);
  });

  it('keeps every row, in order, across chunks', async () => {
    const rows = await store.query<{ n: number; label: string | null }>(
      `SELECT CAST(range AS INTEGER) AS n, CASE WHEN range % 1000 = 0 THEN NULL ELSE 'r' || range END AS label FROM range(5000) ORDER BY range`);
    expect(rows).toHaveLength(5000);
    expect(rows[4999]).toEqual({ n: 4999, label: 'r4999' });
    expect(rows[2048]).toEqual({ n: 2048, label: 'r2048' });
    expect(rows.filter((r) => r.label === null).map((r) => r.n)).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it('gives no rows for an empty result', async () => {
    expect(await store.query(`SELECT 1 AS one WHERE false`)).toEqual([]);
  });

  it('keeps both of two columns with the same name', async () => {
    const [row] = await store.query(`SELECT 1 AS n, 2 AS n`);
    expect(Object.values(row!)).toEqual([1, 2]);
  });
});
