/**
 * Checks one file of an extract against the contract: bytes first (encoding,
 * separator, header), then DuckDB reads and normalises it in one pass into a
 * TEMP table and runs every rule set-based. Leaves that table for the write;
 * problems come back located by physical line.
 */
import { basename } from 'node:path';
import type { Problem } from '../errors.js';
import { expected } from '../messages.js';
import type { Store } from '../store/db.js';
import { headerProblems, matchColumns, type ColumnMatch } from '../validate/columns.js';
import {
  bomLength, encodingIssue, issueLocation, lineEndIssue, separatorIssue, type FileIssue,
} from '../validate/file-issue.js';
import { hasPaddedFields, readHeader } from '../validate/header.js';
import { lineMapper, recordLines } from '../validate/lines.js';
import { normaliseSelect } from '../validate/normalise-sql.js';
import { sortProblems, type FileSummary } from '../validate/report.js';
import { rowChecks } from '../validate/rules.js';
import { runChecks, type CheckResult } from '../validate/run-checks.js';
import { readExtractFile, sha256, type LocatedFile } from './read-extract.js';
import { stageCsv, type Staged } from './stage.js';

export interface CheckedFile {
  located: LocatedFile;
  summary: FileSummary;
  /** In line order; counts of unlisted problems last. */
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  /** A problem that made the whole file unreadable. */
  issue: FileIssue | null;
  /** TEMP table of normalised rows (normalise-sql.ts), when the file could be read. */
  normalised: string | null;
  /** Whether the header has a child_id column, so the table can answer child references. */
  hasChildIds: boolean;
}

export interface CheckOptions {
  /** Normalised children of this extract, for child_id references; null when children.csv could not be read. */
  childrenTable: string | null;
  /** Most problems listed per rule. */
  cap: number;
}

export const normalisedTable = (file: LocatedFile): string => `yj_norm_${file.spec.name}`;

export async function checkFile(store: Store, file: LocatedFile, dir: string, options: CheckOptions): Promise<CheckedFile> {
  const { spec } = file;
  const summary: FileSummary = { file: spec.fileName, present: file.path !== null, sha256: '', bytes: 0, rows: 0, refusedRows: 0 };
  const result = (problems: Problem[], extra: Partial<CheckedFile> = {}): CheckedFile => ({
    located: file, summary, problems,
    errorCount: problems.filter((p) => p.severity === 'error').length,
    warningCount: problems.filter((p) => p.severity === 'warning').length,
    issue: null, normalised: null, hasChildIds: false, ...extra,
  });
  const fileProblem = (text: string, at: { line: number | null; value: string | null } = { line: null, value: null }): Problem =>
    ({ file: summary.file, line: at.line, column: null, value: at.value, expected: text, severity: 'error' });

  if (file.path === null) return result(spec.requiredFile ? [fileProblem(expected.requiredFile(dir))] : []);
  summary.file = basename(file.path);
  const bytes = await readExtractFile(file.path, dir);
  summary.bytes = bytes.length;
  const hashing = sha256(bytes).then((hex) => { summary.sha256 = hex; });

  const bom = bomLength(bytes);
  const encoding = encodingIssue(bytes) ?? lineEndIssue(bytes, bom);
  if (encoding) return hashing.then(() => result([fileProblem(encoding.expected, issueLocation(bytes, encoding))], { issue: encoding }));
  const header = readHeader(bytes, bom);
  const separator = separatorIssue(header.text);
  if (separator) return hashing.then(() => result([fileProblem(separator.expected, { line: 1, value: header.text })], { issue: separator }));

  const match = matchColumns(spec, header.fields);
  const table = normalisedTable(file);
  const staged = await stageCsv(store, file.path, table, header.fields.length, options.cap,
    (reader) => normaliseSelect(spec, match, reader, hasPaddedFields(bytes, bom)));
  await hashing;
  if (!staged.ok) return result([fileProblem(expected.unreadableCsv(staged.detail))]);
  const checks = rowChecks(spec, match, options.childrenTable !== null && spec.name !== 'children');
  const checked = await runChecks(store, {
    spec, match, table, checks, childrenTable: options.childrenTable, cap: options.cap,
  });
  summary.rows = staged.staged.rows + staged.staged.refusedCount;
  summary.refusedRows = checked.refusedRows + staged.staged.refusedCount;

  const fromHeader = headerProblems(summary.file, match);
  const fromRows = locate(summary.file, bytes, bom, staged.staged, checked, (field) => columnAt(match, header.fields, field));
  const listed = sortProblems([...fromHeader, ...fromRows], spec.columns.map((c) => c.name));
  const count = (severity: Problem['severity']) => fromHeader.filter((p) => p.severity === severity).length;
  return {
    located: file, summary,
    problems: [...listed, ...unlistedProblems(summary.file, staged.staged, checked)],
    errorCount: count('error') + staged.staged.refusedCount + checked.errorCount,
    warningCount: count('warning') + checked.warningCount,
    issue: null, normalised: table, hasChildIds: match.position.has('child_id'),
  };
}

/** Turns record positions into physical lines; the byte scan runs only when there is something to locate. */
function locate(
  fileName: string, bytes: Uint8Array, bom: number, staged: Staged, checked: CheckResult, columnOf: (field: number) => string | null,
): Problem[] {
  if (staged.refused.length === 0 && checked.findings.length === 0) return [];
  const refusedLines = new Set(staged.refused.map((r) => r.duckLine));
  const { lineOfRow, lineOfDuckLine } = lineMapper(recordLines(bytes, bom), refusedLines);
  const refused: Problem[] = staged.refused.map((r) => ({
    file: fileName, line: lineOfDuckLine(r.duckLine), column: r.field === null ? null : columnOf(r.field), value: r.text || null, severity: 'error',
    expected: r.kind === 'quoting' ? expected.quoting()
      : r.kind === 'fieldCount' && r.found !== null ? expected.fieldCount(staged.columns, r.found)
        : expected.unreadableCsv(r.message),
  }));
  const found: Problem[] = checked.findings.map((f) => ({
    file: fileName, line: lineOfRow(f.rn), column: f.column, value: f.value, severity: f.severity, expected: f.expected(lineOfRow),
  }));
  return [...refused, ...found];
}

/** The contract column at a header position, else the header name as written. */
function columnAt(match: ColumnMatch, header: readonly string[], field: number): string | null {
  for (const [name, at] of match.position) if (at === field) return name;
  return header[field]?.trim() || null;
}

function unlistedProblems(fileName: string, staged: Staged, checked: CheckResult): Problem[] {
  const more: Problem[] = [];
  if (staged.refusedCount > staged.refused.length) {
    more.push({ file: fileName, line: null, column: null, value: null, severity: 'error', expected: expected.moreRows(staged.refusedCount - staged.refused.length) });
  }
  for (const u of checked.unlisted) {
    more.push({ file: fileName, line: null, column: u.column, value: null, severity: u.severity, expected: expected.moreRows(u.count) });
  }
  return more;
}
