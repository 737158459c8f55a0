/**
 * population.csv for one or more areas (data-samples/README.md, population.csv).
 *
 * Method: for each mid-year with an ONS estimate for every area, each single
 * year of age 10–17 is split by sex and ethnic group with the area's Census
 * 2021 mix for the age band holding that age; areas are split one by one and
 * then added up. Mid-2018 and mid-2021 come from the YJB's service totals when
 * the areas are exactly one or more whole services: those totals are split in
 * the proportions of the nearest ONS year. Cells are rounded to whole children
 * so that they add up to each single-age total, and each year also gets a
 * `10-17` persons row holding the published total, so a rate's denominator
 * never depends on adding up rounded cells.
 */
import { ETHNIC_GROUPS } from '../contract/codes.js';
import { resolveAreas } from './areas.js';
import { boysShare, mixFor, SEXES, type Mix } from './mix.js';
import { roundToTotal } from './rounding.js';
import {
  AGES, bandOf, type AreaInfo, type BuiltPopulation, type MidYearEstimate,
  type PopulationReference, type PopulationRow, type ServicePopulation,
} from './types.js';

export const OGL_ATTRIBUTION = 'Contains public sector information licensed under the Open Government Licence v3.0.';
export const PRISM_ATTRIBUTION = 'Census 2021 ethnic group figures as processed by PRISM-R, Oxon Advisory (CC BY 4.0).';

/** One year's figures: the single-age totals and, per age, unrounded cells in SEXES × ETHNIC_GROUPS order. */
interface YearTable {
  ageTotals: number[];
  cells: number[][];
}

export function buildPopulation(areaCodes: readonly string[], reference: PopulationReference): BuiltPopulation {
  const areas = resolveAreas(areaCodes, reference);
  const names = new Map(reference.areas.map((a) => [a.code, a.name]));
  const named = (code: string) => `${names.get(code) ?? code} (${code})`;
  const estimates = estimatesByArea(reference.midYear);
  const censusByArea = groupBy(reference.census, (c) => c.area);
  const boys = boysShare(reference.census);
  const mixes = areas.map((a) => mixFor(a, censusByArea, boys));

  const notes: string[] = [`Children aged 10–17 living in ${areas.map((a) => named(a.code)).join(' + ')}.`];
  const allYears = [...new Set(areas.flatMap((a) => [...(estimates.get(a.code)?.keys() ?? [])]))].sort((a, b) => a - b);
  const onsYears = allYears.filter((y) => areas.every((a) => estimates.get(a.code)?.has(y)));
  for (const y of allYears.filter((y) => !onsYears.includes(y))) {
    const missing = areas.filter((a) => !estimates.get(a.code)?.has(y)).map((a) => named(a.code));
    notes.push(`Mid-${y} is left out: there is no ONS estimate for ${missing.join(', ')} (boundary change).`);
  }
  const tables = new Map<number, YearTable>();
  for (const y of onsYears) {
    tables.set(y, onsYear(areas.map((a, i) => ({ ages: estimates.get(a.code)!.get(y)!.ages, mix: mixes[i]!.mix }))));
  }
  notes.push(`Totals: ONS mid-year population estimates, persons by single year of age 10–17, for ${onsYears.map((y) => `mid-${y}`).join(' and ')}.`);
  for (const a of areas) {
    for (const y of onsYears) {
      const e = estimates.get(a.code)!.get(y)!;
      if (e.derivedFrom.length) notes.push(`Mid-${y} for ${named(a.code)} is the sum of the estimates for ${e.derivedFrom.map(named).join(', ')} (boundary change).`);
    }
  }

  notes.push(...serviceYears(areas, reference.services, tables, onsYears));
  notes.push(`Sex and ethnic group: Census 2021 (21 March 2021, ONS table RM032) children by broad ethnic group, sex and age band (10–11, 12–14, 15–17) in each area; a band's mix is applied to every single year of age in it, in every year.`);
  for (const a of areas) if (a.censusNote) notes.push(`${a.censusNote}.`);
  const personsOnly = [...new Set(mixes.flatMap((m) => m.personsOnly))];
  if (personsOnly.length) {
    notes.push(`Census 2021 gives persons only for ${personsOnly.map(named).join(', ')}: they are split by sex with the England and Wales ratio for each age band and ethnic group.`);
  }
  notes.push('Rows by age, sex and ethnic group are rounded to whole children and add up to each single-age total; the 10-17 row of each year is the published total.');
  notes.push(OGL_ATTRIBUTION, PRISM_ATTRIBUTION);
  return { rows: toRows(tables), notes };
}

