/**
 * The compute phase: every indicator module over the same store and context,
 * in a fixed order so that output is deterministic. Each module is a pure
 * function of the store's tables (its SQL beside it in *.sql.ts).
 */
import type { Store } from '../store/db.js';
import type { ComputeContext, ComputeNote } from './context.js';
import type { IndicatorRecord } from './record.js';
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

export interface ComputeOutput {
  records: IndicatorRecord[];
  notes: ComputeNote[];
  /** The population estimate used for the year to P and for each quarter with a rate (null when there is none). */
  population: PopulationUsed | null;
}

type Indicator = (store: Store, ctx: ComputeContext) => Promise<IndicatorResult>;

// ETE (KPI 2) is computed with the other KPIs, on the population they share.
export const INDICATORS: readonly Indicator[] = [computeFte, computeCustody, computeReoffending, computeDispro, computeKpis];

/** Rates on the population aged 10–17 over the trend window (disproportionality is for P alone). */
const TREND_RATE_IDS = new Set(['fte.rate', 'custody.rate']);

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
  const rateQuarters = [...new Set(records.filter((r) => TREND_RATE_IDS.has(r.id)).map((r) => r.period))]
    .map(parsePeriod).sort(comparePeriods);
  return { records, notes, population: await populationUsed(store, ctx.period, rateQuarters) };
}
