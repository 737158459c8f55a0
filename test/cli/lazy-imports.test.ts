/**
 * Start-up cost: `yjpack --help` and `yjpack validate` must not load the
 * packages only rendering and printing need (Vega, Vega-Lite, Handlebars,
 * playwright-core, @sparticuz/chromium), and --help not even DuckDB. Runs the
 * CLI as its own process with a module hook that lists every module loaded.
 * The static imports are the same in the build (tsc keeps `import()` as is),
 * so the source is run, through tsx, rather than a dist/ that may be stale.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';

const HEAVY = ['vega', 'vega-lite', 'handlebars', 'playwright-core', '@sparticuz/chromium'];

/** The npm packages (by name) whose modules a CLI run loaded. */
async function packagesLoaded(...args: string[]): Promise<{ status: number | null; packages: Set<string>; stderr: string }> {
  const log = join(await tempDir('yjpack-imports-'), 'imports.txt');
  const child = spawnSync(process.execPath,
    ['--import', 'tsx', '--import', './test/support/record-imports.mjs', 'pipeline/cli/main.ts', ...args],
    { encoding: 'utf8', env: { ...process.env, YJPACK_IMPORT_LOG: log } });
  const urls = (await readFile(log, 'utf8')).split('\n').filter((u) => u !== '');
  const packages = new Set(urls.flatMap((u) => {
    const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(decodeURIComponent(u));
    return m ? [m[1]!] : [];
  }));
  return { status: child.status, packages, stderr: child.stderr };
}

describe('the CLI loads what a command needs, when it runs', () => {
  it('--help loads commander but not DuckDB, the charts or the browser driver', async () => {
    const run = await packagesLoaded('--help');
    expect(run.status, run.stderr).toBe(0);
    // The hook does see packages: commander is how --help is printed.
    expect(run.packages).toContain('commander');
    for (const name of [...HEAVY, '@duckdb/node-api']) expect(run.packages, name).not.toContain(name);
  }, 60_000);

  it('validate loads DuckDB but not the charts or the browser driver', async () => {
    const run = await packagesLoaded('validate', '--data', 'test/fixtures/extracts/clean');
    expect(run.status, run.stderr).toBe(0);
    expect(run.packages).toContain('@duckdb/node-api');
    for (const name of HEAVY) expect(run.packages, name).not.toContain(name);
  }, 60_000);

  it('run loads the charts (so the check above would see them if validate did)', async () => {
    const out = await tempDir('yjpack-lazy-run-');
    const run = await packagesLoaded('run', '--data', 'test/fixtures/cli/tiny', '--period', '2024-25-Q2', '--out', out, '--no-pdf');
    expect(run.status, run.stderr).toBe(0);
    expect(run.packages).toContain('vega');
    expect(run.packages).toContain('handlebars');
    // --no-pdf: no browser, so not its driver either.
    expect(run.packages).not.toContain('playwright-core');
  }, 120_000);
});
