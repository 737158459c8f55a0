/**
 * The common population of the YJB KPIs (docs/indicators.md, KPIs): per
 * quarter, each child with an order or intervention ending in it, once.
 *
 * - Only interventions that started when the child was 10 to 17 count; the
 *   age rule is applied to each intervention before the choice below, so an
 *   older child's later order does not hide an earlier one that qualifies.
 * - Children recorded as living outside the area (resident_in_area = N) are
 *   left out; blank means resident.
 * - Of a child's qualifying interventions ending in the quarter, the most
 *   serious type decides (CUSTODY > YRO > RO > YCC > YC > OOCD); among several
 *   of that type, the one ending last, then the one starting last (then the
 *   intervention id, so the choice never depends on row order). Its start and
 *   end dates are S and E for every KPI.
 */
import { ageOn, formatPeriod, periodOf } from '../../../period.js';
import { ETHNIC_GROUPS, NOT_KNOWN } from '../../../contract/codes.js';
import type { BreakdownKey } from '../../record.js';

/** Most serious first. */
export const ORDER_TYPES = ['CUSTODY', 'YRO', 'RO', 'YCC', 'YC', 'OOCD'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];
/** Breakdown order of the return (least to most serious, as the YJB lists them). */
export const ORDER_TYPE_BREAKDOWN: readonly OrderType[] = ['OOCD', 'YC', 'YCC', 'RO', 'YRO', 'CUSTODY'];

export interface Candidate {
  intervention_id: string;
  child_id: string;
  type: string;
  start_date: string;
  end_date: string;
  completed: boolean | null;
  date_of_birth: string;
  sex: string;
  ethnic_group: string;
}

/** A child in the population of one quarter, with the intervention that decides S, E and the order type. */
export interface KpiMember {
  quarter: string;
  childId: string;
  interventionId: string;
  orderType: OrderType;
  start: string;
  end: string;
  dateOfBirth: string;
  sex: string;
  ethnicGroup: string;
  /** Age at S. */
  age: number;
}

export function severity(type: string): number {
  const at = (ORDER_TYPES as readonly string[]).indexOf(type);
  return at === -1 ? ORDER_TYPES.length : at;
}

/** Whether a comes before b in the choice: more serious, then later end, later start, higher id. */
export function morePreferred(a: Candidate, b: Candidate): boolean {
  if (severity(a.type) !== severity(b.type)) return severity(a.type) < severity(b.type);
  if (a.end_date !== b.end_date) return a.end_date > b.end_date;
  if (a.start_date !== b.start_date) return a.start_date > b.start_date;
  return a.intervention_id > b.intervention_id;
}

export function isKpiAge(age: number): boolean {
  return age >= 10 && age <= 17;
}

/** The population of every quarter present in the candidates (pure). */
export function kpiPopulation(candidates: readonly Candidate[]): KpiMember[] {
  const chosen = new Map<string, { c: Candidate; age: number }>();
  for (const c of candidates) {
    const age = ageOn(c.date_of_birth, c.start_date);
    if (!isKpiAge(age)) continue;
    const key = `${c.child_id}\u0000${formatPeriod(periodOf(c.end_date))}`;
    const held = chosen.get(key);
    if (!held || morePreferred(c, held.c)) chosen.set(key, { c, age });
  }
  return [...chosen.values()]
    .map(({ c, age }): KpiMember => ({
      quarter: formatPeriod(periodOf(c.end_date)), childId: c.child_id, interventionId: c.intervention_id,
      orderType: c.type as OrderType, start: c.start_date, end: c.end_date, dateOfBirth: c.date_of_birth,
      sex: c.sex, ethnicGroup: c.ethnic_group, age,
    }))
    .sort((a, b) => (a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0));
}

export function ageBand(age: number): '10-14' | '15-17' {
  return age <= 14 ? '10-14' : '15-17';
}

/** A breakdown dimension of child-level KPIs: its key, every category (so tables keep their shape), and a member's category. */
export interface Dimension<M> {
  key: BreakdownKey;
  values: readonly string[];
  of: (m: M) => string;
}

/** The four breakdowns of kpis.md, for anything that carries a member. */
export function memberDimensions<M>(member: (m: M) => KpiMember): Dimension<M>[] {
  return [
    { key: 'order_type', values: ORDER_TYPE_BREAKDOWN, of: (m) => member(m).orderType },
    { key: 'ethnic_group', values: [...ETHNIC_GROUPS, NOT_KNOWN], of: (m) => member(m).ethnicGroup },
    { key: 'sex', values: ['M', 'F', 'U'], of: (m) => member(m).sex },
    { key: 'age_band', values: ['10-14', '15-17'], of: (m) => ageBand(member(m).age) },
  ];
}

/** The four breakdowns of a KPI member, one shared list (records.ts caches each member's categories by it). */
export const MEMBER_DIMENSIONS: readonly Dimension<KpiMember>[] = memberDimensions((m: KpiMember) => m);
