import { describe, expect, it } from 'vitest';
import { eteSection } from '../../../pipeline/assemble/sections/ete.js';
import { indexHeadlines } from '../../../pipeline/assemble/series.js';
import type { ChartModel } from '../../../pipeline/assemble/model.js';
import type { IndicatorId, IndicatorRecord } from '../../../pipeline/compute/record.js';
import { parsePeriod } from '../../../pipeline/period.js';
import { cellReading } from '../../../pipeline/assemble/cells.js';

const pct = (id: IndicatorId, period: string, n: number, d: number, lower: number | null = null, upper: number | null = null): IndicatorRecord => ({
  id, period, breakdown: {}, numerator: n, denominator: d, value: d === 0 ? null : (n / d) * 100, lower, upper, unit: '%', suppressed: false,
});
const records = [
  pct('ete.school_age', '2024-25-Q2', 12, 27), pct('ete.over_school_age', '2024-25-Q2', 18, 29),
  pct('ete.overall', '2024-25-Q2', 30, 56, 40.7, 66.0), pct('ete.suitable_end', '2024-25-Q2', 40, 56),
  pct('ete.school_age', '2024-25-Q3', 0, 0),
  pct('ete.overall', '2024-25-Q3', 45, 50, 78.6, 95.7),
];
const chartOf = (recs: IndicatorRecord[]): ChartModel => {
  const figure = eteSection(indexHeadlines(recs), parsePeriod('2024-25-Q3'), null).blocks.find((b) => b.kind === 'figure');
  if (figure?.kind !== 'figure') throw new Error('no figure');
  return figure.chart;
};

describe('eteSection', () => {
  it('tabulates KPI 2 by quarter under the chart, each percentage with its denominator', () => {
    expect(chartOf(records).table.rows.map((r) => r.map(cellReading))).toEqual([
      // 12 / 27 = 44.44% → 44.4%; 18 / 29 = 62.07% → 62.1%; 30 / 56 = 53.57% → 53.6%; 40 / 56 = 71.43% → 71.4%.
      ['July to September 2024', '44.4% (12 of 27)', '62.1% (18 of 29)', '53.6% (30 of 56)', '71.4% (40 of 56)'],
      // No child measured (0 of 0, value null) and no records for two measures: not available; 45 / 50 = 90.0%.
      ['October to December 2024', '[x]', '[x]', '90.0% (45 of 50)', '[x]'],
    ]);
  });

  it('states the finding with its denominator and a change only where significant', () => {
    // 90.0% [78.6, 95.7] against 53.6% [40.7, 66.0]: d = 36.4; L = 36.4 − √((90 − 78.6)² + (66.0 − 53.6)²) = 36.4 − 16.8 > 0: higher.
    // No record a year earlier (2023-24-Q3), so no comparison with it.
    expect(chartOf(records).title).toBe('In October to December 2024, 45 of 50 children (90.0%) were offered the expected hours when their intervention ended: higher than the quarter before');
  });

  it('draws one series per measure, named in the legend, with gaps where there is no figure', () => {
    const spec = chartOf(records).spec as unknown as { data: { values: { quarter: string; measure: string; value: number | null }[] } };
    expect(spec.data.values).toHaveLength(8);
    expect(spec.data.values.filter((v) => v.quarter === 'Oct–Dec 2024').map((v) => v.value)).toEqual([null, null, 90, null]);
  });
});
