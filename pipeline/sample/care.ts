/**
 * Children's social care statuses (care_status.csv). A child flagged looked
 * after in children.csv has one care episode: already in care when the YJS
 * first met them, or coming into care during their contact (so care overlaps
 * the later, more serious orders more often), running to the 18th birthday
 * unless they go home earlier; some had a child protection plan before. Other
 * children may have a child protection plan, a child-in-need plan or early
 * help around the time of their contact.
 */
import { birthday } from './days.js';
import { contactSpan, type KpiChild } from './kpi-child.js';
import { CARE_ENDS_EARLY, CPP_BEFORE_CARE, IN_CARE_BEFORE_CONTACT, STATUS_EPISODE } from './kpi-profile.js';
import type { Rng } from './rng.js';

export interface StatusEpisode {
  status: 'LAC' | 'CPP' | 'CIN' | 'EARLY_HELP';
  startDay: number;
  /** null while open at the end of the extract. */
  endDay: number | null;
}

/** The child's status episodes, the care episode (if any) first. */
export function drawCareStatuses(rng: Rng, child: KpiChild): StatusEpisode[] {
  const span = contactSpan(child);
  const episode = (status: StatusEpisode['status'], start: number, end: number): StatusEpisode => {
    const startDay = Math.min(start, child.lastDay);
    return { status, startDay, endDay: end >= child.lastDay ? null : Math.max(end, startDay) };
  };
  if (child.lookedAfter) {
    const earliest = birthday(child.dob, 1);
    const leavesAt18 = birthday(child.dob, 18) - 1;
    // Nobody comes into care at 18: a child first met near 18 was already in care.
    const start = Math.min(leavesAt18 - 30, rng.chance(IN_CARE_BEFORE_CONTACT)
      ? Math.max(earliest, span.from - rng.int(30, 1500))
      : span.from + rng.int(0, span.to - span.from));
    const end = rng.chance(CARE_ENDS_EARLY) ? Math.min(leavesAt18, start + rng.int(90, 540)) : leavesAt18;
    const out = [episode('LAC', start, end)];
    if (rng.chance(CPP_BEFORE_CARE) && start - 90 > earliest) out.push(episode('CPP', Math.max(earliest, start - rng.int(90, 365)), start - 1));
    return out;
  }
  const out: StatusEpisode[] = [];
  for (const status of ['CPP', 'CIN', 'EARLY_HELP'] as const) {
    const { chance, days } = STATUS_EPISODE[status];
    if (!rng.chance(chance)) continue;
    const start = span.from + rng.int(-365, span.to - span.from);
    out.push(episode(status, start, start + rng.int(days[0], days[1])));
  }
  return out;
}
