/**
 * Education, training and employment (YJB KPI 2), quarterly: each child
 * whose intervention ended in the quarter, once (the latest end date), with
 * the hours offered by the ETE placements covering that date.
 *
 * Choices where the spec is silent:
 * - CUSTODY interventions count: their end date is the release, and KPI 2
 *   covers "children in the community and being released from custody".
 * - A placement with blank hours_offered adds no hours.
 * - Quarters get records from the quarter of the earliest intervention start
 *   on; a quarter in which no intervention ended has denominators 0 and
 *   value null (nothing to measure, not 0%).
 */
import { comparePeriods, formatPeriod, periodEnd, periodOf, periodStart, trendWindow, type Period } from '../../period.js';
import type { Store } from '../../store/db.js';
import type { ComputeContext, ComputeNote, NoteMessageId } from '../context.js';
import { record, type IndicatorId, type IndicatorRecord } from '../record.js';
import { isOfCompulsorySchoolAge } from '../school-age.js';
import { proportionCI } from '../statistics.js';
import { ETE_AT_INTERVENTION_END_SQL, ETE_HISTORY_SQL } from './ete.sql.js';
import type { IndicatorResult } from './result.js';

/** KPI 2 thresholds: hours a week offered. */
export const SCHOOL_AGE_HOURS = 25;
export const OVER_SCHOOL_AGE_HOURS = 16;

export type EteAtEnd = {
  child_id: string;
  end_date: string;
  date_of_birth: string;
  placements: number;
  suitable_placements: number;
  hours_offered: number;
};

export interface EteAssessment {
  quarter: string;
  schoolAge: boolean;
  /** The hours threshold for the child's age is met. */
  met: boolean;
  /** Every covering placement is SUITABLE (and there is at least one). */
  suitable: boolean;
}

export async function computeEte(store: Store, ctx: ComputeContext): Promise<IndicatorResult> {
  const { period } = ctx;
  const window = trendWindow(period);
  const [history] = await store.query<{ first_start: string | null; placements: number }>(ETE_HISTORY_SQL, {
    period_end: periodEnd(period),
  });
  const firstStart = history?.first_start ?? null;
  if (firstStart === null) {
    return { records: [], notes: [note('info', 'noteNoInterventions', period)] };
  }
  const rows = await store.query<EteAtEnd>(ETE_AT_INTERVENTION_END_SQL, {
    window_start: periodStart(window[0] as Period), period_end: periodEnd(period),
  });
  const assessed = rows.map(assessEte);
  const firstQuarter = periodOf(firstStart);
  const records = window
    .filter((q) => comparePeriods(q, firstQuarter) >= 0)
    .flatMap((q) => quarterRecords(q, assessed.filter((a) => a.quarter === formatPeriod(q))));
  const notes = history?.placements === 0
    ? [note('warning', 'noteNoEtePlacements', period)]
    : [];
  return { records, notes };
}

/** One child's KPI 2 position at the end of their intervention. */
export function assessEte(row: EteAtEnd): EteAssessment {
  const schoolAge = isOfCompulsorySchoolAge(row.date_of_birth, row.end_date);
  const threshold = schoolAge ? SCHOOL_AGE_HOURS : OVER_SCHOOL_AGE_HOURS;
  return {
    quarter: formatPeriod(periodOf(row.end_date)),
    schoolAge,
    met: row.hours_offered >= threshold,
    suitable: row.placements > 0 && row.suitable_placements === row.placements,
  };
}

function quarterRecords(q: Period, children: readonly EteAssessment[]): IndicatorRecord[] {
  const school = children.filter((c) => c.schoolAge);
  const over = children.filter((c) => !c.schoolAge);
  const met = (list: readonly EteAssessment[]) => list.filter((c) => c.met).length;
  return [
    percentRecord('ete.school_age', q, met(school), school.length),
    percentRecord('ete.over_school_age', q, met(over), over.length),
    percentRecord('ete.overall', q, met(children), children.length),
    percentRecord('ete.suitable_end', q, children.filter((c) => c.suitable).length, children.length),
  ];
}

/** x of n as a percentage with its Wilson interval (also in percent); null values when n = 0. */
function percentRecord(id: IndicatorId, q: Period, x: number, n: number): IndicatorRecord {
  const ci = proportionCI(x, n);
  const percent = (v: number | null) => (v === null ? null : v * 100);
  return record({
    id, period: formatPeriod(q), breakdown: {}, numerator: x, denominator: n,
    value: percent(ci.value), lower: percent(ci.lower), upper: percent(ci.upper), unit: '%',
  });
}

function note(severity: ComputeNote['severity'], message: NoteMessageId, period: Period): ComputeNote {
  return { indicator: 'ete', severity, message, params: { period: { kind: 'periods', codes: [formatPeriod(period)], as: 'quarters' } } };
}
