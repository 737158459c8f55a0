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
    for (const line of formatProblemList(e.problems, PROBLEM_CAP)) io.stderr.write(`  ${line}\n`);
    return e.exitCode;
  }
  const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
  io.stderr.write(`yjpack: ${messages.internal.text({ detail, command: `yjpack ${argv.join(' ')}` })}\n`);
  return ExitCode.internal;
}
