import { execFileSync } from 'node:child_process';
import { mkdir, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBuffer, readRegularFile } from '../../pipeline/load/regular-file.js';
import { tempDir } from '../support/temp-dir.js';

let dir: string;
beforeAll(async () => { dir = await tempDir('yj-regular-'); });

describe('readRegularFile', () => {
  it('reads an ordinary file, through a link too', async () => {
    await writeFile(join(dir, 'a.csv'), 'a,b\n');
    await symlink(join(dir, 'a.csv'), join(dir, 'link.csv'));
    for (const name of ['a.csv', 'link.csv']) {
      const read = await readRegularFile(join(dir, name), 100);
      expect(read.kind === 'ok' && read.bytes.toString()).toBe('a,b\n');
    }
  });

  it('reads files one after another into shared memory: each read gives exactly its own bytes, growing when needed', async () => {
    await writeFile(join(dir, 'long.csv'), 'a,b,c,d\n1,2,3,4\n');
    await writeFile(join(dir, 'short.csv'), 'x,y\n');
    await writeFile(join(dir, 'longer.csv'), 'p,q,r,s,t,u,v\n1,2,3,4,5,6,7\n8,9,0,1,2,3,4\n');
    const into = readBuffer();
    const text = async (name: string) => {
      const read = await readRegularFile(join(dir, name), 1000, into);
      return read.kind === 'ok' ? read.bytes.toString() : read.kind;
    };
    expect(await text('long.csv')).toBe('a,b,c,d\n1,2,3,4\n');
    const grownTo = into.bytes.length;
    // Shorter: no stale tail of the file before.
    expect(await text('short.csv')).toBe('x,y\n');
    expect(into.bytes.length).toBe(grownTo);
    expect(await text('longer.csv')).toBe('p,q,r,s,t,u,v\n1,2,3,4,5,6,7\n8,9,0,1,2,3,4\n');
    expect(into.bytes.length).toBeGreaterThan(grownTo);
  });

  it('reads a file exactly at the limit, and gives only the size of one over it', async () => {
    await writeFile(join(dir, 'ten.csv'), '0123456789');
    expect((await readRegularFile(join(dir, 'ten.csv'), 10)).kind).toBe('ok');
    expect(await readRegularFile(join(dir, 'ten.csv'), 9)).toEqual({ kind: 'tooLarge', size: 10 });
    await writeFile(join(dir, 'sparse.csv'), '');
    await truncate(join(dir, 'sparse.csv'), 5_000_000_000);
    expect(await readRegularFile(join(dir, 'sparse.csv'), 1000)).toEqual({ kind: 'tooLarge', size: 5_000_000_000 });
  });

  it.each([
    ['a device', async (p: string) => symlink('/dev/zero', p), 'a device'],
    ['a FIFO', async (p: string) => { execFileSync('mkfifo', [p]); }, 'a named pipe (FIFO)'],
    ['a folder', async (p: string) => { await mkdir(p); }, 'a folder'],
  ])('says what %s is instead of reading it', async (name, make, what) => {
    const path = join(dir, name.replace(/ /g, '-'));
    await make(path);
    expect(await readRegularFile(path, 100)).toEqual({ kind: 'notFile', what });
  });

  it('throws the file system error of a missing file, for the caller to word', async () => {
    await expect(readRegularFile(join(dir, 'missing.csv'), 100)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
