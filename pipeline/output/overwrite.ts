/**
 * yjpack never writes over a file it was not asked to replace. An output
 * path that already holds a file is refused (exit 73, naming the file and
 * --force), unless --force is given or the file is one yjpack itself wrote
 * for the same purpose (a problems CSV from an earlier run). A file of an
 * extract (children.csv, offences.csv, …) is never replaced by an output of
 * another kind, even with --force: `validate --problems extract/offences.csv`
 * would destroy the data it reports on.
 */
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { YjpackError } from '../errors.js';
import { FILES } from '../contract/files.js';
import { errorText } from '../errors.js';

export interface OverwriteRule {
  /** The option that named the path (for the message): '--out', '--problems'. */
  option: string;
  /** What would be written, for the message: 'the problems list'. */
  output: string;
  force: boolean;
  /** Extract file names this output may replace when forced (sample writes a whole extract; population its own file). */
  mayReplaceExtractFiles?: readonly string[];
  /** True for the first bytes of a file yjpack wrote for this purpose, which it may replace without --force. */
  ownFile?: (head: string) => boolean;
}

const EXTRACT_FILES = new Set(FILES.map((f) => f.fileName.toLowerCase()));

export async function refuseOverwrite(path: string, rule: OverwriteRule): Promise<void> {
  const head = await firstBytes(path);
  if (head === null) return;
  const name = basename(path).toLowerCase();
  const extractFile = EXTRACT_FILES.has(name);
  if (extractFile && !(rule.mayReplaceExtractFiles ?? []).includes(name)) {
    throw new YjpackError('wouldOverwriteInput', { path, name: basename(path), output: rule.output, option: rule.option });
  }
  if (rule.force) return;
  if (rule.ownFile?.(head)) return;
  throw new YjpackError('wouldOverwrite', {
    path, option: rule.option, what: extractFile ? 'a file of an extract' : undefined,
  });
}

/**
 * The start of an existing regular file; '' for anything else that is there
 * (a folder, a pipe: never opened, it could block); null when nothing is.
 */
async function firstBytes(path: string): Promise<string | null> {
  let handle;
  try {
    if (!(await stat(path)).isFile()) return '';
    handle = await open(path, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new YjpackError('cannotWrite', { path, detail: errorText(e) }, { cause: e });
  }
  try {
    const buffer = Buffer.alloc(256);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } catch {
    return '';
  } finally {
    await handle.close();
  }
}
