/**
 * KPI 6, out-of-court disposals (`kpi.oocd.completed`): children whose OOCD,
 * YC or YCC intervention ended in the quarter and who completed it / those
 * children. Each child counts once a quarter, completed if any such
 * intervention ending in the quarter has completed = Y (blank = not).
 *
 * It follows the common population's other rules (10 to 17 at the
 * intervention's start, residents only) but not its choice of the most
 * serious type: a child whose referral order also ended in the quarter is
 * still counted here. The order_type breakdown is the most serious of the
 * child's out-of-court types (YCC > YC > OOCD).
 */
import { ageOn, formatPeriod, periodOf } from '../../../period.js';
import type { Store } from '../../../store/db.js';
import type { IndicatorRecord } from '../../record.js';
import type { IndicatorResult } from '../result.js';
import { firstDate, type KpiInputs } from './inputs.js';
import { OOCD_COMPLETED_FIRST_SQL } from './oocd.sql.js';
import { isKpiAge, kpiPopulation, MEMBER_DIMENSIONS, type Candidate, type KpiMember } from './population.js';
import { byQuarter, proportionRecords, reportedQuarters } from './records.js';
import { notAvailableResult, unavailable } from './unavailable.js';

export const OUT_OF_COURT_TYPES: readonly string[] = ['OOCD', 'YC', 'YCC'];
const IDS = ['kpi.oocd.completed'] as const;
const KPI = 'KPI 6 (out-of-court disposals)';

export async function computeOocd(store: Store, inputs: KpiInputs): Promise<IndicatorResult> {
  const missing = unavailable(inputs, IDS, inputs.firstIntervention, 'interventions.csv', KPI);
  if (missing) return missing;
  const first = await firstDate(store, OOCD_COMPLETED_FIRST_SQL, inputs.params.period_end);
  if (first === null) {
    return notAvailableResult(inputs, IDS, { message: 'noteKpiCompletedNotRecorded', params: { kpi: KPI } });
  }
  const quarters = reportedQuarters(inputs.period, [inputs.firstIntervention, first]).map(formatPeriod);
  return { records: oocdRecords(inputs.candidates, quarters), notes: [] };
}

/** KPI 6 for each quarter from the candidate interventions (pure). */
export function oocdRecords(candidates: readonly Candidate[], quarters: readonly string[]): IndicatorRecord[] {
  const outOfCourt = candidates.filter((c) => OUT_OF_COURT_TYPES.includes(c.type));
  const completedIn = new Set(outOfCourt
    .filter((c) => c.completed === true && isKpiAge(ageOn(c.date_of_birth, c.start_date)))
    .map((c) => `${c.child_id}\u0000${formatPeriod(periodOf(c.end_date))}`));
  const members = kpiPopulation(outOfCourt);
  const dims = MEMBER_DIMENSIONS;
  const membersIn = byQuarter(members);
  return quarters.flatMap((q) => proportionRecords('kpi.oocd.completed', q, membersIn(q), dims,
    () => true, (m) => completedIn.has(`${m.childId}\u0000${m.quarter}`)));
}
