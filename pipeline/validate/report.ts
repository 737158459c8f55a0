/** What validating an extract reports, file by file. */
import type { Problem } from '../errors.js';

export interface FileSummary {
  file: string;
  present: boolean;
  /** Hex SHA-256 of the file's bytes ('' when absent). */
  sha256: string;
  bytes: number;
  /** Data records read (loaded or refused). */
  rows: number;
  /** Records with at least one error. */
  refusedRows: number;
}

export interface ValidationReport {
  dir: string;
  /**
   * Errors and warnings in file then line order. A rule failing on very many
   * rows lists the first ones and ends with one line counting the rest.
   */
  problems: Problem[];
  /** Every error, counted in full (including those not listed). */
  errorCount: number;
  warningCount: number;
  files: FileSummary[];
}

/** Orders problems for the user: file-level first, then by line, then by column as the contract lists them. */
export function sortProblems(problems: Problem[], columnOrder: readonly string[]): Problem[] {
  const columnRank = (c: string | null) => (c === null ? -1 : columnOrder.indexOf(c) === -1 ? columnOrder.length : columnOrder.indexOf(c));
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.line ?? 0) - (b.p.line ?? 0) || columnRank(a.p.column) - columnRank(b.p.column) || a.i - b.i)
    .map((x) => x.p);
}
