/**
 * Offences whose outcome was not proven (no further action, not guilty,
 * withdrawn): the data contract loads them and counts them in data quality,
 * and every indicator leaves them out. Counted, like every figure for P,
 * from records dated up to the end of P.
 */
import { periodEnd, rollingYearStart, type Period } from '../period.js';
import type { Store } from './db.js';

export const NOT_PROVEN_SQL = `
SELECT
  CAST(count(*) FILTER (WHERE outcome_date >= CAST($from AS DATE)) AS INTEGER) AS year_to_period,
  CAST(count(*) AS INTEGER) AS to_period_end
FROM offences
WHERE outcome_tier = 'not_proven' AND outcome_date <= CAST($to AS DATE)`;

export async function notProvenOutcomes(store: Store, period: Period): Promise<{ yearToPeriod: number; toPeriodEnd: number }> {
  const [row] = await store.query<{ year_to_period: number; to_period_end: number }>(
    NOT_PROVEN_SQL, { from: rollingYearStart(period), to: periodEnd(period) });
  return { yearToPeriod: row?.year_to_period ?? 0, toPeriodEnd: row?.to_period_end ?? 0 };
}
