/**
 * The store against real processes: a load killed mid-write (SIGKILL, as the
 * OOM killer or a closed laptop lid does it) leaves a store that reopens with
 * either its old content or the complete new content, never part; a second
 * load (or a run) while one is writing fails clearly with exit 73 and
 * corrupts nothing. Loads run as child processes of `yjpack load`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipeline/sample/index.js';
import { parsePeriod } from '../../pipeline/period.js';
import { CLEAN } from './corpus.js';
import { cli, tempDir } from './cli.js';
import { fingerprintStore } from './store-dump.js';

type Fingerprint = Awaited<ReturnType<typeof fingerprintStore>>;

let work: string;
let bigExtract: string;
/** A store holding the clean fixture extract: what a killed or refused load must leave. */
let oldStore: string;
let oldContent: Fingerprint;
let newContent: Fingerprint;

beforeAll(async () => {
  work = await tempDir('yj-processes-');
  bigExtract = join(work, 'extract');
  await generateSample({ outDir: bigExtract, children: 50_000, seed: 8, to: parsePeriod('2024-25-Q4') });
  oldStore = join(work, 'old.duckdb');
  expect((await cli('load', '--data', CLEAN, '--db', oldStore)).code).toBe(0);
  oldContent = await fingerprintStore(oldStore);
  const complete = join(work, 'complete.duckdb');
  await copyFile(oldStore, complete);
  expect((await cli('load', '--data', bigExtract, '--db', complete)).code).toBe(0);
  newContent = await fingerprintStore(complete);
}, 240_000);

// A national-ish sample and several copies of its store: a few hundred MB, so they go.
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

/** A fresh folder inside the work folder, removed with it. */
const scratch = (name: string): Promise<string> => mkdtemp(join(work, `${name}-`));

/** Every table but loads, whose row carries the wall-clock time of the load. */
function records(f: Fingerprint): Omit<Fingerprint, 'loads'> {
  const { loads: _loads, ...rest } = f;
  return rest;
}

function startLoad(db: string): ChildProcess & { stderr: NonNullable<ChildProcess['stderr']>; text: () => string } {
  // node --import tsx runs the CLI in this one process (npx and the tsx binary add a parent), so a kill reaches DuckDB.
  const child = spawn(process.execPath, ['--import', 'tsx', 'pipeline/cli/main.ts', 'load', '--data', bigExtract, '--db', db],
    { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  return Object.assign(child, { stderr: child.stderr!, text: () => err });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/**
 * Resolves once the load is writing: its working copy of the store (store/replace.ts) has grown past the
 * store or gained a write-ahead log.
 */
async function untilWriting(db: string, child: ChildProcess): Promise<boolean> {
  const size = (await stat(db)).size;
  const copy = join(dirname(db), `.${basename(db)}.${child.pid}.loading`);
  for (;;) {
    if (child.exitCode !== null) return false;
    if (existsSync(`${copy}.wal`) || ((await stat(copy).catch(() => null))?.size ?? 0) > size) return true;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('a load killed mid-write', () => {
  it.each([['as soon as it starts writing', 0], ['a little later in the write', 150]])(
    'killed %s: the store reopens with the old or the complete new content, and takes the next load', async (_when, extraMs) => {
      const db = join(await scratch('kill'), 'yjpack.duckdb');
      await copyFile(oldStore, db);
      const child = startLoad(db);
      const writing = await untilWriting(db, child);
      expect(writing, `the load ended before it was seen writing:\n${child.text()}`).toBe(true);
      if (extraMs > 0) await new Promise((r) => setTimeout(r, extraMs));
      child.kill('SIGKILL');
      await exited(child);

      const after = await fingerprintStore(db);
      const old = JSON.stringify(records(after)) === JSON.stringify(records(oldContent));
      const complete = JSON.stringify(records(after)) === JSON.stringify(records(newContent));
      expect(old || complete, JSON.stringify(after)).toBe(true);
      expect(after.loads?.rows).toBe(old ? 1 : 2);
      // It answers, and the next load completes it.
      expect((await cli('indicators', '--db', db, '--period', '2024-25-Q2')).code).toBe(0);
      expect((await cli('load', '--data', bigExtract, '--db', db)).code).toBe(0);
      expect(records(await fingerprintStore(db))).toEqual(records(newContent));
    }, 120_000);
});

describe('two processes on one store', () => {
  it('a second load while one is writing fails with exit 73 (store in use), and the first completes unharmed', async () => {
    const db = join(await scratch('concurrent'), 'yjpack.duckdb');
    await copyFile(oldStore, db);
    const first = startLoad(db);
    expect(await untilWriting(db, first)).toBe(true);
    // In this process while the child holds the store: a load, and a run reading it.
    const second = await cli('load', '--data', CLEAN, '--db', db);
    expect(second.code).toBe(73);
    expect(second.err).toMatch(/in use by another yjpack process/);
    expect(second.err).not.toMatch(/^\s+at /m);
    const reader = await cli('run', '--db', db, '--out', join(work, 'reports'), '--no-pdf', '--period', '2024-25-Q2');
    expect(reader.code).toBe(73);
    expect((await exited(first)).code).toBe(0);
    expect(records(await fingerprintStore(db))).toEqual(records(newContent));
  }, 120_000);

  it('two loads started together: each ends in 0 or 73, at least one loads, and the store is complete', async () => {
    const db = join(await scratch('concurrent'), 'yjpack.duckdb');
    await copyFile(oldStore, db);
    const children = [startLoad(db), startLoad(db)];
    const results = await Promise.all(children.map(exited));
    for (const [i, r] of results.entries()) {
      expect([0, 73], children[i]!.text()).toContain(r.code);
      if (r.code === 73) expect(children[i]!.text()).toMatch(/in use by another yjpack process/);
    }
    expect(results.some((r) => r.code === 0)).toBe(true);
    expect(records(await fingerprintStore(db))).toEqual(records(newContent));
  }, 120_000);
});
