/**
 * The sample's staged files: a temporary left by a sample that was killed
 * outright is removed by the next sample into the same folder, and nothing
 * else is.
 */
import { spawnSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { removeLeftoverTemps } from '../../pipeline/sample/writer.js';
import { tempDir } from '../support/temp-dir.js';

let dir: string;
beforeAll(async () => { dir = await tempDir('yj-sample-writer-'); });

describe('removeLeftoverTemps', () => {
  it('removes a dead process\'s temporaries of the files named, and keeps a live one\'s, other files\' and a user\'s own', async () => {
    // A process that has exited: its pid names no running process.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const live = process.pid;
    const names = [
      `.children.csv.${dead}.tmp`, `.population.csv.README.txt.${dead}.tmp`,
      `.children.csv.${live}.tmp`, `.notes.csv.${dead}.tmp`, '.children.csv.tmp', 'children.csv',
    ];
    for (const name of names) await writeFile(join(dir, name), 'x');
    await removeLeftoverTemps(dir, ['children.csv', 'population.csv.README.txt']);
    expect((await readdir(dir)).sort()).toEqual([`.children.csv.${live}.tmp`, `.notes.csv.${dead}.tmp`, '.children.csv.tmp', 'children.csv'].sort());
  });

  it('does nothing for a folder that does not exist yet', async () => {
    await expect(removeLeftoverTemps(join(dir, 'not-yet'), ['children.csv'])).resolves.toBeUndefined();
  });
});
