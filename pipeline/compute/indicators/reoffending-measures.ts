/**
 * The three reoffending measures of one cohort (or one breakdown of it),
 * from its members: pure arithmetic, no store.
 *
 * Intervals: the binary rate is a proportion (Wilson, × 100: the catalogue's
 * per cent). The two frequency measures are counts of reoffences over a number
 * of children, so they take the Poisson rate interval per child (multiplier 1; exact below 10
 * reoffences, Byar from 10), as for every other rate in the pack. For
 * reoffences per reoffender this treats the reoffenders as fixed: it is the
 * uncertainty in the reoffence count given who reoffended.
 */
import type { Breakdown, Estimate, IndicatorRecord } from '../record.js';
import { record, scaled } from '../record.js';
import { multiplierOf } from '../catalogue.js';
import { proportionCI, rateCI } from '../statistics.js';
import type { CohortTracking } from './cohort-status.js';

export type IndexType = 'out_of_court' | 'court';

export interface CohortMember {
  /** The cohort quarter, e.g. '2023-24-Q1'. */
  cohort: string;
  child_id: string;
  index_date: string;
  index_type: IndexType;
  sex: string;
  ethnic_group: string;
  /** Whole years at the index date (10–17). */
  age: number;
  /** Proven reoffences counted for this membership. */
  reoffences: number;
}

export interface CohortCounts {
  children: number;
  reoffenders: number;
  reoffences: number;
}

export function countCohort(members: readonly CohortMember[]): CohortCounts {
  let reoffenders = 0;
  let reoffences = 0;
  for (const m of members) {
    if (m.reoffences > 0) reoffenders += 1;
    reoffences += m.reoffences;
  }
  return { children: members.length, reoffenders, reoffences };
}

const EMPTY: Estimate = { value: null, lower: null, upper: null };

/** Records for reoffending.binary, .per_reoffender and .per_offender, in that order. */
export function measureRecords(
  counts: CohortCounts, breakdown: Breakdown, period: string, tracking: CohortTracking,
): IndicatorRecord[] {
  const { children, reoffenders, reoffences } = counts;
  const common = { period, breakdown, ...tracking };
  const binary = children === 0 ? EMPTY : scaled(proportionCI(reoffenders, children), multiplierOf('reoffending.binary'));
  const perReoffender = reoffenders === 0 ? EMPTY : rateCI(reoffences, reoffenders, multiplierOf('reoffending.per_reoffender'));
  const perOffender = children === 0 ? EMPTY : rateCI(reoffences, children, multiplierOf('reoffending.per_offender'));
  return [
    record({ id: 'reoffending.binary', ...common, numerator: reoffenders, denominator: children, ...binary }),
    record({ id: 'reoffending.per_reoffender', ...common, numerator: reoffences, denominator: reoffenders, ...perReoffender }),
    record({ id: 'reoffending.per_offender', ...common, numerator: reoffences, denominator: children, ...perOffender }),
  ];
}
