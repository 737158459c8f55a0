/**
 * SQL of the KPIs' common population (population.ts). A run for P sees
 * interventions started by P's end; one that ends after P's end has not
 * ended yet, so it is not in any quarter of the run.
 */

/**
 * Every intervention ending in the trend window of a child not recorded as
 * living outside the area, with what the population rules need. As a CTE
 * (`candidates`) so each KPI's SQL can join its own facts to the same rows.
 * Parameters: $window_start, $period_end.
 */
export const KPI_CANDIDATES_CTE = `
candidates AS (
  SELECT i.intervention_id, i.child_id, i.type, i.start_date, i.end_date, i.completed,
         c.date_of_birth, c.sex, c.ethnic_group
  FROM interventions i
  JOIN children c ON c.child_id = i.child_id
  WHERE i.end_date BETWEEN $window_start AND $period_end
    AND i.start_date <= $period_end
    AND coalesce(c.resident_in_area, true)
)`;

export const KPI_CANDIDATES_SQL = `
WITH ${KPI_CANDIDATES_CTE}
SELECT intervention_id, child_id, type, CAST(start_date AS VARCHAR) AS start_date, CAST(end_date AS VARCHAR) AS end_date,
       completed, CAST(date_of_birth AS VARCHAR) AS date_of_birth, sex, ethnic_group
FROM candidates
ORDER BY child_id, end_date, intervention_id`;

/** Where the intervention history starts (up to P's end), for the first quarter a KPI can be given. */
export const KPI_HISTORY_SQL = `
SELECT (SELECT CAST(min(start_date) AS VARCHAR) FROM interventions WHERE start_date <= $period_end) AS first_intervention`;
