/**
 * SQL of KPI 1, suitable accommodation (accommodation.ts): for every
 * candidate intervention, the accommodation record covering its start and its
 * end date. When several cover a date, the one that started latest; on a tie,
 * a suitable one. No covering record gives NULL (not recorded).
 */
import { KPI_CANDIDATES_CTE } from './population.sql.js';

export const ACCOMMODATION_FIRST_SQL = `
SELECT CAST(min(start_date) AS VARCHAR) AS first FROM accommodation WHERE start_date <= $period_end`;

/**
 * The status record is the covering one with the greatest key "start day × 2
 * + suitable", so the latest start wins and, on a tie, a suitable one; the
 * key's last bit is then its suitability. (A max over a key is one grouped
 * pass; ranking with a window function cost twice as much nationally.)
 */
export const ACCOMMODATION_AT_DATES_SQL = `
WITH ${KPI_CANDIDATES_CTE},
dates AS (
  SELECT intervention_id, child_id, 'start' AS side, start_date AS day FROM candidates
  UNION ALL
  SELECT intervention_id, child_id, 'end' AS side, end_date AS day FROM candidates
)
-- One row per intervention: every row read into JavaScript costs more than the join that made it.
SELECT d.intervention_id,
       max(CAST(a.start_date - DATE '1900-01-01' AS BIGINT) * 2 + CAST(a.suitable AS INTEGER)) FILTER (WHERE d.side = 'start') % 2 = 1
         AS start_suitable,
       max(CAST(a.start_date - DATE '1900-01-01' AS BIGINT) * 2 + CAST(a.suitable AS INTEGER)) FILTER (WHERE d.side = 'end') % 2 = 1
         AS end_suitable
FROM dates d
LEFT JOIN accommodation a
  ON a.child_id = d.child_id
 AND a.start_date <= d.day
 -- coalesce, not "end_date IS NULL OR": an OR in a join condition makes DuckDB compare every pair of rows.
 AND coalesce(a.end_date, DATE '9999-12-31') >= d.day
GROUP BY d.intervention_id`;
