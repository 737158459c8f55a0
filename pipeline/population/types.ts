/**
 * The population reference shipped in reference/ (see reference/SOURCES.md)
 * and the rows of population.csv built from it (data-samples/README.md).
 */
import type { EthnicGroup } from '../contract/codes.js';

/** The Census 2021 age bands of table RM032 that cover ages 10–17. */
export type AgeBand = '10-11' | '12-14' | '15-17';
export const AGE_BANDS: readonly AgeBand[] = ['10-11', '12-14', '15-17'];
/** Single years of age in population.csv, youngest first. */
export const AGES: readonly number[] = [10, 11, 12, 13, 14, 15, 16, 17];

export function bandOf(age: number): AgeBand {
  return age <= 11 ? '10-11' : age <= 14 ? '12-14' : '15-17';
}

/** A local authority, region or country that population.csv can be built for. */
export interface AreaInfo {
  code: string;
  name: string;
  /** ONS geography type, e.g. 'Metropolitan District', 'County', 'Region'. */
  geography: string;
  /** The county of a district, else null. */
  parent: string | null;
  /** The region of a local authority (Wales for Welsh authorities), else null. */
  region: string | null;
  /** The Census 2021 areas whose counts, added up, give this area's ethnic and sex mix. */
  censusParts: readonly string[];
  /** Why the mix is not the area's own (boundary change, figures not published), or null. */
  censusNote: string | null;
}

/** ONS mid-year estimate of persons aged 10–17 by single year of age. */
export interface MidYearEstimate {
  area: string;
  year: number;
  /** Persons aged 10, 11, … 17. */
  ages: readonly number[];
  /** Areas added up to give this one (boundary changes), or empty when published as it is. */
  derivedFrom: readonly string[];
}

/** One Census 2021 count: children of a broad ethnic group, sex and age band in an area. */
export interface CensusCount {
  area: string;
  group: EthnicGroup;
  /** null where the Census gives persons only (disclosure_status sex_aggregated). */
  sex: 'M' | 'F' | null;
  band: AgeBand;
  count: number;
}

/** A youth justice service's population aged 10–17 as published by the YJB, by mid-year. */
export interface ServicePopulation {
  ouCode: string;
  name: string;
  areaCodes: readonly string[];
  totals: Readonly<Record<number, number>>;
}

export interface PopulationReference {
  areas: readonly AreaInfo[];
  midYear: readonly MidYearEstimate[];
  census: readonly CensusCount[];
  services: readonly ServicePopulation[];
}

/** One row of population.csv. Blank sex or ethnic_group means all; age is 10–17 or the band '10-17'. */
export interface PopulationRow {
  year: number;
  age: string;
  sex: '' | 'M' | 'F';
  ethnic_group: '' | EthnicGroup;
  population: number;
}

export interface BuiltPopulation {
  rows: PopulationRow[];
  /** Provenance: areas, years and sources used, substitutions made, attribution lines. */
  notes: string[];
}
