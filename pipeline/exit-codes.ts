/**
 * The process exit codes, the only place their numbers are written: sysexits
 * codes for failures a user can fix, 1 for a bug. Its own module so that the
 * message catalogue can use them without importing errors.ts, which imports
 * the catalogue (an import cycle would leave one of them undefined).
 */
export const ExitCode = {
  ok: 0,
  internal: 1,
  usage: 64,
  data: 65,
  missingInput: 66,
  cannotWrite: 73,
  config: 78,
  // Stopped by a signal: 128 + its number, as a shell reports a process killed by it.
  sighup: 129,
  sigint: 130,
  sigterm: 143,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
