/**
 * An area's mix of children by sex and broad ethnic group within each age
 * band, from Census 2021 counts. Where the Census gives persons only
 * (disclosure_status sex_aggregated: Melton, Merthyr Tydfil) the persons are
 * split by sex with the England and Wales ratio for the same band and group,
 * so that an area of persons-only counts still gets a whole mix.
 */
import { ETHNIC_GROUPS, type EthnicGroup } from '../contract/codes.js';
import { AGE_BANDS, type AgeBand, type AreaInfo, type CensusCount } from './types.js';

export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

/** Share of each sex × group among the band's children; the shares of a band add up to 1. */
export type Mix = Readonly<Record<AgeBand, Readonly<Record<Sex, Readonly<Record<EthnicGroup, number>>>>>>;

type Counts = Record<AgeBand, Record<Sex, Record<EthnicGroup, number>>>;

function emptyCounts(): Counts {
  const bySex = () => ({ M: zeroGroups(), F: zeroGroups() });
  return { '10-11': bySex(), '12-14': bySex(), '15-17': bySex() };
}

function zeroGroups(): Record<EthnicGroup, number> {
  return { Asian: 0, Black: 0, Mixed: 0, Other: 0, White: 0 };
}

/** Share of boys among children of each band and group, over every count that gives sex. */
export function boysShare(census: readonly CensusCount[]): Readonly<Record<AgeBand, Record<EthnicGroup, number>>> {
  const counts = emptyCounts();
  for (const c of census) if (c.sex) counts[c.band][c.sex][c.group] += c.count;
  const out = { '10-11': zeroGroups(), '12-14': zeroGroups(), '15-17': zeroGroups() };
  for (const band of AGE_BANDS) {
    for (const g of ETHNIC_GROUPS) {
      const all = counts[band].M[g] + counts[band].F[g];
      out[band][g] = all > 0 ? counts[band].M[g] / all : 0.5;
    }
  }
  return out;
}

export interface AreaMix {
  mix: Mix;
  /** Census parts whose counts were persons only (split by the national ratio). */
  personsOnly: string[];
}

export function mixFor(
  area: AreaInfo,
  censusByArea: ReadonlyMap<string, readonly CensusCount[]>,
  boys: ReturnType<typeof boysShare>,
): AreaMix {
  const counts = emptyCounts();
  const personsOnly = new Set<string>();
  for (const part of area.censusParts) {
    for (const c of censusByArea.get(part) ?? []) {
      if (c.sex) {
        counts[c.band][c.sex][c.group] += c.count;
      } else {
        personsOnly.add(part);
        const m = boys[c.band][c.group];
        counts[c.band].M[c.group] += c.count * m;
        counts[c.band].F[c.group] += c.count * (1 - m);
      }
    }
  }
  const mix = emptyCounts();
  for (const band of AGE_BANDS) {
    const total = SEXES.reduce((s, sex) => s + ETHNIC_GROUPS.reduce((t, g) => t + counts[band][sex][g], 0), 0);
    // The shipped reference gives every area a non-empty mix (make-reference.ts checks it).
    if (total <= 0) throw new Error(`no Census 2021 children for ${area.code} aged ${band}`);
    for (const sex of SEXES) for (const g of ETHNIC_GROUPS) mix[band][sex][g] = counts[band][sex][g] / total;
  }
  return { mix, personsOnly: [...personsOnly] };
}
