/**
 * KPIs 3–5 from needs.csv, over the common population:
 * - KPI 3 SEND (`kpi.send.plan`): children with a counted SEND need that has
 *   a formal plan (EHCP, or IDP in Wales) / children with a counted SEND need;
 * - KPIs 4 and 5, mental health and substance misuse, three measures each:
 *   `.need` children with a counted need / all children in the population;
 *   `.offered` offered an intervention within the order / those with the need;
 *   `.attended` attended an offered intervention / those offered (the YJB's
 *   current headline is `.offered`).
 * A need is counted, offered and attended as needs.sql.ts says; the plan, the
 * offer and the attendance must belong to a counted need.
 */
import { formatPeriod } from '../../../period.js';
import type { Store } from '../../../store/db.js';
import type { IndicatorId, IndicatorRecord } from '../../record.js';
import type { IndicatorResult } from '../result.js';
import { firstDate, type KpiInputs } from './inputs.js';
import { NEEDS_FIRST_SQL, NEEDS_FOR_ORDERS_SQL } from './needs.sql.js';
import { MEMBER_DIMENSIONS, type KpiMember } from './population.js';
import { byQuarter, proportionRecords, reportedQuarters } from './records.js';
import { unavailable } from './unavailable.js';

export type NeedType = 'SEND' | 'MENTAL_HEALTH' | 'SUBSTANCE_MISUSE';

export interface NeedFacts {
  plan: boolean;
  offered: boolean;
  attended: boolean;
}

/** intervention id → need type → facts (absent: no counted need of that type). */
export type NeedsByOrder = ReadonlyMap<string, ReadonlyMap<string, NeedFacts>>;

interface NeedRow { intervention_id: string; need: string; plan: boolean; offered: boolean; attended: boolean }

/** needs.csv read once per run for the three KPIs that use it (keyed by the run's inputs, never reused by another run). */
const readings = new WeakMap<KpiInputs, Promise<{ first: string | null; facts: NeedsByOrder }>>();

function readNeeds(store: Store, inputs: KpiInputs): Promise<{ first: string | null; facts: NeedsByOrder }> {
  let reading = readings.get(inputs);
  if (!reading) {
    reading = (async () => {
      const first = await firstDate(store, NEEDS_FIRST_SQL, inputs.params.period_end);
      const facts = new Map<string, Map<string, NeedFacts>>();
      if (first === null || inputs.firstIntervention === null) return { first, facts };
      for (const r of await store.query<NeedRow & Record<string, string | boolean>>(NEEDS_FOR_ORDERS_SQL, inputs.params)) {
        const byNeed = facts.get(r.intervention_id) ?? new Map<string, NeedFacts>();
        byNeed.set(r.need, { plan: r.plan, offered: r.offered, attended: r.attended });
        facts.set(r.intervention_id, byNeed);
      }
      return { first, facts };
    })();
    readings.set(inputs, reading);
  }
  return reading;
}

/** needs.csv's facts for every candidate, or the `[x]` result when there are none. */
async function needsFacts(store: Store, inputs: KpiInputs, ids: readonly IndicatorId[], kpi: string)
  : Promise<{ facts: NeedsByOrder; quarters: string[] } | IndicatorResult> {
  const { first, facts } = await readNeeds(store, inputs);
  const missing = unavailable(inputs, ids, first, 'needs.csv', kpi);
  if (missing) return missing;
  return { facts, quarters: reportedQuarters(inputs.period, [inputs.firstIntervention, first]).map(formatPeriod) };
}

const SEND_IDS = ['kpi.send.plan'] as const;

export async function computeSend(store: Store, inputs: KpiInputs): Promise<IndicatorResult> {
  const read = await needsFacts(store, inputs, SEND_IDS, 'KPI 3 (SEND/ALN)');
  if ('records' in read) return read;
  return { records: sendRecords(inputs.members, read.facts, read.quarters), notes: [] };
}

export function sendRecords(members: readonly KpiMember[], facts: NeedsByOrder, quarters: readonly string[]): IndicatorRecord[] {
  const dims = MEMBER_DIMENSIONS;
  const send = (m: KpiMember) => facts.get(m.interventionId)?.get('SEND');
  const membersIn = byQuarter(members);
  return quarters.flatMap((q) => {
    const inQuarter = membersIn(q);
    const need = inQuarter.map(send);
    return proportionRecords('kpi.send.plan', q, inQuarter, dims, (_, i) => need[i] !== undefined, (_, i) => need[i]?.plan === true);
  });
}

export interface NeedKpi {
  need: Exclude<NeedType, 'SEND'>;
  ids: { need: IndicatorId; offered: IndicatorId; attended: IndicatorId };
  label: string;
}

export async function computeNeedKpi(store: Store, inputs: KpiInputs, kpi: NeedKpi): Promise<IndicatorResult> {
  const read = await needsFacts(store, inputs, [kpi.ids.need, kpi.ids.offered, kpi.ids.attended], kpi.label);
  if ('records' in read) return read;
  return { records: needRecords(inputs.members, read.facts, read.quarters, kpi), notes: [] };
}

/** The three measures of KPI 4 or 5 for each quarter (pure). */
export function needRecords(members: readonly KpiMember[], facts: NeedsByOrder, quarters: readonly string[], kpi: NeedKpi): IndicatorRecord[] {
  const dims = MEMBER_DIMENSIONS;
  const of = (m: KpiMember) => facts.get(m.interventionId)?.get(kpi.need);
  const membersIn = byQuarter(members);
  return quarters.flatMap((q) => {
    const inQuarter = membersIn(q);
    const need = inQuarter.map(of);
    return [
      ...proportionRecords(kpi.ids.need, q, inQuarter, dims, () => true, (_, i) => need[i] !== undefined),
      ...proportionRecords(kpi.ids.offered, q, inQuarter, dims, (_, i) => need[i] !== undefined, (_, i) => need[i]?.offered === true),
      ...proportionRecords(kpi.ids.attended, q, inQuarter, dims, (_, i) => need[i]?.offered === true, (_, i) => need[i]?.attended === true),
    ];
  });
}
