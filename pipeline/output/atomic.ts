/**
 * Writes outputs so that a failed run never leaves a half-written file: each
 * file goes to a temporary name in the same folder, and only when every file
 * of the set is written are they renamed over the old ones (rename is atomic
 * within a file system). If anything fails, the temporaries are removed and
 * the previous outputs stay as they were.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { YjpackError } from '../errors.js';
import { errorText } from '../store/db.js';

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

export async function writeFilesAtomically(files: readonly OutputFile[], runTag: string = `${process.pid}`): Promise<void> {
  const temps: string[] = [];
  try {
    for (const f of files) {
      await ensureDir(dirname(f.path));
      const temp = join(dirname(f.path), `.${basename(f.path)}.${runTag}.tmp`);
      temps.push(temp);
      await writeOrFail(temp, f.data, f.path);
    }
    for (const [i, f] of files.entries()) {
      await rename(temps[i]!, f.path).catch((e: unknown) => {
        throw new YjpackError('cannotWrite', { path: f.path, detail: errorText(e) }, { cause: e });
      });
    }
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw e;
  }
}

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomically([{ path, data }]);
}

async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new YjpackError('cannotWrite', { path: dir, detail: errorText(e) }, { cause: e });
  }
}

async function writeOrFail(temp: string, data: string | Uint8Array, target: string): Promise<void> {
  try {
    await writeFile(temp, data);
  } catch (e) {
    throw new YjpackError('cannotWrite', { path: target, detail: errorText(e) }, { cause: e });
  }
}

function basename(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}
