/**
 * The commands, their options and help texts. Each action parses its options
 * into typed values (usage errors exit 64), builds the effects object and
 * calls the library; output for stdout is written here and nowhere else.
 *
 * Only commander and small modules of our own are imported up front: each action
 * imports what its command needs when it runs, so `--help` and `validate`
 * start without loading Vega, Handlebars or Chromium's driver
 * (test/cli/lazy-imports.test.ts holds this).
 */
import { Command, Option } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Effects } from '../effects.js';
import { ExitCode, YjpackError, formatProblem } from '../errors.js';
import { formatPeriod, lastCompletePeriod, parsePeriod } from '../period.js';
import { consoleProgress } from '../progress.js';
import { toolVersion } from '../project-root.js';
import { writeFileAtomically } from '../output/atomic.js';
import { refuseOverwrite, type OverwriteRule } from '../output/overwrite.js';
import { FILES } from '../contract/files.js';
import { KPI_RETURN_COLUMNS } from '../output/kpi-return.js';
import { messages } from '../messages.js';
import { problemsFileWritten } from './report-failure.js';
import { problemsToCsv } from '../validate/problem-list.js';
import type { StoreSource } from '../run.js';
import type { CliIo } from './main.js';

export const DEFAULT_STORE = 'yjpack.duckdb';
export const DEFAULT_DATA = 'data-samples';
export const DEFAULT_OUT = 'reports';

const TOOL_VERSION = toolVersion();

