/**
 * run, indicators and kpis share one compute phase (run.ts computeFor over
 * compute/index.ts computeQuarter): on the sample with the example config,
 * `indicators` prints the records of the run's board/indicators.json byte for
 * byte, `kpis` writes its board/kpi-return.csv byte for byte, and all three
 * give the same population warning and refuse the same period.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliAt, type CliRun } from '../hardening/cli.js';
import { tempDir } from '../support/temp-dir.js';

const SAMPLE = 'data-samples';
const CONFIG = 'data-samples/yjpack.example.yaml';
const RUN_DATE = new Date('2026-11-23T12:00:00Z');
/** The sample's data runs to 30 September 2026: its last reportable quarter on the run date. */
const P = '2026-27-Q2';

/** The lines of a command's stderr that are warnings. */
const warnings = (r: CliRun) => r.err.split('\n').filter((l) => l.startsWith('yjpack: warning:'));

let dir: string;
let run: CliRun;

beforeAll(async () => {
  dir = await tempDir('yj-one-compute-');
  run = await cliAt(RUN_DATE, 'run', '--data', SAMPLE, '--config', CONFIG, '--out', join(dir, 'run'), '--no-pdf');
}, 600_000);

describe('indicators, kpis and run compute the same', () => {
  it('indicators prints the run\'s board indicators.json', async () => {
    expect(run.code).toBe(0);
    const r = await cliAt(RUN_DATE, 'indicators', '--data', SAMPLE, '--config', CONFIG, '--json');
    expect(r.code).toBe(0);
    const board = await readFile(join(dir, 'run', P, 'board', 'indicators.json'), 'utf8');
    expect(board.length).toBeGreaterThan(2);
    expect(r.out === board).toBe(true);
    // The same notes on stderr: the sample's population estimate is out of date for every year of the trend.
    expect(warnings(r).some((l) => l.includes('population'))).toBe(true);
    expect(warnings(run)).toEqual(expect.arrayContaining(warnings(r)));
  }, 600_000);

  it('kpis writes the run\'s board kpi-return.csv, with the same population warning', async () => {
    const out = join(dir, 'kpi-return.csv');
    const r = await cliAt(RUN_DATE, 'kpis', '--data', SAMPLE, '--config', CONFIG, '--out', out);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`compute the KPIs for ${P}`);
    const [own, board] = await Promise.all([readFile(out, 'utf8'), readFile(join(dir, 'run', P, 'board', 'kpi-return.csv'), 'utf8')]);
    expect(own.split('\r\n').length).toBeGreaterThan(2);
    expect(own === board).toBe(true);
    expect(warnings(run)).toEqual(expect.arrayContaining(warnings(r)));
    expect(warnings(r).some((l) => l.includes('population'))).toBe(true);
  }, 600_000);

  it('kpis refuses a quarter after the data as run and indicators do (exit 65, nothing written)', async () => {
    const out = join(dir, 'late.csv');
    const r = await cliAt(RUN_DATE, 'kpis', '--data', SAMPLE, '--period', '2026-27-Q3', '--out', out);
    expect(r.code).toBe(65);
    expect(r.err).toContain('2026-09-30');
    expect(existsSync(out)).toBe(false);
  }, 600_000);
});
