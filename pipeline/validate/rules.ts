/**
 * The data contract's value rules as set-based checks over a normalised table
 * (alias `n`, see normalise-sql.ts). Each check is a SQL condition that is
 * true for a bad row, with the catalogue text saying what was expected.
 */
import { ETHNIC_GROUPS, ETHNICITY, OUTCOMES } from '../contract/codes.js';
import type { ColumnSpec, ExtractFileName, FileSpec } from '../contract/files.js';
import { expected } from '../messages.js';
import type { ColumnMatch } from './columns.js';
import { norm, raw } from './normalise-sql.js';
import { sqlString } from '../store/sql.js';
import { holdsInvisibleSql } from './invisible.js';

export interface RowCheck {
  /** Column named in the problem. */
  column: string;
  /** Distinguishes checks of one column, for capping and counting. */
  rule: string;
  severity: 'error' | 'warning';
  /** SQL over `n` (and the joins of the check run): true for a bad row. */
  bad: string;
  /** SQL for the value shown (NULL shows none). */
  value: string;
  /** SQL for a detail the expected text needs, if any. */
  detail?: string;
  expected: (value: string | null, detail: string | null) => string;
}

/**
 * Date pairs where the second must not be before the first (data-contract.md).
 * Besides these, any file's `…end_date` must not be before its `…start_date`
 * (datePairs), so a file added to the contract is checked without a line here.
 */
export const DATE_ORDER: readonly { file: ExtractFileName; column: string; notBefore: string }[] = [
  { file: 'offences', column: 'outcome_date', notBefore: 'offence_date' },
  { file: 'remands', column: 'end_date', notBefore: 'decision_date' },
];

/** Alias of the children ids joined in for child references. */
export const KNOWN_CHILD = 'kc.known_child';
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

export interface RuleContext {
  /** Whether child_id references can be checked against children.csv (and its dates of birth). */
  childRefs: boolean;
  /** The day of the run, YYYY-MM-DD, from the effects clock: no event may be later. */
  runDate: string;
  /** Whether values may hold invisible characters (invisible.ts), so ids are searched for them. */
  invisible: boolean;
}