export function buildProgram(io: CliIo): Command {
  const program = new Command('yjpack')
    .description('Youth justice performance and disproportionality board pack from a quarterly case-management extract.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');

  const effects = (): Effects => ({ now: io.now, env: io.env, progress: consoleProgress(io.stderr) });
  const abs = (p: string): string => resolve(io.cwd, p);
  /** What the shared compute phase (run.ts computeFor) needs of a command: the asked period, the run date, the source. */
  const computeOptions = (o: { period?: string }, source: StoreSource, config: Config) => ({
    asked: o.period ? parsePeriod(o.period) : null, today: io.now().toISOString().slice(0, 10),
    source: source.kind === 'data' ? source.dir : source.path, config,
  });

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
      const config = await configFrom(o.config, abs);
      const { runQuarterlyJob } = await import('../run.js');
      const result = await withProblemsFile(join(abs(o.out), 'problems.csv'), false, () => runQuarterlyJob({
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
    .option('--force', 'let --problems replace an existing file that is not a yjpack problems CSV', false)
    .addHelpText('after', '\nExamples:\n  npm run yjpack -- load --data extracts/2024-25-Q3\n  npm run yjpack -- load --data extracts/full-history --db yjpack.duckdb --full')
    .action(async (o: { data: string; db: string; full: boolean; problems: string; force: boolean }) => {
      const [{ withStoreCopy }, { loadExtract }] = await Promise.all([import('../store/replace.js'), import('../load/index.js')]);
      const e = effects();
      const step = e.progress.step(`load ${o.data} into ${o.db}`);
      try {
        // Into a copy of the store, renamed over it when complete (store/replace.ts): a failed load leaves it as it was.
        const result = await withStoreCopy(abs(o.db), (store) => withProblemsFile(abs(o.problems), o.force, () => loadExtract(store, abs(o.data), {
          mode: o.full ? 'full' : 'merge', loadedAt: io.now(),
          onProgress: (file, rows) => step.update(`${file}: ${rows.toLocaleString('en-GB')} rows`),
        })));
        const rows = result.files.reduce((n, f) => n + f.rows, 0);
        step.done(`load ${result.loadId}: ${rows.toLocaleString('en-GB')} rows from ${result.files.filter((f) => f.present).length} files`);
        for (const w of result.warnings) e.progress.info(`warning: ${w.file}: ${w.expected}`);
      } catch (err) {
        step.fail();
        throw err;
      }
    });

  program.command('validate')
    .description('Check an extract against the data contract and report every problem. Writes nothing (unless --problems is given).')
    .requiredOption('--data <dir>', 'extract folder')
    .option('--problems <file>', 'also write the problems as a CSV that opens in Excel')
    .option('--force', 'let --problems replace an existing file that is not a yjpack problems CSV', false)
    .addHelpText('after', '\nExample:\n  npm run yjpack -- validate --data extracts/2024-25-Q3 --problems problems.csv')
    .action(async (o: { data: string; problems?: string; force: boolean }) => {
      if (o.problems) await refuseOverwrite(abs(o.problems), problemsRule(o.force));
      const { validateExtract } = await import('../load/index.js');
      const e = effects();
      const step = e.progress.step(`validate ${o.data}`);
      const report = await validateExtract(abs(o.data), { now: io.now(), onProgress: (file, rows) => step.update(`${file}: ${rows} rows`) });
      step.done(`${report.errorCount} error(s), ${report.warningCount} warning(s)`);
      for (const p of report.problems) io.stdout.write(`${formatProblem(p)}\n`);
      if (o.problems) await writeFileAtomically(abs(o.problems), problemsToCsv(report.problems));
      if (report.errorCount > 0) io.exitCode = ExitCode.data;
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
      const config = await configFrom(o.config, abs);
      const [{ computeFor, openSource }, { recordsToCsv, recordsToJson }] = await Promise.all([import('../run.js'), import('../output/records.js')]);
      const e = effects();
      const { store } = await openSource(source, e);
      try {
        // The run's compute phase, so these are the records of its indicators.json (same period guard, same warnings).
        const out = await computeFor(store, computeOptions(o, source, config), e);
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
    .option('--force', 'replace --out if it exists and is not a kpi-return.csv yjpack wrote', false)
    .addHelpText('after', '\nExamples:\n  npm run yjpack -- kpis --data extracts/2024-25-Q3 --period 2024-25-Q3 --config yjs.yaml\n  npm run yjpack -- kpis --db yjpack.duckdb --period 2024-25-Q3 --out returns/2024-25-Q3.csv')
    .action(async (o: { data?: string; db?: string; period?: string; out: string; config?: string; force: boolean }) => {
      const source = storeSource(o, abs, false);
      const config = await configFrom(o.config, abs);
      await refuseOverwrite(abs(o.out), {
        option: '--out', output: 'the KPI return', force: o.force, ownFile: (head) => head.replace(/^\uFEFF/, '').startsWith(KPI_RETURN_COLUMNS.join(',')),
      });
      const [{ computeFor, openSource }, { KPI_VERSION }, { kpiReturnCsv }] = await Promise.all([
        import('../run.js'), import('../compute/indicators/kpi/index.js'), import('../output/kpi-return.js')]);
      const e = effects();
      const { store } = await openSource(source, e);
      try {
        // The run's compute phase, so the return is the run's kpi-return.csv (same period guard, same warnings).
        const { period, records } = await computeFor(store, { ...computeOptions(o, source, config), what: 'the KPIs' }, e);
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
    .option('--force', 'replace the files of an extract already in --out', false)
    .addHelpText('after', '\nExamples:\n  npm run yjpack -- sample --out /tmp/extract\n  npm run yjpack -- sample --out /tmp/national --children 300000 --seed 7')
    .action(async (o: { out: string; children?: number; seed: number; to?: string; area: string; force: boolean }) => {
      for (const name of SAMPLE_FILES) {
        await refuseOverwrite(join(abs(o.out), name), { option: '--out', output: 'a sample extract', force: o.force, mayReplaceExtractFiles: SAMPLE_FILES });
      }
      const { generateSample } = await import('../sample/index.js');
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
    .option('--force', 'replace --out if it exists', false)
    .addHelpText('after', '\nExamples:\n  npm run yjpack -- population --area E08000031 --out extracts/population.csv\n  npm run yjpack -- population --area E06000015 --area E10000007 > population.csv')
    .action(async (o: { area: string[]; out?: string; force: boolean }) => {
      if (o.out) {
        await refuseOverwrite(abs(o.out), { option: '--out', output: 'population figures', force: o.force, mayReplaceExtractFiles: ['population.csv'] });
      }
      const { buildPopulation, loadPopulationReference, populationToCsv } = await import('../population/index.js');
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
    // Only a store that is not there is "missing"; a name too long or a folder that may not be read is said as such on opening.
    const absent = (() => { try { statSync(abs(o.db!)); return false; } catch (e) { return (e as NodeJS.ErrnoException).code === 'ENOENT'; } })();
    if (absent) throw new YjpackError('storeMissing', { path: o.db });
    return { kind: 'db', path: abs(o.db) };
  }
  if (!o.data && !defaultToSample) throw new YjpackError('dataOrDbRequired');
  return { kind: 'data', dir: abs(o.data ?? DEFAULT_DATA) };
}

async function configFrom(path: string | undefined, abs: (p: string) => string): Promise<Config> {
  if (!path) return (await import('../config.js')).DEFAULT_CONFIG;
  const { readConfigFile } = await import('../load/config-file.js');
  return readConfigFile(abs(path));
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new YjpackError('badOption', { option: value, reason: 'expected a whole number greater than 0' });
  return n;
}

/**
 * On a data failure, writes every problem to a CSV the officer can open in
 * Excel, and says where; when it cannot be written, says so and why, and the
 * CLI lists every problem instead of the first 50.
 */
async function withProblemsFile<T>(path: string, force: boolean, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof YjpackError && e.problems.length > 0) {
      let written: YjpackError;
      try {
        await refuseOverwrite(path, problemsRule(force));
        await writeFileAtomically(path, problemsToCsv([...e.problems]));
        written = new YjpackError(e.messageId, {}, { problems: e.problems, cause: e, text: `${e.message} The full list is in ${path}.` });
        problemsFileWritten.add(written);
      } catch (writeError) {
        const reason = writeError instanceof Error ? writeError.message : String(writeError);
        written = new YjpackError(e.messageId, {}, {
          problems: e.problems, cause: e, text: `${e.message} ${messages.problemsFileUnwritten.text({ path, detail: reason })}`,
        });
      }
      throw written;
    }
    throw e;
  }
}

/** An existing problems CSV (from an earlier run) may be replaced; any other file only with --force. */
function problemsRule(force: boolean): OverwriteRule {
  return {
    option: '--problems', output: 'the problems list', force,
    ownFile: (head) => head.replace(/^\ufeff/, '').startsWith('severity,file,line,column,value,expected'),
  };
}

/** Every file `yjpack sample` writes: the files of an extract and the note beside population.csv. */
const SAMPLE_FILES = [...FILES.map((f) => f.fileName), 'population.csv.README.txt'];
