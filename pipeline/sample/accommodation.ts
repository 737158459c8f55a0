/**
 * Where each child lives (accommodation.csv), from shortly before their
 * contact with the YJS to its end: secure accommodation during custody and
 * remands to youth detention, and otherwise a run of places that changes now
 * and then and whenever the child comes into or leaves care. Looked-after
 * children live in foster care, children's homes or (from 16) supported
 * accommodation; others mostly with family. A few episodes are not recorded.
 */
import { birthday } from './days.js';
import type { StatusEpisode } from './care.js';
import { contactSpan, type KpiChild } from './kpi-child.js';
import {
  ACCOMMODATION_MEAN_DAYS, ACCOMMODATION_MIX, ACCOMMODATION_RECORD_MISSING, SUITABLE, SUITABLE_AFTER_RELEASE,
} from './kpi-profile.js';
import type { Rng } from './rng.js';

export interface Residence {
  startDay: number;
  /** null while current at the end of the extract. */
  endDay: number | null;
  type: string;
  suitable: 'Y' | 'N';
}

interface Interval { from: number; to: number; custody: boolean }

export function drawAccommodation(rng: Rng, child: KpiChild, care: StatusEpisode | undefined): Residence[] {
  if (child.interventions.length === 0) return [];
  const secure = secureIntervals(child);
  const span = contactSpan(child);
  const cuts = care ? [care.startDay, ...(care.endDay === null ? [] : [care.endDay + 1])] : [];
  const sixteen = birthday(child.dob, 16);
  const out: Residence[] = [];
  let afterRelease = false;
  for (let day = Math.min(span.from - rng.int(0, 180), secure[0]?.from ?? Infinity); day <= span.to;) {
    const inSecure = secure.find((s) => s.from <= day && day <= s.to);
    if (inSecure) {
      out.push({ startDay: day, endDay: inSecure.to >= child.lastDay ? null : inSecure.to, type: 'SECURE', suitable: 'Y' });
      afterRelease = inSecure.custody;
      day = inSecure.to + 1;
      continue;
    }
    const nextStop = Math.min(
      day + 60 + Math.floor(rng.exponential(ACCOMMODATION_MEAN_DAYS)),
      ...secure.filter((s) => s.from > day).map((s) => s.from - 1),
      ...cuts.filter((c) => c > day).map((c) => c - 1),
    );
    const inCare = care !== undefined && care.startDay <= day && (care.endDay === null || day <= care.endDay);
    const mix = ACCOMMODATION_MIX[`${inCare ? 'care' : 'home'}_${day >= sixteen ? '16_plus' : 'under_16'}`];
    const type = rng.weighted(mix);
    const suitable = rng.chance(SUITABLE[type]! * (afterRelease ? SUITABLE_AFTER_RELEASE : 1)) ? 'Y' : 'N';
    if (!rng.chance(ACCOMMODATION_RECORD_MISSING)) {
      out.push({ startDay: day, endDay: nextStop >= child.lastDay ? null : nextStop, type, suitable });
    }
    afterRelease = false;
    day = nextStop + 1;
  }
  return out;
}

/**
 * Custody (sentence to the day before release) and remands to youth detention
 * (decision to the day before the outcome), merged where they meet; one still
 * running at the end of the extract runs to its last day.
 */
function secureIntervals(child: KpiChild): Interval[] {
  const raw: Interval[] = [
    ...child.interventions.filter((i) => i.type === 'CUSTODY')
      .map((i) => ({ from: i.startDay, to: i.endDay === null ? child.lastDay : i.endDay - 1, custody: true })),
    ...child.remands.filter((r) => r.type === 'YDA' && r.endDay > r.decisionDay)
      .map((r) => ({ from: r.decisionDay, to: r.endDay - 1, custody: false })),
  ].sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const s of raw) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to + 1) {
      last.to = Math.max(last.to, s.to);
      last.custody ||= s.custody;
    } else {
      merged.push({ ...s });
    }
  }
  return merged;
}
