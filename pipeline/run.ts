/**
 * The quarterly job, phase by phase.
 *
 *   extract folder ──load──▶ store ◀── or an existing store file (--db)
 *        │  (read CSVs, checks in DuckDB: validate)       │
 *        ▼                                                ▼
 *   store tables ──compute──▶ QuarterComputed: records, notes, profile, comparisons… (SQL + statistics)
 *        ──assemble──▶ disclosure control once, then a PackModel per audience (board; public)
 *        ──render────▶ board-pack.html (Handlebars, Vega-Lite → SVG)
 *        ──print─────▶ scrutiny-pack.pdf (Chromium through playwright-core)
 *        ──output────▶ reports/<period>/{board,public}/ + manifest.json (every file to a temp name, then renamed)
 *
 * runQuarterlyJob is that sequence: one call per phase, each building its own
 * input from the phase before.
 *
 * Every phase reports through effects.progress; nothing here exits the
 * process: failures are YjpackErrors that the CLI turns into exit codes.
 */
import type { Config } from './config.js';
import { computeQuarter, type ComputeOutput, type QuarterComputed } from './compute/index.js';
import type { Effects } from './effects.js';
import { YjpackError, type Problem } from './errors.js';
import { loadExtract } from './load/index.js';
import { openStore, type Store } from './store/db.js';
import { extractDateRange, loadedFiles } from './store/summary.js';
import { formatPeriod, type Period } from './period.js';
import { reportablePeriod } from './period-guard.js';
import { assembleQuarter, type AssembledQuarter } from './assemble/index.js';
import type { Audience } from './assemble/model.js';
import { readLogo } from './load/logo.js';
import { staleEstimateWarnings } from './compute/population.js';
import { renderBoardPack } from './render/index.js';
import { loadTemplates } from './load/templates.js';
import { findBrowser, printPdf } from './print/index.js';
import { writeFilesAtomically } from './output/atomic.js';
import { packFiles, type PackFiles } from './output/pack-files.js';
import type { FileSummary } from './load/index.js';

export type StoreSource = { kind: 'data'; dir: string } | { kind: 'db'; path: string };

export interface RunOptions {
  source: StoreSource;
  period: Period | null;
  outDir: string;
  config: Config;
  pdf: boolean;
  browser: string | null;
  toolVersion: string;
  /** Audience of board-pack.html: 'board' (default) shows every count; 'public' applies disclosure control. */
  htmlAudience?: Audience;
  /** Audience of scrutiny-pack.pdf: 'public' (default, disclosure control) or 'board'. */
  pdfAudience?: Audience;
}

export interface RunResult {
  period: Period;
  files: string[];
  pdfError: YjpackError | null;
}

/**
 * Opens the store a command reads from: a throwaway in-memory store filled
 * from an extract folder, or an existing store file opened read-only.
 */
export async function openSource(source: StoreSource, effects: Effects): Promise<{ store: Store; files: FileSummary[]; warnings: Problem[] }> {
  if (source.kind === 'db') {
    const step = effects.progress.step(`open store ${source.path}`);
    const store = await openStore(source.path, { readOnly: true });
    const files = (await loadedFiles(store)).map((f) => ({ ...f, present: true, refusedRows: 0 }));
    step.done(`${files.length} files as last loaded`);
    return { store, files, warnings: [] };
  }
  const step = effects.progress.step(`load ${source.dir}`);
  const store = await openStore(null);
  try {
    const result = await loadExtract(store, source.dir, {
      mode: 'full', loadedAt: effects.now(),
      onProgress: (file, rows) => step.update(`${file}: ${rows.toLocaleString('en-GB')} rows`),
    });
    const rows = result.files.reduce((n, f) => n + f.rows, 0);
    step.done(`${result.files.filter((f) => f.present).length} files, ${rows.toLocaleString('en-GB')} rows`);
    for (const w of result.warnings) effects.progress.info(`warning: ${w.file}: ${w.expected}`);
    return { store, files: result.files, warnings: result.warnings };
  } catch (e) {
    step.fail();
    store.close();
    throw e;
  }
}

/**
 * The report period: as asked, or the latest quarter that the data covers to
 * its last day and that has ended by the run date (period-guard.ts). A period
 * the data does not cover, or that has not ended, is refused.
 */
export async function choosePeriod(store: Store, asked: Period | null, today: string, source: string): Promise<Period> {
  return reportablePeriod(asked, await extractDateRange(store), today, source);
}

/** Population warnings (issue 9) on stderr as well as in the pack, so an officer sees them before publishing. */
export function reportPopulationWarnings(computed: ComputeOutput, effects: Effects): void {
  for (const text of staleEstimateWarnings(computed.population?.estimates ?? [])) effects.progress.info(`warning: ${text}`);
}

