/**
 * The quarterly job, phase by phase.
 *
 *   extract folder ──load──▶ store ◀── or an existing store file (--db)
 *        │  (read CSVs, checks in DuckDB: validate)       │
 *        ▼                                                ▼
 *   store tables ──compute──▶ IndicatorRecord[] + notes   (SQL + statistics)
 *        ──assemble──▶ PackModel (board, and public with disclosure control)
 *        ──render────▶ board-pack.html (Handlebars, Vega-Lite → SVG)
 *        ──print─────▶ scrutiny-pack.pdf (Chromium through playwright-core)
 *        ──output────▶ reports/<period>/{board,public}/ + manifest.json (every file to a temp name, then renamed)
 *
 * Every phase reports through effects.progress; nothing here exits the
 * process: failures are YjpackErrors that the CLI turns into exit codes.
 */
import { basename, join } from 'node:path';
import type { Config } from './config.js';
import { computeIndicators, type ComputeOutput } from './compute/index.js';
import type { ComputeContext } from './compute/context.js';
import type { Effects } from './effects.js';
import { YjpackError, type Problem } from './errors.js';
import { loadExtract } from './load/index.js';
import { openStore, type Store } from './store/db.js';
import { extractDateRange, loadedFiles } from './store/summary.js';
import { formatPeriod, type Period } from './period.js';
import { reportablePeriod } from './period-guard.js';
import { assemblePack } from './assemble/index.js';
import { discloseRecords, DEFAULT_SUPPRESSION_THRESHOLD } from './assemble/disclosure.js';
import { summariseLoadWarnings, withWarningRows } from './assemble/load-warnings.js';
import type { Audience } from './assemble/model.js';
import { readLogo } from './load/logo.js';
import { computeProfile, computeYdaRemands, type ProfileTable, type YdaRemandYear } from './compute/profile.js';
import { comparatorSet, comparatorsFor, type Comparison } from './compute/comparators.js';
import { computeOutcomeRate } from './compute/outcome-rate.js';
import { staleEstimateWarnings } from './compute/population.js';
import { notProvenOutcomes } from './store/not-proven.js';
import { renderBoardPack } from './render/index.js';
import { loadTemplates } from './load/templates.js';
import { findBrowser, printPdf } from './print/index.js';
import { writeFilesAtomically, type OutputFile } from './output/atomic.js';
import { recordsToCsv, recordsToJson } from './output/records.js';
import { buildManifest } from './output/manifest.js';
import { audiencePath, EARLIER_LAYOUT, KPI_RETURN, MANIFEST, PACK_HTML, PACK_PDF, RECORDS_CSV, RECORDS_JSON } from './output/layout.js';
import { kpiReturnCsv } from './output/kpi-return.js';
import { KPI_VERSION } from './compute/indicators/kpi/index.js';
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

export function computeContext(period: Period, config: Config): ComputeContext {
  return {
    period,
    settings: { includeNonSubstantive: config.includeNonSubstantive, poolStages: config.poolStages },
  };
}

