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
