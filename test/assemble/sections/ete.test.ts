import { describe, expect, it } from 'vitest';
import { eteSection } from '../../../pipeline/assemble/sections/ete.js';
import { indexHeadlines } from '../../../pipeline/assemble/series.js';
import type { IndicatorId, IndicatorRecord } from '../../../pipeline/compute/record.js';
import { parsePeriod } from '../../../pipeline/period.js';

const pct = (id: IndicatorId, period: string, n: number, d: number): IndicatorRecord => ({
  id, period, breakdown: {}, numerator: n, denominator: d, value: d === 0 ? null : (n / d) * 100, lower: null, upper: null, unit: '%', suppressed: false,
});

describe('eteSection', () => {
  it('tabulates KPI 2 by quarter with each percentage and its denominator', () => {
    const records = [
      pct('ete.school_age', '2024-25-Q2', 12, 27), pct('ete.over_school_age', '2024-25-Q2', 18, 29),
      pct('ete.overall', '2024-25-Q2', 30, 56), pct('ete.suitable_end', '2024-25-Q2', 40, 56),
      pct('ete.school_age', '2024-25-Q3', 0, 0),
    ];
    const section = eteSection(indexHeadlines(records), parsePeriod('2024-25-Q3'), null);
    const table = section.blocks.find((b) => b.kind === 'table');
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.table.rows.map((r) => r.map((c) => c.text))).toEqual([
      // 12 / 27 = 44.44% → 44.4%; 18 / 29 = 62.07% → 62.1%; 30 / 56 = 53.57% → 53.6%; 40 / 56 = 71.43% → 71.4%.
      ['July to September 2024', '44.4% (12 of 27)', '62.1% (18 of 29)', '53.6% (30 of 56)', '71.4% (40 of 56)'],
      // No child measured (0 of 0, value null) and no records for the other measures: not available.
      ['October to December 2024', '[x]', '[x]', '[x]', '[x]'],
    ]);
    expect(table.table.notes[0]).toMatch(/^\[x\] not available/);
  });
});
