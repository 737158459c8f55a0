/**
 * Reads the population reference shipped in the project's reference/ folder
 * (made by reference/make-reference.ts; sources in reference/SOURCES.md).
 * The folder is found from this module's own location, so yjpack finds it
 * from any working directory, run from source or from a build.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ETHNIC_GROUPS, type EthnicGroup } from '../contract/codes.js';
import { errorText, YjpackError } from '../errors.js';
import { projectPath } from '../project-root.js';
import { AGE_BANDS, type AgeBand, type AreaInfo, type CensusCount, type MidYearEstimate, type PopulationReference, type ServicePopulation } from './types.js';

export const REFERENCE_FILES = {
  areas: 'areas.csv',
  midYear: 'ons_mye_age10_17.csv',
  census: 'census2021_age10_17_ethnicity_by_la.csv',
  services: 'yjs_population_2018_2021.csv',
} as const;

type Texts = Record<keyof typeof REFERENCE_FILES, string>;
type Row = Record<string, string>;

/** The reference/ folder of the project this module belongs to. */
export function defaultReferenceDir(): string {
  return projectPath('reference');
}

export async function loadPopulationReference(dir: string = defaultReferenceDir()): Promise<PopulationReference> {
  const texts = {} as Texts;
  for (const [key, file] of Object.entries(REFERENCE_FILES) as [keyof Texts, string][]) {
    const path = join(dir, file);
    try {
      texts[key] = await readFile(path, 'utf8');
    } catch (e) {
      throw new YjpackError('referenceMissing', { path, detail: errorText(e) }, { cause: e });
    }
  }
  return parsePopulationReference(texts);
}

export function parsePopulationReference(texts: Texts): PopulationReference {
  return {
    areas: rows(texts.areas).map(toArea),
    midYear: rows(texts.midYear).map(toEstimate),
    census: rows(texts.census).flatMap(toCensusCount),
    services: rows(texts.services).map(toService),
  };
}

function rows(text: string): Row[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

const codes = (s: string | undefined): string[] => (s ?? '').split(' ').filter((c) => c !== '');
const orNull = (s: string | undefined): string | null => (s ? s : null);

function toArea(r: Row): AreaInfo {
  return {
    code: r.area_code!, name: r.area_name!, geography: r.geography!, parent: orNull(r.parent_code),
    region: orNull(r.region_code), censusParts: codes(r.census_parts), censusNote: orNull(r.census_note),
  };
}

function toEstimate(r: Row): MidYearEstimate {
  const ages = [10, 11, 12, 13, 14, 15, 16, 17].map((a) => Number(r[`age_${a}`]));
  return { area: r.area_code!, year: Number(r.mid_year), ages, derivedFrom: codes(r.derived_from) };
}

/** Rows with no count (disclosure_status unavailable) carry nothing to add, so they are dropped. */
function toCensusCount(r: Row): CensusCount[] {
  if (r.population === '' || r.population === undefined) return [];
  const group = r.ethnic_group as EthnicGroup;
  const band = r.age_band as AgeBand;
  if (!ETHNIC_GROUPS.includes(group) || !AGE_BANDS.includes(band)) throw new Error(`census row not understood: ${JSON.stringify(r)}`);
  const sex = r.sex === 'male' ? 'M' : r.sex === 'female' ? 'F' : null;
  return [{ area: r.area_code!, group, sex, band, count: Number(r.population) }];
}

function toService(r: Row): ServicePopulation {
  const totals: Record<number, number> = {};
  for (const [k, v] of Object.entries(r)) if (/^\d{4}$/.test(k) && v !== '') totals[Number(k)] = Number(v);
  return { ouCode: r.ou_code!, name: r.yjs_name!, areaCodes: codes(r.area_codes), totals };
}
