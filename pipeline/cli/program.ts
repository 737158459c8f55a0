/**
 * The commands, their options and help texts. Each action parses its options
 * into typed values (usage errors exit 64), builds the effects object and
 * calls the library; output for stdout is written here and nowhere else.
 */
import { Command, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG, type Config } from '../config.js';
import type { Effects } from '../effects.js';
import { YjpackError, formatProblem } from '../errors.js';
import { readConfigFile } from '../load/config-file.js';
import { loadExtract, problemsToCsv, validateExtract } from '../load/index.js';
import { formatPeriod, lastCompletePeriod, parsePeriod, type Period } from '../period.js';
import { consoleProgress } from '../progress.js';
import { choosePeriod, computeContext, openSource, reportPopulationWarnings, runQuarterlyJob, type StoreSource } from '../run.js';
import { computeIndicators } from '../compute/index.js';
import { computeKpiRecords, KPI_VERSION } from '../compute/indicators/kpi/index.js';
import { kpiReturnCsv } from '../output/kpi-return.js';
import { messages } from '../messages.js';
import { recordsToCsv, recordsToJson } from '../output/records.js';
import { writeFileAtomically } from '../output/atomic.js';
import { openStore } from '../store/db.js';
import { generateSample } from '../sample/index.js';
import { buildPopulation, loadPopulationReference, populationToCsv } from '../population/index.js';
import type { CliIo } from './main.js';

