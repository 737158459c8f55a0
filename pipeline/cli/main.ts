/**
 * The yjpack command line. The only place that reads argv, writes to stdout
 * and decides the exit code; everything else throws YjpackError.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { criticalSectionsDone, stopError, stopRequested } from '../interrupt.js';
import { buildProgram } from './program.js';
import { reportFailure } from './report-failure.js';
import { STOP_EXIT, installSignalHandlers } from './signals.js';
import { guardStreams, streamFailureError } from './streams.js';

export async function main(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    // A signal that came after the last safe point: the work is complete, but the run was still asked to stop.
    const signal = stopRequested();
    if (signal) return reportFailure(stopError(signal), argv, io);
    return io.exitCode ?? 0;
  } catch (e) {
    return reportFailure(e, argv, io);
  }
}

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  now(): Date;
  cwd: string;
  /** Set by a command that finished but wants a non-zero exit (e.g. validate found problems). */
  exitCode?: number;
}

/**
 * The CLI as a process: guarded stdout/stderr (a closed pipe ends quietly, a
 * full disk is exit 73) and signal handling (exit 130/143/129, outputs whole).
 */
export async function runAsProcess(argv: string[] = process.argv.slice(2)): Promise<void> {
  const streams = guardStreams(process.stdout, process.stderr);
  const io: CliIo = { stdout: streams.stdout, stderr: streams.stderr, env: process.env, now: () => new Date(), cwd: process.cwd() };
  installSignalHandlers({ exit: (code) => process.exit(code), stderr: streams.stderr });
  let code = await main(argv, io);
  const signal = stopRequested();
  if (signal) {
    // The run may have finished, or failed some other way, before it reached a safe point.
    if (code !== STOP_EXIT[signal]) io.stderr.write(`yjpack: ${stopError(signal).message}\n`);
    code = STOP_EXIT[signal];
    await criticalSectionsDone();
  }
  await streams.flush();
  const failure = streams.failure();
  if (failure && !signal) code = reportFailure(streamFailureError(failure), argv, io);
  process.exitCode = code;
  // Nothing left is worth waiting for once stopped (a browser still closing, a timer).
  if (signal) process.exit(code);
}

function isEntry(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntry()) await runAsProcess();
