/**
 * KPI 1, suitable accommodation: children of the common population in
 * suitable accommodation at the end of their order (`kpi.accommodation.end`)
 * and at its start (`.start`), with the children no accommodation record
 * covers at each date (`.not_recorded` at the end, `.not_recorded_start`),
 * who count as not suitable.
 */
import { formatPeriod } from '../../../period.js';
import type { Store } from '../../../store/db.js';
import type { IndicatorRecord } from '../../record.js';
import type { IndicatorResult } from '../result.js';
import { ACCOMMODATION_AT_DATES_SQL, ACCOMMODATION_FIRST_SQL } from './accommodation.sql.js';
import { firstDate, type KpiInputs } from './inputs.js';
import { MEMBER_DIMENSIONS, type KpiMember } from './population.js';
import { byQuarter, countRecords, proportionRecords, reportedQuarters } from './records.js';
import { unavailable } from './unavailable.js';

/** Accommodation at a date: suitable, not suitable, or no record covering it. */
export type Placement = boolean | null;

export interface AccommodationFacts {
  start: Placement;
  end: Placement;
}

const IDS = ['kpi.accommodation.end', 'kpi.accommodation.start', 'kpi.accommodation.not_recorded', 'kpi.accommodation.not_recorded_start'] as const;

export async function computeAccommodation(store: Store, inputs: KpiInputs): Promise<IndicatorResult> {
  const first = await firstDate(store, ACCOMMODATION_FIRST_SQL, inputs.params.period_end);
  const missing = unavailable(inputs, IDS, first, 'accommodation.csv', 'KPI 1 (suitable accommodation)');
  if (missing) return missing;
  const rows = await store.query<{ intervention_id: string; start_suitable: boolean | null; end_suitable: boolean | null }>(
    ACCOMMODATION_AT_DATES_SQL, inputs.params);
  const facts = new Map<string, AccommodationFacts>(rows.map((r) => [r.intervention_id, { start: r.start_suitable, end: r.end_suitable }]));
  const quarters = reportedQuarters(inputs.period, [inputs.firstIntervention, first]).map(formatPeriod);
  return { records: accommodationRecords(inputs.members, facts, quarters), notes: [] };
}

/** The four measures for each quarter (pure). */
export function accommodationRecords(
  members: readonly KpiMember[], facts: ReadonlyMap<string, AccommodationFacts>, quarters: readonly string[],
): IndicatorRecord[] {
  const dims = MEMBER_DIMENSIONS;
  const at = (m: KpiMember): AccommodationFacts => facts.get(m.interventionId) ?? { start: null, end: null };
  const all = () => true;
  const membersIn = byQuarter(members);
  return quarters.flatMap((q) => {
    const inQuarter = membersIn(q);
    const placed = inQuarter.map(at);
    return [
      ...proportionRecords('kpi.accommodation.end', q, inQuarter, dims, all, (_, i) => placed[i]!.end === true),
      ...proportionRecords('kpi.accommodation.start', q, inQuarter, dims, all, (_, i) => placed[i]!.start === true),
      ...countRecords('kpi.accommodation.not_recorded', q, inQuarter, dims, (_, i) => placed[i]!.end === null),
      ...countRecords('kpi.accommodation.not_recorded_start', q, inQuarter, dims, (_, i) => placed[i]!.start === null),
    ];
  });
}
