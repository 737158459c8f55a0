/**
 * Checks one file of an extract against the contract: bytes first (encoding,
 * separator, header), then DuckDB reads and normalises it into a TEMP table
 * with every rule evaluated set-based. A first reading keeps only the store's
 * columns and proves most files clean (validate/clean-pass.ts); a file it
 * does not prove clean is read again in full, raw text kept, and its problems
 * listed. Leaves the table for the write; problems come back located by
 * physical line.
 */
import { basename } from 'node:path';
import type { FileSpec } from '../contract/files.js';
import type { Problem } from '../errors.js';
import { expected } from '../messages.js';
import type { Store } from '../store/db.js';
import { headerProblems, matchColumns, type ColumnMatch } from '../validate/columns.js';
import {
  bomLength, encodingIssue, fileTooLargeIssue, headerTooLongIssue, issueLocation, lineEndIssue, megabytes,
  recordTooLongIssue, separatorIssue, tooManyColumnsIssue, type FileIssue,
} from '../validate/file-issue.js';
import { hasPaddedFields, MAX_COLUMNS, MAX_HEADER_BYTES, readHeader } from '../validate/header.js';
import { mayHoldInvisible } from '../validate/invisible.js';
import { lineMapper, recordLines } from '../validate/lines.js';
import { FIELD_TOLERANCE, MAX_RECORD_BYTES, oversizeRecords, type OversizeRecord } from '../validate/oversize.js';
import { normaliseSelect, type Trim } from '../validate/normalise-sql.js';
import { populationTotals } from '../validate/population-totals.js';
import { sortProblems, type FileSummary } from '../validate/report.js';
import { rowChecks } from '../validate/rules.js';
import { cleanPass, provedClean, readingFirst } from '../validate/clean-pass.js';
import { runChecks, type CheckResult } from '../validate/run-checks.js';
import { MAX_FILE_BYTES, readExtractFile, sha256, type LocatedFile } from './read-extract.js';
import type { ReadBuffer } from './regular-file.js';
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
  /** Known children of this extract (validate/run-checks.ts, knownChildrenSql), for child_id references; null when children.csv could not be read. */
  childrenTable: string | null;
  /** Most problems listed per rule. */
  cap: number;
  /** The day of the run (YYYY-MM-DD, from the effects clock): no event may be later. */
  runDate: string;
  /** Memory the file is read into, shared by the extract's files: its bytes are not kept past checkFile. */
  readInto: ReadBuffer;
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
  const refused = (issue: FileIssue, at: { line: number | null; value: string | null }) =>
    result([fileProblem(issue.expected, at)], { issue });

  if (file.path === null) return result(spec.requiredFile ? [fileProblem(expected.requiredFile(dir))] : []);
  summary.file = basename(file.path);
  const read = await readExtractFile(file.path, dir, options.readInto);
  if ('tooLarge' in read) {
    summary.bytes = read.tooLarge;
    const issue = fileTooLargeIssue(read.tooLarge, MAX_FILE_BYTES);
    return result([fileProblem(issue.expected)], { issue });
  }
  const { bytes } = read;
  summary.bytes = bytes.length;
  summary.sha256 = sha256(bytes);

  const bom = bomLength(bytes);
  const encoding = encodingIssue(bytes) ?? lineEndIssue(bytes, bom);
  if (encoding) return refused(encoding, issueLocation(bytes, encoding));
  const header = readHeader(bytes, bom);
  if (header === null) return refused(longHeaderIssue(bytes, bom), { line: 1, value: null });
  const separator = separatorIssue(header.text);
  if (separator) return refused(separator, { line: 1, value: header.text });
  if (header.fields.length > MAX_COLUMNS) return refused(tooManyColumnsIssue(header.fields.length, MAX_COLUMNS), { line: 1, value: null });
  const columns = header.fields.length;
  const oversize = oversizeRecords(bytes, bom, { maxBytes: MAX_RECORD_BYTES, fields: columns, tolerance: FIELD_TOLERANCE });
  if (oversize.length > 0) return refuseOversize(summary.file, oversize, columns, options.cap, result);

  const match = matchColumns(spec, header.fields);
  const table = normalisedTable(file);
  const invisible = mayHoldInvisible(bytes, bom);
  const trim: Trim = invisible ? 'invisible' : hasPaddedFields(bytes, bom) ? 'spaces' : 'none';
  const checks = rowChecks(spec, match, {
    childRefs: options.childrenTable !== null && spec.name !== 'children', runDate: options.runDate, invisible,
  });
  const stage = (select: (normalised: string) => string) => stageCsv(store, file.path!, table, header.fields.length, options.cap,
    (reader) => select(normaliseSelect(spec, match, reader, trim)));
  const first = isPopulation(spec, match) ? null : cleanPass({ spec, match, checks, childrenTable: options.childrenTable });
  const quick = first === null ? null : await readingFirst(store, () => stage(first.select));
  const clean = first !== null && quick !== null && quick.ok && quick.staged.refusedCount === 0
    && await provedClean(store, table, first);
  const staged = clean ? quick! : await stage((normalised) => normalised);
  if (!staged.ok) return result([fileProblem(expected.unreadableCsv(staged.detail))]);
  const checked = clean ? NO_PROBLEMS : withTotals(await runChecks(store, {
    spec, match, table, checks, childrenTable: options.childrenTable, cap: options.cap,
  }), isPopulation(spec, match) ? await populationTotals(store, table) : null);
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

