/**
 * First time entrants (indicators.md, FTE): a child enters on the date of
 * their first substantive outcome in the whole history, if aged 10–17 at the
 * offence dealt with there. Counted over the year to each quarter of the
 * trend window: fte.count, fte.offences and fte.rate per 100,000 aged 10–17.
 *
 * Choices where the spec is silent:
 * - Several offences dealt with at the first outcome date: the child is an
 *   entrant if aged 10–17 at any of them (they entered the youth system for
 *   an offence committed as a child), and fte.offences counts all of them.
 * - fte.count and fte.offences carry no interval (a count of the whole
 *   local caseload, not a sample); fte.rate carries the exact/Byar interval.
 * - The official figure comes from the Police National Computer; this is
 *   the local (case-management) count, and the pack labels it so.
 */
import { addMonths, ageOn, formatPeriod, periodEnd, periodStart, rollingYearStart, trendWindow, type Period } from '../../period.js';
import type { Store } from '../../store/db.js';
import type { ComputeContext, ComputeNote } from '../context.js';
import type { IndicatorRecord } from '../record.js';
import { FIRST_SUBSTANTIVE_OFFENCES_SQL } from './fte.sql.js';
import type { IndicatorResult } from './result.js';
import {
  countRecord, historyStart, inYearTo, outcomesEndNotes, partialYearNotes, populationNotes, populationsFor, rateRecord, reportedQuarters,
} from './rolling-year.js';

/** History shorter than this before P begins gets a warning: earlier outcomes may be missing. */
const MIN_HISTORY_MONTHS = 36;

export type FirstOutcomeOffence = {
  child_id: string;
  first_date: string;
  offence_date: string;
  date_of_birth: string;
};

export interface Entrant {
  childId: string;
  /** The date of the first substantive outcome: the date they entered. */
  date: string;
  /** Offences dealt with at that outcome. */
  offences: number;
}

export async function computeFte(store: Store, ctx: ComputeContext): Promise<IndicatorResult> {
  const { period } = ctx;
  const window = trendWindow(period);
  const rows = await store.query<FirstOutcomeOffence>(FIRST_SUBSTANTIVE_OFFENCES_SQL, {
    period_end: periodEnd(period), window_start: rollingYearStart(window[0] as Period),
  });
  const entrants = firstTimeEntrants(rows);
  const firstOutcome = await historyStart(store, period);
  const quarters = reportedQuarters(period, firstOutcome);
  const populations = await populationsFor(store, quarters);

  const records: IndicatorRecord[] = [];
  for (const q of quarters) {
    const inYear = entrants.filter((e) => inYearTo(q, e.date));
    const count = inYear.length;
    records.push(
      countRecord('fte.count', q, count),
      countRecord('fte.offences', q, inYear.reduce((n, e) => n + e.offences, 0)),
      rateRecord('fte.rate', q, count, populations.get(formatPeriod(q)) ?? null),
    );
  }
  return {
    records,
    notes: [
      ...shortHistoryNotes(period, firstOutcome),
      ...await outcomesEndNotes(store, period),
      ...partialYearNotes('fte', period, firstOutcome),
      ...populationNotes('fte.rate', populations),
    ],
  };
}

/** Entrants from the offences dealt with at each child's first substantive outcome. */
export function firstTimeEntrants(rows: readonly FirstOutcomeOffence[]): Entrant[] {
  const byChild = new Map<string, FirstOutcomeOffence[]>();
  for (const row of rows) byChild.set(row.child_id, [...(byChild.get(row.child_id) ?? []), row]);
  const entrants: Entrant[] = [];
  for (const [childId, offences] of byChild) {
    const first = offences[0] as FirstOutcomeOffence;
    const childAtAnOffence = offences.some((o) => {
      const age = ageOn(o.date_of_birth, o.offence_date);
      return age >= 10 && age <= 17;
    });
    if (childAtAnOffence) entrants.push({ childId, date: first.first_date, offences: offences.length });
  }
  return entrants;
}

function shortHistoryNotes(period: Period, firstOutcome: string | null): ComputeNote[] {
  if (firstOutcome === null || firstOutcome <= addMonths(periodStart(period), -MIN_HISTORY_MONTHS)) return [];
  return [{
    indicator: 'fte', severity: 'warning', message: 'noteShortHistory',
    params: { first: { kind: 'date', iso: firstOutcome }, period: { kind: 'periods', codes: [formatPeriod(period)], as: 'quarters' } },
  }];
}
