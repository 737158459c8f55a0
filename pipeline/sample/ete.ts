/**
 * Education, training and employment placements (ete.csv) for each child the
 * YJS works with, covering the time from shortly before their first
 * intervention to the end of their last: a run of placements that changes
 * every few months and at the end of compulsory school age, with some gaps
 * where nothing was recorded.
 */
import { schoolLeavingDay } from './days.js';
import type { Intervention } from './orders.js';
import {
  ETE_OVER_SCHOOL_AGE, ETE_PLACEMENT_MEAN_DAYS, ETE_RECORD_MISSING, ETE_SCHOOL_AGE, ETE_SUITABLE,
} from './profile.js';
import type { Rng } from './rng.js';

export interface Placement {
  startDay: number;
  /** null while open at the end of the extract. */
  endDay: number | null;
  provision: string;
  suitability: string;
  hoursOffered: number;
  hoursAttended: number;
}

export function drawPlacements(rng: Rng, dob: number, interventions: readonly Intervention[], lastDay: number): Placement[] {
  if (interventions.length === 0) return [];
  const from = Math.min(...interventions.map((i) => i.startDay)) - rng.int(0, 120);
  const to = Math.max(...interventions.map((i) => i.endDay ?? lastDay));
  const leaving = schoolLeavingDay(dob);
  const out: Placement[] = [];
  for (let start = from; start <= to;) {
    let end = start + 30 + Math.floor(rng.exponential(ETE_PLACEMENT_MEAN_DAYS));
    if (start <= leaving && end > leaving) end = leaving; // a new placement after compulsory school age
    if (!rng.chance(ETE_RECORD_MISSING)) out.push(...placementsFrom(rng, start, end >= lastDay ? null : end, start <= leaving));
    start = end + 1;
  }
  return out;
}

/** A placement, now and then with a second one alongside it (tuition beside a part-time place, say). */
function placementsFrom(rng: Rng, startDay: number, endDay: number | null, schoolAge: boolean): Placement[] {
  const main = placement(rng, startDay, endDay, schoolAge);
  if (main.provision === 'NONE' || !rng.chance(0.05)) return [main];
  const extra = placement(rng, startDay, endDay, schoolAge);
  return extra.provision === main.provision || extra.provision === 'NONE' ? [main] : [main, { ...extra, hoursOffered: Math.min(extra.hoursOffered, 6), hoursAttended: Math.min(extra.hoursAttended, 6) }];
}

const shares = (options: typeof ETE_SCHOOL_AGE): Record<string, number> =>
  Object.fromEntries(Object.entries(options).map(([k, v]) => [k, v.share]));
const SCHOOL_AGE_SHARES = shares(ETE_SCHOOL_AGE);
const OVER_SCHOOL_AGE_SHARES = shares(ETE_OVER_SCHOOL_AGE);

function placement(rng: Rng, startDay: number, endDay: number | null, schoolAge: boolean): Placement {
  const options = schoolAge ? ETE_SCHOOL_AGE : ETE_OVER_SCHOOL_AGE;
  const provision = rng.weighted(schoolAge ? SCHOOL_AGE_SHARES : OVER_SCHOOL_AGE_SHARES);
  let [fewest, most] = options[provision]!.hours;
  if (provision === 'SCHOOL_FULL_TIME' && rng.chance(0.12)) [fewest, most] = [12, 22]; // a reduced timetable
  const hoursOffered = halfHours(fewest + rng.next() * (most - fewest));
  const suitability = provision === 'NONE' ? 'UNSUITABLE' : rng.weighted(ETE_SUITABLE);
  const hoursAttended = halfHours(hoursOffered * (0.45 + 0.55 * rng.next()));
  return { startDay, endDay, provision, suitability, hoursOffered, hoursAttended };
}

/** Hours are offered in half hours. */
function halfHours(h: number): number {
  return Math.round(h * 2) / 2;
}
