/**
 * --db pointed at the wrong file: a DuckDB database that is not a yjpack
 * store, or a store from a newer yjpack, is refused with a message (exit 65),
 * not read until a missing table fails as a "bug", and not written to.
 */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../pipeline/store/db.js';
import { CLEAN } from './corpus.js';
import { STACK_FRAME, cli, tempDir } from './cli.js';

async function foreignDatabase(): Promise<string> {
  const path = join(await tempDir('yj-foreign-'), 'finance.duckdb');
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  await connection.run('CREATE TABLE budgets (year INTEGER, amount DOUBLE); INSERT INTO budgets VALUES (2024, 1.5)');
  connection.closeSync();
  instance.closeSync();
  return path;
}

async function tableNames(path: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  const reader = await connection.runAndReadAll(`SELECT table_name FROM duckdb_tables() ORDER BY 1`);
  const names = reader.getRows().map((r) => String(r[0]));
  connection.closeSync();
  instance.closeSync();
  return names;
}

describe('a --db file that is not a yjpack store', () => {
  it('is refused by indicators, run and load with exit 65, and left as it was', async () => {
    const db = await foreignDatabase();
    for (const args of [['indicators', '--db', db], ['run', '--db', db, '--no-pdf', '--out', join(db, '..', 'out')],
      ['load', '--data', CLEAN, '--db', db]]) {
      const r = await cli(...args);
      expect(r.code, args[0]).toBe(65);
      expect(r.err).toContain('not a yjpack store');
      expect(r.err).not.toMatch(STACK_FRAME);
    }
    expect(await tableNames(db)).toEqual(['budgets']);
  });

  it('a store from a newer yjpack is refused, naming both versions', async () => {
    const db = join(await tempDir('yj-newer-'), 'yjpack.duckdb');
    expect((await cli('load', '--data', CLEAN, '--db', db)).code).toBe(0);
    const store = await openStore(db);
    await store.run(`UPDATE meta SET value = '99' WHERE key = 'schema_version'`);
    store.close();
    const r = await cli('indicators', '--db', db);
    expect(r.code).toBe(65);
    expect(r.err).toContain('store version 99');
  });

  it('a new, empty file name still becomes a store', async () => {
    const db = join(await tempDir('yj-new-'), 'fresh.duckdb');
    expect((await cli('load', '--data', CLEAN, '--db', db)).code).toBe(0);
    expect(await tableNames(db)).toContain('meta');
  });
});
