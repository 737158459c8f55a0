/**
 * What went wrong with a store file, from the error DuckDB or the file system
 * gives, as a message that says what to do. A damaged file (65) is told apart
 * from a disk that is full (73), a file or folder the user may not use or
 * that is not there (66 reading, 73 writing) and a store in use (73); only a
 * damaged store is ever one to rebuild.
 */
import { errorText } from '../errors.js';
import { access, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname } from 'node:path';
import { YjpackError } from '../errors.js';

export type StoreFault = 'inUse' | 'diskFull' | 'denied' | 'missing' | 'nameTooLong' | 'readOnlyDisk' | 'notAFile' | 'damaged';

/** Patterns are tried in order: a fatal error quotes its cause ("Original error: … No space left"), which wins over the generic damage words. */
const FAULTS: readonly [StoreFault, RegExp][] = [
  ['inUse', /Could not set lock|Conflicting lock/i],
  ['diskFull', /No space left on device|Disk quota exceeded|File too large|ENOSPC|EDQUOT|EFBIG/i],
  ['readOnlyDisk', /Read-only file system|EROFS/i],
  ['denied', /Permission denied|Operation not permitted|EACCES|EPERM/i],
  ['nameTooLong', /File name too long|ENAMETOOLONG/i],
  ['missing', /No such file or directory|Not a directory|ENOENT|ENOTDIR/i],
  ['notAFile', /Is a directory|EISDIR/i],
  ['damaged', /Corrupt database file|checksum|not a valid DuckDB database|Could not read enough bytes|Serialization Error|database has been invalidated|INTERNAL Error/i],
];

export function storeFault(e: unknown): StoreFault | null {
  const text = errorText(e);
  const code = (e as NodeJS.ErrnoException | null)?.code ?? '';
  for (const [fault, pattern] of FAULTS) if (pattern.test(text) || pattern.test(code)) return fault;
  return null;
}

const HINTS: Record<Exclude<StoreFault, 'inUse' | 'damaged'>, (path: string, writing: boolean) => string> = {
  diskFull: () => 'The disk it is on is full: a load needs room for a second copy of the store while it works. Free some space and run again.',
  readOnlyDisk: () => 'It is on a read-only disk. Give --db a file on a disk you may write to.',
  denied: (path, writing) => writing
    ? `You may not write to it or to its folder. Check the permissions (ls -ld '${dirname(path)}' '${path}'), or give --db a file in a folder you own.`
    : `You may not read it. Check its permissions (ls -l '${path}').`,
  nameTooLong: () => 'Its name or a folder name in its path is too long for the file system. Give --db a shorter path.',
  missing: (path, writing) => writing
    ? `The folder '${dirname(path)}' does not exist. Create it (mkdir -p '${dirname(path)}') or give --db a path in an existing folder.`
    : 'Check the path given to --db.',
  notAFile: () => 'It is a folder, not a file. Give --db the store file itself, for example yjpack.duckdb.',
};

/**
 * The YjpackError for a store fault, or null when the error is not one (a
 * bug, which the CLI reports as such). `backup` names a copy that opens.
 */
export function storeError(e: unknown, path: string, writing: boolean, backup: string | null): YjpackError | null {
  const fault = storeFault(e);
  if (fault === null) return null;
  const detail = firstLine(e);
  if (fault === 'inUse') return new YjpackError('storeInUse', { path }, { cause: e });
  if (fault === 'damaged') return new YjpackError('storeDamaged', { path, detail, backup: backup ?? undefined }, { cause: e });
  const hint = HINTS[fault](path, writing);
  return new YjpackError(writing ? 'storeCannotWrite' : 'storeCannotOpen', { path, detail, hint }, { cause: e });
}

/**
 * Checks the file system before DuckDB opens the store, so a missing folder,
 * a name too long or a permission problem is named as such (DuckDB's own
 * message for it reads like a broken file).
 */
export async function checkStorePath(path: string, writing: boolean): Promise<void> {
  const fail = (e: unknown): never => {
    throw storeError(e, path, writing, null) ?? new YjpackError(writing ? 'storeCannotWrite' : 'storeCannotOpen',
      { path, detail: firstLine(e), hint: 'Check the path given to --db.' }, { cause: e });
  };
  const file = await stat(path).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' && writing ? null : fail(e)));
  if (file?.isDirectory()) fail(Object.assign(new Error(`EISDIR: '${path}' is a directory`), { code: 'EISDIR' }));
  if (writing) {
    const folder = await stat(dirname(path)).catch(fail);
    if (!folder.isDirectory()) fail(Object.assign(new Error(`ENOTDIR: '${dirname(path)}' is not a directory`), { code: 'ENOTDIR' }));
    await access(dirname(path), constants.W_OK).catch(fail);
    if (file) await access(path, constants.R_OK | constants.W_OK).catch(fail);
  } else {
    await access(path, constants.R_OK).catch(fail);
  }
}


function firstLine(e: unknown): string {
  return errorText(e).split('\n')[0] ?? '';
}
