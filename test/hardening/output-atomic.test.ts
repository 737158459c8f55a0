/**
 * writeFilesAtomically when a rename fails part-way through the set (a file
 * held open by another program, a full disk): the files already swapped in
 * get their previous content back, new files go, and no temporary or backup
 * is left behind.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeFilesAtomically } from '../../pipeline/output/atomic.js';
import { YjpackError } from '../../pipeline/errors.js';
import { tempDir } from '../support/temp-dir.js';

const fault = vi.hoisted(() => ({ renameOnto: null as string | null }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      // Only the swap of a new file fails; putting a backup back still works.
      if (fault.renameOnto !== null && to.endsWith(fault.renameOnto) && from.endsWith('.tmp')) {
        throw Object.assign(new Error(`EBUSY: resource busy or locked, rename '${from}'`), { code: 'EBUSY' });
      }
      return real.rename(from, to);
    },
  };
});

afterEach(() => { fault.renameOnto = null; });

async function previousPack(): Promise<string> {
  const dir = await tempDir('yj-atomic-');
  await writeFile(join(dir, 'board-pack.html'), 'old html');
  await writeFile(join(dir, 'indicators.json'), 'old json');
  await writeFile(join(dir, 'manifest.json'), 'old manifest');
  return dir;
}

const newPack = (dir: string) => [
  { path: join(dir, 'board-pack.html'), data: 'new html' },
  { path: join(dir, 'indicators.json'), data: 'new json' },
  { path: join(dir, 'scrutiny-pack.pdf'), data: new Uint8Array([0x25, 0x50, 0x44, 0x46]) },
  { path: join(dir, 'manifest.json'), data: 'new manifest' },
];

describe('atomic output: a swap that fails half-way', () => {
  it('puts back every file already replaced and removes the new ones, when the last rename fails', async () => {
    const dir = await previousPack();
    fault.renameOnto = 'manifest.json';
    const failure = await writeFilesAtomically(newPack(dir), { runTag: 'test' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(YjpackError);
    expect((failure as YjpackError).messageId).toBe('cannotWrite');
    expect((failure as YjpackError).exitCode).toBe(73);
    // board-pack.html, indicators.json and the new PDF had been swapped in before manifest.json failed.
    expect(await readFile(join(dir, 'board-pack.html'), 'utf8')).toBe('old html');
    expect(await readFile(join(dir, 'indicators.json'), 'utf8')).toBe('old json');
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe('old manifest');
    expect((await readdir(dir)).sort()).toEqual(['board-pack.html', 'indicators.json', 'manifest.json']);
  });

  it('leaves everything as it was when the first rename fails', async () => {
    const dir = await previousPack();
    fault.renameOnto = 'board-pack.html';
    await expect(writeFilesAtomically(newPack(dir), { runTag: 'test' })).rejects.toMatchObject({ messageId: 'cannotWrite' });
    expect(await readFile(join(dir, 'board-pack.html'), 'utf8')).toBe('old html');
    expect((await readdir(dir)).sort()).toEqual(['board-pack.html', 'indicators.json', 'manifest.json']);
  });

  it('replaces the whole set and keeps no backups when every rename succeeds', async () => {
    const dir = await previousPack();
    await writeFilesAtomically(newPack(dir), { runTag: 'test' });
    expect(await readFile(join(dir, 'board-pack.html'), 'utf8')).toBe('new html');
    expect(await readFile(join(dir, 'manifest.json'), 'utf8')).toBe('new manifest');
    expect((await readdir(dir)).sort()).toEqual(['board-pack.html', 'indicators.json', 'manifest.json', 'scrutiny-pack.pdf']);
  });
});
