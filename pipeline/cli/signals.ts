/**
 * SIGINT (Ctrl-C), SIGTERM (a scheduler or `kill`) and SIGHUP (a closed
 * terminal) stop a run cleanly: the signal is recorded (pipeline/interrupt.ts),
 * the library stops at its next safe point and unwinds through its own
 * clean-up, and the CLI exits 128 + the signal number (130, 143, 129). If the
 * run has not stopped within a grace period (a long render has no safe point),
 * or a second signal arrives, the CLI exits anyway, but never inside a
 * critical section (an output swap, the store being replaced): those finish
 * first, so the previous outputs stay whole or the new ones are whole. Any
 * temporary file left by a forced exit is removed by the next run.
 */
import { ExitCode } from '../errors.js';
import { criticalSectionsDone, requestStop, stopError, stopRequested, type StopSignal } from '../interrupt.js';

export const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const GRACE_MS = 5_000;

export const STOP_EXIT: Record<StopSignal, number> = {
  SIGHUP: ExitCode.sighup,
  SIGINT: ExitCode.sigint,
  SIGTERM: ExitCode.sigterm,
};

export interface SignalOptions {
  /** Ends the process at once (process.exit); tests pass a recorder. */
  exit(code: number): void;
  /** Where the stop message goes when the CLI has to exit before the run unwinds. */
  stderr: { write(text: string): unknown };
  graceMs?: number;
}

/** Installs the handlers; returns a function that removes them. */
export function installSignalHandlers(options: SignalOptions): () => void {
  let forcing = false;
  const forceExit = async (): Promise<void> => {
    if (forcing) return;
    forcing = true;
    await criticalSectionsDone();
    const signal = stopRequested() ?? 'SIGTERM';
    options.stderr.write(`yjpack: ${stopError(signal).message}\n`);
    options.exit(STOP_EXIT[signal]);
  };
  const handler = (signal: StopSignal): void => {
    if (stopRequested()) {
      void forceExit();
      return;
    }
    requestStop(signal);
    setTimeout(() => { void forceExit(); }, options.graceMs ?? GRACE_MS).unref();
  };
  const listeners = STOP_SIGNALS.map((s) => [s, () => handler(s)] as const);
  for (const [s, l] of listeners) process.on(s, l);
  return () => { for (const [s, l] of listeners) process.off(s, l); };
}
