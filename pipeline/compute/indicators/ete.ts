/**
 * Education, training and employment (YJB KPI 2), quarterly, on the KPIs'
 * common population (kpi/population.ts: each child whose order or
 * intervention ended in the quarter, once, with the most serious type's start
 * S and end E), at E (`ete.school_age`, `.over_school_age`, `.overall`,
 * `.suitable_end`, `.not_recorded`) and at S (the same with `_start`).
 *
 * - Hours: the hours offered by every placement covering the date, added up
 *   (a child at school part time and in alternative provision has both);
 *   blank hours add nothing. School age is judged at the date.
 * - Suitability is the child's status at the date (the KPIs' rule): the
 *   covering placement that started latest, on a tie a SUITABLE one; UNKNOWN
 *   counts as unsuitable; no covering placement is not suitable, and such
 *   children are counted in `.not_recorded`.
 * - CUSTODY interventions count: their end date is the release, and KPI 2
 *   covers children released from custody.
 * - Quarters are given from the later of the first intervention and the first
 *   placement on; without either, P is `[x]`.
 */
import { formatPeriod } from '../../period.js';
import type { Store } from '../../store/db.js';
import type { ComputeContext } from '../context.js';
import type { IndicatorId, IndicatorRecord } from '../record.js';
import { isOfCompulsorySchoolAge } from '../school-age.js';
import { ETE_AT_DATES_SQL, ETE_FIRST_SQL } from './ete.sql.js';
import { firstDate, kpiInputs, type KpiInputs } from './kpi/inputs.js';
import { MEMBER_DIMENSIONS, type KpiMember } from './kpi/population.js';
import { byQuarter, countRecords, proportionRecords, reportedQuarters } from './kpi/records.js';
import { unavailable } from './kpi/unavailable.js';
import type { IndicatorResult } from './result.js';

/** KPI 2 thresholds: hours a week offered. */
export const SCHOOL_AGE_HOURS = 25;
export const OVER_SCHOOL_AGE_HOURS = 16;

/** The placements covering one date. */
export interface EteAtDate {
  placements: number;
  hours_offered: number;
  /** Whether the status placement is SUITABLE; null when none covers the date. */
  suitable: boolean | null;
}

export interface EteAssessment {
  schoolAge: boolean;
  /** The hours threshold for the child's age is met. */
  met: boolean;
  suitable: boolean;
  recorded: boolean;
}

const END_IDS = { school: 'ete.school_age', over: 'ete.over_school_age', overall: 'ete.overall', suitable: 'ete.suitable_end', notRecorded: 'ete.not_recorded' } as const;
const START_IDS = {
  school: 'ete.school_age_start', over: 'ete.over_school_age_start', overall: 'ete.overall_start', suitable: 'ete.suitable_start',
  notRecorded: 'ete.not_recorded_start',
} as const;
const ALL_IDS: readonly IndicatorId[] = [...Object.values(END_IDS), ...Object.values(START_IDS)];

/** KPI 2 on its own (reads the KPIs' population itself). */
export async function computeEte(store: Store, ctx: ComputeContext): Promise<IndicatorResult> {
  return eteForPopulation(store, await kpiInputs(store, ctx));
}

interface EteRow {
  [k: string]: string | number | boolean | null;
  intervention_id: string;
  start_placements: number; start_hours: number; start_suitable: boolean | null;
  end_placements: number; end_hours: number; end_suitable: boolean | null;
}

/** KPI 2 on a population already read (kpi/index.ts shares one with the other KPIs). */
export async function eteForPopulation(store: Store, inputs: KpiInputs): Promise<IndicatorResult> {
  const first = await firstDate(store, ETE_FIRST_SQL, inputs.params.period_end);
  const missing = unavailable(inputs, ALL_IDS, first, 'ete.csv', 'KPI 2 (ETE)');
  if (missing) return missing;
  const rows = await store.query<EteRow>(ETE_AT_DATES_SQL, inputs.params);
  const facts = new Map(rows.map((r) => [r.intervention_id, {
    start: { placements: r.start_placements, hours_offered: r.start_hours, suitable: r.start_suitable },
    end: { placements: r.end_placements, hours_offered: r.end_hours, suitable: r.end_suitable },
  }]));
  const quarters = reportedQuarters(inputs.period, [inputs.firstIntervention, first]).map(formatPeriod);
  return { records: eteRecords(inputs.members, facts, quarters), notes: [] };
}

const NONE: EteAtDate = { placements: 0, hours_offered: 0, suitable: null };

/** One child's KPI 2 position on a date (their S or E). */
export function assessEte(dateOfBirth: string, day: string, at: EteAtDate): EteAssessment {
  const schoolAge = isOfCompulsorySchoolAge(dateOfBirth, day);
  return {
    schoolAge,
    met: at.hours_offered >= (schoolAge ? SCHOOL_AGE_HOURS : OVER_SCHOOL_AGE_HOURS),
    suitable: at.suitable === true,
    recorded: at.placements > 0,
  };
}

/** Every ETE measure at E and at S, for each quarter (pure). */
export function eteRecords(
  members: readonly KpiMember[], facts: ReadonlyMap<string, { start?: EteAtDate; end?: EteAtDate }>, quarters: readonly string[],
): IndicatorRecord[] {
  const dims = MEMBER_DIMENSIONS;
  const sides = [
    { ids: END_IDS, day: (m: KpiMember) => m.end, of: (m: KpiMember) => facts.get(m.interventionId)?.end ?? NONE },
    { ids: START_IDS, day: (m: KpiMember) => m.start, of: (m: KpiMember) => facts.get(m.interventionId)?.start ?? NONE },
  ];
  const membersIn = byQuarter(members);
  return quarters.flatMap((q) => {
    const inQuarter = membersIn(q);
    return sides.flatMap(({ ids, day, of }) => {
      const assessed = inQuarter.map((m) => assessEte(m.dateOfBirth, day(m), of(m)));
      return [
        ...proportionRecords(ids.school, q, inQuarter, dims, (_, i) => assessed[i]!.schoolAge, (_, i) => assessed[i]!.met),
        ...proportionRecords(ids.over, q, inQuarter, dims, (_, i) => !assessed[i]!.schoolAge, (_, i) => assessed[i]!.met),
        ...proportionRecords(ids.overall, q, inQuarter, dims, () => true, (_, i) => assessed[i]!.met),
        ...proportionRecords(ids.suitable, q, inQuarter, dims, () => true, (_, i) => assessed[i]!.suitable),
        ...countRecords(ids.notRecorded, q, inQuarter, dims, (_, i) => !assessed[i]!.recorded),
      ];
    });
  });
}
