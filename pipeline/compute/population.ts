/**
 * The population aged 10–17 behind every rate (indicators.md: the mid-year
 * estimate whose 30 June falls inside the year to P, else the latest earlier
 * one, and the pack says which).
 *
 * population.csv may hold a 10–17 total row, single ages, sex splits and
 * ethnic-group splits side by side (yjpack population writes several of
 * them), so adding every row up would count children more than once. The
 * precedence, for one year and one ethnic scope (a group, or all children):
 *   1. persons rows (sex blank) whose age ranges exactly cover 10–17 without
 *      overlap, the widest ranges first: the 10–17 total row wins over single
 *      ages or bands;
 *   2. else the same for males plus the same for females (both needed);
 *   3. for all children only, when neither exists: the five broad groups,
 *      each found by 1–2, added up (a group with no rows counts as none).
 * Rows that cover only part of 10–17 are never used (an undercount would
 * look like a real rate).
 */
import { ETHNIC_GROUPS } from '../contract/codes.js';
import { formatPeriod, midYearFor, type Period } from '../period.js';
import { messages } from '../messages.js';
import type { Store } from '../store/db.js';

export interface PopulationFilter {
  /** One of the five broad groups; absent for all children. */
  ethnic_group?: string;
}

export interface PopulationEstimate {
  /** Mid-year of the estimate used. */
  year: number;
  population: number;
  /** True when the estimate for the year to P was missing and an earlier one was used. */
  fallback: boolean;
}

export interface PopulationRow {
  year: number;
  age_from: number;
  age_to: number;
  sex: string | null;
  ethnic_group: string | null;
  population: number;
}

/**
 * The estimates behind the run's rates (issue 9, "Population honesty"): the
 * year to P's estimate, and the estimate actually used for each quarter of
 * the trend window that has a rate, so the pack names each one.
 */
export interface PopulationUsed {
  /** Mid-year of the estimate used for the year to P. */
  year: number;
  /** True when P's own mid-year estimate is missing and an earlier one was used. */
  fallback: boolean;
  /** The mid-year inside the year to P. */
  wanted: number;
  /** Per quarter with a rate, oldest first. */
  estimates: readonly EstimateUsed[];
}

export interface EstimateUsed {
  /** The quarter: the rate covers the year to it. */
  period: string;
  /** The mid-year inside the year to the quarter. */
  wanted: number;
  /** Mid-year of the estimate used; null when there is none. */
  year: number | null;
}

/**
 * An estimate more than this many years older than the mid-year a rate
 * needs gets a warning: a local child population can move by several per
 * cent in that time, and a rate moves with it.
 */
export const STALE_ESTIMATE_YEARS = 2;

const YOUNGEST = 10;
const OLDEST = 17;

export const POPULATION_ROWS_SQL = `
SELECT year, age_from, age_to, sex, ethnic_group, CAST(population AS DOUBLE) AS population
FROM population
WHERE year <= $year`;

export async function populationFor(store: Store, period: Period, filter: PopulationFilter = {}): Promise<PopulationEstimate | null> {
  const wanted = midYearFor(period);
  const rows = await store.query<PopulationRow & Record<string, number | string | null>>(POPULATION_ROWS_SQL, { year: wanted });
  return choosePopulation(rows, wanted, filter);
}

/** The estimate for `wanted`, else the latest earlier year that has a usable one. */
export function choosePopulation(rows: readonly PopulationRow[], wanted: number, filter: PopulationFilter): PopulationEstimate | null {
  const years = [...new Set(rows.map((r) => r.year))].filter((y) => y <= wanted).sort((a, b) => b - a);
  for (const year of years) {
    const population = populationInYear(rows.filter((r) => r.year === year), filter);
    if (population !== null) return { year, population, fallback: year !== wanted };
  }
  return null;
}

