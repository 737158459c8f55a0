/**
 * What the KPI files of one child are drawn from: what the rest of the
 * sample already says about them (journey, interventions, remands and the
 * children.csv flags), and the span of their contact with the YJS.
 */
import type { Outcome } from './journey.js';
import type { Intervention, Remand } from './orders.js';

export interface KpiChild {
  dob: number;
  lookedAfter: boolean;
  send: boolean;
  ehcp: boolean;
  outcomes: readonly Outcome[];
  interventions: readonly Intervention[];
  remands: readonly Remand[];
  /** The extract's last day: nothing is dated after it, and what runs on past it is open. */
  lastDay: number;
}

/** From the first outcome or intervention to the last (an open intervention runs to the extract's last day). */
export function contactSpan(child: KpiChild): { from: number; to: number } {
  let from = child.outcomes[0]!.day;
  let to = child.outcomes[child.outcomes.length - 1]!.day;
  for (const i of child.interventions) {
    from = Math.min(from, i.startDay);
    to = Math.max(to, i.endDay ?? child.lastDay);
  }
  return { from, to: Math.min(to, child.lastDay) };
}

/** Proven outcomes (cautions and sentences) after the first outcome: the child came back. */
export function cameBack(child: KpiChild): boolean {
  return child.outcomes.slice(1).some((o) => o.level !== 'diversion' && o.level !== 'not_proven');
}
