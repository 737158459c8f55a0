/**
 * The children the YJS works with and everything recorded about them: one
 * child at a time, drawn from its own random stream, written straight to the
 * files (children, offences, interventions, ETE placements, remands). What
 * the KPI files say about the child (accommodation, needs, care statuses,
 * victims, resident_in_area) comes from a second stream of its own, so those
 * draws leave the other files as they were.
 */
import type { EthnicGroup } from '../contract/codes.js';
import { addQuarters, periodStart, type Period } from '../period.js';
import { quarterWeights } from './arrests.js';
import { birthday, dayOf, isoOfDay } from './days.js';
import { drawAccommodation } from './accommodation.js';
import { drawCareStatuses } from './care.js';
import { drawPlacements } from './ete.js';
import { drawJourney, type Outcome } from './journey.js';
import { drawInterventions, drawRemands } from './orders.js';
import type { KpiChild } from './kpi-child.js';
import { OUT_OF_AREA, OUT_OF_AREA_IF_LOOKED_AFTER } from './kpi-profile.js';
import { drawNeedRecords, drawNeeds } from './needs.js';
import { birthDayFor, drawEthnicity, drawSex, yesNo, type Sex } from './people.js';
import { EHCP_IF_SEND, FIRST_OFFENCE_AGE, LOOKED_AFTER, LOOKED_AFTER_IF_CUSTODY, SEND } from './profile.js';
import { createRng, type Rng } from './rng.js';
import { drawVictims } from './victims.js';
import { idOf, type CsvWriter } from './writer.js';

export type CaseFile = 'children' | 'offences' | 'interventions' | 'ete' | 'remands'
  | 'accommodation' | 'needs' | 'care_status' | 'victims';

/** The two random streams of each child: the case itself, and what the KPI files add. */
export interface ChildStreams {
  child: number;
  kpi: number;
}

export interface History {
  firstDay: number;
  lastDay: number;
  quarters: number;
  firstQuarter: Period;
}

const PROGRESS_EVERY = 10_000;

export async function writeCaseload(
  w: Readonly<Record<CaseFile, CsvWriter>>, count: number, seed: number, streams: ChildStreams, history: History,
  entryWeights: Record<EthnicGroup, number>, progress: (step: string, n: number) => void,
): Promise<void> {
  const cumulative = cumulate(quarterWeights(history.quarters));
  const ids = { offence: 0, intervention: 0, remand: 0, victim: 0 };
  for (let i = 0; i < count; i++) {
    const rng = createRng(seed, streams.child, i);
    const childId = idOf('C', i + 1, 6);
    const sex = drawSex(rng);
    const ethnicity = drawEthnicity(rng, entryWeights);
    const { dob, outcomes } = drawHistory(rng, sex, ethnicity.group, history, cumulative);
    const interventions = drawInterventions(rng, outcomes, history.lastDay);
    const remands = drawRemands(rng, outcomes, ethnicity.group);
    const placements = drawPlacements(rng, dob, interventions, history.lastDay);

    const custody = outcomes.some((o) => o.level === 'custody');
    // Drawn in this order (send, looked after, EHCP) since the first sample: keep it so children.csv stays as it was.
    const send = rng.chance(SEND);
    const lookedAfter = rng.chance(custody ? LOOKED_AFTER_IF_CUSTODY : LOOKED_AFTER);
    const ehcp = send && rng.chance(EHCP_IF_SEND);

    const kpiRng = createRng(seed, streams.kpi, i);
    const kpiChild: KpiChild = { dob, lookedAfter, send, ehcp, outcomes, interventions, remands, lastDay: history.lastDay };
    const resident = !kpiRng.chance(lookedAfter ? OUT_OF_AREA_IF_LOOKED_AFTER : OUT_OF_AREA);
    const statuses = drawCareStatuses(kpiRng, kpiChild);
    const residences = drawAccommodation(kpiRng, kpiChild, statuses.find((s) => s.status === 'LAC'));
    const needs = drawNeedRecords(kpiRng, kpiChild, drawNeeds(kpiRng, kpiChild));
    const victims = drawVictims(kpiRng, kpiChild);

    w.children.add([childId, isoOfDay(dob), sex, ethnicity.code, yesNo(lookedAfter), yesNo(send), yesNo(ehcp), yesNo(resident)]);
    for (const o of outcomes) {
      for (const f of o.offences) {
        w.offences.add([idOf('OF', ++ids.offence, 7), childId, isoOfDay(f.day), isoOfDay(o.day), o.code, f.category, f.gravity]);
      }
    }
    for (const iv of interventions) {
      w.interventions.add([idOf('IN', ++ids.intervention, 7), childId, iv.type, isoOfDay(iv.startDay), iv.endDay === null ? '' : isoOfDay(iv.endDay), iv.completed]);
    }
    for (const p of placements) {
      w.ete.add([childId, isoOfDay(p.startDay), p.endDay === null ? '' : isoOfDay(p.endDay), p.provision, p.suitability, p.hoursOffered, p.hoursAttended]);
    }
    for (const r of remands) {
      w.remands.add([idOf('RM', ++ids.remand, 6), childId, isoOfDay(r.decisionDay), isoOfDay(r.endDay), r.type]);
    }
    for (const a of residences) w.accommodation.add([childId, isoOfDay(a.startDay), optionalDay(a.endDay), a.type, a.suitable]);
    for (const n of needs) {
      w.needs.add([childId, n.need, isoOfDay(n.identifiedDay), n.plan, optionalDay(n.offeredDay), n.attended]);
    }
    for (const s of statuses) w.care_status.add([childId, s.status, isoOfDay(s.startDay), optionalDay(s.endDay)]);
    for (const v of victims) {
      w.victims.add([idOf('VI', ++ids.victim, 7), childId, isoOfDay(v.identifiedDay), v.consented, v.contacted, v.engagedRj, v.viewsConsidered]);
    }
    for (const writer of Object.values(w)) await writer.flushIfFull();
    if ((i + 1) % PROGRESS_EVERY === 0 || i + 1 === count) progress('children.csv', i + 1);
  }
}

/**
 * A child's date of birth and outcomes: the first offence falls in a quarter
 * of the history (fewer in later years, as first contacts decline), at an age
 * from 10 to 17. Drawn again if the first outcome would fall outside the history.
 */
function drawHistory(
  rng: Rng, sex: Sex, group: EthnicGroup | null, history: History, cumulative: readonly number[],
): { dob: number; outcomes: Outcome[] } {
  for (;;) {
    const u = rng.next();
    const q = cumulative.findIndex((c) => u < c);
    const quarterStart = dayOf(periodStart(addQuarters(history.firstQuarter, q === -1 ? history.quarters - 1 : q)));
    const firstOffence = quarterStart + rng.int(0, 90) - 45;
    const dob = birthDayFor(rng, Number(rng.weighted(FIRST_OFFENCE_AGE)), firstOffence);
    const outcomes = drawJourney(rng, { sex, group, adultDay: birthday(dob, 18) }, firstOffence, history.lastDay);
    if (outcomes.length > 0 && outcomes[0]!.day >= history.firstDay) return { dob, outcomes };
  }
}

function optionalDay(day: number | null): string {
  return day === null ? '' : isoOfDay(day);
}

function cumulate(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}
