/**
 * What the YJS delivers after each outcome (interventions.csv) and the remand
 * decisions before court outcomes (remands.csv). An order cut short by a new
 * court outcome ends on that day, not completed (revoked and resentenced).
 * An intervention still running at the end of the extract has a blank end date.
 */
import type { EthnicGroup } from '../contract/codes.js';
import type { Outcome } from './journey.js';
import { COURT_LEVELS, GROUP_FACTORS, INTERVENTION, REMAND_CHANCE, REMAND_MIX } from './profile.js';
import type { Rng } from './rng.js';

export interface Intervention {
  type: string;
  startDay: number;
  /** null while open at the end of the extract. */
  endDay: number | null;
  /** 'Y', 'N', or '' while open (and for custody, which is not a programme to complete). */
  completed: 'Y' | 'N' | '';
  /** Index of the outcome (in the child's outcomes) it follows. */
  outcome: number;
}

export interface Remand {
  decisionDay: number;
  endDay: number;
  type: string;
}

const INTERVENTION_TYPE: Readonly<Record<string, string>> = {
  CR: 'OOCD', OUTCOME_22: 'OOCD', YC: 'YC', YCC: 'YCC', RO: 'RO', YRO: 'YRO', YRO_ISS: 'YRO',
};

export function drawInterventions(rng: Rng, outcomes: readonly Outcome[], lastDay: number): Intervention[] {
  const out: Intervention[] = [];
  outcomes.forEach((o, i) => {
    let start: number;
    let end: number;
    let completes: boolean;
    if (o.releaseDay !== null) {
      start = o.day;
      end = o.releaseDay;
      completes = true;
    } else {
      const config = INTERVENTION[o.code];
      if (!config || !rng.chance(config.share)) return;
      start = o.day + rng.int(0, 14);
      end = start + rng.int(config.days[0], config.days[1]);
      completes = rng.chance(config.completes);
    }
    if (start > lastDay) return;
    const cutShort = o.releaseDay === null
      ? outcomes.slice(i + 1).find((later) => COURT_LEVELS.includes(later.level) && later.day > start && later.day < end)
      : undefined;
    if (cutShort) {
      end = cutShort.day;
      completes = false;
    }
    const open = end > lastDay;
    const completed = open || o.releaseDay !== null ? '' : completes ? 'Y' : 'N';
    out.push({ type: o.releaseDay !== null ? 'CUSTODY' : INTERVENTION_TYPE[o.code]!, startDay: start, endDay: open ? null : end, completed, outcome: i });
  });
  return out;
}

/** Remands end at the outcome, which is always inside the extract. */
export function drawRemands(rng: Rng, outcomes: readonly Outcome[], group: EthnicGroup | null): Remand[] {
  const custodyFactor = GROUP_FACTORS[group ?? 'White'].custody;
  const out: Remand[] = [];
  for (const o of outcomes) {
    const acquitted = o.code === 'NOT_GUILTY' || o.code === 'WITHDRAWN';
    if (!COURT_LEVELS.includes(o.level) && !acquitted) continue;
    const kind = o.level === 'custody' ? 'custody' : acquitted ? 'acquitted' : 'court';
    if (!rng.chance(REMAND_CHANCE[kind])) continue;
    const mix = REMAND_MIX[o.level === 'custody' ? 'custody' : 'other'];
    const first = o.offences[0]!.day;
    const decision = Math.min(o.day, first + rng.int(0, 10));
    const type = rng.weighted({ ...mix, YDA: (mix.YDA ?? 0) * custodyFactor });
    // Bail that is breached before the outcome is followed by a remand to youth detention.
    if (type !== 'YDA' && o.level === 'custody' && rng.chance(0.3) && o.day - decision > 14) {
      const second = decision + rng.int(7, o.day - decision - 1);
      out.push({ decisionDay: decision, endDay: second, type });
      out.push({ decisionDay: second, endDay: o.day, type: 'YDA' });
    } else {
      out.push({ decisionDay: decision, endDay: o.day, type });
    }
  }
  return out;
}
