/**
 * Runs a file's checks over its normalised table: one scan counts every rule
 * in full, then only the rules that failed are listed (in record order, up to
 * a cap per rule), so a clean million-row file costs one pass.
 */
import type { FileSpec } from '../contract/files.js';
import { expected } from '../messages.js';
import type { Store } from '../store/db.js';
import type { ColumnMatch } from './columns.js';
import { norm, raw } from './normalise-sql.js';
import { KNOWN_BIRTH, KNOWN_CHILD, keyColumns, type RowCheck } from './rules.js';

/** A bad value located by record; the line is known only once records are mapped to lines. */
export interface Finding {
  /** Position of the record among the staged rows (0-based). */
  rn: number;
  column: string;
  value: string | null;
  severity: 'error' | 'warning';
  expected: (lineOf: (rn: number) => number) => string;
}

/** A rule that failed on more rows than were listed. */
export interface Unlisted {
  column: string;
  severity: 'error' | 'warning';
  count: number;
}

export interface CheckResult {
  findings: Finding[];
  unlisted: Unlisted[];
  errorCount: number;
  warningCount: number;
  /** Rows with at least one error. */
  refusedRows: number;
}

export interface CheckInput {
  spec: FileSpec;
  match: ColumnMatch;
  table: string;
  checks: readonly RowCheck[];
  /** Known-children table (knownChildrenSql) that child references must be in, when checked. */
  childrenTable: string | null;
  /** Most problems listed per rule. */
  cap: number;
}

export async function runChecks(store: Store, input: CheckInput): Promise<CheckResult> {
  const { checks, cap } = input;
  const from = fromClause(input);
  const errors = checks.filter((c) => c.severity === 'error');
  const anyError = errors.length === 0 ? 'false' : errors.map((c) => `(${c.bad})`).join(' OR ');
  const counts = await store.query(`SELECT ${[
    ...checks.map((c, i) => `CAST(count(*) FILTER (WHERE ${c.bad}) AS INTEGER) AS k${i}`),
    `CAST(count(*) FILTER (WHERE ${anyError}) AS INTEGER) AS refused`,
  ].join(', ')} FROM ${from}`);
  const countRow = counts[0] ?? {};

  const findings: Finding[] = [];
  const unlisted: Unlisted[] = [];
  let errorCount = 0;
  let warningCount = 0;
  const tally = (severity: 'error' | 'warning', n: number) => {
    if (severity === 'error') errorCount += n; else warningCount += n;
  };

  for (const [i, check] of checks.entries()) {
    const count = Number(countRow[`k${i}`] ?? 0);
    if (count === 0) continue;
    tally(check.severity, count);
    const rows = await store.query<{ rn: number; value: string | null; detail: string | null }>(
      `SELECT n.rowid AS rn, ${check.value} AS value, ${check.detail ?? 'NULL'} AS detail FROM ${from}
       WHERE ${check.bad} ORDER BY n.rowid LIMIT ${cap}`);
    for (const row of rows) {
      findings.push({
        rn: row.rn, column: check.column, value: row.value, severity: check.severity,
        expected: () => check.expected(row.value, row.detail),
      });
    }
    if (count > rows.length) unlisted.push({ column: check.column, severity: check.severity, count: count - rows.length });
  }

  const duplicates = await duplicateKeys(store, input);
  if (duplicates.count > 0) {
    tally('error', duplicates.count);
    findings.push(...duplicates.findings);
    if (duplicates.count > duplicates.findings.length) {
      unlisted.push({ column: keyLabel(input.spec), severity: 'error', count: duplicates.count - duplicates.findings.length });
    }
  }

  let refusedRows = Number(countRow.refused ?? 0);
  if (duplicates.count > 0) {
    const [row] = await store.query<{ n: number }>(
      `SELECT CAST(count(*) AS INTEGER) AS n FROM ${from}
       WHERE (${anyError}) OR n.rowid IN (SELECT rn FROM (${duplicateRowsSql(input)}))`);
    refusedRows = row?.n ?? refusedRows;
  }
  return { findings, unlisted, errorCount, warningCount, refusedRows };
}

/**
 * The children of an extract as the other files' checks join them: one row
 * per child (the earliest birth date if children.csv repeats a child, which
 * is refused anyway), so no row is doubled. Made once per extract from the
 * normalised children, not once per file.
 */
