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
import { computeEte } from './indicators/ete.js';
import { computeDispro } from './indicators/dispro.js';
import { populationFor } from './population.js';

export interface ComputeOutput {
  records: IndicatorRecord[];
  notes: ComputeNote[];
  /** The population estimate used for the year to P (null when there is none). */
  population: { year: number; fallback: boolean } | null;
}

type Indicator = (store: Store, ctx: ComputeContext) => Promise<IndicatorResult>;

export const INDICATORS: readonly Indicator[] = [computeFte, computeCustody, computeReoffending, computeEte, computeDispro];

export async function computeIndicators(store: Store, ctx: ComputeContext): Promise<ComputeOutput> {
  const records: IndicatorRecord[] = [];
  const notes: ComputeNote[] = [];
  for (const indicator of INDICATORS) {
    const result = await indicator(store, ctx);
    records.push(...result.records);
    notes.push(...result.notes);
  }
  const pop = await populationFor(store, ctx.period, {});
  return { records, notes, population: pop ? { year: pop.year, fallback: pop.fallback } : null };
}
