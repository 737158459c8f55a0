/**
 * SQL of the first time entrant indicators (fte.ts). Substantive tiers are
 * those of contract/codes.ts SUBSTANTIVE_TIERS: YC, YCC and every court
 * sentence; never CR, Outcome 20/21/22 or a not-proven outcome.
 */
import { SUBSTANTIVE_TIERS } from '../../contract/codes.js';
import { sqlList } from '../../store/sql.js';

/**
 * Every offence dealt with at a child's first substantive outcome in the
 * whole history up to $period_end (outcomes after it do not exist yet for a
 * run for that period), with what the age rule needs. One row per offence;
 * fte.ts decides who is an entrant.
 */
export const FIRST_SUBSTANTIVE_OFFENCES_SQL = `
WITH substantive AS (
  SELECT child_id, offence_date, outcome_date
  FROM offences
  WHERE outcome_tier IN (${sqlList(SUBSTANTIVE_TIERS)})
    AND outcome_date <= $period_end
),
first_outcome AS (
  SELECT child_id, min(outcome_date) AS first_date
  FROM substantive
  GROUP BY child_id
)
SELECT s.child_id,
       CAST(f.first_date AS VARCHAR) AS first_date,
       CAST(s.offence_date AS VARCHAR) AS offence_date,
       CAST(c.date_of_birth AS VARCHAR) AS date_of_birth
FROM first_outcome f
JOIN substantive s ON s.child_id = f.child_id AND s.outcome_date = f.first_date
JOIN children c ON c.child_id = f.child_id
WHERE f.first_date >= $window_start
ORDER BY s.child_id, s.offence_date`;
