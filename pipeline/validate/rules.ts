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
import { dateChecks, pairChecks } from './plausibility.js';
import { RECORD_RULES } from './record-rules.js';

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

/** Alias of the children ids joined in for child references. */
export const KNOWN_CHILD = 'kc.known_child';
export { KNOWN_BIRTH } from './plausibility.js';

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
  checks.push(...pairChecks(spec, match));
  for (const rule of RECORD_RULES.filter((r) => r.file === spec.name && r.reads.every((c) => match.position.has(c)))) {
    const column = spec.columns.find((c) => c.name === rule.column)!;
    checks.push({
      column: rule.column, rule: rule.rule, severity: rule.severity, value: `n.${raw(column)}`, bad: rule.bad,
      ...(rule.detail ? { detail: rule.detail } : {}), expected: (_v, detail) => rule.expected(detail),
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
        expected: (value) => (t.kind === 'integer' ? expected.integer(t.min, t.max)
          // Digits only, yet no number: too many of them (a double reads it as infinity).
          : value !== null && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value) && !Number.isFinite(Number(value)) ? expected.numberTooLong()
            : expected.number(t.min, t.max)),
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

