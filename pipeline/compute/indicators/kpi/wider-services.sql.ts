/**
 * SQL of KPI 7, links to wider services (wider-services.ts): for every
 * candidate intervention with start S and end E, each children's social care
 * status with an episode overlapping [S, E] (start on or before E, and end
 * blank or on or after S).
 */
import { KPI_CANDIDATES_CTE } from './population.sql.js';

export const CARE_STATUS_FIRST_SQL = `
SELECT CAST(min(start_date) AS VARCHAR) AS first FROM care_status WHERE start_date <= $period_end`;

export const CARE_STATUS_DURING_ORDERS_SQL = `
WITH ${KPI_CANDIDATES_CTE}
SELECT DISTINCT c.intervention_id, s.status
FROM candidates c
JOIN care_status s
  ON s.child_id = c.child_id
 AND s.start_date <= c.end_date
 AND coalesce(s.end_date, DATE '9999-12-31') >= c.start_date
ORDER BY 1, 2`;
