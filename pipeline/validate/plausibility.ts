/**
 * Values that parse but could not be true (data-samples/README.md "Plausibility
 * checks"): dates before 1990 or after the run, events before the child's
 * birth, offences under 10 or at 18 and over, ends before starts, more
 * attended than offered. Errors where the value cannot be right; warnings
 * where it is rare but real. The rules follow column names as well as the
 * named files, so a file added to the contract is checked without a line here.
 */
import type { ColumnSpec, ExtractFileName, FileSpec } from '../contract/files.js';
import { expected } from '../messages.js';
import type { ColumnMatch } from './columns.js';
import { norm, raw } from './normalise-sql.js';
import type { RowCheck, RuleContext } from './rules.js';

/** Date pairs where the second must not be before the first (data-samples/README.md, Plausibility checks), besides every `…end_date` and its `…start_date` (datePairs). */
export const DATE_ORDER: readonly { file: ExtractFileName; column: string; notBefore: string }[] = [
  { file: 'offences', column: 'outcome_date', notBefore: 'offence_date' },
  { file: 'remands', column: 'end_date', notBefore: 'decision_date' },
];

/** The referenced child's date of birth, from the same join. */
export const KNOWN_BIRTH = 'kc.known_birth';

/** No record of the youth justice system read by yjpack is older (README "Limits"). */
export const EARLIEST_DATE = '1990-01-01';

/**
 * Dates a case-management system may hold ahead of time (a planned end, a
 * calculated release date): after the run date they are a warning. Any other
 * date after the run date has not happened yet, and is an error.
 */
const PLANNED_DATE = /(^|_)(end|due|review|planned|expected|release)(_|$)/;

/** Dates the child must have been 10 to 17 on (YJS work is with children of those ages). */
const AGE_AT: readonly { file: ExtractFileName; column: string }[] = [
  { file: 'offences', column: 'offence_date' },
];

/** Each date pair in order, each amount within its cap. */
export function pairChecks(spec: FileSpec, match: ColumnMatch): RowCheck[] {
  const checks: RowCheck[] = [];
  const has = (name: string) => match.position.has(name);
  for (const order of datePairs(spec).filter((o) => has(o.column) && has(o.notBefore))) {
    const column = spec.columns.find((c) => c.name === order.column)!;
    checks.push({
      column: order.column, rule: 'order', severity: 'error', value: `n.${raw(column)}`,
      bad: `n.${norm(order.column)} < n.${norm(order.notBefore)}`,
      detail: `CAST(n.${norm(order.notBefore)} AS VARCHAR)`,
      expected: (_v, detail) => expected.notBefore(order.notBefore, detail ?? ''),
    });
  }
  for (const cap of amountCaps(spec).filter((c) => has(c.column) && has(c.notAbove))) {
    const column = spec.columns.find((c) => c.name === cap.column)!;
    const cappedBy = spec.columns.find((c) => c.name === cap.notAbove)!;
    checks.push({
      column: cap.column, rule: 'notAbove', severity: 'error', value: `n.${raw(column)}`,
      bad: `n.${norm(cap.column)} > n.${norm(cap.notAbove)}`,
      // As written (a DOUBLE would print 25 as 25.0).
      detail: `n.${raw(cappedBy)}`,
      expected: (_v, detail) => expected.notAbove(cap.notAbove, detail ?? ''),
    });
  }
  return checks;
}

/** The explicit pairs of DATE_ORDER and every `X_end_date` with its `X_start_date` (X may be empty). */
export function datePairs(spec: FileSpec): { column: string; notBefore: string }[] {
  const pairs = DATE_ORDER.filter((o) => o.file === spec.name).map(({ column, notBefore }) => ({ column, notBefore }));
  for (const column of spec.columns) {
    const start = /^(.*)end_date$/.exec(column.name);
    const notBefore = start ? `${start[1]}start_date` : null;
    if (notBefore && spec.columns.some((c) => c.name === notBefore) && !pairs.some((p) => p.column === column.name)) {
      pairs.push({ column: column.name, notBefore });
    }
  }
  return pairs;
}

/** Amounts that cannot exceed another of the same record: every `X_attended` and its `X_offered`. */
export function amountCaps(spec: FileSpec): { column: string; notAbove: string }[] {
  return spec.columns.flatMap((column) => {
    const stem = /^(.*)_attended$/.exec(column.name);
    const offered = stem ? `${stem[1]}_offered` : null;
    return offered && spec.columns.some((c) => c.name === offered) ? [{ column: column.name, notAbove: offered }] : [];
  });
}

/** A date's plausibility: not before EARLIEST_DATE, not after the run, after the child's birth and at a youth's age. */
export function dateChecks(spec: FileSpec, column: ColumnSpec, context: RuleContext, births: boolean): RowCheck[] {
  const v = `n.${norm(column.name)}`;
  const r = `n.${raw(column)}`;
  const planned = PLANNED_DATE.test(column.name);
  const checks: RowCheck[] = [
    {
      column: column.name, rule: 'early', severity: 'error', value: r, bad: `${v} < DATE '${EARLIEST_DATE}'`,
      expected: () => expected.dateTooEarly(EARLIEST_DATE),
    },
    {
      column: column.name, rule: 'future', severity: planned ? 'warning' : 'error', value: r,
      bad: `${v} > DATE '${context.runDate}'`,
      expected: () => (planned ? expected.plannedDateAfterRun() : expected.dateAfterRun(context.runDate)),
    },
  ];
  if (!births || column.name === 'date_of_birth') return checks;
  const born = `CAST(${KNOWN_BIRTH} AS VARCHAR)`;
  checks.push({
    column: column.name, rule: 'beforeBirth', severity: 'error', value: r, detail: born,
    bad: `${v} < ${KNOWN_BIRTH}`, expected: (_v, detail) => expected.bornAfter(detail ?? ''),
  });
  if (AGE_AT.some((a) => a.file === spec.name && a.column === column.name)) {
    const ageReached = (years: number) => `CAST(${KNOWN_BIRTH} + INTERVAL ${years} YEAR AS DATE)`;
    checks.push({
      // Under 10 no child can be held responsible for an offence: the date or the birth date is wrong.
      column: column.name, rule: 'underTen', severity: 'error', value: r, detail: born,
      bad: `${v} >= ${KNOWN_BIRTH} AND ${v} < ${ageReached(10)}`, expected: (_v, detail) => expected.underTen(detail ?? ''),
    }, {
      // 18 or over is rare but real (a breach of a youth order after turning 18 stays with the YJS).
      column: column.name, rule: 'adult', severity: 'warning', value: r,
      bad: `${v} >= ${ageReached(18)}`, expected: () => expected.eighteenOrOver(),
    });
  }
  return checks;
}
