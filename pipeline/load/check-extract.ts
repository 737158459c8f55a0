/**
 * Checks every file of an extract folder, children first so the other files'
 * child_id references can be checked against it, and gathers all problems of
 * all files into one report.
 */
import { YjpackError, type Problem } from '../errors.js';
import type { Store } from '../store/db.js';
import type { ValidationReport } from '../validate/report.js';
import { checkFile, normalisedTable, type CheckedFile } from './check-file.js';
import { locateExtract, type LocatedFile } from './read-extract.js';
import { knownChildrenSql } from '../validate/run-checks.js';
import { dropStaging } from './stage.js';
import { readBuffer } from './regular-file.js';

/** TEMP table of the extract's children, as child references are checked against them. */
const KNOWN_CHILDREN = 'yj_known_children';

export type ProgressCallback = (file: string, rows: number) => void;

/** Problems listed per rule of a file before the rest are only counted. */
export const PROBLEMS_PER_RULE = 1000;

export interface CheckedExtract {
  report: ValidationReport;
  files: CheckedFile[];
}

export interface CheckExtractOptions {
  /** When the run is (the effects clock): the day no event in the extract may be after. */
  now: Date;
  onProgress?: ProgressCallback;
}

export async function checkExtract(store: Store, dir: string, options: CheckExtractOptions): Promise<CheckedExtract> {
  const runDate = options.now.toISOString().slice(0, 10);
  const located = await locateExtract(dir);
  const files: CheckedFile[] = [];
  let childrenTable: string | null = null;
  const readInto = readBuffer();
  try {
    for (const file of located) {
      const checked = await checkFile(store, file, dir, { childrenTable, cap: PROBLEMS_PER_RULE, runDate, readInto });
      if (file.spec.name === 'children' && checked.normalised !== null && checked.hasChildIds) {
        await store.run(knownChildrenSql(KNOWN_CHILDREN, checked.normalised));
        childrenTable = KNOWN_CHILDREN;
      }
      files.push(checked);
      if (checked.summary.present) options.onProgress?.(checked.summary.file, checked.summary.rows);
    }
  } catch (e) {
    await dropTables(store, located);
    throw e;
  }
  const problems = files.flatMap((f) => f.problems);
  return {
    files,
    report: {
      dir,
      problems,
      errorCount: files.reduce((n, f) => n + f.errorCount, 0),
      warningCount: files.reduce((n, f) => n + f.warningCount, 0),
      files: files.map((f) => f.summary),
    },
  };
}

/** A missing children.csv or offences.csv is missing input (exit 66), with every other problem attached. */
export function throwIfRequiredMissing(dir: string, checked: CheckedExtract): void {
  const missing = checked.files.find((f) => f.located.spec.requiredFile && f.located.path === null);
  if (missing) {
    throw new YjpackError('requiredFileMissing', { file: missing.located.spec.fileName, dir }, { problems: checked.report.problems });
  }
}

/**
 * The error a refused extract fails with: the file-level message when one
 * unreadable file is the only error, otherwise the count of all problems.
 */
export function refusal(dir: string, checked: CheckedExtract): YjpackError {
  const problems: readonly Problem[] = checked.report.problems;
  const failing = checked.files.filter((f) => f.errorCount > 0);
  const only = failing.length === 1 ? failing[0]! : null;
  if (only?.issue && only.errorCount === 1) {
    return new YjpackError(only.issue.messageId, { file: only.summary.file, ...only.issue.params }, { problems });
  }
  return new YjpackError('invalidExtract', {
    dir, errors: checked.report.errorCount, files: failing.map((f) => f.summary.file).join(', '),
  }, { problems });
}

/** Drops the TEMP tables of every file of the extract. */
export async function dropTables(store: Store, files: readonly LocatedFile[]): Promise<void> {
  for (const f of files) await dropStaging(store, normalisedTable(f));
  await store.run(`DROP TABLE IF EXISTS ${KNOWN_CHILDREN}`);
}
