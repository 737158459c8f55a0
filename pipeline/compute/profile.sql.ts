/**
 * SQL of the cohort profile and of remands to youth detention (profile.ts).
 * Every query returns counts only: child ids stay inside the database.
 */
import { ageSql } from '../store/sql.js';

/** Tiers from least to most severe: a child's tier in the profile is the most severe of their year. */
export const TIER_SEVERITY = ['pre_court_non_substantive', 'pre_court_substantive', 'first_tier', 'community', 'custody'] as const;

const TIER_RANK = `CASE outcome_tier ${TIER_SEVERITY.map((t, i) => `WHEN '${t}' THEN ${i + 1}`).join(' ')} END`;

/**
 * Children with any proven outcome (every tier but not proven, so community
 * resolutions count) dated in the year to P, one row each, described by:
 * - sex and ethnic group, as recorded;
 * - age at the offence date of their first outcome in the year (the age
 *   rule first time entrants use);
 * - the YJB category of their most serious offence dealt with in the year
 *   (highest gravity; a tie goes to the later outcome, then the offence id,
 *   so the choice is repeatable);
 * - the most severe outcome tier of their year.
 * Then counted by each dimension: (dimension, category, children).
 */
export const PROFILE_COUNTS_SQL = `
WITH proven AS (
  SELECT child_id, offence_id, offence_date, outcome_date, outcome_tier, offence_category, gravity,
         ${TIER_RANK} AS tier_rank
  FROM offences
  WHERE outcome_tier <> 'not_proven'
    AND outcome_date BETWEEN $year_start AND $period_end
),
ranked AS (
  SELECT *,
         row_number() OVER (PARTITION BY child_id ORDER BY outcome_date, offence_date, offence_id) AS first_order,
         row_number() OVER (PARTITION BY child_id ORDER BY COALESCE(gravity, 0) DESC, outcome_date DESC, offence_id) AS serious_order,
         max(tier_rank) OVER (PARTITION BY child_id) AS top_tier_rank
  FROM proven
),
described AS (
  SELECT c.sex,
         c.ethnic_group,
         ${ageSql('f.offence_date', 'c.date_of_birth')} AS age,
         COALESCE(s.offence_category, 'NOT_KNOWN') AS offence_category,
         f.top_tier_rank
  FROM ranked f
  JOIN ranked s ON s.child_id = f.child_id AND s.serious_order = 1
  JOIN children c ON c.child_id = f.child_id
  WHERE f.first_order = 1
)
SELECT 'sex' AS dimension, sex AS category, CAST(count(*) AS INTEGER) AS children FROM described GROUP BY sex
UNION ALL
SELECT 'ethnic_group', ethnic_group, CAST(count(*) AS INTEGER) FROM described GROUP BY ethnic_group
UNION ALL
SELECT 'age', CAST(age AS VARCHAR), CAST(count(*) AS INTEGER) FROM described GROUP BY age
UNION ALL
SELECT 'offence_type', offence_category, CAST(count(*) AS INTEGER) FROM described GROUP BY offence_category
UNION ALL
SELECT 'outcome_tier', CAST(top_tier_rank AS VARCHAR), CAST(count(*) AS INTEGER) FROM described GROUP BY top_tier_rank
ORDER BY dimension, category`;

/** Whether remands.csv holds any decision dated up to $period_end (else the pack has no remand table). */
export const HAS_REMANDS_SQL = `
SELECT CAST(count(*) AS INTEGER) AS n FROM remands WHERE decision_date <= $period_end`;

/**
 * For one rolling year ($year_start to $period_end): remand decisions to
 * youth detention accommodation, the distinct children they concern, and
 * the distinct children with any remand decision (the base of the
 * disproportionality stage).
 */
export const YDA_REMANDS_SQL = `
SELECT CAST(count(*) FILTER (WHERE remand_type = 'YDA') AS INTEGER) AS decisions,
       CAST(count(DISTINCT child_id) FILTER (WHERE remand_type = 'YDA') AS INTEGER) AS children,
       CAST(count(DISTINCT child_id) AS INTEGER) AS children_with_decision
FROM remands
WHERE decision_date BETWEEN $year_start AND $period_end`;
