/**
 * The CLI as a real process, for what only a process has: signals, a closed
 * or full stdout, file permissions. `node --import tsx` runs it in one process
 * (npx adds a parent that a signal would reach instead), optionally with the
 * fault shim (shims/fault-shim.mjs) and as another user.
 */
import { spawn, spawnSync, type StdioOptions } from 'node:child_process';

export interface ProcessRun { code: number | null; signal: NodeJS.Signals | null; out: string; err: string }

export interface SpawnOptions {
  env?: Record<string, string>;
  shim?: boolean;
  /** Sends a signal the first time stderr matches (a progress line names the phase). */
  signalOn?: { pattern: RegExp; signal: NodeJS.Signals; delayMs?: number };
  /** stdin, stdout, stderr; stdout and stderr are captured when 'pipe'. */
  stdio?: StdioOptions;
  /** Reads this many bytes of stdout, then closes it (a reader such as `head -c` going away). */
  closeStdoutAfter?: number;
  /** Runs as the unprivileged user 'nobody' (the tests run as root here; root ignores file permissions). */
  asNobody?: boolean;
}

export const IS_ROOT = process.getuid?.() === 0;
export const CAN_DROP_ROOT = IS_ROOT && spawnSync('setpriv', ['--version']).status === 0;

export function runCli(args: readonly string[], options: SpawnOptions = {}): Promise<ProcessRun> {
  const node = [...(options.shim ? ['--import', 'tsx', '--import', './test/hardening/shims/fault-shim.mjs'] : ['--import', 'tsx']),
    'pipeline/cli/main.ts', ...args];
  const [command, argv] = options.asNobody && IS_ROOT
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...node]]
    : [process.execPath, node];
  const child = spawn(command, argv as string[], {
    cwd: process.cwd(), env: { ...process.env, ...options.env }, stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let signalled = false;
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    if (options.closeStdoutAfter !== undefined && out.length >= options.closeStdoutAfter) child.stdout!.destroy();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
    const s = options.signalOn;
    if (s && !signalled && s.pattern.test(err)) {
      signalled = true;
      setTimeout(() => child.kill(s.signal), s.delayMs ?? 0);
    }
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
}