export function knownChildrenSql(table: string, childrenTable: string): string {
  return `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT child_id AS known_child, min(date_of_birth) AS known_birth
    FROM ${childrenTable} WHERE child_id IS NOT NULL GROUP BY child_id`;
}

/** Whether a check reads the extract's children (joined in as `kc`), so it cannot be judged from its own record. */
export const readsChildren = (check: RowCheck): boolean => check.bad.includes(KNOWN_CHILD) || check.bad.includes(KNOWN_BIRTH);

/** The checked table as `n`, with the known children joined in when a check reads them. */
export function fromClause(input: Pick<CheckInput, 'table' | 'checks' | 'childrenTable'>): string {
  const needsChildren = input.childrenTable !== null && input.checks.some(readsChildren);
  const join = needsChildren ? ` LEFT JOIN ${input.childrenTable} kc ON kc.known_child = n.child_id` : '';
  return `${input.table} n${join}`;
}

function keyLabel(spec: FileSpec): string {
  return spec.key.join(', ');
}

/** Rows whose key can be compared: every key value present where required, and parsed where given. */
function keyUsable(spec: FileSpec): string {
  return spec.key.map((k) => {
    const column = spec.columns.find((c) => c.name === k)!;
    const parsed = (column.type.kind === 'ageOrBand' ? ['age_from', 'age_to'] : [k]).map((c) => `n.${norm(c)} IS NOT NULL`).join(' AND ');
    return column.blankOk ? `(n.${raw(column)} IS NULL OR (${parsed}))` : `(${parsed})`;
  }).join(' AND ');
}

/** Every record after the first with the same key, with the first's position. */
function duplicateRowsSql(input: CheckInput): string {
  const keys = keyColumns(input.spec).map((c) => `n.${norm(c)}`).join(', ');
  const rawOf = (k: string) => `n.${raw(input.spec.columns.find((c) => c.name === k)!)}`;
  const value = input.spec.key.length === 1
    ? rawOf(input.spec.key[0]!)
    : `concat_ws(', ', ${input.spec.key.map((k) => `coalesce(${rawOf(k)}, '')`).join(', ')})`;
  return `SELECT rn, value, first FROM (
    SELECT n.rowid AS rn, ${value} AS value, min(n.rowid) OVER (PARTITION BY ${keys}) AS first
    FROM ${input.table} n WHERE ${keyUsable(input.spec)}) WHERE rn > first`;
}

/** The key of a file's records as SQL over `n`, and which records have one to compare; null when the header lacks a key column. */
export function recordKey(spec: FileSpec, match: ColumnMatch): { columns: string; usable: string } | null {
  if (!spec.key.every((k) => match.position.has(k))) return null;
  return { columns: keyColumns(spec).map((c) => `n.${norm(c)}`).join(', '), usable: keyUsable(spec) };
}

/**
 * SQL counting the records whose key an earlier record already has, or null
 * when the header lacks a key column. A GROUP BY finds whether there are any
 * far more cheaply than the window that lists them.
 */
function duplicateCountSql(spec: FileSpec, match: ColumnMatch, table: string): string | null {
  const key = recordKey(spec, match);
  if (key === null) return null;
  return `SELECT CAST(coalesce(sum(c - 1), 0) AS INTEGER) AS n FROM (
       SELECT count(*) AS c FROM ${table} n WHERE ${key.usable} GROUP BY ${key.columns} HAVING count(*) > 1)`;
}

async function duplicateKeys(store: Store, input: CheckInput): Promise<{ count: number; findings: Finding[] }> {
  const countSql = duplicateCountSql(input.spec, input.match, input.table);
  if (countSql === null) return { count: 0, findings: [] };
  const [row] = await store.query<{ n: number }>(countSql);
  const count = row?.n ?? 0;
  if (count === 0) return { count, findings: [] };
  const rows = await store.query<{ rn: number; value: string | null; first: number }>(
    `${duplicateRowsSql(input)} ORDER BY rn LIMIT ${input.cap}`);
  const column = keyLabel(input.spec);
  return {
    count,
    findings: rows.map((r) => ({
      rn: r.rn, column, value: r.value, severity: 'error' as const,
      expected: (lineOf: (rn: number) => number) => expected.unique(lineOf(r.first)),
    })),
  };
}
