/**
 * A bad store or a bad environment is the user's to fix, never "a bug"
 * (issue 10, item 6): a damaged store file is exit 65 and names the backup a
 * load keeps; a full disk during a load is exit 73 and leaves the store byte
 * for byte as it was (the load works on a copy); a store or extract folder
 * that may not be read or written, a missing folder or a name too long is
 * 66 (reading) or 73 (writing) and never advises removing the store.
 */
import { spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../pipeline/messages.js';
import { generateSample } from '../../pipeline/sample/index.js';
import { parsePeriod } from '../../pipeline/period.js';
import { CLEAN } from './corpus.js';
import { STACK_FRAME, cli, tempDir } from './cli.js';
import { CAN_DROP_ROOT, IS_ROOT, runCli } from './process.js';

const PERIOD = '2024-25-Q2';
/** The fixed words of a message between its path and its detail, so tests name messages by id: "' is damaged (". */
const words = (id: 'storeDamaged' | 'storeCannotWrite' | 'storeCannotOpen' | 'dataDirUnreadable'): string =>
  messages[id].text({ path: '\u0000', detail: '\u0000', hint: '' }).split('\u0000')[1]!;
const DAMAGED = words('storeDamaged');

let cleanStore: string;
let biggerExtract: string;

beforeAll(async () => {
  cleanStore = join(await tempDir('yj-faults-'), 'yjpack.duckdb');
  expect((await cli('load', '--data', CLEAN, '--db', cleanStore)).code).toBe(0);
  biggerExtract = await tempDir('yj-bigger-');
  await generateSample({ outDir: biggerExtract, children: 10_000, seed: 3, to: parsePeriod('2024-25-Q4') });
}, 120_000);

async function storeCopy(): Promise<string> {
  const db = join(await tempDir('yj-store-'), 'yjpack.duckdb');
  await copyFile(cleanStore, db);
  return db;
}

/** Overwrites bytes at each offset with a pattern no checksum will accept. */
async function scribble(path: string, offsets: readonly number[]): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    for (const at of offsets) await handle.write(Buffer.alloc(512, 0xa5), 0, 512, at);
  } finally {
    await handle.close();
  }
}

const BLOCK = 262_144;
const HEADER = 12_288;

describe('a damaged store', () => {
  const damages: [string, (db: string) => Promise<void>][] = [
    ['truncated to half', async (db) => truncate(db, Math.floor((await stat(db)).size / 2))],
    ['truncated inside its header', (db) => truncate(db, 100)],
    ['scribbled over in both its database headers', (db) => scribble(db, [4096, 8192])],
    ['scribbled over in every data block', async (db) => {
      const size = (await stat(db)).size;
      const offsets: number[] = [];
      for (let at = HEADER + 1000; at < size; at += BLOCK) offsets.push(at);
      await scribble(db, offsets);
    }],
  ];

  it.each(damages)('%s: indicators, run and load exit 65, say it is damaged, and load leaves it as it was', async (_name, damage) => {
    const db = await storeCopy();
    await damage(db);
    const bytes = await readFile(db);
    const out = await tempDir('yj-out-');
    for (const args of [['indicators', '--db', db, '--period', PERIOD], ['run', '--db', db, '--no-pdf', '--out', out, '--period', PERIOD],
      ['load', '--data', CLEAN, '--db', db]]) {
      const r = await cli(...args);
      expect(r.code, `${args[0]}: ${r.err}`).toBe(65);
      expect(r.err).toContain(DAMAGED);
      expect(r.err).not.toMatch(STACK_FRAME);
      expect(r.err).not.toMatch(/this is a bug/i);
    }
    expect((await readFile(db)).equals(bytes)).toBe(true);
    expect((await readdir(join(db, '..'))).sort()).toEqual(['yjpack.duckdb']);
  }, 60_000);

  it('names the backup the last load kept, which opens; copying it back as told gives a store that answers', async () => {
    const db = await storeCopy();
    // A second load keeps the store as it was before it as <store>.backup.
    expect((await cli('load', '--data', biggerExtract, '--db', db)).code).toBe(0);
    const backup = `${db}.backup`;
    expect((await readFile(backup)).equals(await readFile(cleanStore))).toBe(true);
    await truncate(db, Math.floor((await stat(db)).size / 2));
    const r = await cli('indicators', '--db', db, '--period', PERIOD);
    expect(r.code).toBe(65);
    expect(r.err).toContain(messages.storeDamaged.text({ path: db, detail: 'X', backup }).split('(X)')[1]!.trim());
    await copyFile(backup, db);
    expect((await cli('indicators', '--db', db, '--period', PERIOD)).code).toBe(0);
  }, 60_000);

  it('a damaged backup is not offered', async () => {
    const db = await storeCopy();
    expect((await cli('load', '--data', CLEAN, '--db', db)).code).toBe(0);
    await truncate(`${db}.backup`, 100);
    await truncate(db, 100);
    const r = await cli('indicators', '--db', db);
    expect(r.code).toBe(65);
    expect(r.err).toContain(messages.storeDamaged.text({ path: db, detail: 'X' }).split('(X)')[1]!.trim());
  }, 60_000);
});

