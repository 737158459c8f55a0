/**
 * npm run bench: times yjpack's commands as whole processes, as a user meets
 * them, against DuckDB's own bare CSV load of the same files in a process of
 * its own (bench/bare-load.mjs), at a service's volume and at national
 * volume. Prints a table with the targets and PASS/FAIL; asserts nothing
 * (performance is reported here, never tested by timed tests).
 *
 *   npm run bench                      # service (default sample size) and national (300,000 children)
 *   npm run bench -- --children 50000  # one custom size
 *   npm run bench -- --compare ../old  # also time another checkout's bin/yjpack.js (before/after)
 *   npm run bench -- --tsx             # also time the CLI run from source through tsx
 *   npm run bench -- --repeats 5       # repeats per command (default 5 at service volume, 3 at national)
 *
 * The extract is the sample generator's, so it has every file of the data
 * contract, the five KPI files included. Each command is spawned (`--help`,
 * `validate`, `load`, `indicators` and `kpis` on the loaded store, and a full
 * `run` with HTML and PDF at service volume), the CLIs and the bare load
 * taking turns so that a busy spell of a shared machine falls on all of them;
 * the median of the repeats is reported. CPU time (user + system of the
 * process, all its threads and the children it waited for, from the kernel's
 * rusage) is the primary figure: on a shared machine wall time says as much
 * about the neighbours as about yjpack.
 *
 * Targets: load with validation ≤ 2× the bare load (issues 3 and 11),
 * indicators, KPIs included, ≤ 3× (issues 6 and 12), both at national volume;
 * a service's HTML ≤ 2 s and PDF ≤ 4 s; peak memory ≤ 2 GB.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assemblePack } from '../pipeline/assemble/index.js';
import { computeIndicators } from '../pipeline/compute/index.js';
import { computeContext } from '../pipeline/compute/context.js';
import { DEFAULT_CONFIG } from '../pipeline/config.js';
import { loadExtract } from '../pipeline/load/index.js';
import { loadTemplates } from '../pipeline/load/templates.js';
import { formatPeriod, lastCompletePeriod } from '../pipeline/period.js';
import { findBrowser, printPdf } from '../pipeline/print/index.js';
import { renderBoardPack } from '../pipeline/render/index.js';
import { generateSample } from '../pipeline/sample/index.js';
import { openStore } from '../pipeline/store/db.js';
import { extractDateRange } from '../pipeline/store/summary.js';

const ROOT = resolve(import.meta.dirname, '..');
const NOW = new Date();
/** The sample ends with the last complete quarter, so the CLI (which reads the clock) finds no date in the future. */
const PERIOD = lastCompletePeriod(NOW.toISOString().slice(0, 10));
const KPI_FILES = ['accommodation.csv', 'needs.csv', 'care_status.csv', 'victims.csv', 'board_attendance.csv'];
const TARGET = { load: 2, indicators: 3, htmlSeconds: 2, pdfSeconds: 4, memoryMb: 2048 };

// ---------------------------------------------------------------- measuring a process

interface Usage { wall: number; cpu: number; rssMb: number }

/**
 * CPU time (user + system) of this process's waited-for children, in ms, from
 * /proc (Linux; null elsewhere): the rusage the kernel hands the parent, so a
 * child's own children (Chromium under `run`) count too.
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

const PRELOAD = pathToFileURL(join(ROOT, 'bench/rusage.mjs')).href;

/** Wall and CPU time and peak memory of one spawned node process; throws if it fails. */
function measure(args: readonly string[]): Usage {
  const report = join(tmpdir(), `yjpack-bench-rusage-${process.pid}.json`);
  rmSync(report, { force: true });
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const child = spawnSync(process.execPath, ['--import', PRELOAD, ...args], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, YJPACK_BENCH_RUSAGE: report },
  });
  const wall = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  const own = JSON.parse(readFileSync(report, 'utf8')) as { cpuMs: number; maxRssKb: number };
  rmSync(report, { force: true });
  return { wall, cpu: cpu0 === null || cpu1 === null ? own.cpuMs : cpu1 - cpu0, rssMb: own.maxRssKb / 1024 };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

const summary = (runs: readonly Usage[]): Usage => ({
  wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), rssMb: Math.max(...runs.map((r) => r.rssMb)),
});

// ---------------------------------------------------------------- the commands

/** A way to start the CLI: a label and the node arguments before the command's own. */
interface Cli { label: string; args: string[] }

