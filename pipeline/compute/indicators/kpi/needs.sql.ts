/**
 * SQL of KPIs 3–5 (needs.ts): for every candidate intervention with start S
 * and end E, each type of need counted for it (identified on or before E and
 * no more than 12 months before S), and whether a counted need of that type
 * has a plan (SEND), an offer dated within [S, E], and attendance of such an
 * offer. A child with several rows of one type counts once.
 */
import { KPI_CANDIDATES_CTE } from './population.sql.js';

export const NEEDS_FIRST_SQL = `
SELECT CAST(min(identified_date) AS VARCHAR) AS first FROM needs WHERE identified_date <= $period_end`;

export const NEEDS_FOR_ORDERS_SQL = `
WITH ${KPI_CANDIDATES_CTE}
SELECT c.intervention_id, n.need,
       bool_or(coalesce(n.plan, false)) AS plan,
       bool_or(coalesce(n.offered_date BETWEEN c.start_date AND c.end_date, false)) AS offered,
       bool_or(coalesce(n.offered_date BETWEEN c.start_date AND c.end_date AND n.attended, false)) AS attended
FROM candidates c
JOIN needs n
  ON n.child_id = c.child_id
 AND n.identified_date <= c.end_date
 AND n.identified_date >= c.start_date - INTERVAL 12 MONTH
GROUP BY c.intervention_id, n.need`;
