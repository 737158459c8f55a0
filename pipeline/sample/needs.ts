/**
 * Needs the YJS identified (needs.csv). Whether a child has each need is
 * drawn once: SEND from children.csv's send and ehcp flags (a plan is the
 * EHCP), mental health more often for children who come back after their
 * first outcome and for looked-after children, substance misuse more often
 * for children with a drugs offence, who come back, or who are older. Each
 * intervention starts with an assessment (before the sentence for a court
 * order) that records the needs the child has; for mental health and
 * substance misuse an intervention may be offered during the order, and
 * attended.
 */
import { birthday } from './days.js';
import { cameBack, type KpiChild } from './kpi-child.js';
import {
  ASSESSMENT_AFTER_OOCD_START, ASSESSMENT_BEFORE_COURT_ORDER, MENTAL_HEALTH, NEED_RECORDED_AT_ASSESSMENT, NEED_SUPPORT,
  OFFER_WITHIN_DAYS, SEND_RECORDED_WITHOUT_PLAN, SUBSTANCE_MISUSE,
} from './kpi-profile.js';
import type { Rng } from './rng.js';

export type Need = 'SEND' | 'MENTAL_HEALTH' | 'SUBSTANCE_MISUSE';

export interface NeedRecord {
  need: Need;
  identifiedDay: number;
  plan: 'Y' | 'N' | '';
  /** null: not offered. */
  offeredDay: number | null;
  attended: 'Y' | 'N' | '';
}

const COURT_ORDERS: readonly string[] = ['RO', 'YRO', 'CUSTODY'];

/** Which needs the child has (drawn once, whatever their number of interventions). */
export function drawNeeds(rng: Rng, child: KpiChild): Need[] {
  const back = cameBack(child);
  const drugs = child.outcomes.some((o) => o.offences.some((f) => f.category === 'DRUGS'));
  const firstStart = child.interventions[0]?.startDay ?? child.outcomes[0]!.day;
  const older = firstStart >= birthday(child.dob, 15);
  const needs: Need[] = [];
  if (child.send && (child.ehcp || rng.chance(SEND_RECORDED_WITHOUT_PLAN))) needs.push('SEND');
  if (rng.chance(MENTAL_HEALTH.base + (back ? MENTAL_HEALTH.cameBack : 0) + (child.lookedAfter ? MENTAL_HEALTH.lookedAfter : 0))) {
    needs.push('MENTAL_HEALTH');
  }
  const misuse = SUBSTANCE_MISUSE.base + (drugs ? SUBSTANCE_MISUSE.drugsOffence : 0) + (back ? SUBSTANCE_MISUSE.cameBack : 0)
    + (older ? SUBSTANCE_MISUSE.aged15Plus : 0);
  if (rng.chance(misuse)) needs.push('SUBSTANCE_MISUSE');
  return needs;
}

/** One row per need recorded at each intervention's assessment (a need is recorded once a day). */
export function drawNeedRecords(rng: Rng, child: KpiChild, needs: readonly Need[]): NeedRecord[] {
  if (needs.length === 0) return [];
  const out: NeedRecord[] = [];
  const seen = new Set<string>();
  for (const iv of child.interventions) {
    const orderEnd = Math.min(iv.endDay ?? child.lastDay, child.lastDay);
    const assessed = COURT_ORDERS.includes(iv.type)
      ? iv.startDay - rng.int(ASSESSMENT_BEFORE_COURT_ORDER[0], ASSESSMENT_BEFORE_COURT_ORDER[1])
      : Math.min(orderEnd, iv.startDay + rng.int(ASSESSMENT_AFTER_OOCD_START[0], ASSESSMENT_AFTER_OOCD_START[1]));
    for (const need of needs) {
      if (!rng.chance(NEED_RECORDED_AT_ASSESSMENT[need]) || seen.has(`${need}|${assessed}`)) continue;
      seen.add(`${need}|${assessed}`);
      if (need === 'SEND') {
        out.push({ need, identifiedDay: assessed, plan: child.ehcp ? 'Y' : 'N', offeredDay: null, attended: '' });
        continue;
      }
      const support = NEED_SUPPORT[need];
      const from = Math.max(assessed, iv.startDay);
      const offeredDay = rng.chance(support.offered) ? from + rng.int(0, Math.max(0, Math.min(OFFER_WITHIN_DAYS, orderEnd - from))) : null;
      const attended = offeredDay === null ? '' : rng.chance(support.attended) ? 'Y' : 'N';
      out.push({ need, identifiedDay: assessed, plan: '', offeredDay, attended });
    }
  }
  return out;
}
