/**
 * Finds the files of an extract folder and reads their bytes (for the
 * encoding checks, the header and the SHA-256 recorded with each load).
 */
import { webcrypto } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { FILES, type FileSpec } from '../contract/files.js';
import { YjpackError } from '../errors.js';
import { errorText } from '../store/db.js';

export interface LocatedFile {
  spec: FileSpec;
  /** Path on disk, or null when the folder has no such file. */
  path: string | null;
}


/** The contract's files in contract order, each with its path if the folder has it. */
export async function locateExtract(dir: string): Promise<LocatedFile[]> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new YjpackError('dataDirMissing', { path: dir });
  const names = await readdir(dir);
  return FILES.map((spec) => {
    const name = findName(names, spec.fileName);
    return { spec, path: name === null ? null : join(dir, name) };
  });
}

/** Read one file at a time so a national extract is never in memory all at once. */
export async function readExtractFile(path: string, dir: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    throw new YjpackError('extractFileUnreadable', { file: basename(path), dir, detail: errorText(e) }, { cause: e });
  }
}

/** Hex SHA-256, computed on the thread pool so the main thread can keep DuckDB busy meanwhile. */
export async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', bytes);
  return Buffer.from(digest).toString('hex');
}

/** The exact name, or else the one name that matches ignoring case (Windows users write Children.CSV). */
function findName(names: readonly string[], wanted: string): string | null {
  if (names.includes(wanted)) return wanted;
  const matches = names.filter((n) => n.toLowerCase() === wanted);
  return matches.length === 1 ? matches[0]! : null;
}
