/**
 * KPI 7, links to wider services: children of the common population who were
 * looked after, on a child protection plan, a child in need or on an early
 * help plan at any time during their order (`kpi.wider_services.any`), and
 * each status separately (`.lac`, `.cpp`, `.cin`, `.early_help`), all over
 * the children whose order ended.
 */
import { formatPeriod } from '../../../period.js';
import type { Store } from '../../../store/db.js';
import type { IndicatorId, IndicatorRecord } from '../../record.js';
import type { IndicatorResult } from '../result.js';
import { firstDate, type KpiInputs } from './inputs.js';
import { MEMBER_DIMENSIONS, type KpiMember } from './population.js';
import { byQuarter, proportionRecords, reportedQuarters } from './records.js';
import { unavailable } from './unavailable.js';
import { CARE_STATUS_DURING_ORDERS_SQL, CARE_STATUS_FIRST_SQL } from './wider-services.sql.js';

export const STATUS_IDS: readonly (readonly [string, IndicatorId])[] = [
  ['LAC', 'kpi.wider_services.lac'], ['CPP', 'kpi.wider_services.cpp'], ['CIN', 'kpi.wider_services.cin'],
  ['EARLY_HELP', 'kpi.wider_services.early_help'],
];
const IDS: readonly IndicatorId[] = ['kpi.wider_services.any', ...STATUS_IDS.map(([, id]) => id)];

export async function computeWiderServices(store: Store, inputs: KpiInputs): Promise<IndicatorResult> {
  const first = await firstDate(store, CARE_STATUS_FIRST_SQL, inputs.params.period_end);
  const missing = unavailable(inputs, IDS, first, 'care_status.csv', 'KPI 7 (links to wider services)');
  if (missing) return missing;
  const statuses = new Map<string, Set<string>>();
  for (const r of await store.query<{ intervention_id: string; status: string }>(CARE_STATUS_DURING_ORDERS_SQL, inputs.params)) {
    statuses.set(r.intervention_id, (statuses.get(r.intervention_id) ?? new Set()).add(r.status));
  }
  const quarters = reportedQuarters(inputs.period, [inputs.firstIntervention, first]).map(formatPeriod);
  return { records: widerServicesRecords(inputs.members, statuses, quarters), notes: [] };
}

/** KPI 7 for each quarter (pure): statuses holds, per intervention, the statuses overlapping it. */
export function widerServicesRecords(
  members: readonly KpiMember[], statuses: ReadonlyMap<string, ReadonlySet<string>>, quarters: readonly string[],
): IndicatorRecord[] {
  const dims = MEMBER_DIMENSIONS;
  const of = (m: KpiMember) => statuses.get(m.interventionId);
  const membersIn = byQuarter(members);
  return quarters.flatMap((q) => {
    const inQuarter = membersIn(q);
    const held = inQuarter.map(of);
    return [
      ...proportionRecords('kpi.wider_services.any', q, inQuarter, dims, () => true, (_, i) => (held[i]?.size ?? 0) > 0),
      ...STATUS_IDS.flatMap(([status, id]) => proportionRecords(id, q, inQuarter, dims, () => true, (_, i) => held[i]?.has(status) === true)),
    ];
  });
}