export const DEFAULT_STORE = 'yjpack.duckdb';
export const DEFAULT_DATA = 'data-samples';
export const DEFAULT_OUT = 'reports';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TOOL_VERSION = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export function buildProgram(io: CliIo): Command {
  const program = new Command('yjpack')
    .description('Youth justice performance and disproportionality board pack from a quarterly case-management extract.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');

  const effects = (): Effects => ({ now: io.now, env: io.env, progress: consoleProgress(io.stderr) });
  const abs = (p: string): string => resolve(io.cwd, p);

  program.command('run')
    .description('Load an extract (or open a store), compute every indicator and write to <out>/<period>/: board/ (the board pack HTML and indicators.json/.csv, unsuppressed), public/ (the scrutiny PDF and indicators.csv, with disclosure control) and manifest.json.')
    .option('--data <dir>', 'extract folder, loaded into a throwaway in-memory store (default: data-samples/)')
    .option('--db <file>', 'a yjpack store made by "yjpack load" (read-only)')
    .option('--period <period>', 'financial-year quarter to report, e.g. 2024-25-Q3 (default: the latest complete quarter in the data)')
    .option('--out <dir>', 'where reports go', DEFAULT_OUT)
    .option('--config <file>', 'YAML settings (service name, targets, comparators…); see data-samples/yjpack.example.yaml')
    .option('--no-pdf', 'skip the PDF (no browser needed)')
    .option('--browser <path>', 'Chrome, Edge or Chromium to print with (default: $YJPACK_BROWSER, a system browser, else @sparticuz/chromium)')
    .addOption(new Option('--html-audience <audience>', 'who the HTML is for: board shows every count, public applies disclosure control').choices(['board', 'public']).default('board'))
    .addOption(new Option('--pdf-audience <audience>', 'who the PDF is for').choices(['board', 'public']).default('public'))
    .addHelpText('after', '\nExamples:\n  npm run yjpack -- run\n  npm run yjpack -- run --data extracts/2024-25-Q3 --config yjs.yaml\n  npm run yjpack -- run --db yjpack.duckdb --period 2024-25-Q3 --no-pdf')
    .action(async (o: { data?: string; db?: string; period?: string; out: string; config?: string; pdf: boolean; browser?: string;
      htmlAudience: 'board' | 'public'; pdfAudience: 'board' | 'public' }) => {
      const source = storeSource(o, abs, true);
      const config = o.config ? await readConfigFile(abs(o.config)) : DEFAULT_CONFIG;
      const result = await withProblemsFile(join(abs(o.out), 'problems.csv'), () => runQuarterlyJob({
        source, period: o.period ? parsePeriod(o.period) : null, outDir: abs(o.out), config,
        pdf: o.pdf, browser: o.browser ?? null, toolVersion: TOOL_VERSION,
        htmlAudience: o.htmlAudience, pdfAudience: o.pdfAudience,
      }, effects()));
      const e = effects();
      e.progress.info(`pack for ${formatPeriod(result.period)} written:`);
      for (const f of result.files) e.progress.info(`  ${f}`);
      if (result.pdfError) {
        io.stderr.write(`yjpack: ${result.pdfError.message}\n`);
        io.exitCode = result.pdfError.exitCode;
      }
    });

  program.command('load')
    .description('Validate an extract and add it to the persistent store, in one transaction: every file is checked first, then all rows are written or none. Records are keyed by their ids: reloading changes nothing, a later extract replaces records with the same ids.')
    .requiredOption('--data <dir>', 'extract folder')
    .option('--db <file>', 'store file (created if missing)', DEFAULT_STORE)
    .option('--full', 'replace the whole history instead of merging by id', false)
    .option('--problems <file>', 'where to write the problems CSV if the extract is refused', join(DEFAULT_OUT, 'problems.csv'))
    .addHelpText('after', '\nExamples:\n  npm run yjpack -- load --data extracts/2024-25-Q3\n  npm run yjpack -- load --data extracts/full-history --db yjpack.duckdb --full')
    .action(async (o: { data: string; db: string; full: boolean; problems: string }) => {
      const e = effects();
      const step = e.progress.step(`load ${o.data} into ${o.db}`);
      const store = await openStore(abs(o.db));
      try {
        const result = await withProblemsFile(abs(o.problems), () => loadExtract(store, abs(o.data), {
          mode: o.full ? 'full' : 'merge', loadedAt: io.now(),
          onProgress: (file, rows) => step.update(`${file}: ${rows.toLocaleString('en-GB')} rows`),
        }));
        const rows = result.files.reduce((n, f) => n + f.rows, 0);
        step.done(`load ${result.loadId}: ${rows.toLocaleString('en-GB')} rows from ${result.files.filter((f) => f.present).length} files`);
        for (const w of result.warnings) e.progress.info(`warning: ${w.file}: ${w.expected}`);
      } catch (err) {
        step.fail();
        throw err;
      } finally {
        store.close();
      }
    });

  program.command('validate')
    .description('Check an extract against the data contract and report every problem. Writes nothing (unless --problems is given).')
    .requiredOption('--data <dir>', 'extract folder')
    .option('--problems <file>', 'also write the problems as a CSV that opens in Excel')
    .addHelpText('after', '\nExample:\n  npm run yjpack -- validate --data extracts/2024-25-Q3 --problems problems.csv')
    .action(async (o: { data: string; problems?: string }) => {
      const e = effects();
      const step = e.progress.step(`validate ${o.data}`);
      const report = await validateExtract(abs(o.data), { now: io.now(), onProgress: (file, rows) => step.update(`${file}: ${rows} rows`) });
      step.done(`${report.errorCount} error(s), ${report.warningCount} warning(s)`);
      for (const p of report.problems) io.stdout.write(`${formatProblem(p)}\n`);
      if (o.problems) await writeFileAtomically(abs(o.problems), problemsToCsv(report.problems));
      if (report.errorCount > 0) io.exitCode = 65;
    });

  program.command('indicators')
    .description('Compute the indicator records of indicators.md for a period and print them (JSON by default, or CSV).')
    .option('--data <dir>', 'extract folder (throwaway in-memory store)')
    .option('--db <file>', 'a yjpack store made by "yjpack load"')
    .option('--period <period>', 'financial-year quarter, e.g. 2024-25-Q3 (default: the latest complete quarter in the data)')
    .option('--config <file>', 'YAML settings (include_non_substantive, pooling…)')
    .addOption(new Option('--json', 'print a JSON array (default)').conflicts('csv'))
    .addOption(new Option('--csv', 'print CSV, one record a row, breakdown keys as columns'))
    .addHelpText('after', '\nExamples:\n  npm run yjpack -- indicators --data data-samples --period 2026-27-Q2 --json\n  npm run yjpack -- indicators --db yjpack.duckdb --period 2024-25-Q3 --csv > indicators.csv')
    .action(async (o: { data?: string; db?: string; period?: string; config?: string; csv?: boolean }) => {
      const source = storeSource(o, abs, false);
      const config = o.config ? await readConfigFile(abs(o.config)) : DEFAULT_CONFIG;
      const e = effects();
      const { store } = await openSource(source, e);
      try {
        const period = await choosePeriod(store, o.period ? parsePeriod(o.period) : null, io.now().toISOString().slice(0, 10),
          source.kind === 'data' ? source.dir : source.path);
        const step = e.progress.step(`compute indicators for ${formatPeriod(period)}`);
        const out = await computeIndicators(store, computeContext(period, config));
        step.done(`${out.records.length} records`);
        reportPopulationWarnings(out, e);
        io.stdout.write(o.csv ? recordsToCsv(out.records) : recordsToJson(out.records));
      } finally {
        store.close();
      }
    });

  program.command('kpis')
    .description('Write the quarter\'s YJB key performance indicator return (kpi-return.csv): one row per KPI measure and breakdown, with numerator, denominator and the service\'s YJB code (config yjb_code), in the shape of the YJB\'s KPI summary template.')
    .option('--data <dir>', 'extract folder (throwaway in-memory store)')
    .option('--db <file>', 'a yjpack store made by "yjpack load"')
    .option('--period <period>', 'financial-year quarter, e.g. 2024-25-Q3 (default: the latest complete quarter in the data)')
    .option('--out <file>', 'file to write', 'kpi-return.csv')
    .option('--config <file>', 'YAML settings (yjb_code, service_name)')
    .addHelpText('after', '\nExamples:\n  npm run yjpack -- kpis --data extracts/2024-25-Q3 --period 2024-25-Q3 --config yjs.yaml\n  npm run yjpack -- kpis --db yjpack.duckdb --period 2024-25-Q3 --out returns/2024-25-Q3.csv')
    .action(async (o: { data?: string; db?: string; period?: string; out: string; config?: string }) => {
      const source = storeSource(o, abs, false);
      const config = o.config ? await readConfigFile(abs(o.config)) : DEFAULT_CONFIG;
      const e = effects();
      const { store } = await openSource(source, e);
      try {
        const period = await choosePeriod(store, o.period ? parsePeriod(o.period) : null, io.now().toISOString().slice(0, 10),
          source.kind === 'data' ? source.dir : source.path);
        const step = e.progress.step(`compute the KPIs for ${formatPeriod(period)}`);
        const { records } = await computeKpiRecords(store, computeContext(period, config));
        step.done();
        await writeFileAtomically(abs(o.out), kpiReturnCsv(records, formatPeriod(period),
          { yjbCode: config.yjbCode, serviceName: config.serviceName, kpiVersion: KPI_VERSION }));
        e.progress.info(messages.kpiReturnWritten.text({ path: o.out, period: formatPeriod(period) }));
        if (config.yjbCode === null) e.progress.info(messages.kpiReturnNoYjbCode.text({}));
      } finally {
        store.close();
      }
    });

  program.command('sample')
    .description('Write a synthetic extract for a fictional service (deterministic per seed): six years of every file of the data contract, ending with --to.')
    .requiredOption('--out <dir>', 'folder to write the CSV files to')
    .option('--children <n>', 'children in children.csv (scales every file; 300000 is national volume)', positiveInt)
    .option('--seed <s>', 'random seed', positiveInt, 20261123)
    .option('--to <period>', 'last quarter of the history (default: the last complete quarter)')
    .option('--area <code>', 'ONS area whose population and ethnic mix the service gets', 'E08000031')
    .addHelpText('after', '\nExamples:\n  npm run yjpack -- sample --out /tmp/extract\n  npm run yjpack -- sample --out /tmp/national --children 300000 --seed 7')
    .action(async (o: { out: string; children?: number; seed: number; to?: string; area: string }) => {
      const e = effects();
      const to = o.to ? parsePeriod(o.to) : lastCompletePeriod(io.now().toISOString().slice(0, 10));
      const step = e.progress.step(`write a sample extract to ${o.out}`);
      const summary = await generateSample({
        outDir: abs(o.out), children: o.children, seed: o.seed, to, area: o.area,
        onProgress: (file, count) => step.update(`${file}: ${count.toLocaleString('en-GB')}`),
      });
      step.done(summary.files.map((f) => `${f.name} ${f.rows.toLocaleString('en-GB')}`).join(', '));
    });

  program.command('population')
    .description('Write population.csv (children aged 10–17 by year, age, sex and ethnic group) for one or more areas, from ONS mid-year estimates and Census 2021 ethnic shares shipped with yjpack.')
    .requiredOption('--area <code...>', 'ONS local authority code(s), e.g. E08000031 (Wolverhampton); several for a service covering more than one authority')
    .option('--out <file>', 'file to write (default: print to stdout)')
    .addHelpText('after', '\nExamples:\n  npm run yjpack -- population --area E08000031 --out extracts/population.csv\n  npm run yjpack -- population --area E06000015 --area E10000007 > population.csv')
    .action(async (o: { area: string[]; out?: string }) => {
      const reference = await loadPopulationReference();
      const { rows, notes } = buildPopulation(o.area, reference);
      const csv = populationToCsv(rows);
      if (o.out) {
        await writeFileAtomically(abs(o.out), csv);
        const e = effects();
        e.progress.info(`wrote ${rows.length} rows to ${o.out}`);
        for (const n of notes) e.progress.info(n);
      } else {
        io.stdout.write(csv);
      }
    });

  return program;
}

function storeSource(o: { data?: string; db?: string }, abs: (p: string) => string, defaultToSample: boolean): StoreSource {
  if (o.data && o.db) throw new YjpackError('dataOrDb');
  if (o.db) {
    if (!existsSync(abs(o.db))) throw new YjpackError('storeMissing', { path: o.db });
    return { kind: 'db', path: abs(o.db) };
  }
  if (!o.data && !defaultToSample) throw new YjpackError('dataOrDbRequired');
  return { kind: 'data', dir: abs(o.data ?? DEFAULT_DATA) };
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new YjpackError('badOption', { option: value, reason: 'expected a whole number greater than 0' });
  return n;
}

/** On a data failure, writes every problem to a CSV the officer can open in Excel, and says where. */
async function withProblemsFile<T>(path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof YjpackError && e.problems.length > 0) {
      await writeFileAtomically(path, problemsToCsv([...e.problems])).catch(() => undefined);
      throw new YjpackError(e.messageId, {}, { problems: e.problems, cause: e, text: `${e.message} The full list is in ${path}.` });
    }
    throw e;
  }
}
