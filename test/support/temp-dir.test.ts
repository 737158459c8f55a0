/**
 * The shared temporary-folder helper (test/support/temp-dir.ts): folders are
 * made under the system's temporary folder, and a vitest run of two test
 * files that make them (test/support/fixtures/temp-dir/) leaves none behind.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './temp-dir.js';

describe('tempDir', () => {
  it('makes a new empty folder under the system temporary folder, named with the prefix', async () => {
    const a = await tempDir('yj-helper-');
    const b = await tempDir('yj-helper-');
    expect(a).not.toBe(b);
    for (const dir of [a, b]) {
      expect(dirname(dir)).toBe(tmpdir());
      expect(basename(dir)).toMatch(/^yj-helper-.{6}$/);
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('removeTempDirs removes every folder made so far, with what is in it', async () => {
    const a = await tempDir('yj-helper-');
    await mkdir(join(a, 'sub'));
    await writeFile(join(a, 'sub', 'file.txt'), 'x');
    const b = await tempDir('yj-helper-');
    await removeTempDirs();
    expect(existsSync(a)).toBe(false);
    expect(existsSync(b)).toBe(false);
    // Nothing is left to remove: a second call is harmless.
    await expect(removeTempDirs()).resolves.toBeUndefined();
  });
});

describe('a vitest run of test files that use tempDir', () => {
  it('removes every folder they made once each file has run', async () => {
    // The run gets a temporary folder of its own, so that only its folders are counted.
    const tmp = await tempDir('yj-helper-tmp-');
    const recordDir = await tempDir('yj-helper-record-');
    const record = join(recordDir, 'made.txt');
    await writeFile(record, '');
    const run = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/support/fixtures/temp-dir/vitest.config.ts'], {
      cwd: process.cwd(), env: { ...process.env, TMPDIR: tmp, YJ_TEMP_DIR_RECORD: record }, encoding: 'utf8',
    });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    // Two files, each making a folder in a hook, in a test and in a nested suite's test.
    const made = (await readFile(record, 'utf8')).split('\n').filter((l) => l !== '');
    expect(made).toHaveLength(6);
    for (const dir of made) expect(dirname(dir)).toBe(tmp);
    expect(made.filter((dir) => existsSync(dir))).toEqual([]);
    expect((await readdir(tmp)).filter((n) => n.startsWith('yj-fixture-'))).toEqual([]);
  }, 120_000);
});
