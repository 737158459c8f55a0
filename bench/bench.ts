/**
 * npm run bench: times yjpack against DuckDB's own bare CSV load of the same
 * files, measured in the same run, at a service's volume and at national
 * volume. Prints a table; asserts nothing (performance is reported, never
 * tested by timed tests).
 *
 *   npm run bench                      # service (default sample size) and national (300,000 children)
 *   npm run bench -- --children 50000  # one custom size
 *
 * Targets (issues 3 and 6): load with validation ≤ 2× bare load, indicators
 * ≤ 3× bare load, a service's HTML ≤ 2 s and PDF ≤ 4 s, peak memory ≤ 2 GB.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeIndicators } from '../pipeline/compute/index.js';
import { computeKpis } from '../pipeline/compute/indicators/kpi/index.js';
import { DEFAULT_CONFIG } from '../pipeline/config.js';
import { loadExtract } from '../pipeline/load/index.js';
import { loadTemplates } from '../pipeline/load/templates.js';
import { assemblePack } from '../pipeline/assemble/index.js';
import { renderBoardPack } from '../pipeline/render/index.js';
import { findBrowser, printPdf } from '../pipeline/print/index.js';
import { parsePeriod } from '../pipeline/period.js';
import { computeContext } from '../pipeline/run.js';
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

async function benchOne(label: string, children: number | undefined, withRender: boolean): Promise<void> {
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
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const custom = args.includes('--children') ? Number(args[args.indexOf('--children') + 1]) : null;
if (custom) {
  await benchOne(`${custom} children`, custom, false);
} else {
  await benchOne('service (default sample size)', undefined, true);
  await benchOne('national (300,000 children)', 300_000, false);
}
console.log(`\npeak memory (max RSS of this process): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