function onsYear(parts: readonly { ages: readonly number[]; mix: Mix }[]): YearTable {
  const ageTotals = AGES.map(() => 0);
  const cells = AGES.map(() => new Array<number>(SEXES.length * ETHNIC_GROUPS.length).fill(0));
  for (const { ages, mix } of parts) {
    AGES.forEach((age, i) => {
      const people = ages[i]!;
      ageTotals[i]! += people;
      const shares = mix[bandOf(age)];
      SEXES.forEach((sex, s) => ETHNIC_GROUPS.forEach((g, k) => {
        cells[i]![s * ETHNIC_GROUPS.length + k]! += people * shares[sex][g];
      }));
    });
  }
  return { ageTotals, cells };
}

/**
 * Adds the YJB's mid-2018 and mid-2021 totals when the areas are exactly whole
 * services (the YJB publishes no finer figures), each split like the nearest
 * ONS year. Returns the notes saying what was done.
 */
function serviceYears(
  areas: readonly AreaInfo[], services: readonly ServicePopulation[], tables: Map<number, YearTable>, onsYears: readonly number[],
): string[] {
  const wanted = new Set(areas.map((a) => a.code));
  const whole = services.filter((s) => s.areaCodes.every((c) => wanted.has(c)));
  const covered = new Set(whole.flatMap((s) => s.areaCodes));
  const candidateYears = [...new Set(services.flatMap((s) => Object.keys(s.totals).map(Number)))]
    .filter((y) => !onsYears.includes(y)).sort((a, b) => a - b);
  if (candidateYears.length === 0 || onsYears.length === 0) return [];
  const yearsText = candidateYears.map((y) => `mid-${y}`).join(' or ');
  if (whole.length === 0 || covered.size !== wanted.size) {
    return [`No ${yearsText} estimate: the YJB publishes those only for whole youth justice services, and these areas are not exactly one or more whole services.`];
  }
  const added: string[] = [];
  for (const y of candidateYears) {
    if (!whole.every((s) => s.totals[y] !== undefined)) continue;
    const total = whole.reduce((sum, s) => sum + s.totals[y]!, 0);
    const nearest = nearestYear(onsYears, y);
    tables.set(y, scaled(tables.get(nearest)!, total));
    added.push(`mid-${y} (split like mid-${nearest})`);
  }
  if (added.length === 0) return [];
  const serviceNames = whole.map((s) => `${s.name} (${s.ouCode})`).join(', ');
  return [`Totals for ${added.join(' and ')}: ONS mid-year estimates as published by the YJB for the youth justice service ${serviceNames}, split by age, sex and ethnic group in the proportions of the nearest ONS year.`];
}

function nearestYear(years: readonly number[], y: number): number {
  return [...years].sort((a, b) => Math.abs(a - y) - Math.abs(b - y) || a - b)[0]!;
}

function scaled(from: YearTable, total: number): YearTable {
  const fromTotal = from.ageTotals.reduce((s, t) => s + t, 0);
  const ageTotals = roundToTotal(from.ageTotals.map((t) => (t * total) / fromTotal), total);
  const cells = from.cells.map((row, i) => row.map((c) => (from.ageTotals[i]! > 0 ? (c * ageTotals[i]!) / from.ageTotals[i]! : 0)));
  return { ageTotals, cells };
}

function toRows(tables: ReadonlyMap<number, YearTable>): PopulationRow[] {
  const rows: PopulationRow[] = [];
  for (const year of [...tables.keys()].sort((a, b) => a - b)) {
    const t = tables.get(year)!;
    rows.push({ year, age: '10-17', sex: '', ethnic_group: '', population: t.ageTotals.reduce((s, n) => s + n, 0) });
    AGES.forEach((age, i) => {
      const whole = roundToTotal(t.cells[i]!, t.ageTotals[i]!);
      SEXES.forEach((sex, s) => ETHNIC_GROUPS.forEach((g, k) => {
        rows.push({ year, age: String(age), sex, ethnic_group: g, population: whole[s * ETHNIC_GROUPS.length + k]! });
      }));
    });
  }
  return rows;
}

function estimatesByArea(midYear: readonly MidYearEstimate[]): Map<string, Map<number, MidYearEstimate>> {
  const out = new Map<string, Map<number, MidYearEstimate>>();
  for (const e of midYear) {
    if (!out.has(e.area)) out.set(e.area, new Map());
    out.get(e.area)!.set(e.year, e);
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push(item);
  }
  return out;
}
