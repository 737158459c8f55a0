import { describe, expect, it } from 'vitest';
import { cohortTracking, monthsElapsed, reportedCohorts } from '../../../pipeline/compute/indicators/cohort-status.js';
import { formatPeriod, parsePeriod } from '../../../pipeline/period.js';

const run = parsePeriod('2024-25-Q3'); // October–December 2024, ends 31 Dec 2024

describe('cohort tracking status', () => {
  it('is complete when P ends exactly 18 months after the cohort quarter ends', () => {
    // 2023-24-Q1 ends 30 Jun 2023; 30 Jun 2023 + 18 months = 31 Dec 2024 = end of P.
    expect(monthsElapsed(parsePeriod('2023-24-Q1'), run)).toBe(18);
    expect(cohortTracking(parsePeriod('2023-24-Q1'), run)).toEqual({ status: 'complete' });
    expect(cohortTracking(parsePeriod('2022-23-Q2'), run)).toEqual({ status: 'complete' });
  });

  it('is provisional from exactly 12 months up to 18', () => {
    // 2023-24-Q2 ends 30 Sep 2023: 15 months to 31 Dec 2024.
    expect(cohortTracking(parsePeriod('2023-24-Q2'), run)).toEqual({ status: 'provisional' });
    // 2023-24-Q3 ends 31 Dec 2023: exactly 12 months.
    expect(monthsElapsed(parsePeriod('2023-24-Q3'), run)).toBe(12);
    expect(cohortTracking(parsePeriod('2023-24-Q3'), run)).toEqual({ status: 'provisional' });
  });

  it('is in progress below 12 months, with the whole months elapsed since the cohort quarter ended', () => {
    // 2023-24-Q4 ends 31 Mar 2024: 9 months to 31 Dec 2024.
    expect(cohortTracking(parsePeriod('2023-24-Q4'), run)).toEqual({ status: 'in_progress', months_elapsed: 9 });
    expect(cohortTracking(parsePeriod('2024-25-Q2'), run)).toEqual({ status: 'in_progress', months_elapsed: 3 });
    expect(cohortTracking(run, run)).toEqual({ status: 'in_progress', months_elapsed: 0 });
  });

  it('reports the 12 cohort quarters ending with P, P included', () => {
    const cohorts = reportedCohorts(run).map(formatPeriod);
    // 2024-25 Q1–Q3 (3) + 2023-24 (4) + 2022-23 (4) + 2021-22-Q4 (1) = 12
    expect(cohorts).toHaveLength(12);
    expect(cohorts[0]).toBe('2021-22-Q4');
    expect(cohorts[11]).toBe('2024-25-Q3');
  });
});
