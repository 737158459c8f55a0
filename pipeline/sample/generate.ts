/**
 * yjpack sample: a synthetic extract for a fictional service in a real area,
 * every file of the data contract, six years ending with a given quarter.
 * Deterministic per seed. Rows are streamed to disk child by child, so a
 * national-size sample (300,000 children) needs no more memory than a small one.
 */
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { EthnicGroup } from '../contract/codes.js';
import { fileSpec } from '../contract/files.js';
import { YjpackError } from '../errors.js';
import { criticalSection, throwIfStopped } from '../interrupt.js';
import { addQuarters, periodEnd, periodStart, type Period } from '../period.js';
import { buildPopulation, loadPopulationReference, notesPathFor, populationNotesText, populationToCsv } from '../population/index.js';
import { drawQuarterArrests, perQuarter } from './arrests.js';
import { drawBoard } from './board.js';
import { writeCaseload, type CaseFile, type History } from './caseload.js';
import { dayOf, isoOfDay } from './days.js';
import { populationShares, stageWeights } from './people.js';
import { ARRESTS_PER_CHILD, DEFAULT_CHILDREN, HISTORY_QUARTERS } from './profile.js';
import { createRng } from './rng.js';
import { CsvWriter, idOf, removeLeftoverTemps, StagedText } from './writer.js';

export const DEFAULT_SEED = 20261123;
export const DEFAULT_AREA = 'E08000031';

export interface SampleOptions {
  outDir: string;
  /** Children in children.csv; every other file scales with it. */
  children?: number;
  seed?: number;
  /** The last quarter of the history. */
  to: Period;
  /** ONS code of the area whose population and ethnic mix the service gets. */
  area?: string;
  onProgress?: (step: string, count: number) => void;
}

export interface SampleSummary {
  files: { name: string; rows: number }[];
  /** First and last day of the history (ISO dates). */
  from: string;
  to: string;
}

/**
 * Independent random streams, so that adding a draw to one part leaves the
 * others as they were (the KPI files came later: their draws have streams of
 * their own).
 */
const STREAM = { child: 1, arrests: 2, kpi: 3, board: 4 } as const;
type FileWritten = CaseFile | 'arrests' | 'board_attendance';
const FILES_WRITTEN: readonly FileWritten[] = [
  'children', 'offences', 'interventions', 'ete', 'remands', 'arrests',
  'accommodation', 'needs', 'care_status', 'victims', 'board_attendance',
];

export async function generateSample(options: SampleOptions): Promise<SampleSummary> {
  const children = options.children ?? DEFAULT_CHILDREN;
  if (!Number.isInteger(children) || children <= 0) {
    throw new YjpackError('badOption', { option: `--children ${children}`, reason: 'expected a whole number greater than 0' });
  }
  const seed = options.seed ?? DEFAULT_SEED;
  const firstQuarter = addQuarters(options.to, -(HISTORY_QUARTERS - 1));
  const from = periodStart(firstQuarter);
  const to = periodEnd(options.to);
  // Real estimates only (issue 9): a later mid-year is not invented by copying an earlier one;
  // yjpack's rates use the latest estimate before it, and the pack names it and warns when it is old.
  const population = buildPopulation([options.area ?? DEFAULT_AREA], await loadPopulationReference());
  const shares = populationShares(population.rows);
  const progress = options.onProgress ?? (() => undefined);

  await mkdir(options.outDir, { recursive: true }).catch((e: unknown) => {
    throw new YjpackError('cannotWrite', { path: options.outDir, detail: e instanceof Error ? e.message : String(e) }, { cause: e });
  });
  const writers = Object.fromEntries(FILES_WRITTEN.map((name) => {
    const spec = fileSpec(name);
    return [name, new CsvWriter(join(options.outDir, spec.fileName), spec.columns.map((c) => c.name))];
  })) as Record<FileWritten, CsvWriter>;
  const all = Object.values(writers);
  const populationPath = join(options.outDir, 'population.csv');
  const texts = [
    new StagedText(populationPath, populationToCsv(population.rows)),
    new StagedText(notesPathFor(populationPath), populationNotesText(population.notes)),
  ];
  const staged = [...all, ...texts];
  await removeLeftoverTemps(options.outDir, staged.map((s) => basename(s.path)));
  try {
    const history: History = { firstDay: dayOf(from), lastDay: dayOf(to), quarters: HISTORY_QUARTERS, firstQuarter };
    await writeCaseload(writers, children, seed, { child: STREAM.child, kpi: STREAM.kpi }, history, stageWeights(shares, 'entry'), progress);
    await writeArrests(writers.arrests, Math.round(children * ARRESTS_PER_CHILD), seed, history, stageWeights(shares, 'arrest'), progress);
    writeBoard(writers.board_attendance, seed, history);
    progress('board_attendance.csv', writers.board_attendance.rows);
    for (const w of all) await w.close();
    for (const t of texts) await t.write();
    // The last safe point: a stop (Ctrl-C) before it leaves none of the new files; after it they all go into place.
    throwIfStopped();
    await criticalSection(async () => { for (const s of staged) await s.commit(); });
  } catch (e) {
    await Promise.all(staged.map((s) => s.discard()));
    throw e;
  }
  progress('population.csv', population.rows.length);
  return {
    files: [
      ...FILES_WRITTEN.map((name) => ({ name: fileSpec(name).fileName, rows: writers[name].rows })),
      { name: 'population.csv', rows: population.rows.length },
    ],
    from, to,
  };
}

async function writeArrests(
  w: CsvWriter, count: number, seed: number, history: History, arrestWeights: Record<EthnicGroup, number>,
  progress: (step: string, n: number) => void,
): Promise<void> {
  const rng = createRng(seed, STREAM.arrests);
  const counts = perQuarter(count, history.quarters);
  let id = 0;
  for (let q = 0; q < history.quarters; q++) {
    const quarter = addQuarters(history.firstQuarter, q);
    for (const a of drawQuarterArrests(rng, counts[q]!, dayOf(periodStart(quarter)), dayOf(periodEnd(quarter)), arrestWeights)) {
      w.add([idOf('AR', ++id, 7), isoOfDay(a.day), a.age, a.sex, a.ethnicity]);
      await w.flushIfFull();
    }
    progress('arrests.csv', id);
  }
}

/** The board's meetings over the history (a few dozen rows: no flushing needed before close). */
function writeBoard(w: CsvWriter, seed: number, history: History): void {
  for (const r of drawBoard(createRng(seed, STREAM.board), history.firstDay, history.lastDay)) {
    w.add([isoOfDay(r.day), r.sector, r.attended, r.senior, r.dataShared]);
  }
}
