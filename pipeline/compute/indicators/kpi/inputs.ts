/**
 * What every KPI module starts from, read once per run: the trend window's
 * dates, the common population of each quarter (population.ts) and the
 * candidate interventions it was chosen from.
 */
import { periodEnd, periodStart, trendWindow, type Period } from '../../../period.js';
import type { Store } from '../../../store/db.js';
import type { ComputeContext } from '../../context.js';
import { kpiPopulation, type Candidate, type KpiMember } from './population.js';
import { KPI_CANDIDATES_SQL, KPI_HISTORY_SQL } from './population.sql.js';

export interface KpiInputs {
  period: Period;
  /** SQL parameters of the window: its first day and P's last. */
  params: { window_start: string; period_end: string };
  candidates: Candidate[];
  members: KpiMember[];
  /** Earliest intervention start up to P's end; null when there is none. */
  firstIntervention: string | null;
}

export async function kpiInputs(store: Store, ctx: ComputeContext): Promise<KpiInputs> {
  const params = { window_start: periodStart(trendWindow(ctx.period)[0] as Period), period_end: periodEnd(ctx.period) };
  const [history] = await store.query<{ first_intervention: string | null }>(KPI_HISTORY_SQL, { period_end: params.period_end });
  const candidates = await store.query<Candidate & Record<string, string | boolean | null>>(KPI_CANDIDATES_SQL, params);
  return { period: ctx.period, params, candidates, members: kpiPopulation(candidates), firstIntervention: history?.first_intervention ?? null };
}

/** First record date of a KPI file up to P's end (null when it has none), from SQL returning `first`. */
export async function firstDate(store: Store, sql: string, periodEndDay: string): Promise<string | null> {
  const [row] = await store.query<{ first: string | null }>(sql, { period_end: periodEndDay });
  return row?.first ?? null;
}
