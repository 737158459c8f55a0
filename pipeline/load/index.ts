/**
 * Load phase: validate an extract folder against the data contract and
 * write it into the store. Validation reports every problem of every file
 * together; a load writes all rows in one transaction or nothing.
 */
import type { Problem } from '../errors.js';
import { openStore, type Store } from '../store/db.js';
import type { StoreTable } from '../store/schema.js';
import { writeExtract } from '../store/write.js';
import type { FileSummary, ValidationReport } from '../validate/report.js';
import {
  checkExtract, dropTables, refusal, throwIfRequiredMissing, type ProgressCallback,
} from './check-extract.js';

export type { FileSummary, ValidationReport } from '../validate/report.js';
export { formatProblemList, problemsToCsv } from '../validate/problem-list.js';

export interface ValidateOptions {
  /** The run's clock (effects): dates after its day are refused. */
  now: Date;
  onProgress?: ProgressCallback;
}

export interface LoadOptions {
  /** 'merge' replaces records with the same ids and keeps the rest; 'full' replaces the whole history. */
  mode: 'merge' | 'full';
  /** Recorded in the loads table, and the day no event may be after (the clock is passed in, never read here). */
  loadedAt: Date;
  onProgress?: ProgressCallback;
}

export interface LoadResult {
  loadId: number;
  files: FileSummary[];
  warnings: Problem[];
  /** Rows this load inserted or replaced, per table: identical records already stored are left alone. */
  rowsWritten: Record<StoreTable, number>;
}

/**
 * Checks an extract folder and reports every problem; writes nothing. Throws
 * dataDirMissing, or requiredFileMissing (with every problem found) when
 * children.csv or offences.csv is absent.
 */
export async function validateExtract(dir: string, options: ValidateOptions): Promise<ValidationReport> {
  const store = await openStore(null);
  try {
    const checked = await checkExtract(store, dir, { now: options.now, onProgress: options.onProgress });
    throwIfRequiredMissing(dir, checked);
    return checked.report;
  } finally {
    store.close();
  }
}

/**
 * Validates every file, then writes them all in one transaction. On any
 * error it throws (invalidExtract, requiredFileMissing or the file-level
 * message) with every problem attached, and the store is untouched.
 */
export async function loadExtract(store: Store, dir: string, options: LoadOptions): Promise<LoadResult> {
  const checked = await checkExtract(store, dir, { now: options.loadedAt, onProgress: options.onProgress });
  const located = checked.files.map((f) => f.located);
  try {
    throwIfRequiredMissing(dir, checked);
    if (checked.report.errorCount > 0) throw refusal(dir, checked);
    const written = await writeExtract(
      store,
      checked.files.filter((f) => f.normalised !== null).map((f) => ({ spec: f.located.spec, table: f.normalised! })),
      {
        mode: options.mode, loadedAt: options.loadedAt, sourceDir: dir,
        files: checked.report.files.filter((f) => f.present).map((f) => ({ file: f.file, sha256: f.sha256, rows: f.rows, bytes: f.bytes })),
      });
    return {
      loadId: written.loadId,
      files: checked.report.files,
      warnings: checked.report.problems.filter((p) => p.severity === 'warning'),
      rowsWritten: written.rowsWritten,
    };
  } finally {
    await dropTables(store, located);
  }
}
