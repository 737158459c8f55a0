/**
 * npm run bench: times yjpack against DuckDB's own bare CSV load of the same
 * files, measured in the same run, at a service's volume and at national
 * volume. Prints a table; asserts nothing (performance is reported, never
 * tested by timed tests).
 *
 *   npm run bench                      # service (default sample size) and national (300,000 children)
 *   npm run bench -- --children 50000  # one custom size
 *   npm run bench -- --compare ../old  # also time another checkout's bin/yjpack.js (before/after)
 *
 * Targets (issues 3 and 6): load with validation ≤ 2× bare load, indicators
 * ≤ 3× bare load, a service's HTML ≤ 2 s and PDF ≤ 4 s, peak memory ≤ 2 GB.
 * Issue 11: the same as whole processes, as a user meets them: `yjpack
 * --help`, `validate` and `load` spawned as commands, the compiled CLI
 * (bin/yjpack.js → dist/) against the source run through tsx, and `load`
 * against DuckDB's bare load spawned the same way (bench/bare-load.mjs).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { computeIndicators } from '../pipeline/compute/index.js';
import { computeKpis } from '../pipeline/compute/indicators/kpi/index.js';
import { DEFAULT_CONFIG } from '../pipeline/config.js';
import { loadExtract } from '../pipeline/load/index.js';
import { loadTemplates } from '../pipeline/load/templates.js';
import { assemblePack } from '../pipeline/assemble/index.js';
import { renderBoardPack } from '../pipeline/render/index.js';
import { findBrowser, printPdf } from '../pipeline/print/index.js';
import { parsePeriod } from '../pipeline/period.js';
import { computeContext } from '../pipeline/compute/context.js';
import { generateSample } from '../pipeline/sample/index.js';
import { openStore } from '../pipeline/store/db.js';
import { extractDateRange } from '../pipeline/store/summary.js';
import { HISTORY_QUARTERS } from '../pipeline/sample/profile.js';
import { historyStart, writeKpiFiles } from './kpi-files.js';

const PERIOD = parsePeriod('2026-27-Q2');
/** The load's run date: after PERIOD, so no record of the sample is "in the future" (load refuses those). */
const RUN_DATE = new Date('2026-11-23T12:00:00Z');

interface Timing { label: string; ms: number }

async function time<T>(timings: Timing[], label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await fn();
  timings.push({ label, ms: performance.now() - t0 });
  return result;
}

