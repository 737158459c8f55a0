/**
 * Writes outputs so that a failed run never leaves a half-written file or a
 * half-replaced pack: each file goes to a temporary name in the same folder;
 * only when every file of the set is written are they renamed over the old
 * ones (rename is atomic within a file system). The old versions are kept
 * under backup names (hard links, so no copying) until every rename has
 * succeeded, so a rename failing half-way through the set (a file locked by
 * another program, a full disk) puts the previous files back. On any failure
 * the temporaries and backups are removed and the previous outputs stay as
 * they were.
 */
import { copyFile, link, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { errorText, YjpackError } from '../errors.js';

export interface OutputFile {
  path: string;
  data: string | Uint8Array;
}

export async function writeFilesAtomically(files: readonly OutputFile[], runTag: string = `${process.pid}`): Promise<void> {
  const temps: string[] = [];
  try {
    for (const f of files) {
      await ensureDir(dirname(f.path));
      const temp = sibling(f.path, runTag, 'tmp');
      temps.push(temp);
      await writeOrFail(temp, f.data, f.path);
    }
  } catch (e) {
    await removeAll(temps);
    throw e;
  }
  await swapIn(files, temps, runTag);
}

export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await writeFilesAtomically([{ path, data }]);
}

/** Renames every temporary over its target; if one rename fails, the targets already replaced get their old content back. */
async function swapIn(files: readonly OutputFile[], temps: readonly string[], runTag: string): Promise<void> {
  const backups: (string | null)[] = [];
  let renamed = 0;
  try {
    for (const f of files) backups.push(await keepPrevious(f.path, sibling(f.path, runTag, 'bak')));
    for (const [i, f] of files.entries()) {
      await rename(temps[i]!, f.path).catch((e: unknown) => {
        throw new YjpackError('cannotWrite', { path: f.path, detail: errorText(e) }, { cause: e });
      });
      renamed++;
    }
  } catch (e) {
    for (let i = 0; i < renamed; i++) {
      const backup = backups[i];
      // Best effort: the original error is what the user needs to see.
      if (backup) await rename(backup, files[i]!.path).catch(() => undefined);
      else await rm(files[i]!.path, { force: true });
    }
    await removeAll([...temps, ...backups.filter((b): b is string => b !== null)]);
    throw e;
  }
  await removeAll(backups.filter((b): b is string => b !== null));
}

/** A second name for the current file (null when there is none yet): a hard link, or a copy where links are not supported. */
async function keepPrevious(path: string, backup: string): Promise<string | null> {
  await rm(backup, { force: true });
  try {
    await link(path, backup);
    return backup;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    try {
      await copyFile(path, backup);
      return backup;
    } catch (copyError) {
      throw new YjpackError('cannotWrite', { path: backup, detail: errorText(copyError) }, { cause: copyError });
    }
  }
}

/** `.name.<tag>.<kind>` beside the target: hidden, and on the same file system so rename is atomic. */
function sibling(path: string, runTag: string, kind: 'tmp' | 'bak'): string {
  return join(dirname(path), `.${basename(path)}.${runTag}.${kind}`);
}

async function removeAll(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((p) => rm(p, { force: true })));
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

/** Removes outputs a run no longer stands behind (a PDF older than the pack beside it). */
export async function removeFiles(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await rm(path, { force: true }).catch((e: unknown) => {
      throw new YjpackError('cannotWrite', { path, detail: errorText(e) }, { cause: e });
    });
  }
}
