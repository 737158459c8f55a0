import { readdir, readFile, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFilesAtomically } from '../../pipeline/output/atomic.js';
import { YjpackError } from '../../pipeline/errors.js';
import { tempDir } from '../support/temp-dir.js';

describe('atomic output', () => {
  it('writes every file, creating folders, with paths holding spaces and non-ASCII', async () => {
    const dir = await tempDir('yj out ');
    const target = join(dir, 'Ysgol "Gymraeg" – 2024', 'pack.html');
    await writeFilesAtomically([{ path: target, data: 'new' }]);
    expect(await readFile(target, 'utf8')).toBe('new');
  });

  it('leaves the previous files intact and no temporaries when one write fails', async () => {
    const dir = await tempDir('yj-');
    const good = join(dir, 'board-pack.html');
    await writeFile(good, 'previous pack');
    const blocked = join(dir, 'blocked');
    await writeFile(blocked, 'a file, so nothing can be created under it');
    const failure = await writeFilesAtomically([
      { path: good, data: 'new pack' },
      { path: join(blocked, 'manifest.json'), data: '{}' },
    ]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(YjpackError);
    expect((failure as YjpackError).exitCode).toBe(73);
    expect(await readFile(good, 'utf8')).toBe('previous pack');
    expect((await readdir(dir)).sort()).toEqual(['blocked', 'board-pack.html']);
  });
});