function clis(compare: string | null, tsx: boolean): Cli[] {
  const list: Cli[] = [{ label: 'bin', args: [join(ROOT, 'bin/yjpack.js')] }];
  if (tsx) list.push({ label: 'tsx', args: ['--import', 'tsx', join(ROOT, 'pipeline/cli/main.ts')] });
  if (compare) list.unshift({ label: 'compare', args: [join(resolve(compare), 'bin/yjpack.js')] });
  return list;
}

interface Command {
  label: string;
  /** The command's arguments for repeat `i`; `store` is the store this CLI's load of the same repeat wrote. */
  args: (dir: string, work: string, store: string, i: number) => string[];
  /** Ratio to the bare load's CPU time that must not be exceeded (at national volume). */
  target?: number;
  serviceOnly?: boolean;
}

function commands(pdf: boolean): Command[] {
  return [
    { label: '--help', args: () => ['--help'] },
    { label: 'validate', args: (dir) => ['validate', '--data', dir] },
    { label: 'load (validated)', args: (dir, _work, store) => ['load', '--data', dir, '--db', store, '--full'], target: TARGET.load },
    { label: 'indicators (KPIs incl.)', args: (_dir, _work, store) => ['indicators', '--db', store, '--json'], target: TARGET.indicators },
    { label: 'kpis (KPI return alone)', args: (_dir, work, store, i) => ['kpis', '--db', store, '--out', join(work, `kpi-${i}-${Math.random().toString(36).slice(2)}.csv`)] },
    {
      label: pdf ? 'run (HTML + PDF)' : 'run (HTML, no browser)', serviceOnly: true,
      args: (dir, work) => ['run', '--data', dir, '--out', join(work, `reports-${Math.random().toString(36).slice(2)}`), ...(pdf ? [] : ['--no-pdf'])],
    },
  ];
}

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

function processTimings(dir: string, work: string, list: readonly Cli[], repeats: number, service: boolean, pdf: boolean): number {
  const cmds = commands(pdf).filter((c) => service || !c.serviceOnly);
  const runs = new Map<string, Usage[]>();
  const add = (key: string, usage: Usage) => runs.set(key, [...(runs.get(key) ?? []), usage]);
  for (let i = 0; i < repeats; i++) {
    const bareDb = join(work, `bare-${i}.duckdb`);
    add('bare', measure([join(ROOT, 'bench/bare-load.mjs'), dir, bareDb]));
    rmSync(bareDb, { force: true });
    for (const cli of list) {
      const store = join(work, `store-${cli.label}-${i}.duckdb`);
      for (const cmd of cmds) add(`${cli.label}|${cmd.label}`, measure([...cli.args, ...cmd.args(dir, work, store, i)]));
      for (const f of [store, `${store}.wal`, `${store}.backup`]) rmSync(f, { force: true });
    }
  }
  const bare = summary(runs.get('bare')!);
  const s = (ms: number) => (ms / 1000).toFixed(2).padStart(7);
  const x = (v: number, of: number) => `${(v / of).toFixed(2)}×`.padStart(7);
  console.log(`  whole processes, median of ${repeats}; CPU = user + system of the process and what it spawned (the primary figure)`);
  console.log(`    ${''.padEnd(36)} ${'wall s'.padStart(7)} ${'× bare'.padStart(7)}  ${'CPU s'.padStart(7)} ${'× bare'.padStart(7)}  ${'peak MB'.padStart(7)}   target (CPU)`);
  console.log(`    ${'bare DuckDB read_csv load'.padEnd(36)} ${s(bare.wall)} ${''.padStart(7)}  ${s(bare.cpu)} ${''.padStart(7)}  ${bare.rssMb.toFixed(0).padStart(7)}`);
  let peak = bare.rssMb;
  for (const cmd of cmds) {
    for (const cli of list) {
      const t = summary(runs.get(`${cli.label}|${cmd.label}`)!);
      peak = Math.max(peak, t.rssMb);
      const label = list.length > 1 ? `${cmd.label}, ${cli.label}` : cmd.label;
      const target = cmd.target === undefined ? ''
        : service ? `≤ ${cmd.target}× (set at national volume)`
          : `≤ ${cmd.target}× bare  ${verdict(t.cpu / bare.cpu <= cmd.target)}`;
      console.log(`    ${label.padEnd(36)} ${s(t.wall)} ${x(t.wall, bare.wall)}  ${s(t.cpu)} ${x(t.cpu, bare.cpu)}  ${t.rssMb.toFixed(0).padStart(7)}   ${target}`);
    }
  }
  return peak;
}