describe('loads work on a copy: the store never changes until the copy is complete', () => {
  it('a load keeps no working copy, and a dead load\'s working copy is cleaned by the next', async () => {
    const db = await storeCopy();
    // pid 99999999 is above any pid_max: a load that died.
    const dead = join(db, '..', '.yjpack.duckdb.99999999.loading');
    await writeFile(dead, 'half a copy');
    await writeFile(`${dead}.wal`, 'half a log');
    expect((await cli('load', '--data', CLEAN, '--db', db)).code).toBe(0);
    expect((await readdir(join(db, '..'))).sort()).toEqual(['yjpack.duckdb', 'yjpack.duckdb.backup']);
  }, 60_000);

  it('a first load that is refused leaves no store file behind', async () => {
    const db = join(await tempDir('yj-first-'), 'yjpack.duckdb');
    const r = await cli('load', '--data', 'test/fixtures/extracts/broken', '--db', db, '--problems', join(db, '..', 'problems.csv'));
    expect(r.code).toBe(65);
    expect(await readdir(join(db, '..'))).toEqual(['problems.csv']);
  }, 60_000);
});

/** A small file system that fills up: tmpfs, mounted in a private mount namespace (root, or a user namespace). */
const UNSHARE = spawnSync('unshare', IS_ROOT ? ['--mount', 'true'] : ['--mount', '--map-root-user', 'true']).status === 0;

describe.skipIf(!UNSHARE)('a full disk during load (a 10 MB tmpfs)', () => {
  let work: string;
  beforeAll(async () => { work = await tempDir('yj-full-'); });
  afterAll(async () => { await rm(work, { recursive: true, force: true }); });

  /** Runs a shell script in its own mount namespace with a 10 MB tmpfs on $DISK. */
  function onSmallDisk(script: string): { status: number | null; out: string } {
    const disk = join(work, 'disk');
    const r = spawnSync('unshare', [...(IS_ROOT ? ['--mount'] : ['--mount', '--map-root-user']), 'sh', '-c',
      `mkdir -p "$DISK" && mount -t tmpfs -o size=10m tmpfs "$DISK" && ${script}`],
    { env: { ...process.env, DISK: disk, STORE: cleanStore, BIG: biggerExtract, CLEAN, NODE: process.execPath }, encoding: 'utf8', cwd: process.cwd() });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  }

  it('exit 73 saying the disk is full; the store is byte for byte as it was, nothing beside it, and the next load works', () => {
    const yjpack = '"$NODE" --import tsx pipeline/cli/main.ts';
    const r = onSmallDisk([
      'cp "$STORE" "$DISK/yjpack.duckdb"',
      'sha256sum "$DISK/yjpack.duckdb" > "$DISK/../before.sha"',
      `${yjpack} load --data "$BIG" --db "$DISK/yjpack.duckdb"; echo "load exit $?"`,
      'sha256sum "$DISK/yjpack.duckdb" | cmp - "$DISK/../before.sha" && echo "store unchanged"',
      'echo "files: $(ls -A "$DISK" | tr "\\n" " ")"',
      `${yjpack} load --data "$CLEAN" --db "$DISK/yjpack.duckdb"; echo "next load exit $?"`,
    ].join('; '));
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('load exit 73');
    expect(r.out).toContain(words('storeCannotWrite'));
    expect(r.out).toContain('store unchanged');
    expect(r.out).toMatch(/^files: yjpack\.duckdb $/m);
    expect(r.out).toContain('next load exit 0');
    expect(r.out).not.toMatch(/this is a bug/i);
  }, 120_000);
});

