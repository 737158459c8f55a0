/**
 * The code lists of contract/codes.ts as lookups: every accepted spelling
 * (code, label, CLD alias), upper-cased, to the canonical code and anything
 * derived from it. normalise-sql.ts turns them into SQL CASE expressions, so
 * DuckDB matches a million rows without a join (which would lose file order).
 */
import {
  ETHNIC_GROUPS, ETHNICITY, OUTCOMES, SEX, SEX_ALIASES, type CodeList,
} from '../contract/codes.js';

export interface Lookup {
  /** Names of the values after the upper-cased spelling in each row: code first. */
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}


/** Accepted spellings of each code: the code and its label, case-insensitively. */
function spellings(entries: readonly (readonly [string, string, ...string[]])[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const [code, label, ...extra] of entries) {
    for (const spelling of [code, label]) {
      const k = spelling.trim().toUpperCase();
      // The code wins over another code's label if they ever spell the same.
      if (!seen.has(k) || spelling === code) seen.set(k, [k, code, ...extra]);
    }
  }
  return [...seen.values()];
}

export function codeListLookup(list: CodeList): Lookup {
  return { columns: ['code'], rows: spellings(Object.entries(list)) };
}

export function sexLookup(): Lookup {
  const rows = spellings(Object.entries(SEX));
  for (const [alias, code] of Object.entries(SEX_ALIASES)) rows.push([alias, code]);
  return { columns: ['code'], rows };
}

export function ethnicityLookup(): Lookup {
  return {
    columns: ['code', 'grp'],
    rows: spellings(Object.entries(ETHNICITY).map(([code, [label, group]]) => [code, label, group] as const)),
  };
}

export function outcomeLookup(): Lookup {
  return {
    columns: ['code', 'tier'],
    rows: spellings(Object.entries(OUTCOMES).map(([code, [label, tier]]) => [code, label, tier] as const)),
  };
}

export function ethnicGroupLookup(): Lookup {
  return { columns: ['code'], rows: ETHNIC_GROUPS.map((g) => [g.toUpperCase(), g]) };
}
