/**
 * A load never writes the store file in place. It works on a copy beside it
 * (`.name.<pid>.loading`) and, only when the copy is complete and on disk,
 * renames the copy over the store; the store as it was stays as
 * `<store>.backup` (a hard link, so no second copy). So a load that fails in
 * any way (refused extract, full disk, a signal, a kill) leaves the store
 * byte for byte as it was, never larger and never unusable, and a store
 * damaged later can be put back from its backup.
 *
 * The store itself is held open read-write for the whole load: DuckDB's lock
 * on it keeps a second load, or a run reading it, out until the copy is in.
 * The lock is a POSIX record lock, which the process loses when it closes
 * any descriptor of the file, so the copy is read through one descriptor
 * that stays open until the end (no copyFile, which would open and close it).
 */
import { link, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { YjpackError } from '../errors.js';
import { criticalSection, throwIfStopped } from '../interrupt.js';
import { backupPath, openStore, type Store } from './db.js';
import { errorText } from '../errors.js';
import { storeError } from './errors.js';

const LOADING = /^\.(.+)\.(\d+)\.loading(\.wal|\.backup)?$/;

export async function withStoreCopy<T>(path: string, work: (store: Store) => Promise<T>): Promise<T> {
  const existed = await stat(path).then(() => true, () => false);
  const original = await openStore(path);
  const copy = join(dirname(path), `.${basename(path)}.${process.pid}.loading`);
  let working: Store | null = null;
  let source: FileHandle | null = null;
  let replaced = false;
  try {
    // Everything committed so far (a write-ahead log left by an earlier process too) goes into the file being copied.
    await original.run('CHECKPOINT');
    await removeDeadCopies(path);
    await fileStep(path, async () => {
      source = await open(path, 'r');
      await copyThrough(source, copy);
    });
    throwIfStopped();
    working = await openStore(copy, { displayPath: path });
    const result = await work(working);
    await working.run('CHECKPOINT');
    working.close();
    working = null;
    await fileStep(path, () => flushToDisk(copy));
    throwIfStopped();
    await criticalSection(async () => {
      const backup = backupPath(path);
      const nextBackup = `${copy}.backup`;
      await fileStep(path, async () => {
        await rm(nextBackup, { force: true });
        await link(path, nextBackup);
        // Windows cannot rename over a file that is open; elsewhere the lock is kept until the copy is in.
        if (process.platform === 'win32') original.close();
        await rename(copy, path);
        replaced = true;
        await rename(nextBackup, backup);
      });
    });
    return result;
  } finally {
    working?.close();
    original.close();
    await (source as FileHandle | null)?.close().catch(() => undefined);
    if (!replaced) {
      await removeAll([copy, `${copy}.wal`, `${copy}.backup`]);
      if (!existed) await removeAll([path, `${path}.wal`]);
    }
  }
}

/** A file operation on the store or its copy; a full disk or a permission problem becomes its message. */
async function fileStep(path: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (e) {
    throw storeError(e, path, true, null)
      ?? new YjpackError('storeCannotWrite', { path, detail: errorText(e), hint: 'Check the disk and the folder, and run again.' }, { cause: e });
  }
}

const CHUNK = 8 * 1024 * 1024;

/** Copies the open source file to a new file, flushed to disk. */
async function copyThrough(source: FileHandle, target: string): Promise<void> {
  const out = await open(target, 'wx');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let position = 0; ;) {
      const { bytesRead } = await source.read(buffer, 0, CHUNK, position);
      if (bytesRead === 0) break;
      for (let written = 0; written < bytesRead;) {
        written += (await out.write(buffer, written, bytesRead - written)).bytesWritten;
      }
      position += bytesRead;
    }
  } finally {
    await out.close();
  }
}

async function flushToDisk(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Working copies of loads that were killed (their process is gone). */
async function removeDeadCopies(path: string): Promise<void> {
  const dir = dirname(path);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const m = LOADING.exec(name);
    if (!m || m[1] !== basename(path) || isRunning(Number(m[2]))) continue;
    await rm(join(dir, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function removeAll(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((p) => rm(p, { force: true }).catch(() => undefined)));
}
