import { describe, expect, it } from 'vitest';
import { applyDisclosureControl } from '../../../pipeline/assemble/disclosure.js';
import { reoffendingSection } from '../../../pipeline/assemble/sections/reoffending.js';
import type { TableModel } from '../../../pipeline/assemble/model.js';
import type { CohortStatus, IndicatorRecord } from '../../../pipeline/compute/record.js';

const P = '2024-25-Q3';
function cohort(c: string, status: CohortStatus, reoffenders: number, children: number, reoffences: number, months?: number): IndicatorRecord[] {
  const common = { period: P, breakdown: { cohort: c }, status, suppressed: false, ...(months === undefined ? {} : { months_elapsed: months }) };
  return [
    { ...common, id: 'reoffending.binary', numerator: reoffenders, denominator: children, value: (reoffenders / children) * 100, lower: 10, upper: 50, unit: '%' },
    { ...common, id: 'reoffending.per_reoffender', numerator: reoffences, denominator: reoffenders, value: reoffences / reoffenders, lower: null, upper: null, unit: 'per child' },
  ];
}
// A breakdown record must not become a row of the headline table.
const courtOnly: IndicatorRecord = {
  id: 'reoffending.binary', period: P, breakdown: { cohort: '2022-23-Q3', index_type: 'court' }, numerator: 1, denominator: 2,
  value: 50, lower: 1, upper: 99, unit: '%', status: 'complete', suppressed: false,
};
const records = [
  ...cohort('2023-24-Q4', 'in_progress', 3, 30, 4, 6),
  ...cohort('2022-23-Q3', 'complete', 11, 38, 19),
  ...cohort('2023-24-Q2', 'provisional', 12, 40, 18),
  courtOnly,
];
const tableOf = (recs: IndicatorRecord[], threshold: number | null): TableModel => {
  const block = reoffendingSection(recs, threshold).blocks.find((b) => b.kind === 'table');
  if (block?.kind !== 'table') throw new Error('no table');
  return block.table;
};

describe('reoffendingSection', () => {
  it('has one row per cohort, oldest first, with status, denominators, rate and reoffences per reoffender', () => {
    const rows = tableOf(records, null).rows.map((r) => r.map((c) => c.text));
    expect(rows).toEqual([
      // 11 / 38 = 28.947…% → 28.9%; 19 / 11 = 1.7272… → 1.73.
      ['October to December 2022', 'Complete', '38', '11', '28.9%', '10.0% to 50.0%', '1.73'],
      // 12 / 40 = 30.0%; 18 / 12 = 1.50.
      ['July to September 2023', 'Provisional', '40', '12', '30.0%', '10.0% to 50.0%', '1.50'],
      // 3 / 30 = 10.0%; 4 / 3 = 1.333… → 1.33.
      ['January to March 2024', '6 months tracked', '30', '3', '10.0%', '10.0% to 50.0%', '1.33'],
    ]);
  });

  it('hides small counts in the public version but keeps the cohort size', () => {
    const rows = tableOf(applyDisclosureControl(records, 5), 5).rows.map((r) => r.map((c) => c.text));
    // 3 reoffenders (1..5): the rate, its interval and reoffences per reoffender (3 in the denominator) are [c].
    expect(rows[2]).toEqual(['January to March 2024', '6 months tracked', '30', '[c]', '[c]', '[c]', '[c]']);
    expect(rows[0]?.[3]).toBe('11');
  });
});
