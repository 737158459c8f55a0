/**
 * SQL of KPI 9, serious violence (serious-violence.ts): proven offences of
 * violence against the person, robbery or drugs with gravity 5 or more, dealt
 * with by a substantive outcome (YC, YCC or any court sentence) dated in the
 * window. Any child, not only the common population.
 */
import { SUBSTANTIVE_TIERS } from '../../../contract/codes.js';
import { sqlString } from '../../../store/sql.js';

export const SERIOUS_VIOLENCE_CATEGORIES: readonly string[] = ['VIOLENCE_AGAINST_THE_PERSON', 'ROBBERY', 'DRUGS'];
export const SERIOUS_VIOLENCE_MIN_GRAVITY = 5;

export const OFFENCES_FIRST_SQL = `
SELECT CAST(min(outcome_date) AS VARCHAR) AS first FROM offences WHERE outcome_date <= $period_end`;

export const SERIOUS_VIOLENCE_SQL = `
SELECT o.offence_id, o.child_id, CAST(o.offence_date AS VARCHAR) AS offence_date, CAST(o.outcome_date AS VARCHAR) AS outcome_date,
       CAST(c.date_of_birth AS VARCHAR) AS date_of_birth, c.sex, c.ethnic_group
FROM offences o
JOIN children c ON c.child_id = o.child_id
WHERE o.offence_category IN (${SERIOUS_VIOLENCE_CATEGORIES.map(sqlString).join(', ')})
  AND o.gravity >= ${SERIOUS_VIOLENCE_MIN_GRAVITY}
  AND o.outcome_tier IN (${SUBSTANTIVE_TIERS.map(sqlString).join(', ')})
  AND o.outcome_date BETWEEN $window_start AND $period_end
ORDER BY o.outcome_date, o.offence_id`;
