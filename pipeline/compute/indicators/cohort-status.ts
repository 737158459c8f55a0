/**
 * Which reoffending cohorts a run reports, and how far each has been tracked
 * (indicators.md, Proven reoffending: Status).
 *
 * Months elapsed is counted from the END of the cohort quarter to the end of
 * the run's period P: the follow-up every member of the cohort has had at
 * least (a child indexed on the quarter's first day has had up to 3 months
 * more). Both ends are quarter ends, so it is always 3 × the quarters between.
 * - complete: at least 18 months (12-month follow-up + 6-month waiting
 *   period have passed for every member);
 * - provisional: at least 12 months (live tracking: every member's follow-up
 *   window has closed, but outcomes may still arrive);
 * - in_progress: below 12 months, carrying months_elapsed.
 */
import type { CohortStatus } from '../record.js';
import { quartersBetween, trendWindow, type Period } from '../../period.js';

export const FOLLOW_UP_MONTHS = 12;
export const WAITING_MONTHS = 6;
/** Cohort quarters a run reports: the last 3 years. */
export const REPORTED_COHORTS = 12;

export interface CohortTracking {
  status: CohortStatus;
  /** Only for in_progress cohorts. */
  months_elapsed?: number;
}

export function monthsElapsed(cohort: Period, run: Period): number {
  return 3 * quartersBetween(cohort, run);
}

export function cohortTracking(cohort: Period, run: Period): CohortTracking {
  const months = monthsElapsed(cohort, run);
  if (months >= FOLLOW_UP_MONTHS + WAITING_MONTHS) return { status: 'complete' };
  if (months >= FOLLOW_UP_MONTHS) return { status: 'provisional' };
  return { status: 'in_progress', months_elapsed: months };
}

/**
 * The 12 cohort quarters ending with P, oldest first. P itself is included
 * (in progress, 0 months) so the live tracker shows the newest cohort's size
 * as soon as its quarter ends; only its within-quarter reoffences are known.
 */
export function reportedCohorts(run: Period): Period[] {
  return trendWindow(run, REPORTED_COHORTS);
}
