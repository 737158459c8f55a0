/**
 * What FTE and custody share: both are counts over the year to each quarter
 * of the trend window, turned into rates on the population aged 10–17.
 *
 * Which quarters get records: those whose whole year to Q lies within the
 * extract's history, i.e. from the quarter holding the earliest outcome plus
 * three (a year that starts before the data would look falsely low on the
 * trend chart), and P itself always, since the run is for P; when P's year starts
 * before the history, a note says that its figure covers part of the year.
 */
import {
  addQuarters, comparePeriods, formatPeriod, midYearFor, parsePeriod, periodEnd, periodOf, periodStart, rollingYearStart, trendWindow,
  type Period,
} from '../../period.js';
import type { Store } from '../../store/db.js';
import type { ComputeNote } from '../context.js';
import { populationFor, type PopulationEstimate } from '../population.js';
import { labelOf, multiplierOf } from '../catalogue.js';
import { record, type IndicatorId, type IndicatorRecord } from '../record.js';
import { rateCI } from '../statistics.js';

/** The earliest outcome in the store up to the end of P: where the extract's history starts. */
export const HISTORY_START_SQL = `
SELECT CAST(min(outcome_date) AS VARCHAR) AS first_outcome
FROM offences
WHERE outcome_date <= $period_end`;

export async function historyStart(store: Store, period: Period): Promise<string | null> {
  const [row] = await store.query<{ first_outcome: string | null }>(HISTORY_START_SQL, { period_end: periodEnd(period) });
  return row?.first_outcome ?? null;
}

/** The latest outcome in the store up to the end of P. */
export const LATEST_OUTCOME_SQL = `
SELECT CAST(max(outcome_date) AS VARCHAR) AS last_outcome
FROM offences
WHERE outcome_date <= $period_end`;

/**
 * A warning when offences.csv has no outcome in P although the data as a
 * whole reaches P's end (the period guard): the outcomes stop early, so the
 * year to P would count fewer entrants and sentences than there were.
 */
export async function outcomesEndNotes(store: Store, period: Period): Promise<ComputeNote[]> {
  const [row] = await store.query<{ last_outcome: string | null }>(LATEST_OUTCOME_SQL, { period_end: periodEnd(period) });
  const last = row?.last_outcome ?? null;
  if (last === null || last >= periodStart(period)) return [];
  return [{ indicator: 'fte', severity: 'warning', message: 'noteOutcomesEndBefore', params: { period: formatPeriod(period), last: { kind: 'date', iso: last } } }];
}

/** The quarters of P's trend window that get rolling-year records, oldest first. */
export function reportedQuarters(period: Period, firstOutcome: string | null): Period[] {
  if (firstOutcome === null) return [period];
  const firstFullYear = addQuarters(periodOf(firstOutcome), 3);
  return trendWindow(period).filter((q) => comparePeriods(q, firstFullYear) >= 0 || comparePeriods(q, period) === 0);
}

/** Whether an ISO day falls in the year to Q. */
export function inYearTo(q: Period, isoDay: string): boolean {
  return isoDay >= rollingYearStart(q) && isoDay <= periodEnd(q);
}

/** A note when P's year starts before the history (its figures cover part of a year). */
export function partialYearNotes(indicator: string, period: Period, firstOutcome: string | null): ComputeNote[] {
  if (firstOutcome === null || firstOutcome <= rollingYearStart(period)) return [];
  return [{
    indicator, severity: 'warning', message: 'notePartialYear',
    params: { window: { kind: 'window', years: 1, code: formatPeriod(period) }, first: { kind: 'date', iso: firstOutcome }, indicator: labelOf(indicator) },
  }];
}

/** The population for each quarter's year (quarters sharing a mid-year share one look-up). */
export async function populationsFor(store: Store, quarters: readonly Period[]): Promise<Map<string, PopulationEstimate | null>> {
  const out = new Map<string, PopulationEstimate | null>();
  for (const q of quarters) out.set(formatPeriod(q), await populationFor(store, q, {}));
  return out;
}

/** Notes for quarters with no population (rate not shown) or an earlier estimate (stated). */
export function populationNotes(indicator: string, populations: ReadonlyMap<string, PopulationEstimate | null>): ComputeNote[] {
  const notes: ComputeNote[] = [];
  const missing = [...populations].filter(([, p]) => p === null).map(([q]) => q);
  if (missing.length > 0) {
    notes.push({
      indicator, severity: 'warning', message: 'noteNoPopulation',
      params: { periods: { kind: 'periods', codes: missing, as: 'years' }, indicator: labelOf(indicator) },
    });
  }
  // One note per run of consecutive quarters falling back to the same estimate, not one per year wanted:
  // the table names each quarter's estimate, so the note only has to say why.
  const runs: { year: number; from: Period; to: Period }[] = [];
  for (const [q, p] of populations) {
    if (!p?.fallback) continue;
    const last = runs[runs.length - 1];
    const period = parsePeriod(q);
    if (last && last.year === p.year && comparePeriods(addQuarters(last.to, 1), period) === 0) last.to = period;
    else runs.push({ year: p.year, from: period, to: period });
  }
  for (const run of runs) {
    const [first, last] = [midYearFor(run.from), midYearFor(run.to)];
    const one = comparePeriods(run.from, run.to) === 0;
    notes.push({
      indicator, severity: 'info', message: 'notePopulationFallback',
      params: {
        wanted: first === last ? `mid-${first}` : `mid-${first} to mid-${last}`,
        year: run.year,
        periods: { kind: 'yearRange', from: formatPeriod(run.from), to: formatPeriod(run.to) },
        indicator: labelOf(indicator),
      },
    });
  }
  return notes;
}

/** A count record: the value is the count itself, with no denominator or interval. */
export function countRecord(id: IndicatorId, q: Period, count: number): IndicatorRecord {
  return record({ id, period: formatPeriod(q), breakdown: {}, numerator: count, denominator: null, value: count });
}

/**
 * A rate on the population aged 10–17 in the catalogue's unit (per 100,000, per 1,000), with its exact/Byar
 * interval; value null without a population.
 */
export function rateRecord(id: IndicatorId, q: Period, count: number, population: PopulationEstimate | null): IndicatorRecord {
  const estimate = population === null || population.population === 0
    ? { value: null, lower: null, upper: null }
    : rateCI(count, population.population, multiplierOf(id));
  return record({
    id, period: formatPeriod(q), breakdown: {}, numerator: count, denominator: population?.population ?? null,
    value: estimate.value, lower: estimate.lower, upper: estimate.upper,
  });
}
