/**
 * One child's offending history as the YJS records it: a chain of outcomes,
 * each dealing with one or more offences. Outcomes escalate (diversion,
 * caution, conditional caution, court orders, custody) the more a child comes
 * back; whether they come back depends on the last outcome. The chain stops
 * at the child's 18th birthday (offences only; outcomes can follow it) or
 * when an outcome would fall after the end of the extract.
 */
import type { EthnicGroup } from '../contract/codes.js';
import {
  BREACHES, CATEGORY_MIX, COURT_LEVELS, CUSTODY_WHEN_REACHED, DTO_MONTHS, FEMALE_REOFFEND_FACTOR, FIRST_OUTCOME, GRAVITY, GROUP_FACTORS,
  LATER_DIVERSION, LATER_NOT_PROVEN, LEVEL_RANK, LONG_SENTENCE_MONTHS, NEXT_STEP, OFFENCES_PER_OUTCOME, OUTCOME_CODES,
  OUTCOME_DELAY_DAYS, REOFFEND, REOFFEND_MEAN_DAYS, type Level,
} from './profile.js';
import type { Sex } from './people.js';
import type { Rng } from './rng.js';

export interface Offence {
  day: number;
  category: string;
  gravity: number;
}

export interface Outcome {
  level: Level;
  code: string;
  day: number;
  /** Offences dealt with at this outcome, earliest first. */
  offences: Offence[];
  /** Custody: the day of release from the custodial part of the sentence. */
  releaseDay: number | null;
}

export interface JourneyChild {
  sex: Sex;
  group: EthnicGroup | null;
  /** The first day the child is 18: no offence on or after it. */
  adultDay: number;
}

const RANKED: readonly Level[] = ['caution', 'conditional_caution', 'first_tier', 'community', 'custody'];
const DAYS_PER_MONTH = 30.44;

/** Outcomes in date order, the first for an offence on `firstOffenceDay`, none after `lastDay` (possibly none at all). */
export function drawJourney(rng: Rng, child: JourneyChild, firstOffenceDay: number, lastDay: number): Outcome[] {
  const factors = GROUP_FACTORS[child.group ?? 'White'];
  const outcomes: Outcome[] = [];
  let level = firstLevel(rng, factors.diversion, factors.custody);
  let offenceDay = firstOffenceDay;
  for (;;) {
    const outcome = drawOutcome(rng, level, offenceDay, child.adultDay - 1, outcomes);
    if (outcome.day > lastDay) break;
    outcomes.push(outcome);
    const comeBack = REOFFEND[level] * (child.sex === 'F' ? FEMALE_REOFFEND_FACTOR : 1);
    if (!rng.chance(comeBack)) break;
    offenceDay = (outcome.releaseDay ?? outcome.day) + 1 + Math.floor(rng.exponential(REOFFEND_MEAN_DAYS));
    if (offenceDay >= child.adultDay || offenceDay > lastDay) break;
    level = nextLevel(rng, outcomes, factors.diversion, factors.custody);
  }
  return outcomes;
}

function firstLevel(rng: Rng, diversionFactor: number, custodyFactor: number): Level {
  return rng.weighted({ ...FIRST_OUTCOME, diversion: FIRST_OUTCOME.diversion * diversionFactor, custody: FIRST_OUTCOME.custody * custodyFactor });
}

/**
 * The next outcome moves from the most serious one so far: usually the same
 * or one step up. A second caution of the same kind is not given, and custody
 * is reached only from court orders, more often for some groups.
 */
function nextLevel(rng: Rng, before: readonly Outcome[], diversionFactor: number, custodyFactor: number): Level {
  if (rng.chance(LATER_NOT_PROVEN)) return 'not_proven';
  const top = Math.max(...before.map((o) => LEVEL_RANK[o.level]));
  const divert = top <= 0 ? 0.45 : LATER_DIVERSION;
  if (rng.chance(divert * diversionFactor)) return 'diversion';
  const step = { down: -1, same: 0, up: 1, up2: 2 }[rng.weighted(NEXT_STEP)];
  let rank = Math.min(5, Math.max(1, Math.max(top, 1) + step));
  const had = (l: Level) => before.some((o) => o.level === l);
  if (rank === 1 && had('caution')) rank = 2;
  if (rank === 2 && had('conditional_caution')) rank = 3;
  if (rank === 5 && (top < 3 || !rng.chance(Math.min(1, CUSTODY_WHEN_REACHED * custodyFactor)))) rank = 4;
  return RANKED[rank - 1]!;
}

/** An outcome for offences from `firstOffence` up to `lastOffenceDay` at most (the day before the 18th birthday). */
function drawOutcome(rng: Rng, level: Level, firstOffence: number, lastOffenceDay: number, before: readonly Outcome[]): Outcome {
  const code = rng.weighted(OUTCOME_CODES[level]);
  const atCourt = COURT_LEVELS.includes(level) || code === 'NOT_GUILTY' || code === 'WITHDRAWN';
  const [shortest, longest] = OUTCOME_DELAY_DAYS[atCourt ? 'court' : 'pre_court'];
  const day = firstOffence + rng.int(shortest, longest);
  const count = atCourt ? Number(rng.weighted(OFFENCES_PER_OUTCOME)) : rng.chance(0.9) ? 1 : 2;
  const mix = level === 'custody' ? 'custody' : atCourt ? 'court' : 'pre_court';
  const courtBefore = before.some((o) => COURT_LEVELS.includes(o.level));
  const offences: Offence[] = [];
  for (let i = 0; i < count; i++) {
    const offenceDay = i === 0 ? firstOffence : firstOffence + rng.int(0, Math.max(0, Math.min(60, day - firstOffence, lastOffenceDay - firstOffence)));
    const category = drawCategory(rng, mix, courtBefore);
    offences.push({ day: offenceDay, category, gravity: drawGravity(rng, category, mix) });
  }
  offences.sort((a, b) => a.day - b.day);
  return { level, code, day, offences, releaseDay: level === 'custody' ? day + custodialDays(rng, code) : null };
}

function drawCategory(rng: Rng, mix: keyof typeof CATEGORY_MIX, courtBefore: boolean): string {
  for (;;) {
    const category = rng.weighted(CATEGORY_MIX[mix]);
    // A breach needs an order (or bail) to breach.
    if (courtBefore || !BREACHES.includes(category)) return category;
  }
}

/** Within the category's range: low for cases kept out of court, high for custody. */
function drawGravity(rng: Rng, category: string, mix: keyof typeof CATEGORY_MIX): number {
  const [lo, hi] = GRAVITY[category] ?? [1, 4];
  const skew = mix === 'pre_court' ? 1.8 : mix === 'custody' ? 0.5 : 1;
  const g = lo + Math.floor(Math.pow(rng.next(), skew) * (hi - lo + 1));
  return mix === 'pre_court' ? Math.min(g, 5) : Math.min(g, 8);
}

/** Days in custody: half of the sentence. */
function custodialDays(rng: Rng, code: string): number {
  const months = code === 'DTO' ? Number(rng.weighted(DTO_MONTHS)) : rng.int(LONG_SENTENCE_MONTHS[0], LONG_SENTENCE_MONTHS[1]);
  return Math.round((months * DAYS_PER_MONTH) / 2);
}
