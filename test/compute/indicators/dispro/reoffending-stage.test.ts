import { describe, expect, it } from 'vitest';
import { latestCompleteCohorts, reoffendingTally } from '../../../../pipeline/compute/indicators/dispro/reoffending-stage.js';
import type { CohortMember } from '../../../../pipeline/compute/indicators/reoffending-measures.js';
import { parsePeriod } from '../../../../pipeline/period.js';

describe('latestCompleteCohorts', () => {
  it('takes the four latest cohort quarters ending at least 18 months before P ends', () => {
    // P = 2024-25-Q3 ends 31 Dec 2024; 18 months earlier is 30 Jun 2023, the end of 2023-24-Q1.
    expect(latestCompleteCohorts(parsePeriod('2024-25-Q3'))).toEqual(['2022-23-Q2', '2022-23-Q3', '2022-23-Q4', '2023-24-Q1']);
    // P = 2023-24-Q4 ends 31 Mar 2024 → latest complete ends 30 Sep 2022 (2022-23-Q2)
    expect(latestCompleteCohorts(parsePeriod('2023-24-Q4'))).toEqual(['2021-22-Q3', '2021-22-Q4', '2022-23-Q1', '2022-23-Q2']);
  });
});

describe('reoffendingTally', () => {
  const member = (cohort: string, child_id: string, ethnic_group: string, reoffences: number): CohortMember => ({
    cohort, child_id, ethnic_group, reoffences, index_date: '2023-01-01', index_type: 'court', sex: 'M', age: 15,
  });

  it('counts reoffenders of cohort members in the chosen cohorts, a child once per cohort', () => {
    const tally = reoffendingTally([
      member('2022-23-Q3', 'W1', 'White', 2),
      member('2022-23-Q4', 'W1', 'White', 0), // W1 again, in another cohort
      member('2022-23-Q4', 'B1', 'Black', 1),
      member('2023-24-Q2', 'B2', 'Black', 1), // not a chosen cohort
      member('2022-23-Q4', 'X1', 'Not known', 0),
    ], ['2022-23-Q3', '2022-23-Q4']);
    expect(tally.White).toEqual({ events: 1, base: 2 });
    expect(tally.Black).toEqual({ events: 1, base: 1 });
    expect(tally['Not known']).toEqual({ events: 0, base: 1 });
    expect(tally.Asian).toEqual({ events: 0, base: 0 });
  });
});
