/**
 * A run stopped by a signal (Ctrl-C, SIGTERM from a scheduler, a closed
 * terminal). The CLI records the signal here; the library stops at its next
 * safe point (before a store statement, before launching or using the
 * browser, before swapping outputs in) by throwing a YjpackError that carries
 * the conventional exit code, 128 + the signal number. Work that must not be
 * cut in half (swapping a set of outputs, replacing the store file) runs as a
 * critical section: the CLI waits for it to finish before it exits.
 *
 * No process access here (that is the CLI's, pipeline/cli/signals.ts), so the
 * library and its tests stay in control of the process.
 */
import { YjpackError } from './errors.js';
import type { MessageId } from './messages.js';

export type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';

const MESSAGE: Record<StopSignal, MessageId> = {
  SIGHUP: 'interruptedSighup',
  SIGINT: 'interruptedSigint',
  SIGTERM: 'interruptedSigterm',
};

let received: StopSignal | null = null;
const hooks = new Set<() => void>();
let critical = 0;
const idleWaiters: (() => void)[] = [];

/** Records a stop request and tells every registered hook (close the browser, interrupt the store's queries). */
export function requestStop(signal: StopSignal): void {
  if (received) return;
  received = signal;
  for (const hook of [...hooks]) {
    try { hook(); } catch { /* a hook that fails must not stop the others */ }
  }
}

export function stopRequested(): StopSignal | null {
  return received;
}

export function stopError(signal: StopSignal): YjpackError {
  return new YjpackError(MESSAGE[signal], { signal });
}

/** Throws the stop error if a signal has arrived: call at safe points. */
export function throwIfStopped(): void {
  if (received) throw stopError(received);
}

/** Runs `hook` when a stop is requested (at once, if one already was); returns a function that removes it. */
export function onStop(hook: () => void): () => void {
  if (received) {
    try { hook(); } catch { /* as above */ }
  }
  hooks.add(hook);
  return () => { hooks.delete(hook); };
}

/** Runs fn as a critical section: a stop waits until it has finished (and its own clean-up with it). */
export async function criticalSection<T>(fn: () => Promise<T>): Promise<T> {
  critical++;
  try {
    return await fn();
  } finally {
    critical--;
    if (critical === 0) for (const wake of idleWaiters.splice(0)) wake();
  }
}

export function inCriticalSection(): boolean {
  return critical > 0;
}

/** Resolves when no critical section is running. */
export function criticalSectionsDone(): Promise<void> {
  return critical === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve));
}

/** For tests: forget a recorded signal. */
export function resetStop(): void {
  received = null;
}
