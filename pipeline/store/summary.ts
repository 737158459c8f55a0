/**
 * Facts about what the store holds, for choosing the period and for the
 * data-quality section.
 */
import type { Store } from './db.js';

/** Earliest and latest event dates in the store (offences by outcome date, other records by their own date). */
export const EXTRACT_DATE_RANGE_SQL = `
WITH dates AS (
  SELECT min(offence_date) AS lo, max(outcome_date) AS hi FROM offences
  UNION ALL SELECT min(start_date), max(start_date) FROM interventions
  UNION ALL SELECT min(start_date), max(start_date) FROM ete
  UNION ALL SELECT min(decision_date), max(decision_date) FROM remands
  UNION ALL SELECT min(arrest_date), max(arrest_date) FROM arrests
)
SELECT CAST(min(lo) AS VARCHAR) AS "from", CAST(max(hi) AS VARCHAR) AS "to" FROM dates`;

export async function extractDateRange(store: Store): Promise<{ from: string | null; to: string | null }> {
  const [row] = await store.query<{ from: string | null; to: string | null }>(EXTRACT_DATE_RANGE_SQL);
  return { from: row?.from ?? null, to: row?.to ?? null };
}
