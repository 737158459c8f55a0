/**
 * Hand-written records for pack tests: twelve quarters of first time
 * entrants for a service of 20,000 children aged 10–17 (every year), report
 * period 2024-25-Q3 (October to December 2024). Rates are count / 20,000 ×
 * 100,000 = count × 5; intervals are Byar's, rounded to 3 dp by hand.
 */
import type { IndicatorRecord } from '../../pipeline/compute/record.js';
import type { PackInput } from '../../pipeline/assemble/model.js';
import { parsePeriod } from '../../pipeline/period.js';

export const PERIOD = parsePeriod('2024-25-Q3');
export const POPULATION = 20_000;

/** [quarter, FTE children, offences, lower, upper] (rate = children × 5). */
export const FTE_ROWS: readonly [string, number, number, number, number][] = [
  ['2021-22-Q4', 50, 71, 185.539, 329.602],
  ['2022-23-Q1', 52, 70, 194.165, 340.964],
  ['2022-23-Q2', 55, 76, 207.153, 357.959],
  ['2022-23-Q3', 57, 80, 215.842, 369.259],
  ['2022-23-Q4', 58, 79, 220.195, 374.901],
  ['2023-24-Q1', 60, 83, 228.918, 386.168],
  ['2023-24-Q2', 62, 85, 237.661, 397.414],
  ['2023-24-Q3', 60, 81, 228.918, 386.168],
  ['2023-24-Q4', 55, 74, 207.153, 357.959],
  ['2024-25-Q1', 47, 66, 172.653, 312.509],
  ['2024-25-Q2', 40, 1234, 142.866, 272.352],
  ['2024-25-Q3', 30, 41, 101.184, 214.143],
];

export function fteRecords(rows: readonly [string, number, number, number, number][] = FTE_ROWS): IndicatorRecord[] {
  return rows.flatMap(([period, children, offences, lower, upper]) => [
    { id: 'fte.count', period, breakdown: {}, numerator: children, denominator: null, value: children, lower: null, upper: null, unit: 'count', suppressed: false },
    { id: 'fte.offences', period, breakdown: {}, numerator: offences, denominator: null, value: offences, lower: null, upper: null, unit: 'count', suppressed: false },
    {
      id: 'fte.rate', period, breakdown: {}, numerator: children, denominator: POPULATION,
      value: (children / POPULATION) * 100_000, lower, upper, unit: 'per 100,000', suppressed: false,
    },
  ] satisfies IndicatorRecord[]);
}

export function packInput(overrides: Partial<PackInput> = {}): PackInput {
  return {
    records: fteRecords(),
    notes: [],
    period: PERIOD,
    producedAt: '2025-01-14T09:30:00.000Z',
    audience: 'board',
    serviceName: 'Wolverhampton Youth Justice Service',
    dataQuality: {
      files: [
        { file: 'children.csv', rows: 1520, refusedRows: 0, sha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90' },
        { file: 'offences.csv', rows: 4210, refusedRows: 3, sha256: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0' },
      ],
      warnings: [],
      extractFrom: '2019-04-01',
      extractTo: '2024-12-31',
    },
    population: { year: 2024, fallback: false },
    ...overrides,
  };
}
