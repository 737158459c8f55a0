/**
 * Which quarters a run may report (issue 9, "Period guard"): only a quarter
 * the data covers to its last day, and only once that quarter is over. A pack
 * for any other quarter would count part of a quarter as the whole of it (a
 * partial year read as a fall), or be a pack of zeros.
 *
 * - The data's last date is the latest event date in the extract or store
 *   (store/summary.ts: outcomes, intervention and ETE starts, remand
 *   decisions, arrests). A quarter ending after it is refused, even by a few
 *   days: nothing in an extract says it was taken after a quiet last week,
 *   so yjpack cannot tell "no records" from "not yet extracted".
 * - A quarter has ended on the run date when its last day is before the run
 *   date (the run date is passed in from effects.now(); on the last day of a
 *   quarter the quarter is still running).
 * - A quarter ending before the data's first date stays refused as outside
 *   the data (usage, exit 64), as before.
 */
import { YjpackError } from './errors.js';
import { addDays, formatPeriod, lastCompletePeriod, periodEnd, type Period } from './period.js';

export interface DataCoverage {
  /** Earliest event date in the data (ISO), null when it holds none. */
  from: string | null;
  /** Latest event date in the data (ISO), null when it holds none. */
  to: string | null;
}

/** A quarter has ended on `today` when its last day is before it. */
export function hasEnded(p: Period, today: string): boolean {
  return periodEnd(p) < today;
}

/**
 * The latest quarter that has ended on `today` and ends on or before the
 * data's last date, or null when the data covers no such quarter.
 */
export function lastReportablePeriod(coverage: DataCoverage, today: string): Period | null {
  if (coverage.to === null) return null;
  const yesterday = addDays(today, -1);
  const last = lastCompletePeriod(coverage.to < yesterday ? coverage.to : yesterday);
  return periodEnd(last) < (coverage.from ?? coverage.to) ? null : last;
}

/**
 * The report period: as asked if the data covers it and it has ended, else
 * (when none is asked) the last reportable quarter. Throws a YjpackError
 * naming the period, the data's dates and the last reportable quarter.
 */
export function reportablePeriod(asked: Period | null, coverage: DataCoverage, today: string, source: string): Period {
  if (coverage.to === null) throw new YjpackError('noCompletePeriod', { source, latest: 'none' });
  const last = lastReportablePeriod(coverage, today);
  if (asked === null) {
    if (last === null) throw new YjpackError('noCompletePeriod', { source, latest: coverage.to });
    return last;
  }
  const period = formatPeriod(asked);
  const end = periodEnd(asked);
  if (end < (coverage.from ?? coverage.to)) {
    throw new YjpackError('periodNotInData', { period, from: coverage.from ?? '?', to: coverage.to });
  }
  const lastText = last === null ? 'none: the data covers no whole quarter that has ended' : formatPeriod(last);
  if (end > coverage.to) {
    throw new YjpackError('periodAfterData', { period, end, to: coverage.to, last: lastText });
  }
  if (!hasEnded(asked, today)) {
    throw new YjpackError('periodNotEnded', { period, end, today, last: lastText });
  }
  return asked;
}

/**
 * For compute called as a library (no run date): refuses a period that ends
 * after the data, whose figures would be zeros or part of a quarter.
 */
export function assertDataCovers(period: Period, coverage: DataCoverage, source = 'the store'): void {
  if (coverage.to === null) throw new YjpackError('noCompletePeriod', { source, latest: 'none' });
  if (periodEnd(period) > coverage.to) {
    const last = lastCompletePeriod(coverage.to);
    throw new YjpackError('periodAfterData', {
      period: formatPeriod(period), end: periodEnd(period), to: coverage.to,
      last: periodEnd(last) < (coverage.from ?? coverage.to) ? 'none: the data covers no whole quarter' : formatPeriod(last),
    });
  }
}