export async function runQuarterlyJob(options: RunOptions, effects: Effects): Promise<RunResult> {
  const producedAt = effects.now().toISOString();
  // Read before the long work, so a missing logo fails at once.
  const logo = options.config.logoFile ? await readLogo(options.config.logoFile) : null;
  const { store, files, warnings: loadWarnings } = await openSource(options.source, effects);
  const computed = await compute(store, options, producedAt.slice(0, 10), effects);
  const audiences = { html: options.htmlAudience ?? 'board', pdf: options.pdfAudience ?? 'public' } as const;

  const assembleStep = effects.progress.step('assemble and render the pack');
  const packs = assembleQuarter(computed, { producedAt, files, loadWarnings, logo }, options.config,
    { html: audiences.html, pdf: options.pdf ? audiences.pdf : null });
  const html = await render(packs);
  assembleStep.done();

  const { pdf, pdfError } = await print(html.pdf, computed.period, options, effects);

  const written = await output(packFiles(options.outDir, computed, packs.disclosed, {
    html: { audience: audiences.html, data: html.html },
    pdf: { audience: audiences.pdf, data: pdf, failed: pdfError !== null },
  }, { toolVersion: options.toolVersion, producedAt, source: sourceOf(options.source), files, config: options.config }), effects);
  return { period: computed.period, files: written, pdfError };
}

/** The compute phase over the opened store, which it closes: the period, then every figure of the pack. */
async function compute(store: Store, options: RunOptions, today: string, effects: Effects): Promise<QuarterComputed> {
  try {
    return await computeFor(store, { asked: options.period, today, source: sourceOf(options.source).path, config: options.config }, effects);
  } finally {
    store.close();
  }
}

/**
 * The compute phase as every command runs it (run, indicators, kpis): the period (period guard), computeQuarter,
 * and the population warnings on stderr. `what` names the figures in the progress line. The store stays open.
 */
export async function computeFor(
  store: Store, options: { asked: Period | null; today: string; source: string; config: Config; what?: string }, effects: Effects,
): Promise<QuarterComputed> {
  const period = await choosePeriod(store, options.asked, options.today, options.source);
  const step = effects.progress.step(`compute ${options.what ?? 'indicators'} for ${formatPeriod(period)}`);
  const computed = await computeQuarter(store, period, options.config);
  step.done(`${computed.records.length} records`);
  reportPopulationWarnings(computed, effects);
  return computed;
}

/**
 * The print phase. No browser at all: the board still gets its HTML (issue 2), and the older PDF is removed
 * so it cannot sit beside a newer pack. Any other print failure fails the whole run and writes nothing.
 */
async function print(html: string | null, period: Period, options: RunOptions, effects: Effects): Promise<{ pdf: Uint8Array | null; pdfError: YjpackError | null }> {
  if (html === null) return { pdf: null, pdfError: null };
  const printStep = effects.progress.step('print the scrutiny PDF');
  try {
    const browser = await findBrowser({ explicit: options.browser ?? undefined, env: effects.env });
    const pdf = await printPdf(html, { browser, period, marking: 'OFFICIAL' });
    printStep.done();
    return { pdf, pdfError: null };
  } catch (e) {
    printStep.fail(e instanceof YjpackError ? e.message.split('\n')[0] : undefined);
    if (!(e instanceof YjpackError && e.messageId === 'browserMissing')) throw e;
    return { pdf: null, pdfError: e };
  }
}

async function render(packs: AssembledQuarter): Promise<{ html: string; pdf: string | null }> {
  const templates = await loadTemplates();
  return {
    html: await renderBoardPack(packs.html, templates),
    pdf: packs.pdf ? await renderBoardPack(packs.pdf, templates) : null,
  };
}

/** The output phase: every file at once, or none (output/atomic.ts); returns the paths written. */
async function output({ dir, outputs, stale }: PackFiles, effects: Effects): Promise<string[]> {
  const writeStep = effects.progress.step(`write ${dir}`);
  // The earlier layout's files (all in one folder) and a PDF this run could not replace go in the same swap as
  // the new files: neither may sit beside this quarter's pack as if it were part of it, even after a signal.
  await writeFilesAtomically(outputs, { remove: stale });
  writeStep.done(`${outputs.length} files`);
  return outputs.map((o) => o.path);
}

function sourceOf(source: StoreSource): { kind: 'data' | 'db'; path: string } {
  return source.kind === 'data' ? { kind: 'data', path: source.dir } : { kind: 'db', path: source.path };
}
