/**
 * Proven reoffending, MoJ method with 3-month cohorts and YJB-style live
 * tracking (indicators.md, Proven reoffending). The cohort rules and their
 * open choices are in reoffending.sql.ts; statuses in cohort-status.ts;
 * intervals in reoffending-measures.ts.
 *
 * A run for P reports the 12 cohort quarters ending with P. Every record
 * carries period = P and the cohort in breakdown.cohort; breakdowns are the
 * headline, then index type, sex, age band (at the index date) and ethnic
 * group, each with every category (an empty one is 0 of 0, value null) so
 * that tables and charts have the same shape every quarter.
 */
import type { Store } from '../../store/db.js';
import type { ComputeContext, ComputeNote } from '../context.js';
import type { Breakdown, BreakdownKey, IndicatorRecord } from '../record.js';
import { ETHNIC_GROUPS, NOT_KNOWN } from '../../contract/codes.js';
import { comparePeriods, formatPeriod, periodEnd, periodOf, periodStart, type Period } from '../../period.js';
import { historyStart } from './rolling-year.js';
import type { IndicatorResult } from './result.js';
import { cohortTracking, reportedCohorts } from './cohort-status.js';
import { countCohort, measureRecords, type CohortMember, type IndexType } from './reoffending-measures.js';
import { COHORT_MEMBERS_SQL } from './reoffending.sql.js';

export type { CohortMember } from './reoffending-measures.js';

interface Dimension {
  key: BreakdownKey;
  values: readonly string[];
  of: (m: CohortMember) => string;
}

export function ageBand(age: number): '10-14' | '15-17' {
  return age <= 14 ? '10-14' : '15-17';
}

const DIMENSIONS: readonly Dimension[] = [
  { key: 'index_type', values: ['out_of_court', 'court'], of: (m) => m.index_type },
  { key: 'sex', values: ['M', 'F', 'U'], of: (m) => m.sex },
  { key: 'age_band', values: ['10-14', '15-17'], of: (m) => ageBand(m.age) },
  { key: 'ethnic_group', values: [...ETHNIC_GROUPS, NOT_KNOWN], of: (m) => m.ethnic_group },
];

interface MemberRow {
  [k: string]: string | number | boolean | null;
  child_id: string;
  index_date: string;
  index_type: string;
  sex: string;
  ethnic_group: string;
  age: number;
  reoffences: number;
}

/**
 * Every cohort member of the 12 cohort quarters ending with P, with their
 * proven reoffences as known at P's end. Exported for the reoffending stage
 * of disproportionality.
 */
export async function reoffendingCohortMembers(store: Store, ctx: ComputeContext): Promise<CohortMember[]> {
  const cohorts = reportedCohorts(ctx.period);
  const rows = await store.query<MemberRow>(COHORT_MEMBERS_SQL, {
    from: periodStart(cohorts[0]!),
    to: periodEnd(ctx.period),
    include_non_substantive: ctx.settings.includeNonSubstantive,
  });
  return rows.map((r) => ({
    cohort: formatPeriod(periodOf(r.index_date)),
    child_id: r.child_id,
    index_date: r.index_date,
    index_type: r.index_type as IndexType,
    sex: r.sex,
    ethnic_group: r.ethnic_group,
    age: r.age,
    reoffences: r.reoffences,
  }));
}

/**
 * The reported cohort quarters the data covers: from the quarter of the
 * history's first outcome on (as FTE counts that quarter as covered). An
 * earlier cohort has no members because the extract does not reach back to
 * it, so it is left out rather than shown as an empty cohort (issue 9).
 */
export function coveredCohorts(ctx: ComputeContext, firstOutcome: string | null): Period[] {
  const cohorts = reportedCohorts(ctx.period);
  if (firstOutcome === null) return cohorts;
  const first = periodOf(firstOutcome);
  return cohorts.filter((q) => comparePeriods(q, first) >= 0);
}

/** Records of every reported cohort the data covers, from its members (pure). */
export function reoffendingRecords(members: readonly CohortMember[], ctx: ComputeContext, firstOutcome: string | null = null): IndicatorRecord[] {
  const period = formatPeriod(ctx.period);
  const records: IndicatorRecord[] = [];
  for (const quarter of coveredCohorts(ctx, firstOutcome)) {
    const cohort = formatPeriod(quarter);
    const tracking = cohortTracking(quarter, ctx.period);
    const inCohort = members.filter((m) => m.cohort === cohort);
    const emit = (breakdown: Breakdown, group: readonly CohortMember[]): void => {
      records.push(...measureRecords(countCohort(group), breakdown, period, tracking));
    };
    emit({ cohort }, inCohort);
    for (const d of DIMENSIONS) {
      for (const value of d.values) emit({ cohort, [d.key]: value }, inCohort.filter((m) => d.of(m) === value));
    }
  }
  return records;
}

function methodNotes(ctx: ComputeContext): ComputeNote[] {
  if (!ctx.settings.includeNonSubstantive) return [];
  return [{
    indicator: 'reoffending',
    severity: 'info',
    message: 'noteReoffendingNonSubstantive',
    params: {},
  }];
}

export async function computeReoffending(store: Store, ctx: ComputeContext): Promise<IndicatorResult> {
  const members = await reoffendingCohortMembers(store, ctx);
  const firstOutcome = await historyStart(store, ctx.period);
  return { records: reoffendingRecords(members, ctx, firstOutcome), notes: [...methodNotes(ctx), ...historyNotes(ctx, firstOutcome)] };
}

/** Says which cohorts are left out because the history starts after them. */
function historyNotes(ctx: ComputeContext, firstOutcome: string | null): ComputeNote[] {
  const covered = coveredCohorts(ctx, firstOutcome);
  const all = reportedCohorts(ctx.period);
  if (firstOutcome === null || covered.length === all.length) return [];
  // A warning, so the data-quality section lists it: the reoffending section shows no compute notes.
  return [{
    indicator: 'reoffending', severity: 'warning',
    message: 'noteCohortsBeforeHistory',
    params: {
      first: { kind: 'date', iso: firstOutcome },
      from: { kind: 'periods', codes: [formatPeriod(all[0]!)], as: 'quarters' },
      to: { kind: 'periods', codes: [formatPeriod(all[all.length - covered.length - 1]!)], as: 'quarters' },
    },
  }];
}
