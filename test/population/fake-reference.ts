/**
 * A tiny population reference with round numbers, so that test expectations
 * can be worked out by hand. Areas: X01 and X02 (two ordinary areas), X03
 * (Census persons only), X04 (a district of county X05), X06 (estimates for
 * mid-2019 only). Service S1 is exactly X01.
 */
import type { AgeBand, AreaInfo, CensusCount, PopulationReference } from '../../pipeline/population/types.js';
import type { EthnicGroup } from '../../pipeline/contract/codes.js';

const area = (code: string, name: string, extra: Partial<AreaInfo> = {}): AreaInfo => ({
  code, name, geography: 'Unitary Authority', parent: null, region: 'R1', censusParts: [code], censusNote: null, ...extra,
});

/** One count per band for each listed (group, sex); the same in every band unless given per band. */
function counts(areaCode: string, cells: [EthnicGroup, 'M' | 'F' | null, number][], bands: AgeBand[] = ['10-11', '12-14', '15-17']): CensusCount[] {
  return bands.flatMap((band) => cells.map(([group, sex, count]) => ({ area: areaCode, group, sex, band, count })));
}

const flat = (n: number) => [n, n, n, n, n, n, n, n];

export const fakeReference: PopulationReference = {
  areas: [
    area('X01', 'Alpha'),
    area('X02', 'Beta'),
    area('X03', 'Gamma'),
    area('X04', 'Delta District', { geography: 'Non-metropolitan District', parent: 'X05' }),
    area('X05', 'Epsilon County', { geography: 'County', censusParts: ['X04'] }),
    area('X06', 'Zeta'),
  ],
  midYear: [
    { area: 'X01', year: 2019, ages: flat(90), derivedFrom: [] },
    { area: 'X01', year: 2020, ages: flat(100), derivedFrom: [] },
    { area: 'X02', year: 2019, ages: flat(40), derivedFrom: [] },
    { area: 'X02', year: 2020, ages: flat(50), derivedFrom: [] },
    { area: 'X03', year: 2020, ages: flat(40), derivedFrom: [] },
    { area: 'X04', year: 2020, ages: flat(10), derivedFrom: [] },
    { area: 'X05', year: 2020, ages: flat(30), derivedFrom: [] },
    { area: 'X06', year: 2019, ages: flat(20), derivedFrom: [] },
  ],
  census: [
    // X01: White M 30, White F 30, Black M 20, Black F 20 in the 10-11 band (shares .3 .3 .2 .2); all White M in the others.
    ...counts('X01', [['White', 'M', 30], ['White', 'F', 30], ['Black', 'M', 20], ['Black', 'F', 20]], ['10-11']),
    ...counts('X01', [['White', 'M', 10]], ['12-14', '15-17']),
    // X02: half White boys, half White girls.
    ...counts('X02', [['White', 'M', 50], ['White', 'F', 50]]),
    // X03: persons only (sex_aggregated), all White.
    ...counts('X03', [['White', null, 100]]),
    ...counts('X04', [['Asian', 'M', 5], ['Asian', 'F', 5]]),
    ...counts('X06', [['Mixed', 'M', 1], ['Mixed', 'F', 1]]),
  ],
  services: [
    { ouCode: 'S1', name: 'Alpha YJS', areaCodes: ['X01'], totals: { 2018: 720, 2019: 720, 2020: 800, 2021: 880 } },
  ],
};
