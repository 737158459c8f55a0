/**
 * What a run takes from the outside world besides its inputs and outputs,
 * passed in as one object so the orchestrator stays testable: the clock, the
 * environment and progress reporting. Tests pass a frozen clock and a silent
 * progress sink. (Files are written by the output phase, output/atomic.ts.)
 */
import type { Progress } from './progress.js';

export interface Effects {
  /** The run timestamp; the only time that may appear in outputs. */
  now(): Date;
  env: Readonly<Record<string, string | undefined>>;
  progress: Progress;
}
