import type { QuarterComputed } from '../../pipeline/compute/index.js';
import type { FileSummary } from '../../pipeline/validate/report.js';
import { fteRecords, PERIOD } from './pack-fixture.js';

/** FTE with 3 children and 4 offences in the latest quarter (a public pack hides both), and the other figures a run computes. */
export function quarterComputed(): QuarterComputed {
  return {
    records: fteRecords([['2024-25-Q3', 3, 4, 1.0, 14.6]]),
    notes: [],
    population: { year: 2024, fallback: false, wanted: 2024, estimates: [] },
    period: PERIOD,
    extractRange: { from: '2019-04-01', to: '2024-12-31' },
    notProven: { yearToPeriod: 2, toPeriodEnd: 7 },
    profile: [],
    remands: [],
    comparisons: [],
  };
}

export const FILES: FileSummary[] = [
  { file: 'children.csv', present: true, sha256: 'ab', bytes: 120, rows: 3, refusedRows: 0 },
  { file: 'remands.csv', present: false, sha256: '', bytes: 0, rows: 0, refusedRows: 0 },
];
