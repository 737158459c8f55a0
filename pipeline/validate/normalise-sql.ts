/**
 * The SQL that turns a CSV read by DuckDB (fields c0, c1, ... all VARCHAR, as
 * written) into normalised rows in the store's shape, keeping the trimmed raw
 * value beside each parsed one so the checks (rules.ts) can say which values
 * did not parse.
 *
 * It is one projection over the reader, with no joins (code lists are CASE
 * expressions), so DuckDB keeps file order and the table's rowid is the
 * record's position among the rows read: the one materialisation of a file.
 *
 * Columns: for every contract column the store column(s) (canonical codes,
 * DATE, BOOLEAN, INTEGER, DOUBLE, plus the derived ethnic_group, outcome_tier,
 * age_from/age_to) and, where parsing changes the value, `r_<name>` with the
 * trimmed text (NULL when blank). Text columns are their own raw value.
 */
import { sqlString } from '../store/sql.js';
import type { ColumnSpec, ExtractFileName, FileSpec } from '../contract/files.js';
import type { ColumnMatch } from './columns.js';
import {
  codeListLookup, ethnicGroupLookup, ethnicityLookup, outcomeLookup, sexLookup, type Lookup,
} from './lookups.js';
import { NO_VALUES, NOT_KNOWN, YES_VALUES } from '../contract/codes.js';
import { trimInvisibleSql } from './invisible.js';

/** What a blank means where the store needs a value (store/schema.ts header comment). */
export const BLANK_MEANS: Partial<Record<ExtractFileName, Readonly<Record<string, string>>>> = {
  children: { sex: 'U' },
  arrests: { sex: 'U' },
  ete: { suitability: 'UNKNOWN' },
};

const UK_DATE = '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}';
const INTEGER = '[+-]?[0-9]{1,9}';
const NUMBER = '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)';
const AGE = '[0-9]{1,2}';
const AGE_BAND = '[0-9]{1,2} *[-\u2013] *[0-9]{1,2}';

const TEXT_KINDS = new Set(['text', 'id', 'childRef']);

/** The normalised column holding a contract column's trimmed text as written. */
export function raw(column: ColumnSpec): string {
  return TEXT_KINDS.has(column.type.kind) ? `"${column.name}"` : `"r_${column.name}"`;
}
export const norm = (name: string): string => `"${name}"`;

/**
 * `CASE upper(x) WHEN 'SPELLING' THEN 'CODE' ... END` for one column of a
 * lookup; with `blank`, a blank value gives that instead of NULL. (Wrapping
 * this in another CASE for the blank costs DuckDB three times as much.)
 */
function lookupCase(lookup: Lookup, r: string, column = 'code', blank?: string): string {
  const at = lookup.columns.indexOf(column) + 1;
  const whens = lookup.rows.map((row) => `WHEN ${sqlString(row[0]!)} THEN ${sqlString(row[at]!)}`);
  if (blank === undefined) return `CASE upper(${r}) ${whens.join(' ')} END`;
  return `CASE upper(coalesce(${r}, '')) WHEN '' THEN ${sqlString(blank)} ${whens.join(' ')} END`;
}

