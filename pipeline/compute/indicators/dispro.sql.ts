/**
 * SQL of the disproportionality stages (dispro.ts). Each stage query returns
 * one row per ethnic group (the five broad groups and 'Not known') with
 * `events` (children at the stage) and `base` (children at the decision
 * point that feeds it; equal to events where the base is the population).
 *
 * Parameters: $window_start and $period_end, the first and last day of the
 * year to the quarter being counted. Nothing dated after $period_end is read
 * (a later extract reproduces an earlier run).
 *
 * Code lists come from the data contract (contract/codes.ts), so the SQL and
 * the contract cannot drift. No age filter except where the spec sets one
 * (FTE: 10–17 at the offence, in fte.ts; arrests: 10–17 by contract), as
 * for custody.ts: every child in the extract is a child of the youth
 * justice system.
 */
import { sqlList } from '../../store/sql.js';
import { COURT_TIERS, OUT_OF_COURT_CODES, SUBSTANTIVE_TIERS } from '../../contract/codes.js';
import { FIRST_SUBSTANTIVE_OFFENCES_SQL } from './fte.sql.js';


const IN_YEAR = (column: string): string =>
  `${column} BETWEEN CAST($window_start AS DATE) AND CAST($period_end AS DATE)`;

/** Children with any substantive outcome (YC, YCC, any court sentence) in the year. */
export const OUTCOME_STAGE_SQL = `
SELECT c.ethnic_group,
       CAST(count(DISTINCT o.child_id) AS INTEGER) AS events,
       CAST(count(DISTINCT o.child_id) AS INTEGER) AS base
FROM offences o JOIN children c ON c.child_id = o.child_id
WHERE o.outcome_tier IN (${sqlList(SUBSTANTIVE_TIERS)})
  AND ${IN_YEAR('o.outcome_date')}
GROUP BY c.ethnic_group`;

/**
 * Base: children with any proven outcome in the year (non-substantive
 * included, not-proven excluded). Event: all of those outcomes out of court.
 */
export const DIVERSION_STAGE_SQL = `
WITH proven AS (
  SELECT child_id, bool_and(outcome IN (${sqlList(OUT_OF_COURT_CODES)})) AS all_out_of_court
  FROM offences
  WHERE outcome_tier <> 'not_proven' AND ${IN_YEAR('outcome_date')}
  GROUP BY child_id
)
SELECT c.ethnic_group,
       CAST(count(*) FILTER (WHERE p.all_out_of_court) AS INTEGER) AS events,
       CAST(count(*) AS INTEGER) AS base
FROM proven p JOIN children c ON c.child_id = p.child_id
GROUP BY c.ethnic_group`;

/** Base: children sentenced at court in the year. Event: any of those sentences custodial. */
export const CUSTODY_STAGE_SQL = `
WITH sentenced AS (
  SELECT child_id, bool_or(outcome_tier = 'custody') AS custodial
  FROM offences
  WHERE outcome_tier IN (${sqlList(COURT_TIERS)}) AND ${IN_YEAR('outcome_date')}
  GROUP BY child_id
)
SELECT c.ethnic_group,
       CAST(count(*) FILTER (WHERE s.custodial) AS INTEGER) AS events,
       CAST(count(*) AS INTEGER) AS base
FROM sentenced s JOIN children c ON c.child_id = s.child_id
GROUP BY c.ethnic_group`;

/** Base: children with any remand decision in the year. Event: any of those a remand to YDA. */
export const REMAND_YDA_STAGE_SQL = `
WITH remanded AS (
  SELECT child_id, bool_or(remand_type = 'YDA') AS to_yda
  FROM remands
  WHERE ${IN_YEAR('decision_date')}
  GROUP BY child_id
)
SELECT c.ethnic_group,
       CAST(count(*) FILTER (WHERE r.to_yda) AS INTEGER) AS events,
       CAST(count(*) AS INTEGER) AS base
FROM remanded r JOIN children c ON c.child_id = r.child_id
GROUP BY c.ethnic_group`;

/** Arrests in the year: arrests.csv has no child id, so arrests are counted, not children. */
export const ARREST_STAGE_SQL = `
SELECT ethnic_group,
       CAST(count(*) AS INTEGER) AS events,
       CAST(count(*) AS INTEGER) AS base
FROM arrests
WHERE age BETWEEN 10 AND 17 AND ${IN_YEAR('arrest_date')}
GROUP BY ethnic_group`;

/**
 * The offences at each child's first substantive outcome (fte.sql.ts, so
 * the entrant rule is fte.count's), with the child's ethnic group.
 */
export const FTE_STAGE_OFFENCES_SQL = `
SELECT f.child_id, f.first_date, f.offence_date, f.date_of_birth, c.ethnic_group
FROM (${FIRST_SUBSTANTIVE_OFFENCES_SQL}) f JOIN children c ON c.child_id = f.child_id
ORDER BY f.child_id, f.offence_date`;

/** Whether the optional files behind the arrest and remand stages hold anything up to $period_end. */
export const OPTIONAL_SOURCES_SQL = `
SELECT EXISTS (SELECT 1 FROM arrests WHERE arrest_date BETWEEN CAST($period_start AS DATE) AND CAST($period_end AS DATE)) AS arrests,
       CAST((SELECT max(arrest_date) FROM arrests WHERE arrest_date <= CAST($period_end AS DATE)) AS VARCHAR) AS last_arrest,
       EXISTS (SELECT 1 FROM remands WHERE decision_date <= CAST($period_end AS DATE)) AS remands`;