export async function runQuarterlyJob(options: RunOptions, effects: Effects): Promise<RunResult> {
  const startedAt = effects.now();
  const today = startedAt.toISOString().slice(0, 10);
  const sourceLabel = options.source.kind === 'data' ? options.source.dir : options.source.path;
  // Read before the long work, so a missing logo fails at once.
  const logo = options.config.logoFile ? await readLogo(options.config.logoFile) : null;
  const { store, files, warnings: loadWarnings } = await openSource(options.source, effects);
  let computed: ComputeOutput;
  let period: Period;
  let range: { from: string | null; to: string | null };
  let notProven: { yearToPeriod: number; toPeriodEnd: number };
  let profile: ProfileTable[];
  let remands: YdaRemandYear[];
  let comparisons: Comparison[];
  try {
    period = await choosePeriod(store, options.period, today, sourceLabel);
    const step = effects.progress.step(`compute indicators for ${formatPeriod(period)}`);
    const ctx = computeContext(period, options.config);
    computed = await computeIndicators(store, ctx);
    range = await extractDateRange(store);
    notProven = await notProvenOutcomes(store, period);
    profile = await computeProfile(store, ctx);
    remands = await computeYdaRemands(store, ctx);
    // Published comparators lag the local data; a comparator up to three quarters old still compares.
    // The all-groups outcome rate is compared (YJB's children cautioned or sentenced) but is no indicator record.
    const outcomeRate = await computeOutcomeRate(store, ctx);
    comparisons = comparatorsFor([...computed.records, ...(outcomeRate ? [outcomeRate] : [])], await comparatorSet(store),
      { areas: options.config.comparatorAreas, lagQuarters: 3 });
    step.done(`${computed.records.length} records`);
    reportPopulationWarnings(computed, effects);
  } finally {
    store.close();
  }

  const assembleStep = effects.progress.step('assemble and render the pack');
  const templates = await loadTemplates();
  const warningSummary = summariseLoadWarnings(loadWarnings);
  const threshold = options.config.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const htmlAudience: Audience = options.htmlAudience ?? 'board';
  const pdfAudience: Audience = options.pdfAudience ?? 'public';
  const packInput = {
    records: computed.records,
    notes: computed.notes,
    period,
    producedAt: startedAt.toISOString(),
    serviceName: options.config.serviceName,
    dataQuality: {
      files: withWarningRows(
        files.filter((f) => f.present).map((f) => ({ file: f.file, rows: f.rows, refusedRows: f.refusedRows, sha256: f.sha256 })),
        warningSummary),
      extractFrom: range.from,
      extractTo: range.to,
      loadWarnings: warningSummary.warnings,
      notProven,
    },
    population: computed.population,
    suppressionThreshold: threshold,
    headlineMinCount: options.config.headlineMinCount,
    logo,
    accentColour: options.config.accentColour,
    targets: options.config.targets,
    comparisons,
    profile,
    remands,
    settings: {
      includeNonSubstantive: options.config.includeNonSubstantive,
      poolStages: options.config.poolStages,
      comparatorAreas: options.config.comparatorAreas,
    },
  };
  const boardHtml = await renderBoardPack(assemblePack({ ...packInput, audience: htmlAudience }), templates);
  const publicHtml = options.pdf ? await renderBoardPack(assemblePack({ ...packInput, audience: pdfAudience }), templates) : null;
  assembleStep.done();

  let pdf: Uint8Array | null = null;
  let pdfError: YjpackError | null = null;
  if (publicHtml !== null) {
    const printStep = effects.progress.step('print the scrutiny PDF');
    try {
      const browser = await findBrowser({ explicit: options.browser ?? undefined, env: effects.env });
      pdf = await printPdf(publicHtml, { browser, period, marking: 'OFFICIAL' });
      printStep.done();
    } catch (e) {
      printStep.fail(e instanceof YjpackError ? e.message.split('\n')[0] : undefined);
      // No browser at all: the board still gets its HTML (issue 2), and the older PDF is removed below so it
      // cannot sit beside a newer pack. Any other print failure fails the whole run and writes nothing.
      if (!(e instanceof YjpackError && e.messageId === 'browserMissing')) throw e;
      pdfError = e;
    }
  }

  const dir = join(options.outDir, formatPeriod(period));
  // Disclosure of the whole public pack once: the public CSV, the manifest's log and the PDF's tables agree.
  const disclosed = discloseRecords(computed.records, threshold, { profile, remands });
  const packFiles: { name: string; data: string | Uint8Array; audience: Audience }[] = [
    { name: audiencePath(htmlAudience, PACK_HTML), data: boardHtml, audience: htmlAudience },
    { name: audiencePath('board', RECORDS_JSON), data: recordsToJson(computed.records), audience: 'board' },
    { name: audiencePath('board', RECORDS_CSV), data: recordsToCsv(computed.records), audience: 'board' },
    { name: audiencePath('public', RECORDS_CSV), data: recordsToCsv(disclosed.records, { confidential: true }), audience: 'public' },
    // The YJB KPI return (docs/indicators.md, KPIs): child-level counts, like the template it replaces, so the board's.
    { name: audiencePath('board', KPI_RETURN), data: kpiReturnCsv(computed.records, formatPeriod(period), {
      yjbCode: options.config.yjbCode, serviceName: options.config.serviceName, kpiVersion: KPI_VERSION,
    }), audience: 'board' },
  ];
  const pdfName = audiencePath(pdfAudience, PACK_PDF);
  if (pdf) packFiles.push({ name: pdfName, data: pdf, audience: pdfAudience });
  const outputs: OutputFile[] = packFiles.map((f) => ({ path: join(dir, ...f.name.split('/')), data: f.data }));
  outputs.push({
    path: join(dir, MANIFEST),
    data: buildManifest({
      toolVersion: options.toolVersion, producedAt: startedAt.toISOString(), period,
      inputs: files.filter((f) => f.present).map((f) => ({ file: f.file, sha256: f.sha256, rows: f.rows, bytes: f.bytes })),
      source: options.source.kind === 'data' ? { kind: 'data', name: basename(options.source.dir) } : { kind: 'db', name: basename(options.source.path) },
      settings: options.config, kpiVersion: KPI_VERSION, outputs: [...packFiles.map((f) => f.name), MANIFEST],
      audiences: Object.fromEntries(packFiles.map((f) => [f.name, f.audience])),
      suppressions: disclosed.log,
      countSuppressions: disclosed.countLog,
    }),
  });
  const writeStep = effects.progress.step(`write ${dir}`);
  // The earlier layout's files (all in one folder) and a PDF this run could not replace go in the same swap as
  // the new files: neither may sit beside this quarter's pack as if it were part of it, even after a signal.
  await writeFilesAtomically(outputs, {
    remove: [...EARLIER_LAYOUT.map((f) => join(dir, f)), ...(pdfError ? [join(dir, ...pdfName.split('/'))] : [])],
  });
  writeStep.done(`${outputs.length} files`);
  return { period, files: outputs.map((o) => o.path), pdfError };
}
