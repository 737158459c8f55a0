/**
 * The compute phase: every indicator module over the same store and context,
 * in a fixed order so that output is deterministic. Each module is a pure
 * function of the store's tables (its SQL beside it in *.sql.ts).
 * computeQuarter is the phase as the run calls it: the records and every
 * other figure the pack and the output files are built from, in one result.
 */
import type { Store } from '../store/db.js';
import type { Config } from '../config.js';
import { computeContext, type ComputeContext, type ComputeNote } from './context.js';
import type { IndicatorRecord } from './record.js';
import { isTrendRate } from './catalogue.js';
import type { IndicatorResult } from './indicators/result.js';
import { computeFte } from './indicators/fte.js';
import { computeCustody } from './indicators/custody.js';
import { computeReoffending } from './indicators/reoffending.js';
import { computeDispro } from './indicators/dispro.js';
import { populationUsed, type PopulationUsed } from './population.js';
import { assertDataCovers } from '../period-guard.js';
import { comparePeriods, parsePeriod } from '../period.js';
import { extractDateRange } from '../store/summary.js';
import { computeKpis } from './indicators/kpi/index.js';
import { notProvenOutcomes } from '../store/not-proven.js';
import { computeProfile, computeYdaRemands, type ProfileTable, type YdaRemandYear } from './profile.js';
import { comparatorSet, comparatorsFor, type Comparison } from './comparators.js';
import { computeOutcomeRate } from './outcome-rate.js';
import type { Period } from '../period.js';

export interface ComputeOutput {
  records: IndicatorRecord[];
  notes: ComputeNote[];
  /** The population estimate used for the year to P and for each quarter with a rate (null when there is none). */
  population: PopulationUsed | null;
}

type Indicator = (store: Store, ctx: ComputeContext) => Promise<IndicatorResult>;

// ETE (KPI 2) is computed with the other KPIs, on the population they share.
export const INDICATORS: readonly Indicator[] = [computeFte, computeCustody, computeReoffending, computeDispro, computeKpis];

export async function computeIndicators(store: Store, ctx: ComputeContext): Promise<ComputeOutput> {
  // A period after the data would come out as zeros or part of a quarter: refused here too, for library callers.
  assertDataCovers(ctx.period, await extractDateRange(store));
  const records: IndicatorRecord[] = [];
  const notes: ComputeNote[] = [];
  for (const indicator of INDICATORS) {
    const result = await indicator(store, ctx);
    records.push(...result.records);
    notes.push(...result.notes);
  }
  // The quarters with a rate on the population aged 10–17 over the trend window (disproportionality is for P alone).
  const rateQuarters = [...new Set(records.filter((r) => isTrendRate(r.id)).map((r) => r.period))]
    .map(parsePeriod).sort(comparePeriods);
  return { records, notes, population: await populationUsed(store, ctx.period, rateQuarters) };
}

/** Everything a run's later phases are built from: no later phase reads the store. */
export interface QuarterComputed extends ComputeOutput {
  period: Period;
  /** First and last day the extract covers. */
  extractRange: { from: string | null; to: string | null };
  /** Offences with a not-proven outcome (NFA, not guilty, withdrawn): counted for data quality, in no indicator. */
  notProven: { yearToPeriod: number; toPeriodEnd: number };
  profile: ProfileTable[];
  remands: YdaRemandYear[];
  comparisons: Comparison[];
}

/** Published comparators lag the local data; a comparator up to three quarters old still compares. */
const COMPARATOR_LAG_QUARTERS = 3;

export async function computeQuarter(store: Store, period: Period, config: Config): Promise<QuarterComputed> {
  const ctx = computeContext(period, config);
  const computed = await computeIndicators(store, ctx);
  // The all-groups outcome rate is compared (YJB's children cautioned or sentenced) but is no indicator record.
  const outcomeRate = await computeOutcomeRate(store, ctx);
  const comparisons = comparatorsFor([...computed.records, ...(outcomeRate ? [outcomeRate] : [])], await comparatorSet(store),
    { areas: config.comparatorAreas, lagQuarters: COMPARATOR_LAG_QUARTERS });
  return {
    ...computed,
    period,
    extractRange: await extractDateRange(store),
    notProven: await notProvenOutcomes(store, period),
    profile: await computeProfile(store, ctx),
    remands: await computeYdaRemands(store, ctx),
    comparisons,
  };
}
