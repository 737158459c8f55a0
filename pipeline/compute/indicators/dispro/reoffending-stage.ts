/**
 * The reoffending stage: reoffenders among the children of the latest four
 * complete cohort quarters at a run's period, pooled (indicators.md: latest
 * complete cohorts, pooled over 4 quarters). Built from the reoffending
 * module's cohort members, so the cohort rules are exactly those of
 * reoffending.binary. A child in two of the four cohorts counts in each, as
 * the four quarterly records would add up.
 */
import { formatPeriod, type Period } from '../../../period.js';
import { cohortTracking, reportedCohorts } from '../cohort-status.js';
import type { CohortMember } from '../reoffending-measures.js';
import { tallyFromRows, type StageTally, type TallyRow } from './figures.js';

/** Complete cohort quarters pooled into one stage figure. */
export const POOLED_COHORTS = 4;

/** The latest complete cohort quarters reported by a run for `run`, oldest first. */
export function latestCompleteCohorts(run: Period): string[] {
  return reportedCohorts(run)
    .filter((q) => cohortTracking(q, run).status === 'complete')
    .slice(-POOLED_COHORTS)
    .map(formatPeriod);
}

export function reoffendingTally(members: readonly CohortMember[], cohorts: readonly string[]): StageTally {
  const rows = new Map<string, TallyRow>();
  for (const m of members.filter((x) => cohorts.includes(x.cohort))) {
    const row = rows.get(m.ethnic_group) ?? { ethnic_group: m.ethnic_group, events: 0, base: 0 };
    row.base += 1;
    if (m.reoffences > 0) row.events += 1;
    rows.set(m.ethnic_group, row);
  }
  return tallyFromRows([...rows.values()]);
}
