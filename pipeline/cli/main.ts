/**
 * The yjpack command line. The only place that reads argv, writes to stdout
 * and decides the exit code; everything else throws YjpackError.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildProgram } from './program.js';
import { reportFailure } from './report-failure.js';

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
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

function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => new Date(), cwd: process.cwd() };
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

if (isEntry()) {
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
}
