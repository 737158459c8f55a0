/**
 * KPI 10, victims, over the victims identified in the quarter (any child's):
 * - `kpi.victims.engaged_rj`: consented to contact and engaged with
 *   restorative justice / consented to contact;
 * - `kpi.victims.contacted`: consented and contacted / consented;
 * - `kpi.victims.views_considered`: views considered / identified.
 * A blank Y/N is no. A victim engaged or contacted without consent recorded
 * (a load warning) is left out of those numerators, which stay within their
 * denominators. Victims are not children, so these have no breakdown.
 */
import { formatPeriod, periodOf } from '../../../period.js';
import type { Store } from '../../../store/db.js';
import type { IndicatorRecord } from '../../record.js';
import type { IndicatorResult } from '../result.js';
import { firstDate, type KpiInputs } from './inputs.js';
import { percentRecord, reportedQuarters } from './records.js';
import { notAvailableResult } from './unavailable.js';
import { VICTIMS_BY_QUARTER_SQL, VICTIMS_FIRST_SQL } from './victims.sql.js';

const IDS = ['kpi.victims.engaged_rj', 'kpi.victims.contacted', 'kpi.victims.views_considered'] as const;

/** The victims identified in one quarter, and those counted in each measure. */
export interface VictimCounts {
  quarter_start: string;
  identified: number;
  consented: number;
  engaged_rj: number;
  contacted: number;
  views_considered: number;
}

export async function computeVictims(store: Store, inputs: KpiInputs): Promise<IndicatorResult> {
  const first = await firstDate(store, VICTIMS_FIRST_SQL, inputs.params.period_end);
  if (first === null) {
    return notAvailableResult(inputs, IDS, { message: 'noteKpiFileAbsent', params: { file: 'victims.csv', kpi: 'KPI 10 (victims)' } });
  }
  const counts = await store.query<VictimCounts & Record<string, string | number>>(VICTIMS_BY_QUARTER_SQL, inputs.params);
  return { records: victimsRecords(counts, reportedQuarters(inputs.period, [first]).map(formatPeriod)), notes: [] };
}

/** KPI 10 for each quarter (pure); a quarter with no victims is 0 of 0. */
export function victimsRecords(counts: readonly VictimCounts[], quarters: readonly string[]): IndicatorRecord[] {
  return quarters.flatMap((q) => {
    const c = counts.find((x) => formatPeriod(periodOf(x.quarter_start)) === q)
      ?? { identified: 0, consented: 0, engaged_rj: 0, contacted: 0, views_considered: 0 };
    return [
      percentRecord('kpi.victims.engaged_rj', q, {}, c.engaged_rj, c.consented),
      percentRecord('kpi.victims.contacted', q, {}, c.contacted, c.consented),
      percentRecord('kpi.victims.views_considered', q, {}, c.views_considered, c.identified),
    ];
  });
}
