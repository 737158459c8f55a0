/**
 * SQL of the ETE indicators (ete.ts, YJB KPI 2). A run for P sees
 * interventions and placements started by P's end; an end date after P's
 * end is treated as open, so such an intervention has not ended yet.
 */

/** Where the intervention history starts, and whether any ETE placement exists, up to P's end. */
export const ETE_HISTORY_SQL = `
SELECT (SELECT CAST(min(start_date) AS VARCHAR) FROM interventions WHERE start_date <= $period_end) AS first_start,
       (SELECT CAST(count(*) AS INTEGER) FROM ete WHERE start_date <= $period_end) AS placements`;

/**
 * One row per child and quarter in which an intervention of theirs ended
 * (the latest end date in the quarter if several; financial quarters are
 * calendar quarters shifted by one, so date_trunc('quarter') groups them),
 * with the ETE placements covering that end date added up: hours offered,
 * how many placements, and how many of them are SUITABLE. A child with no
 * covering placement gets placements = 0 and hours = 0.
 */
export const ETE_AT_INTERVENTION_END_SQL = `
WITH ended AS (
  SELECT child_id, max(end_date) AS end_date
  FROM interventions
  WHERE end_date IS NOT NULL
    AND end_date BETWEEN $window_start AND $period_end
    AND start_date <= $period_end
  GROUP BY child_id, date_trunc('quarter', end_date)
)
SELECT e.child_id,
       CAST(e.end_date AS VARCHAR) AS end_date,
       CAST(c.date_of_birth AS VARCHAR) AS date_of_birth,
       CAST(count(p.child_id) AS INTEGER) AS placements,
       CAST(count(p.child_id) FILTER (WHERE p.suitability = 'SUITABLE') AS INTEGER) AS suitable_placements,
       CAST(coalesce(sum(p.hours_offered), 0) AS DOUBLE) AS hours_offered
FROM ended e
JOIN children c ON c.child_id = e.child_id
LEFT JOIN ete p
  ON p.child_id = e.child_id
 AND p.start_date <= e.end_date
 -- An open placement covers every later date. Not "end_date IS NULL OR ...": an OR in a join
 -- condition makes DuckDB compare every pair of rows (a nested-loop join), 100x slower nationally.
 AND coalesce(p.end_date, DATE '9999-12-31') >= e.end_date
GROUP BY e.child_id, e.end_date, c.date_of_birth
ORDER BY e.end_date, e.child_id`;