/** The population of one year's rows for the filter, by the precedence above; null when no rows cover 10–17. */
export function populationInYear(rows: readonly PopulationRow[], filter: PopulationFilter): number | null {
  if (filter.ethnic_group !== undefined) {
    return scopeTotal(rows.filter((r) => sameText(r.ethnic_group, filter.ethnic_group)));
  }
  const allGroups = scopeTotal(rows.filter((r) => r.ethnic_group === null));
  if (allGroups !== null) return allGroups;
  const groups = ETHNIC_GROUPS
    .map((g) => scopeTotal(rows.filter((r) => sameText(r.ethnic_group, g))))
    .filter((n): n is number => n !== null);
  return groups.length > 0 ? groups.reduce((a, b) => a + b, 0) : null;
}

function scopeTotal(rows: readonly PopulationRow[]): number | null {
  const persons = coveringTotal(rows.filter((r) => r.sex === null));
  if (persons !== null) return persons;
  const males = coveringTotal(rows.filter((r) => sameText(r.sex, 'M')));
  const females = coveringTotal(rows.filter((r) => sameText(r.sex, 'F')));
  return males !== null && females !== null ? males + females : null;
}

/**
 * The sum of rows whose age ranges tile 10–17 exactly, trying the widest
 * range at each age first; null when no tiling exists. Each age is covered
 * once, so a total row and its single ages are never both counted.
 */
function coveringTotal(rows: readonly PopulationRow[]): number | null {
  const startingAt = (age: number) => rows
    .filter((r) => r.age_from === age && r.age_to >= r.age_from && r.age_to <= OLDEST)
    .sort((a, b) => b.age_to - a.age_to);
  const cover = (age: number): number | null => {
    if (age > OLDEST) return 0;
    for (const row of startingAt(age)) {
      const rest = cover(row.age_to + 1);
      if (rest !== null) return row.population + rest;
    }
    return null;
  };
  return cover(YOUNGEST);
}

function sameText(a: string | null, b: string | undefined): boolean {
  return a !== null && b !== undefined && a.toUpperCase() === b.toUpperCase();
}

/** The all-children estimate used for each quarter (oldest first), and P's own. */
export async function populationUsed(store: Store, period: Period, quarters: readonly Period[]): Promise<PopulationUsed | null> {
  const estimates: EstimateUsed[] = [];
  for (const q of quarters) {
    const estimate = await populationFor(store, q, {});
    estimates.push({ period: formatPeriod(q), wanted: midYearFor(q), year: estimate?.year ?? null });
  }
  const own = await populationFor(store, period, {});
  return own === null ? null : { year: own.year, fallback: own.fallback, wanted: midYearFor(period), estimates };
}

/** Quarters whose estimate is more than STALE_ESTIMATE_YEARS older than the mid-year they need. */
export function staleEstimates(estimates: readonly EstimateUsed[]): (EstimateUsed & { year: number })[] {
  return estimates.filter((e): e is EstimateUsed & { year: number } => e.year !== null && e.wanted - e.year > STALE_ESTIMATE_YEARS);
}

/**
 * One warning per estimate year that is too old for some quarters, naming
 * the quarters, the year used and how much older it is (for the pack's
 * data-quality section and stderr).
 */
export function staleEstimateWarnings(estimates: readonly EstimateUsed[]): string[] {
  const byYear = new Map<number, EstimateUsed[]>();
  for (const e of staleEstimates(estimates)) byYear.set(e.year, [...(byYear.get(e.year) ?? []), e]);
  return [...byYear].sort(([a], [b]) => a - b).map(([year, used]) => {
    const first = used[0] as EstimateUsed;
    const last = used[used.length - 1] as EstimateUsed;
    const ages = used.map((e) => e.wanted - year);
    const [young, old] = [Math.min(...ages), Math.max(...ages)];
    return messages.warnPopulationEstimateOld.text({
      periods: used.length === 1 ? `the year to ${first.period}` : `the years to each quarter from ${first.period} to ${last.period}`,
      year,
      age: young === old ? `${old} years` : `${young} to ${old} years`,
      wanted: first.wanted === last.wanted ? `the mid-${first.wanted} estimate` : `the mid-${first.wanted} to mid-${last.wanted} estimates`,
      need: used.length === 1 ? 'that year needs' : 'those years need',
      threshold: STALE_ESTIMATE_YEARS,
    });
  });
}
