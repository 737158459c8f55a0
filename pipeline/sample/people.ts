/**
 * Who the sample's children are: sex, ethnicity (from the real area's
 * Census 2021 mix, weighted by how over-represented each group is at the
 * stage drawn for) and date of birth.
 */
import { ETHNIC_GROUPS, type EthnicGroup } from '../contract/codes.js';
import type { PopulationRow } from '../population/types.js';
import { dayOf, isoOfDay } from './days.js';
import { ETHNICITY_CODES, ETHNICITY_NOT_KNOWN, GROUP_FACTORS, SEX_MIX, type GroupFactors } from './profile.js';
import type { Rng } from './rng.js';

export type Sex = 'M' | 'F' | 'U';

export interface Ethnicity {
  /** Extended code as recorded (blank, REFU or NOBT when not known). */
  code: string;
  /** Broad group, or null when not known. */
  group: EthnicGroup | null;
}

/** Each group's share of the area's children aged 10–17 in the latest year of population rows. */
export function populationShares(rows: readonly PopulationRow[]): Record<EthnicGroup, number> {
  const latest = Math.max(...rows.map((r) => r.year));
  const counts: Record<EthnicGroup, number> = { Asian: 0, Black: 0, Mixed: 0, Other: 0, White: 0 };
  for (const r of rows) if (r.year === latest && r.ethnic_group !== '') counts[r.ethnic_group] += r.population;
  const total = ETHNIC_GROUPS.reduce((s, g) => s + counts[g], 0);
  for (const g of ETHNIC_GROUPS) counts[g] = total > 0 ? counts[g] / total : 0.2;
  return counts;
}

/** Weights for drawing a group at a stage: population share × the stage's over-representation factor. */
export function stageWeights(shares: Readonly<Record<EthnicGroup, number>>, stage: keyof GroupFactors): Record<EthnicGroup, number> {
  const out = { ...shares };
  for (const g of ETHNIC_GROUPS) out[g] = shares[g] * GROUP_FACTORS[g][stage];
  return out;
}

export function drawEthnicity(rng: Rng, groupWeights: Readonly<Record<EthnicGroup, number>>): Ethnicity {
  const notKnownShare = ETHNICITY_NOT_KNOWN[''] + ETHNICITY_NOT_KNOWN.REFU + ETHNICITY_NOT_KNOWN.NOBT;
  if (rng.chance(notKnownShare)) return { code: rng.weighted(ETHNICITY_NOT_KNOWN), group: null };
  const group = rng.weighted(groupWeights);
  return { code: rng.weighted(ETHNICITY_CODES[group]), group };
}

export function drawSex(rng: Rng): Sex {
  return rng.weighted(SEX_MIX);
}

/** A date of birth that makes the child exactly `age` on `day`. */
export function birthDayFor(rng: Rng, age: number, day: number): number {
  const onDay = isoOfDay(day);
  // Born on this date `age` years earlier, a child turns `age` on `day`; up to 364 days earlier keeps them that age.
  const sameDateThen = dayOf(`${String(Number(onDay.slice(0, 4)) - age).padStart(4, '0')}${onDay.slice(4)}`);
  return sameDateThen - rng.int(0, 364);
}

export function yesNo(value: boolean): 'Y' | 'N' {
  return value ? 'Y' : 'N';
}
