/**
 * Nothing lost: a load that fails (a refused extract, or a failure while
 * writing after validation passed) leaves the store exactly as it was: the
 * same `indicators --db` output and the same rows in every table.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSample } from '../../pipeline/sample/index.js';
import { parsePeriod } from '../../pipeline/period.js';
import type { Store } from '../../pipeline/store/db.js';
import { BROKEN_CASES, CLEAN, readExtract, type ExtractFiles } from './corpus.js';
import { cli, tempDir, writeExtract } from './cli.js';
import { dumpStore } from './store-dump.js';

const fault = vi.hoisted(() => ({ on: false }));

// The write runs in one transaction; this fails its last statement (the loads row), after every table has been written.
vi.mock('../../pipeline/store/write.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../pipeline/store/write.js')>();
  const failing = (store: Store): Store => ({
    ...store,
    path: store.path,
    connection: store.connection,
    query: (sql, params) => store.query(sql, params),
    transaction: (fn) => store.transaction(fn),
    close: () => store.close(),
    run: async (sql, params) => {
      if (fault.on && sql.includes('INSERT INTO loads')) throw new Error('injected failure at the end of the write');
      return store.run(sql, params);
    },
  });
  return { ...real, writeExtract: (...a: Parameters<typeof real.writeExtract>) => real.writeExtract(failing(a[0]), a[1], a[2]) };
});

const PERIOD = '2024-25-Q2';
let clean: ExtractFiles;
let sampleDir: string;

beforeAll(async () => {
  clean = await readExtract(CLEAN);
  sampleDir = await tempDir('yj-sample-');
  // A different extract that validates: loading it for real would change every table.
  await generateSample({ outDir: sampleDir, children: 40, seed: 5, to: parsePeriod('2024-25-Q4') });
}, 60_000);

async function storeWithCleanExtract(): Promise<string> {
  const db = join(await tempDir('yj-store-'), 'yjpack.duckdb');
  const load = await cli('load', '--data', CLEAN, '--db', db);
  expect(load.code, load.err).toBe(0);
  return db;
}

async function indicators(db: string): Promise<string> {
  const run = await cli('indicators', '--db', db, '--period', PERIOD, '--json');
  expect(run.code, run.err).toBe(0);
  return run.out;
}

describe('a failed load leaves the store exactly as it was', () => {
  it('after every refused extract of the corpus, merging or replacing', async () => {
    const db = await storeWithCleanExtract();
    const indicatorsBefore = await indicators(db);
    const tablesBefore = await dumpStore(db);
    for (const c of BROKEN_CASES) {
      const dir = await writeExtract(c.break(clean));
      for (const mode of [[], ['--full']]) {
        const load = await cli('load', '--data', dir, '--db', db, '--problems', join(dir, 'problems.csv'), ...mode);
        expect(load.code, c.name).toBe(c.exit);
      }
    }
    expect(await indicators(db)).toBe(indicatorsBefore);
    expect(await dumpStore(db)).toEqual(tablesBefore);
  }, 120_000);

  it.each([['merge', []], ['full', ['--full']]] as const)(
    'after a failure inside the write transaction (%s): rolled back, and the store reopens and answers', async (_mode, flags) => {
      const db = await storeWithCleanExtract();
      const indicatorsBefore = await indicators(db);
      const tablesBefore = await dumpStore(db);
      fault.on = true;
      try {
        const load = await cli('load', '--data', sampleDir, '--db', db, ...flags);
        expect(load.code).toBe(1);
      } finally {
        fault.on = false;
      }
      expect(await dumpStore(db)).toEqual(tablesBefore);
      expect(await indicators(db)).toBe(indicatorsBefore);
      // The same load without the fault does change the store: the comparison above could have failed.
      expect((await cli('load', '--data', sampleDir, '--db', db, ...flags)).code).toBe(0);
      expect(await dumpStore(db)).not.toEqual(tablesBefore);
    }, 60_000);
});