// ---------------------------------------------------------------- HTML and PDF in process

/** The pack's HTML and PDF steps alone (their targets are for these steps, not a whole run). */
async function renderTimings(dir: string): Promise<void> {
  const store = await openStore(null);
  try {
    await loadExtract(store, dir, { mode: 'full', loadedAt: NOW });
    const computed = await computeIndicators(store, computeContext(PERIOD, DEFAULT_CONFIG));
    const templates = await loadTemplates();
    const range = await extractDateRange(store);
    const model = (audience: 'board' | 'public') => assemblePack({
      records: computed.records, notes: computed.notes, period: PERIOD, producedAt: NOW.toISOString(), audience,
      serviceName: 'Benchmark YJS', population: computed.population,
      dataQuality: { files: [], warnings: [], extractFrom: range.from, extractTo: range.to },
    });
    let t0 = performance.now();
    await renderBoardPack(model('board'), templates);
    const html = (performance.now() - t0) / 1000;
    console.log(`  in process: HTML (assemble + render) ${html.toFixed(2)} s   target ≤ ${TARGET.htmlSeconds} s  ${verdict(html <= TARGET.htmlSeconds)}`);
    const publicHtml = await renderBoardPack(model('public'), templates);
    const browser = await findBrowser({ env: process.env }).catch(() => null);
    if (browser === null) {
      console.log('  in process: PDF not timed (no browser found)');
      return;
    }
    t0 = performance.now();
    await printPdf(publicHtml, { browser, period: PERIOD, marking: 'OFFICIAL' });
    const pdf = (performance.now() - t0) / 1000;
    console.log(`  in process: PDF (launch + print)     ${pdf.toFixed(2)} s   target ≤ ${TARGET.pdfSeconds} s  ${verdict(pdf <= TARGET.pdfSeconds)}`);
  } finally {
    store.close();
  }
}

// ---------------------------------------------------------------- one volume

async function benchOne(label: string, children: number | undefined, service: boolean, list: readonly Cli[], repeats: number): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), `yjpack-bench-${children ?? 'service'}-`));
  const dir = join(work, 'extract');
  try {
    const t0 = performance.now();
    const sample = await generateSample({ outDir: dir, children, seed: 1, to: PERIOD, area: children ? 'K04000001' : undefined });
    const missing = KPI_FILES.filter((f) => !sample.files.some((s) => s.name === f));
    if (missing.length > 0) throw new Error(`the sample has no ${missing.join(', ')}: the bench needs every KPI file`);
    const rows = sample.files.reduce((n, f) => n + f.rows, 0);
    const count = (name: string) => sample.files.find((f) => f.name === name)?.rows.toLocaleString('en-GB');
    console.log(`\n${label}: ${count('children.csv')} children, ${rows.toLocaleString('en-GB')} rows in ${sample.files.length} files, `
      + `to ${formatPeriod(PERIOD)} (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    console.log(`  KPI files: ${KPI_FILES.map((f) => `${f} ${count(f)}`).join(', ')}`);
    const pdf = service && (await findBrowser({ env: process.env }).catch(() => null)) !== null;
    const peak = processTimings(dir, work, list, repeats, service, pdf);
    console.log(`  peak memory of any process: ${peak.toFixed(0)} MB   target ≤ ${TARGET.memoryMb} MB  ${verdict(peak <= TARGET.memoryMb)}`);
    if (service) await renderTimings(dir);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const option = (name: string): string | null => (args.includes(name) ? args[args.indexOf(name) + 1] ?? null : null);
const custom = option('--children') ? Number(option('--children')) : null;
const repeats = option('--repeats') ? Number(option('--repeats')) : null;
const list = clis(option('--compare'), args.includes('--tsx'));
// The compiled CLI rebuilds dist/ when pipeline/ is newer: do that once here, outside the timings.
for (const cli of list) measure([...cli.args, '--version']);
console.log(`yjpack bench, ${NOW.toISOString()}; CLIs: ${list.map((c) => `${c.label} = node ${c.args.join(' ')}`).join('; ')}`);
if (custom) {
  await benchOne(`${custom.toLocaleString('en-GB')} children`, custom, false, list, repeats ?? 3);
} else {
  await benchOne('service (default sample size)', undefined, true, list, repeats ?? 5);
  await benchOne('national (300,000 children)', 300_000, false, list, repeats ?? 3);
}