/** DuckDB on its own: a plain database file (not a yjpack store, whose tables would clash), sniffing each CSV. */
async function bareLoad(dir: string): Promise<void> {
  const instance = await DuckDBInstance.create(join(dir, 'bare.duckdb'));
  const connection = await instance.connect();
  try {
    for (const f of (await readdir(dir)).filter((n) => n.endsWith('.csv'))) {
      await connection.run(`CREATE TABLE "${f.replace('.csv', '')}" AS SELECT * FROM read_csv($path, header = true)`, { path: join(dir, f) });
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A way to start the CLI: a label and the node arguments before the command's own. */
interface Cli { label: string; args: string[] }

const ROOT = resolve(import.meta.dirname, '..');

function clis(compare: string | null): Cli[] {
  const list: Cli[] = [
    { label: 'tsx (source)', args: ['--import', 'tsx', join(ROOT, 'pipeline/cli/main.ts')] },
    { label: 'compiled (bin)', args: [join(ROOT, 'bin/yjpack.js')] },
  ];
  if (compare) list.unshift({ label: `${compare} bin`, args: [join(resolve(compare), 'bin/yjpack.js')] });
  return list;
}

/**
 * CPU time (user + system, all threads) of this process's finished children,
 * in ms, from /proc (Linux; null elsewhere). On a shared machine a process's
 * wall time depends on what else runs; its CPU time much less.
 */
function childrenCpuMs(): number | null {
  try {
    // After "pid (comm) ": field 3 (state) is index 0, so cutime (16) and cstime (17) are 13 and 14; in clock ticks of 10 ms.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

interface ProcessTime { wall: number; cpu: number | null }

/** Wall and CPU time of one spawned node process, in ms; throws if it fails. */
function spawnMs(args: string[]): ProcessTime {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return { wall, cpu: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/**
 * Each command `repeats` times per CLI, the CLIs and the bare load taking
 * turns so that a busy spell of a shared machine falls on all of them;
 * the median is reported.
 */
function processTimings(dir: string, list: Cli[], repeats: number): void {
  const rows: { label: string; ms: Record<string, ProcessTime[]> }[] = [
    { label: '--help', ms: {} }, { label: 'validate', ms: {} }, { label: 'load (validated)', ms: {} },
  ];
  const bare: ProcessTime[] = [];
  for (let i = 0; i < repeats; i++) {
    bare.push(spawnMs([join(ROOT, 'bench/bare-load.mjs'), dir, join(dir, `bare-${i}.duckdb`)]));
    for (const cli of list) {
      const add = (row: number, ms: ProcessTime) => (rows[row]!.ms[cli.label] ??= []).push(ms);
      add(0, spawnMs([...cli.args, '--help']));
      add(1, spawnMs([...cli.args, 'validate', '--data', dir]));
      add(2, spawnMs([...cli.args, 'load', '--data', dir, '--db', join(dir, `store-${cli.label.replace(/\W/g, '')}-${i}.duckdb`), '--full']));
    }
  }
  const summary = (times: ProcessTime[]) => ({
    wall: median(times.map((t) => t.wall)),
    cpu: times.every((t) => t.cpu !== null) ? median(times.map((t) => t.cpu!)) : null,
  });
  const seconds = (ms: number) => (ms / 1000).toFixed(2).padStart(7);
  const bareTime = summary(bare);
  const line = (label: string, t: ProcessTime, ratio: boolean) => {
    const times = `${seconds(t.wall)} s wall${ratio ? ` (${(t.wall / bareTime.wall).toFixed(2)}× bare)` : ''}`;
    const cpu = t.cpu === null ? '' : `  ${seconds(t.cpu)} s CPU${ratio && bareTime.cpu ? ` (${(t.cpu / bareTime.cpu).toFixed(2)}× bare)` : ''}`;
    console.log(`    ${label.padEnd(40)} ${times}${cpu}`);
  };
  console.log(`  whole processes, median of ${repeats} (spawned node; CPU is user + system of all its threads):`);
  line('bare DuckDB read_csv load', bareTime, false);
  for (const row of rows) {
    for (const cli of list) line(`${row.label}, ${cli.label}`, summary(row.ms[cli.label]!), row.label.startsWith('load'));
  }
}

async function benchOne(label: string, children: number | undefined, withRender: boolean, list: Cli[], repeats: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `yjpack-bench-${label}-`));
  const timings: Timing[] = [];
  try {
    const summary = await time(timings, 'generate sample', () => generateSample({ outDir: dir, children, seed: 1, to: PERIOD, area: children ? 'K04000001' : undefined }));
    // The sample does not write the KPI files yet: bench/kpi-files.ts adds them at the extract's volume.
    if (!summary.files.some((f) => f.name === 'accommodation.csv')) {
      summary.files.push(...await time(timings, 'generate KPI files', () => writeKpiFiles(dir, 1, historyStart(PERIOD, HISTORY_QUARTERS), PERIOD)));
    }
    const rows = summary.files.reduce((n, f) => n + f.rows, 0);
    await time(timings, 'bare DuckDB read_csv load', () => bareLoad(dir));
    const store = await openStore(join(dir, 'store.duckdb'));
    try {
      await time(timings, 'yjpack load (validated)', () => loadExtract(store, dir, { mode: 'full', loadedAt: RUN_DATE }));
      const computed = await time(timings, 'indicators', () => computeIndicators(store, computeContext(PERIOD, DEFAULT_CONFIG)));
      // Part of the indicators above; timed alone too, so a slow KPI shows.
      await time(timings, '  of which the KPIs', () => computeKpis(store, computeContext(PERIOD, DEFAULT_CONFIG)));
      if (withRender) {
        const templates = await loadTemplates();
        const range = await extractDateRange(store);
        const model = (audience: 'board' | 'public') => assemblePack({
          records: computed.records, notes: computed.notes, period: PERIOD, producedAt: '2026-11-23T12:00:00.000Z', audience,
          serviceName: 'Benchmark YJS', population: computed.population,
          dataQuality: { files: [], warnings: [], extractFrom: range.from, extractTo: range.to },
        });
        await time(timings, 'HTML (assemble + render)', () => renderBoardPack(model('board'), templates));
        const html = await renderBoardPack(model('public'), templates);
        const browser = await findBrowser({ env: process.env });
        await time(timings, 'PDF (launch + print)', () => printPdf(html, { browser, period: PERIOD, marking: 'OFFICIAL' }));
      }
    } finally {
      store.close();
    }
    const bare = timings.find((t) => t.label.startsWith('bare'))!.ms;
    console.log(`\n${label}: ${summary.files.find((f) => f.name === 'children.csv')?.rows.toLocaleString('en-GB')} children, ${rows.toLocaleString('en-GB')} rows in all`);
    for (const t of timings) {
      const ratio = t.label.startsWith('yjpack load') || t.label === 'indicators' ? `  (${(t.ms / bare).toFixed(2)}× bare)` : '';
      console.log(`  ${t.label.padEnd(28)} ${(t.ms / 1000).toFixed(2).padStart(7)} s${ratio}`);
    }
    processTimings(dir, list, repeats);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const option = (name: string): string | null => (args.includes(name) ? args[args.indexOf(name) + 1] ?? null : null);
const custom = option('--children') ? Number(option('--children')) : null;
const list = clis(option('--compare'));
// The compiled CLI rebuilds dist/ when pipeline/ is newer: do that once here, outside the timings.
spawnMs([join(ROOT, 'bin/yjpack.js'), '--version']);
if (custom) {
  await benchOne(`${custom} children`, custom, false, list, 3);
} else {
  await benchOne('service (default sample size)', undefined, true, list, 5);
  await benchOne('national (300,000 children)', 300_000, false, list, 3);
}
console.log(`\npeak memory (max RSS of this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
