/**
 * "Status at a date" (docs/indicators.md, KPIs), one SQL shape shared by KPI 1
 * (accommodation.sql.ts) and KPI 2's suitability (../ete.sql.ts): at each
 * candidate intervention's start S and end E, the record covering the date
 * (start on or before it, end blank or on or after it); when several cover
 * it, the one that started latest; on a tie, a suitable one. No covering
 * record gives NULL (not recorded), which the KPIs count as not suitable.
 *
 * The status record is found as the greatest key "start day × 2 + suitable":
 * the latest start wins and, on a tie, the suitable one; the key's last bit
 * is then its suitability. A max over a key is one grouped pass; ranking with
 * a window function cost twice as much nationally. (Days count from 1900, so
 * keys are positive: dates before 1990 are refused at load.)
 */

/** Each candidate's two dates, one row each: `side` 'start' (S) or 'end' (E) and the `day`. Follows KPI_CANDIDATES_CTE. */
export const ORDER_DATES_CTE = `
dates AS (
  SELECT intervention_id, child_id, 'start' AS side, start_date AS day FROM candidates
  UNION ALL
  SELECT intervention_id, child_id, 'end' AS side, end_date AS day FROM candidates
)`;

/** Join condition: a record (alias `r`, with child_id, start_date, end_date) of the child covering the day of `dates d`. */
export function coversOrderDate(r: string): string {
  return `${r}.child_id = d.child_id
 AND ${r}.start_date <= d.day
 -- An open record covers every later date. Not "end_date IS NULL OR ...": an OR in a join
 -- condition makes DuckDB compare every pair of rows (a nested-loop join), 100x slower nationally.
 AND coalesce(${r}.end_date, DATE '9999-12-31') >= d.day`;
}

/** A covering record's status key, from its start date and a boolean SQL expression for "suitable". */
export function statusKey(startDate: string, suitable: string): string {
  return `CAST(${startDate} - DATE '1900-01-01' AS BIGINT) * 2 + CAST(${suitable} AS INTEGER)`;
}

/** Whether the status record on one side is suitable (an aggregate over status keys; NULL when none covers the date). */
export function suitableAt(key: string, sideColumn: string, side: 'start' | 'end'): string {
  return `max(${key}) FILTER (WHERE ${sideColumn} = '${side}') % 2 = 1`;
}
