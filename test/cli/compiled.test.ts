/**
 * The command as installed: bin/yjpack.js running the compiled dist/ (built
 * by npm ci, or by bin itself when pipeline/ is newer). From dist/pipeline/
 * the project's package.json, reference/ and templates/ must still be found.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

function yjpack(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const child = spawnSync(process.execPath, ['bin/yjpack.js', ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/London' } });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const VERSION = (JSON.parse(await readFile('package.json', 'utf8')) as { version: string }).version;

describe('bin/yjpack.js (the compiled CLI)', () => {
  it('prints the version of package.json', () => {
    const run = yjpack('--version');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(VERSION);
  }, 120_000);

  it('finds reference/ (population) and templates/ (run), and stamps the version in the manifest', async () => {
    const population = yjpack('population', '--area', 'E08000031');
    expect(population.status, population.stderr).toBe(0);
    expect(population.stdout.split('\n')[0]).toMatch(/^year,/);

    const out = await tempDir('yjpack-compiled-');
    const run = yjpack('run', '--data', 'test/fixtures/cli/tiny', '--period', '2024-25-Q2', '--out', out, '--no-pdf');
    expect(run.status, run.stderr).toBe(0);
    expect((await readFile(join(out, '2024-25-Q2', 'board', 'board-pack.html'), 'utf8')).startsWith('<!DOCTYPE html>')).toBe(true);
    const manifest = JSON.parse(await readFile(join(out, '2024-25-Q2', 'manifest.json'), 'utf8')) as { tool: string; version: string };
    expect(manifest).toMatchObject({ tool: 'yjpack', version: VERSION });
  }, 120_000);
});
