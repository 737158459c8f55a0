/**
 * SQL of KPI 1, suitable accommodation (accommodation.ts): for every
 * candidate intervention, the suitability of the accommodation record
 * covering its start and its end date, by the status-at-a-date rule
 * (status-at-date.sql.ts). No covering record gives NULL (not recorded).
 */
import { KPI_CANDIDATES_CTE } from './population.sql.js';
import { coversOrderDate, ORDER_DATES_CTE, statusKey, suitableAt } from './status-at-date.sql.js';

export const ACCOMMODATION_FIRST_SQL = `
SELECT CAST(min(start_date) AS VARCHAR) AS first FROM accommodation WHERE start_date <= $period_end`;

const KEY = statusKey('a.start_date', 'a.suitable');

// One row per intervention: every row read into JavaScript costs more than the join that made it.
export const ACCOMMODATION_AT_DATES_SQL = `
WITH ${KPI_CANDIDATES_CTE},
${ORDER_DATES_CTE}
SELECT d.intervention_id,
       ${suitableAt(KEY, 'd.side', 'start')} AS start_suitable,
       ${suitableAt(KEY, 'd.side', 'end')} AS end_suitable
FROM dates d
LEFT JOIN accommodation a
  ON ${coversOrderDate('a')}
GROUP BY d.intervention_id`;
