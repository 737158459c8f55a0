/**
 * Counting one stage in the year to one quarter from the store (SQL in
 * dispro.sql.ts); what the stage's figures are built from.
 */
import { periodEnd, periodStart, rollingYearStart, type Period } from '../../../period.js';
import type { Store } from '../../../store/db.js';
import type { ComputeSettings } from '../../context.js';
import {
  ARREST_STAGE_SQL, CUSTODY_STAGE_SQL, DIVERSION_STAGE_SQL, FTE_STAGE_OFFENCES_SQL, OPTIONAL_SOURCES_SQL,
  OUTCOME_STAGE_SQL, REMAND_YDA_STAGE_SQL,
} from '../dispro.sql.js';
import { firstTimeEntrants, type FirstOutcomeOffence } from '../fte.js';
import { reoffendingCohortMembers } from '../reoffending.js';
import { inYearTo } from '../rolling-year.js';
import { tallyFromRows, type StageTally, type TallyRow } from './figures.js';
import { latestCompleteCohorts, reoffendingTally } from './reoffending-stage.js';
import type { DisproStage } from './stages.js';

export interface CountedStage {
  tally: StageTally;
  /** Reoffending only: the cohort quarters pooled. */
  cohorts?: string[];
}

const STAGE_SQL: Partial<Record<DisproStage, string>> = {
  arrest: ARREST_STAGE_SQL,
  outcome: OUTCOME_STAGE_SQL,
  diversion: DIVERSION_STAGE_SQL,
  remand_yda: REMAND_YDA_STAGE_SQL,
  custody: CUSTODY_STAGE_SQL,
};

function windowParams(q: Period): { window_start: string; period_end: string } {
  return { window_start: rollingYearStart(q), period_end: periodEnd(q) };
}

export async function countStage(store: Store, stage: DisproStage, q: Period, settings: ComputeSettings): Promise<CountedStage> {
  if (stage === 'fte') return { tally: await countFirstTimeEntrants(store, q) };
  if (stage === 'reoffending') {
    const members = await reoffendingCohortMembers(store, { period: q, settings });
    const cohorts = latestCompleteCohorts(q);
    return { tally: reoffendingTally(members, cohorts), cohorts };
  }
  const sql = STAGE_SQL[stage];
  if (sql === undefined) throw new Error(`countStage: no SQL for stage ${stage}`);
  return { tally: tallyFromRows(await store.query<TallyRow & Record<string, string | number>>(sql, windowParams(q))) };
}

type EntrantRow = FirstOutcomeOffence & { ethnic_group: string; [k: string]: string };

/** First time entrants in the year to q by fte.ts's own rule, so the groups add up to fte.count. */
async function countFirstTimeEntrants(store: Store, q: Period): Promise<StageTally> {
  const rows = await store.query<EntrantRow>(FTE_STAGE_OFFENCES_SQL, windowParams(q));
  const groupOf = new Map(rows.map((r) => [r.child_id, r.ethnic_group]));
  const counts = new Map<string, number>();
  for (const entrant of firstTimeEntrants(rows).filter((e) => inYearTo(q, e.date))) {
    const group = groupOf.get(entrant.childId) as string;
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return tallyFromRows([...counts].map(([ethnic_group, n]) => ({ ethnic_group, events: n, base: n })));
}

/**
 * Stages that need an optional file run only when it covers P: remands when
 * remands.csv holds rows dated up to the end of P (remands are rare, so a
 * quarter without one is no sign of a gap); arrests when arrests.csv holds an
 * arrest dated in P itself (every service has arrests each quarter, so none in
 * P means the police file stops before it, and a partial year would read as
 * fewer arrests: issue 9). `arrestsEndBefore` is the last arrest when arrests.csv
 * has rows but none in P.
 */
export async function availableStages(store: Store, p: Period): Promise<{ stages: Set<DisproStage>; arrestsEndBefore: string | null }> {
  const [row] = await store.query<{ arrests: boolean; last_arrest: string | null; remands: boolean }>(OPTIONAL_SOURCES_SQL, {
    period_start: periodStart(p), period_end: periodEnd(p),
  });
  const stages = new Set<DisproStage>(['fte', 'outcome', 'diversion', 'custody', 'reoffending']);
  if (row?.arrests) stages.add('arrest');
  if (row?.remands) stages.add('remand_yda');
  return { stages, arrestsEndBefore: !row?.arrests && row?.last_arrest ? row.last_arrest : null };
}

