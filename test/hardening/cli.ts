/**
 * Runs the yjpack CLI in-process with captured streams and a frozen clock,
 * and writes extract folders from bytes, for the hardening tests.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { main, type CliIo } from '../../pipeline/cli/main.js';
import { tempDir as sharedTempDir } from '../support/temp-dir.js';

export const NOW = new Date('2026-11-23T12:00:00Z');

export interface CliRun { code: number; out: string; err: string }

export async function cli(...args: string[]): Promise<CliRun> {
  return cliAt(NOW, ...args);
}

/** The CLI with its clock at `now`: a later run stamps its outputs differently, so a rewrite would show. */
export async function cliAt(now: Date, ...args: string[]): Promise<CliRun> {
  const io: CliIo & { out: string; err: string } = {
    out: '', err: '',
    stdout: { write: (s: string) => { io.out += s; return true; } },
    stderr: { write: (s: string) => { io.err += s; return true; } },
    env: {}, now: () => now, cwd: process.cwd(),
  };
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

/** A temporary folder, removed when the test file has run (test/support/temp-dir.ts). */
export async function tempDir(prefix = 'yj-hard-'): Promise<string> {
  return sharedTempDir(prefix);
}

/** Writes an extract folder (file name → bytes) and returns its path. */
export async function writeExtract(files: Record<string, Buffer | string>, dir?: string): Promise<string> {
  const target = dir ?? await tempDir('yj-extract-');
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(target, name), bytes);
  return target;
}

/** Every file under a folder and its sub-folders (hidden ones too, so a left-over temporary shows), path → bytes. */
export async function snapshot(dir: string): Promise<Record<string, Buffer>> {
  const out: Record<string, Buffer> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      for (const [name, bytes] of Object.entries(await snapshot(path))) out[`${entry.name}/${name}`] = bytes;
    } else {
      out[entry.name] = await readFile(path);
    }
  }
  return out;
}

/** A stack frame as Node prints one: "    at fn (file.ts:12:5)". */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
