/**
 * SQL of the ETE indicators (ete.ts, YJB KPI 2), on the KPIs' common
 * population (kpi/population.sql.ts). A run for P sees placements started by
 * P's end; an end date after P's end is treated as open.
 */
import { KPI_CANDIDATES_CTE } from './kpi/population.sql.js';
import { coversOrderDate, ORDER_DATES_CTE, statusKey, suitableAt } from './kpi/status-at-date.sql.js';

export const ETE_FIRST_SQL = `
SELECT CAST(min(start_date) AS VARCHAR) AS first FROM ete WHERE start_date <= $period_end`;

/**
 * For every candidate intervention, at its start and at its end date: the
 * ETE placements covering the date (how many, and their hours offered added
 * up) and whether the child's status placement is SUITABLE, by the
 * status-at-a-date rule (kpi/status-at-date.sql.ts: the covering placement
 * that started latest, on a tie a SUITABLE one; a blank suitability is loaded
 * as UNKNOWN, unsuitable). No covering placement gives placements = 0, hours
 * 0 and suitable NULL (not recorded). One row per intervention: every row
 * read into JavaScript costs more than the join that made it.
 */
export const ETE_AT_DATES_SQL = `
WITH ${KPI_CANDIDATES_CTE},
${ORDER_DATES_CTE},
covering AS (
  SELECT d.intervention_id, d.side, p.hours_offered,
         ${statusKey('p.start_date', "p.suitability = 'SUITABLE'")} AS status_key
  FROM dates d
  JOIN ete p
    ON ${coversOrderDate('p')}
)
SELECT c.intervention_id,
       CAST(count(v.side) FILTER (WHERE v.side = 'start') AS INTEGER) AS start_placements,
       CAST(coalesce(sum(v.hours_offered) FILTER (WHERE v.side = 'start'), 0) AS DOUBLE) AS start_hours,
       ${suitableAt('v.status_key', 'v.side', 'start')} AS start_suitable,
       CAST(count(v.side) FILTER (WHERE v.side = 'end') AS INTEGER) AS end_placements,
       CAST(coalesce(sum(v.hours_offered) FILTER (WHERE v.side = 'end'), 0) AS DOUBLE) AS end_hours,
       ${suitableAt('v.status_key', 'v.side', 'end')} AS end_suitable
FROM candidates c
LEFT JOIN covering v ON v.intervention_id = c.intervention_id
GROUP BY c.intervention_id`;
