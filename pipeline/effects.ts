/**
 * Everything yjpack does to the outside world besides reading inputs, passed
 * in as one object so the orchestrator stays testable: the clock, the
 * environment, progress reporting and output writes. Tests pass a frozen
 * clock and a recording progress sink.
 */
import type { Progress } from './progress.js';

export interface Effects {
  /** The run timestamp; the only time that may appear in outputs. */
  now(): Date;
  env: Readonly<Record<string, string | undefined>>;
  progress: Progress;
}