function typedColumns(file: ExtractFileName, column: ColumnSpec): string[] {
  const r = `s.${raw(column)}`;
  const name = column.name;
  const t = column.type;
  const blank = BLANK_MEANS[file]?.[name];
  switch (t.kind) {
    case 'text':
    case 'id':
    case 'childRef':
      return [];
    case 'date':
      // DuckDB's cast is lenient ('21-1-5', '2021-01-05x'), so an ISO date must print back exactly as written;
      // that is cheaper than a regular expression. Only the rest reach the UK pattern and strptime.
      // A year of five digits prints back as written too, so the length holds it to YYYY.
      return [`CASE WHEN length(${r}) = 10 AND CAST(TRY_CAST(${r} AS DATE) AS VARCHAR) = ${r} THEN TRY_CAST(${r} AS DATE) `
        + `WHEN regexp_full_match(${r}, '${UK_DATE}') THEN CAST(try_strptime(${r}, '%d/%m/%Y') AS DATE) END AS ${norm(name)}`];
    case 'yesNo':
      return [`CASE upper(${r}) ${YES_VALUES.map((v) => `WHEN ${sqlString(v)} THEN true`).join(' ')} `
        + `${NO_VALUES.map((v) => `WHEN ${sqlString(v)} THEN false`).join(' ')} END AS ${norm(name)}`];
    case 'integer':
      return [`CASE WHEN regexp_full_match(${r}, '${INTEGER}') THEN CAST(${r} AS INTEGER) END AS ${norm(name)}`];
    case 'number':
      // Hundreds of digits read as infinity: a number must be finite to be one.
      return [`CASE WHEN regexp_full_match(${r}, '${NUMBER}') AND isfinite(TRY_CAST(${r} AS DOUBLE)) THEN CAST(${r} AS DOUBLE) END AS ${norm(name)}`];
    case 'code': {
      const code = lookupCase(codeListLookup(t.list), r, 'code', blank);
      // An open list keeps an unknown value (upper-cased); a closed one leaves it NULL, which the checks refuse.
      return [`${t.open ? `coalesce(${code}, upper(${r}))` : code} AS ${norm(name)}`];
    }
    case 'sex':
      return [`${lookupCase(sexLookup(), r, 'code', blank)} AS ${norm(name)}`];
    case 'ethnicity':
      return [
        `${lookupCase(ethnicityLookup(), r)} AS ${norm(name)}`,
        `${lookupCase(ethnicityLookup(), r, 'grp', NOT_KNOWN)} AS "ethnic_group"`,
      ];
    case 'outcome':
      return [`${lookupCase(outcomeLookup(), r)} AS ${norm(name)}`, `${lookupCase(outcomeLookup(), r, 'tier')} AS "outcome_tier"`];
    case 'ageOrBand': {
      const end = (pattern: string) => `CASE WHEN regexp_full_match(${r}, '${AGE}') THEN CAST(${r} AS INTEGER) `
        + `WHEN regexp_full_match(${r}, '${AGE_BAND}') THEN CAST(regexp_extract(${r}, '${pattern}') AS INTEGER) END`;
      return [`${end('^[0-9]+')} AS "age_from"`, `${end('[0-9]+$')} AS "age_to"`];
    }
    case 'ethnicGroupOrBlank':
      return [`${lookupCase(ethnicGroupLookup(), r)} AS ${norm(name)}`];
  }
}

/**
 * How fields are trimmed: not at all, of spaces, or of spaces and invisible
 * characters too (invisible.ts). Trimming costs as much as reading, and the
 * invisible kind more again, so each is used only where the bytes show a
 * field may need it.
 */
export type Trim = 'none' | 'spaces' | 'invisible';

/** The SELECT normalising `source` (a relation with columns c0..c(n-1), blank fields already NULL). */
export function normaliseSelect(spec: FileSpec, match: ColumnMatch, source: string, trim: Trim): string {
  const rawColumns = spec.columns.map((c) => {
    const at = match.position.get(c.name);
    // A column the file leaves out reads as blank everywhere; a missing required one is already a header error.
    if (at === undefined) return `CAST(NULL AS VARCHAR) AS ${raw(c)}`;
    const field = `"c${at}"`;
    if (trim === 'none') return `${field} AS ${raw(c)}`;
    // A value of only invisible characters is blank: an id of a lone tab or zero-width space is refused as one.
    return `NULLIF(${trim === 'spaces' ? `trim(${field})` : trimInvisibleSql(field)}, '') AS ${raw(c)}`;
  });
  const typed = spec.columns.flatMap((c) => typedColumns(spec.name, c));
  return `SELECT s.*${typed.map((t) => `,\n  ${t}`).join('')}
FROM (SELECT ${rawColumns.join(', ')} FROM ${source}) s`;
}
