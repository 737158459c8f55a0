/** SQL of the use-of-custody indicators (custody.ts). */

/**
 * Custodial sentences: one row per distinct child and outcome date with an
 * outcome in the Custody tier (DTO, s250, s254, s258, s259), so two offences
 * sentenced together are one sentence. Outcomes after $period_end do not
 * exist yet for a run for that period.
 */
export const CUSTODIAL_SENTENCES_SQL = `
SELECT DISTINCT child_id, CAST(outcome_date AS VARCHAR) AS outcome_date
FROM offences
WHERE outcome_tier = 'custody'
  AND outcome_date BETWEEN $window_start AND $period_end
ORDER BY outcome_date, child_id`;
