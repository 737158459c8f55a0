/**
 * SQL literals for the few values yjpack writes into SQL text rather than
 * binding as parameters: the data contract's own code lists (constants, never
 * user data), which DuckDB needs inline so the planner can use them.
 */

export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `'a', 'b', 'c'` for an IN (…) list. */
export function sqlList(values: readonly string[]): string {
  return values.map(sqlString).join(', ');
}

/**
 * SQL for whole years of age on `day` for a child born on `dateOfBirth` (two
 * DATE expressions): the rule of ageOn (pipeline/period.ts), so a child born
 * on 29 February turns a year older on 1 March in a year with no 29 February
 * (docs/indicators.md).
 */
export function ageSql(day: string, dateOfBirth: string): string {
  return `(year(${day}) - year(${dateOfBirth})`
    + ` - CASE WHEN strftime(${day}, '%m-%d') < strftime(${dateOfBirth}, '%m-%d') THEN 1 ELSE 0 END)`;
}
