/**
 * SQL of the ETE indicators (ete.ts, YJB KPI 2), on the KPIs' common
 * population (kpi/population.sql.ts). A run for P sees placements started by
 * P's end; an end date after P's end is treated as open.
 */
import { KPI_CANDIDATES_CTE } from './kpi/population.sql.js';

export const ETE_FIRST_SQL = `
SELECT CAST(min(start_date) AS VARCHAR) AS first FROM ete WHERE start_date <= $period_end`;

/**
 * For every candidate intervention, at its start and at its end date: the
 * ETE placements covering the date (how many, and their hours offered added
 * up) and whether the child's status placement is SUITABLE: the covering
 * placement that started latest (on a tie, a SUITABLE one), found as the
 * greatest key "start day × 2 + suitable", whose last bit is the answer.
 * No covering placement gives placements = 0, hours 0 and suitable NULL
 * (not recorded). One row per intervention: every row read into JavaScript
 * costs more than the join that made it.
 */
export const ETE_AT_DATES_SQL = `
WITH ${KPI_CANDIDATES_CTE},
dates AS (
  SELECT intervention_id, child_id, 'start' AS side, start_date AS day FROM candidates
  UNION ALL
  SELECT intervention_id, child_id, 'end' AS side, end_date AS day FROM candidates
),
covering AS (
  SELECT d.intervention_id, d.side, p.hours_offered,
         CAST(p.start_date - DATE '1900-01-01' AS BIGINT) * 2 + CAST(p.suitability = 'SUITABLE' AS INTEGER) AS status_key
  FROM dates d
  JOIN ete p
    ON p.child_id = d.child_id
   AND p.start_date <= d.day
   -- An open placement covers every later date. Not "end_date IS NULL OR ...": an OR in a join
   -- condition makes DuckDB compare every pair of rows (a nested-loop join), 100x slower nationally.
   AND coalesce(p.end_date, DATE '9999-12-31') >= d.day
)
SELECT c.intervention_id,
       CAST(count(v.side) FILTER (WHERE v.side = 'start') AS INTEGER) AS start_placements,
       CAST(coalesce(sum(v.hours_offered) FILTER (WHERE v.side = 'start'), 0) AS DOUBLE) AS start_hours,
       max(v.status_key) FILTER (WHERE v.side = 'start') % 2 = 1 AS start_suitable,
       CAST(count(v.side) FILTER (WHERE v.side = 'end') AS INTEGER) AS end_placements,
       CAST(coalesce(sum(v.hours_offered) FILTER (WHERE v.side = 'end'), 0) AS DOUBLE) AS end_hours,
       max(v.status_key) FILTER (WHERE v.side = 'end') % 2 = 1 AS end_suitable
FROM candidates c
LEFT JOIN covering v ON v.intervention_id = c.intervention_id
GROUP BY c.intervention_id`;
