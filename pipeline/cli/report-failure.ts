/**
 * Turns any failure into a message on stderr and an exit code. YjpackErrors
 * carry their own code; commander's usage errors are 64; anything else is a
 * bug (exit 1) and says so, with the command to report.
 */
import { CommanderError } from 'commander';
import { ExitCode, YjpackError } from '../errors.js';
import { stopError, stopRequested } from '../interrupt.js';
import { formatProblemList } from '../validate/problem-list.js';
import { messages } from '../messages.js';
import type { CliIo } from './main.js';

const PROBLEM_CAP = 50;

/** Errors whose problems were written to a problems CSV: the terminal shows the first 50; all of them otherwise. */
export const problemsFileWritten = new WeakSet<YjpackError>();

export function reportFailure(failure: unknown, argv: string[], io: CliIo): number {
  // After a signal, whatever failed (a closed browser, an interrupted query) failed because of it.
  const signal = stopRequested();
  const e = signal && !(failure instanceof YjpackError && failure.exitCode >= 128) ? stopError(signal) : failure;
  if (e instanceof CommanderError) {
    // commander has already printed its own message (or the help text).
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return 0;
    return ExitCode.usage;
  }
  if (e instanceof YjpackError) {
    io.stderr.write(`yjpack: ${e.message}\n`);
    const cap = problemsFileWritten.has(e) ? PROBLEM_CAP : Number.POSITIVE_INFINITY;
    for (const line of formatProblemList(e.problems, cap)) io.stderr.write(`  ${line}\n`);
    return e.exitCode;
  }
  const environment = environmentError(e);
  if (environment) return reportFailure(environment, argv, io);
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  io.stderr.write(`yjpack: ${messages.internal.text({ detail, command: `yjpack ${argv.join(' ')}` })}\n`);
  return ExitCode.internal;
}

/** Errors of the file system that say what to fix, whatever the phase that met them. */
const CANNOT_STORE = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS']);
const CANNOT_USE = new Set(['EACCES', 'EPERM', 'ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'ELOOP', 'EIO', 'EMFILE', 'ENFILE', 'EBUSY']);
const READING = new Set(['open', 'read', 'scandir', 'opendir', 'stat', 'lstat', 'access', 'readlink', 'realpath']);

/**
 * A file-system error (a folder the user may not read, a full disk) that
 * reached the CLI without a message of its own: the user's environment, not
 * a bug, so it gets exit 66 (cannot read) or 73 (cannot write) and its path.
 */
function environmentError(e: unknown): YjpackError | null {
  const error = e as NodeJS.ErrnoException | null;
  if (!(error instanceof Error) || typeof error.code !== 'string' || typeof error.syscall !== 'string') return null;
  const path = error.path ?? '(unknown path)';
  const detail = error.message;
  if (CANNOT_STORE.has(error.code)) return new YjpackError('cannotWrite', { path, detail }, { cause: e });
  if (!CANNOT_USE.has(error.code)) return null;
  if (error.syscall === 'scandir' || error.syscall === 'opendir') return new YjpackError('dataDirUnreadable', { path, detail }, { cause: e });
  if (READING.has(error.syscall)) return new YjpackError('inputUnreadable', { path, detail }, { cause: e });
  return new YjpackError('cannotWrite', { path, detail }, { cause: e });
}
