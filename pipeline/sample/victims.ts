/**
 * Victims of the children's offences (victims.csv): for the offences behind
 * each intervention, a victim the YJS identifies soon after it starts, more
 * likely for offences against a person or their property, none for
 * victimless ones (drugs, motoring, breaches). Contact and restorative
 * justice only with the victim's consent.
 */
import type { KpiChild } from './kpi-child.js';
import { VICTIM, VICTIM_CHANCE, VICTIM_IDENTIFIED_DAYS, VICTIMS_PER_OFFENCE } from './kpi-profile.js';
import { yesNo } from './people.js';
import type { Rng } from './rng.js';

export interface Victim {
  identifiedDay: number;
  consented: 'Y' | 'N';
  contacted: 'Y' | 'N';
  engagedRj: 'Y' | 'N';
  viewsConsidered: 'Y' | 'N';
}

export function drawVictims(rng: Rng, child: KpiChild): Victim[] {
  const out: Victim[] = [];
  for (const iv of child.interventions) {
    for (const offence of child.outcomes[iv.outcome]!.offences) {
      if (!rng.chance(VICTIM_CHANCE[offence.category] ?? 0)) continue;
      const victims = Number(rng.weighted(VICTIMS_PER_OFFENCE));
      for (let v = 0; v < victims; v++) {
        const identifiedDay = Math.min(child.lastDay, iv.startDay + rng.int(VICTIM_IDENTIFIED_DAYS[0], VICTIM_IDENTIFIED_DAYS[1]));
        const consented = rng.chance(VICTIM.consents);
        const contacted = consented && rng.chance(VICTIM.contactedIfConsented);
        const engaged = contacted && rng.chance(VICTIM.rjIfContacted);
        const views = rng.chance(consented ? VICTIM.viewsIfConsented : VICTIM.viewsOtherwise);
        out.push({ identifiedDay, consented: yesNo(consented), contacted: yesNo(contacted), engagedRj: yesNo(engaged), viewsConsidered: yesNo(views) });
      }
    }
  }
  return out;
}
