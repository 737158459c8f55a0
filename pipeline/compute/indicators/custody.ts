/**
 * Use of custody (indicators.md): custodial sentences (distinct child +
 * outcome date in the Custody tier) in the year to each quarter of the trend
 * window, the distinct children given them, and custody.rate per 1,000 aged
 * 10–17.
 *
 * Choices where the spec is silent: no age filter (every child in the
 * extract is a child of the youth justice system, and the spec sets none);
 * counts carry no interval; the rate carries the exact/Byar interval.
 */
import { formatPeriod, periodEnd, rollingYearStart, trendWindow, type Period } from '../../period.js';
import type { Store } from '../../store/db.js';
import type { ComputeContext } from '../context.js';
import type { IndicatorRecord } from '../record.js';
import { CUSTODIAL_SENTENCES_SQL } from './custody.sql.js';
import type { IndicatorResult } from './result.js';
import {
  countRecord, historyStart, inYearTo, partialYearNotes, populationNotes, populationsFor, rateRecord, reportedQuarters,
} from './rolling-year.js';

export type CustodialSentence = { child_id: string; outcome_date: string };

export async function computeCustody(store: Store, ctx: ComputeContext): Promise<IndicatorResult> {
  const { period } = ctx;
  const window = trendWindow(period);
  const sentences = await store.query<CustodialSentence>(CUSTODIAL_SENTENCES_SQL, {
    window_start: rollingYearStart(window[0] as Period), period_end: periodEnd(period),
  });
  const firstOutcome = await historyStart(store, period);
  const quarters = reportedQuarters(period, firstOutcome);
  const populations = await populationsFor(store, quarters);

  const records: IndicatorRecord[] = [];
  for (const q of quarters) {
    const inYear = sentences.filter((s) => inYearTo(q, s.outcome_date));
    const count = inYear.length;
    records.push(
      countRecord('custody.count', q, count),
      countRecord('custody.children', q, new Set(inYear.map((s) => s.child_id)).size),
      rateRecord('custody.rate', q, count, populations.get(formatPeriod(q)) ?? null),
    );
  }
  return {
    records,
    notes: [...partialYearNotes('custody', period, firstOutcome), ...populationNotes('custody.rate', populations)],
  };
}