describe('a store or folder that cannot be used', () => {
  it('a store in a folder that does not exist: load 73, indicators 66; neither advises removing it', async () => {
    const db = join(await tempDir('yj-nofolder-'), 'missing', 'yjpack.duckdb');
    const load = await cli('load', '--data', CLEAN, '--db', db);
    expect(load.code).toBe(73);
    expect(load.err).toContain(words('storeCannotWrite'));
    const read = await cli('indicators', '--db', db);
    expect(read.code).toBe(66);
    for (const r of [load, read]) expect(r.err).not.toMatch(/remove|delete/i);
  }, 60_000);

  it('a store name too long for the file system: load 73, indicators 66', async () => {
    const db = join(await tempDir('yj-long-'), `${'n'.repeat(300)}.duckdb`);
    const load = await cli('load', '--data', CLEAN, '--db', db);
    expect(load.code).toBe(73);
    expect(load.err).toContain('ENAMETOOLONG');
    const read = await cli('indicators', '--db', db);
    expect(read.code).toBe(66);
    expect(read.err).toContain('ENAMETOOLONG');
    for (const r of [load, read]) expect(r.err).not.toMatch(/remove|delete/i);
  }, 60_000);

  it('a folder given as the store: load 73, indicators 66', async () => {
    const db = await tempDir('yj-dir-');
    expect((await cli('load', '--data', CLEAN, '--db', db)).code).toBe(73);
    expect((await cli('indicators', '--db', db)).code).toBe(66);
  }, 60_000);

  describe.skipIf(IS_ROOT && !CAN_DROP_ROOT)('permissions (run as an unprivileged user)', () => {
    let base: string;
    beforeAll(async () => {
      base = await tempDir('yj-perm-');
      await chmod(base, 0o755);
    });

    it('an extract folder that may not be read: exit 66, naming it', async () => {
      const data = join(base, 'extract');
      await mkdir(data);
      for (const f of await readdir(CLEAN)) await copyFile(join(CLEAN, f), join(data, f));
      await chmod(data, 0o000);
      for (const command of ['validate', 'indicators']) {
        const r = await runCli([command, '--data', data], { asNobody: true });
        expect(r.code, r.err).toBe(66);
        expect(r.err).toContain(words('dataDirUnreadable'));
        expect(r.err).not.toMatch(/this is a bug/i);
      }
    }, 60_000);

    it('a store that may not be read: indicators 66; one whose folder may not be written: load 73; no advice to remove it', async () => {
      const folder = join(base, 'stores');
      await mkdir(folder);
      await chmod(folder, 0o755);
      const db = join(folder, 'yjpack.duckdb');
      await copyFile(cleanStore, db);
      await chmod(db, 0o600);
      const read = await runCli(['indicators', '--db', db], { asNobody: true });
      expect(read.code, read.err).toBe(66);
      await chmod(db, 0o644);
      const load = await runCli(['load', '--data', CLEAN, '--db', db], { asNobody: true });
      expect(load.code, load.err).toBe(73);
      for (const r of [read, load]) {
        expect(r.err).not.toMatch(/remove|delete|this is a bug/i);
        expect(r.err).toContain('EACCES');
      }
      expect((await readFile(db)).equals(await readFile(cleanStore))).toBe(true);
    }, 60_000);
  });
});