const NO_PROBLEMS: CheckResult = { findings: [], unlisted: [], errorCount: 0, warningCount: 0, refusedRows: 0 };

/** A header past the limit: too many columns when its first part alone has more than the most allowed, else just too long. */
function longHeaderIssue(bytes: Buffer, bom: number): FileIssue {
  const prefix = bytes.subarray(bom, bom + MAX_HEADER_BYTES);
  let commas = 0;
  for (let at = prefix.indexOf(0x2c); at !== -1; at = prefix.indexOf(0x2c, at + 1)) commas++;
  return commas + 1 > MAX_COLUMNS ? tooManyColumnsIssue(commas + 1, MAX_COLUMNS, 'atLeast') : headerTooLongIssue(MAX_HEADER_BYTES);
}

/** Every record too big to read, by line; the file is not read further (DuckDB would drop or choke on them). */
function refuseOversize(
  fileName: string, oversize: readonly OversizeRecord[], columns: number, cap: number,
  result: (problems: Problem[], extra: Partial<CheckedFile>) => CheckedFile,
): CheckedFile {
  const describe = (r: OversizeRecord) => (r.bytes > MAX_RECORD_BYTES
    ? expected.recordTooLong(megabytes(r.bytes), megabytes(MAX_RECORD_BYTES), r.lines)
    : expected.fieldCount(columns, r.fields));
  const problems: Problem[] = oversize.slice(0, cap).map((r) => ({
    file: fileName, line: r.line, column: null, value: null, severity: 'error', expected: describe(r),
  }));
  if (oversize.length > cap) {
    problems.push({ file: fileName, line: null, column: null, value: null, severity: 'error', expected: expected.moreRows(oversize.length - cap) });
  }
  const first = oversize[0]!;
  const issue = recordTooLongIssue(first.line, describe(first));
  return { ...result(problems, { issue }), errorCount: oversize.length };
}

/** Files with the population columns get their totals checked against their parts (population-totals.ts). */
function isPopulation(spec: FileSpec, match: ColumnMatch): boolean {
  return spec.columns.some((c) => c.type.kind === 'ageOrBand')
    && ['year', 'age', 'population'].every((name) => match.position.has(name));
}

function withTotals(checked: CheckResult, totals: CheckResult | null): CheckResult {
  if (totals === null || totals.findings.length === 0) return checked;
  return {
    findings: [...checked.findings, ...totals.findings],
    unlisted: checked.unlisted,
    errorCount: checked.errorCount + totals.errorCount,
    warningCount: checked.warningCount + totals.warningCount,
    refusedRows: checked.refusedRows + totals.refusedRows,
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
