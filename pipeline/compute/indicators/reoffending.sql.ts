/**
 * SQL for proven reoffending (indicators.md, MoJ method, 3-month cohorts).
 * Code lists come from the data contract (contract/codes.ts) so the SQL and
 * the contract cannot drift; run-time values are always $parameters.
 *
 * Parameters: $from = first day of the oldest reported cohort quarter,
 * $to = last day of the run's period P, $include_non_substantive (boolean).
 *
 * Choices the spec leaves open:
 * - Age is checked on each index event first, then the child's first
 *   eligible event in the quarter is their index event (an event at age 9
 *   or 18 is simply not an index event).
 * - Two index events on the same day: court wins (a sentence or release is
 *   the weightier disposal, as in the MoJ hierarchy where the court
 *   disposal is taken for the offender's index type).
 * - Follow-up ends use DuckDB month arithmetic, which clamps to the month's
 *   end like period.ts addMonths (29 Feb 2024 + 12 months = 28 Feb 2025).
 * - The quarter key is the financial-quarter ordinal (fyStart × 4 + q − 1):
 *   months since April of year 0, divided by 3.
 */
import { ageSql, sqlList } from '../../store/sql.js';
import { NON_SUBSTANTIVE_INDEX_CODES, SUBSTANTIVE_TIERS, type OutcomeTier } from '../../contract/codes.js';


/** Non-custodial disposals: custodial sentences are not index events, their release is. */
const INDEX_TIERS: readonly OutcomeTier[] = ['pre_court_substantive', 'first_tier', 'community'];
const COURT_INDEX_TIERS: readonly OutcomeTier[] = ['first_tier', 'community'];

/**
 * One row per cohort member (child × cohort quarter) with their proven
 * reoffences counted: substantive offences committed from index + 1 day to
 * index + 12 months, with an outcome by index + 18 months and by P's end.
 */
export const COHORT_MEMBERS_SQL = `
WITH events AS (
  SELECT child_id, outcome_date AS index_date,
         CASE WHEN outcome_tier IN (${sqlList(COURT_INDEX_TIERS)}) THEN 'court' ELSE 'out_of_court' END AS index_type
  FROM offences
  WHERE outcome_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
    AND (outcome_tier IN (${sqlList(INDEX_TIERS)})
         OR ($include_non_substantive AND outcome IN (${sqlList(NON_SUBSTANTIVE_INDEX_CODES)})))
  UNION ALL
  SELECT child_id, end_date AS index_date, 'court' AS index_type
  FROM interventions
  WHERE type = 'CUSTODY' AND end_date BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)
),
aged AS (
  SELECT e.child_id, e.index_date, e.index_type, c.sex, c.ethnic_group,
         ${ageSql('e.index_date', 'c.date_of_birth')} AS age,
         (year(e.index_date) * 12 + month(e.index_date) - 4) // 3 AS quarter_key
  FROM events e JOIN children c ON c.child_id = e.child_id
),
ranked AS (
  SELECT *, row_number() OVER (
           PARTITION BY child_id, quarter_key
           ORDER BY index_date, CASE index_type WHEN 'court' THEN 0 ELSE 1 END) AS rank
  FROM aged
  WHERE age BETWEEN 10 AND 17
),
members AS (
  SELECT child_id, index_date, index_type, sex, ethnic_group, age,
         CAST(index_date + INTERVAL 12 MONTH AS DATE) AS follow_up_end,
         CAST(index_date + INTERVAL 18 MONTH AS DATE) AS outcome_deadline
  FROM ranked WHERE rank = 1
)
SELECT m.child_id, m.index_date, m.index_type, m.sex, m.ethnic_group, CAST(m.age AS INTEGER) AS age,
       CAST(count(o.offence_id) AS INTEGER) AS reoffences
FROM members m
LEFT JOIN offences o
  ON o.child_id = m.child_id
 AND o.outcome_tier IN (${sqlList(SUBSTANTIVE_TIERS)})
 AND o.offence_date > m.index_date
 AND o.offence_date <= m.follow_up_end
 AND o.outcome_date <= m.outcome_deadline
 AND o.outcome_date <= CAST($to AS DATE)
GROUP BY m.child_id, m.index_date, m.index_type, m.sex, m.ethnic_group, m.age
ORDER BY m.index_date, m.child_id
`;