export function rowChecks(spec: FileSpec, match: ColumnMatch, context: RuleContext): RowCheck[] {
  const checks: RowCheck[] = [];
  const has = (name: string) => match.position.has(name);
  const childRef = spec.columns.find((c) => c.type.kind === 'childRef' && has(c.name));
  for (const column of spec.columns) {
    if (!has(column.name)) continue;
    const r = `n.${raw(column)}`;
    if (!column.blankOk) {
      checks.push({
        column: column.name, rule: 'blank', severity: 'error', bad: `${r} IS NULL`, value: 'NULL',
        expected: () => expected.notBlank(),
      });
    }
    const value = valueCheck(spec.name, column, r);
    if (value) checks.push({ column: column.name, severity: 'error', value: r, ...value });
    if (column.type.kind === 'code' && column.type.open) {
      // An open list keeps unknown codes as written, so it must refuse what no code looks like: markup.
      checks.push({
        column: column.name, rule: 'markup', severity: 'error', value: r,
        bad: `${r} IS NOT NULL AND ${looksLikeMarkup(r)}`, expected: () => expected.noMarkup(),
      });
    }
    if ((column.type.kind === 'id' || column.type.kind === 'childRef') && context.invisible) {
      checks.push({
        column: column.name, rule: 'invisible', severity: 'error', value: r,
        bad: `${r} IS NOT NULL AND ${holdsInvisibleSql(r)}`, expected: () => expected.invisibleInId(),
      });
    }
    if (column.type.kind === 'childRef' && context.childRefs) {
      checks.push({
        column: column.name, rule: 'childRef', severity: 'error', value: r,
        bad: `${r} IS NOT NULL AND ${KNOWN_CHILD} IS NULL`, expected: () => expected.childExists(),
      });
    }
    if (column.type.kind === 'date') {
      checks.push(...dateChecks(spec, column, context, childRef !== undefined && context.childRefs));
    }
  }
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
function dateChecks(spec: FileSpec, column: ColumnSpec, context: RuleContext, births: boolean): RowCheck[] {
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

type ValueCheck = Pick<RowCheck, 'rule' | 'bad' | 'expected'> & Partial<Pick<RowCheck, 'severity'>>;

function valueCheck(file: ExtractFileName, column: ColumnSpec, r: string): ValueCheck | null {
  const v = `n.${norm(column.name)}`;
  const unparsed = `${r} IS NOT NULL AND ${v} IS NULL`;
  const t = column.type;
  switch (t.kind) {
    case 'text':
    case 'id':
    case 'childRef':
      return null;
    case 'date':
      return { rule: 'date', bad: unparsed, expected: (value) => dateExpected(value ?? '') };
    case 'yesNo':
      return { rule: 'yesNo', bad: unparsed, expected: () => expected.yesNo() };
    case 'integer':
    case 'number': {
      const outside = [t.min === undefined ? null : `${v} < ${t.min}`, t.max === undefined ? null : `${v} > ${t.max}`]
        .filter((x) => x !== null);
      return {
        rule: t.kind,
        bad: `${r} IS NOT NULL AND (${[`${v} IS NULL`, ...outside].join(' OR ')})`,
        expected: () => (t.kind === 'integer' ? expected.integer(t.min, t.max) : expected.number(t.min, t.max)),
      };
    }
    case 'code': {
      const codes = Object.keys(t.list);
      if (!t.open) return { rule: 'code', bad: unparsed, expected: () => expected.oneOf(codes) };
      return {
        rule: 'openCode', severity: 'warning',
        bad: `${r} IS NOT NULL AND ${v} NOT IN (${codes.map(sqlString).join(', ')}) AND NOT (${looksLikeMarkup(r)})`,
        expected: () => expected.knownCode(codes),
      };
    }
    case 'sex':
      // Population rows are for boys, girls or persons; an "unknown sex" population has no meaning.
      return file === 'population'
        ? { rule: 'sex', bad: `${r} IS NOT NULL AND (${v} IS NULL OR ${v} = 'U')`, expected: () => expected.sexOrPersons() }
        : { rule: 'sex', bad: unparsed, expected: () => expected.sex() };
    case 'ethnicity':
      return { rule: 'ethnicity', bad: unparsed, expected: () => expected.oneOf(Object.keys(ETHNICITY)) };
    case 'outcome':
      return { rule: 'outcome', bad: unparsed, expected: () => expected.oneOf(Object.keys(OUTCOMES)) };
    case 'ageOrBand':
      return {
        rule: 'ageOrBand',
        bad: `${r} IS NOT NULL AND (n.age_from IS NULL OR n.age_to IS NULL OR n.age_from < 10 OR n.age_to > 17 OR n.age_from > n.age_to)`,
        expected: () => expected.ageOrBand(),
      };
    case 'ethnicGroupOrBlank':
      return { rule: 'ethnicGroup', bad: unparsed, expected: () => expected.ethnicGroup(ETHNIC_GROUPS) };
  }
}

/** SQL true when a value holds < or >: never part of a code or label, always part of markup. */
function looksLikeMarkup(r: string): string {
  return `(strpos(${r}, '<') > 0 OR strpos(${r}, '>') > 0)`;
}

/** Says more than "not a date" when it can tell why: month first (US) or a day that does not exist. */
export function dateExpected(value: string): string {
  const uk = /^(\d{1,2})\/(\d{1,2})\/\d{4}$/.exec(value);
  if (uk && Number(uk[2]) > 12 && Number(uk[1]) >= 1 && Number(uk[1]) <= 12) return expected.dateMonthFirst();
  if (uk || /^\d{4}-\d{2}-\d{2}$/.test(value)) return expected.dateImpossible();
  if (/^\d{5,}-\d{2}-\d{2}$/.test(value) || /^\d{1,2}\/\d{1,2}\/\d{5,}$/.test(value)) return expected.dateYearDigits();
  return expected.date();
}

/** Normalised columns that identify a record (FileSpec.key), as norm-table columns. */
export function keyColumns(spec: FileSpec): string[] {
  return spec.key.flatMap((k) => {
    const column = spec.columns.find((c) => c.name === k);
    return column?.type.kind === 'ageOrBand' ? ['age_from', 'age_to'] : [k];
  });
}

