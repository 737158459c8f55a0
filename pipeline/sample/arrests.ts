/**
 * Police arrests of children in the area (arrests.csv). The police count
 * every arrest, most of which never reach the YJS, so these are drawn for the
 * area's population rather than from the YJS's children: age, sex and
 * ethnicity at arrest, dates spread over the history (in date order within
 * each quarter) with the same gentle decline as first contacts.
 */
import type { EthnicGroup } from '../contract/codes.js';
import { drawEthnicity, drawSex } from './people.js';
import { ARREST_AGE } from './profile.js';
import type { Rng } from './rng.js';

export interface Arrest {
  day: number;
  age: number;
  sex: string;
  ethnicity: string;
}

/** Share of a history's events in each of its quarters, falling by about a quarter from first to last. */
export function quarterWeights(quarters: number): number[] {
  const raw = Array.from({ length: quarters }, (_, q) => 1.13 - (0.26 * (q + 0.5)) / quarters);
  const total = raw.reduce((s, w) => s + w, 0);
  return raw.map((w) => w / total);
}

/** Whole numbers of events per quarter adding up to `total`. */
export function perQuarter(total: number, quarters: number): number[] {
  const weights = quarterWeights(quarters);
  const counts = weights.map((w) => Math.floor(w * total));
  let left = total - counts.reduce((s, c) => s + c, 0);
  for (let q = counts.length - 1; left > 0; q = (q - 1 + counts.length) % counts.length, left--) counts[q]! += 1;
  return counts;
}

/** The arrests of one quarter, [firstDay, lastDay], in date order. */
export function drawQuarterArrests(
  rng: Rng, count: number, firstDay: number, lastDay: number, groupWeights: Readonly<Record<EthnicGroup, number>>,
): Arrest[] {
  const out: Arrest[] = [];
  for (let i = 0; i < count; i++) {
    const e = drawEthnicity(rng, groupWeights);
    out.push({ day: rng.int(firstDay, lastDay), age: Number(rng.weighted(ARREST_AGE)), sex: drawSex(rng), ethnicity: e.code });
  }
  return out.sort((a, b) => a.day - b.day);
}
