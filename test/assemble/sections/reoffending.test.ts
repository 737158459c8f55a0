import { describe, expect, it } from 'vitest';
import { applyDisclosureControl } from '../../../pipeline/assemble/disclosure.js';
import { reoffendingSection } from '../../../pipeline/assemble/sections/reoffending.js';
import type { Block, ChartModel, TableModel } from '../../../pipeline/assemble/model.js';
import type { CohortStatus, IndicatorRecord } from '../../../pipeline/compute/record.js';
import { parsePeriod } from '../../../pipeline/period.js';
import { cellReading } from '../../../pipeline/assemble/cells.js';

const P = '2024-25-Q3';
const period = parsePeriod(P);
function cohort(c: string, status: CohortStatus, reoffenders: number, children: number, reoffences: number, months?: number): IndicatorRecord[] {
  const common = { period: P, breakdown: { cohort: c }, status, suppressed: false, ...(months === undefined ? {} : { months_elapsed: months }) };
  return [
    { ...common, id: 'reoffending.binary', numerator: reoffenders, denominator: children, value: (reoffenders / children) * 100, lower: 10, upper: 50, unit: '%' },
    { ...common, id: 'reoffending.per_reoffender', numerator: reoffences, denominator: reoffenders, value: reoffences / reoffenders, lower: null, upper: null, unit: 'per child' },
  ];
}
function byType(c: string, type: 'court' | 'out_of_court', reoffenders: number, children: number, lower: number, upper: number): IndicatorRecord {
  return {
    id: 'reoffending.binary', period: P, breakdown: { cohort: c, index_type: type }, numerator: reoffenders, denominator: children,
    value: (reoffenders / children) * 100, lower, upper, unit: '%', status: 'complete', suppressed: false,
  };
}
const records = [
  ...cohort('2023-24-Q4', 'in_progress', 3, 30, 4, 9),
  ...cohort('2022-23-Q3', 'complete', 11, 38, 19),
  ...cohort('2023-24-Q2', 'provisional', 12, 40, 18),
  // A breakdown record must not become a row of the headline table.
  byType('2022-23-Q3', 'court', 8, 20, 20.0, 61.2),
  byType('2022-23-Q3', 'out_of_court', 3, 18, 5.8, 39.2),
];
const figureOf = (recs: IndicatorRecord[], threshold: number | null): ChartModel => {
  const block = reoffendingSection(recs, period, threshold).blocks.find((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure');
  if (!block) throw new Error('no figure');
  return block.chart;
};
const tablesOf = (recs: IndicatorRecord[], threshold: number | null): TableModel[] =>
  reoffendingSection(recs, period, threshold).blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table').map((b) => b.table);
const texts = (t: TableModel) => t.rows.map((r) => r.map(cellReading));
const sentenceOf = (s: ReturnType<typeof reoffendingSection>) =>
  s.blocks.flatMap((b) => (b.kind === 'paragraphs' ? b.paragraphs : [])).find((p) => p.startsWith('In the latest complete cohort'));

describe('reoffendingSection: the live tracker', () => {
  it('has one row per cohort, oldest first, with status (months so far while tracked), denominators, rate and reoffences per reoffender', () => {
    expect(texts(figureOf(records, null).table)).toEqual([
      // 11 / 38 = 28.947…% → 28.9%; 19 / 11 = 1.7272… → 1.73.
      ['October to December 2022', '● Complete', '38', '11', '28.9%', '10.0% to 50.0%', '1.73 (19 reoffences by 11)'],
      // 12 / 40 = 30.0%; 18 / 12 = 1.50.
      ['July to September 2023', '◇ Provisional', '40', '12', '30.0%', '10.0% to 50.0%', '1.50 (18 reoffences by 12)'],
      // 3 / 30 = 10.0%; 4 / 3 = 1.333… → 1.33; 9 of the 12 months of follow-up have passed.
      ['January to March 2024', '△ 9 months', '30', '3', '10.0%', '10.0% to 50.0%', '1.33 (4 reoffences by 3)'],
    ]);
  });

  it('hides small counts in the public version, with every figure built on them', () => {
    const rows = texts(figureOf(applyDisclosureControl(records, 5), 5).table);
    // 3 reoffenders (1..5): the count, the rate, its interval and reoffences per reoffender (3 in the denominator) are [c].
    expect(rows[2]?.slice(3)).toEqual(['[c]', '[c]', '[c]', '[c]']);
    expect(rows[0]?.[3]).toBe('11');
  });
});

describe('reoffendingSection: the chart', () => {
  it('states the latest complete cohort with its denominator in the title', () => {
    // 11 of 38 = 28.9%; no cohort before it (2022-23-Q2), so no comparison.
    expect(figureOf(records, null).title).toBe('11 of 38 children in the latest complete cohort (October to December 2022) reoffended within 12 months (28.9%)');
  });

  it('draws complete, provisional and still-tracked cohorts with different markers and fills, named in a legend, joining complete ones only', () => {
    const spec = figureOf(records, null).spec as unknown as { layer: { mark: { type: string }; data: { values: Record<string, unknown>[] }; encoding: Record<string, { scale?: { domain: unknown[]; range: unknown[] }; title?: string }> }[] };
    const points = spec.layer.find((l) => l.mark.type === 'point');
    expect(points?.encoding.shape?.scale).toEqual({ domain: ['Complete', 'Provisional', 'Still being tracked'], range: ['circle', 'diamond', 'triangle-up'] });
    // Filled for complete, hollow (white) for the cohorts whose figures can still rise.
    expect(points?.encoding.fill?.scale?.range).toEqual(['#12436D', '#FFFFFF', '#FFFFFF']);
    expect(points?.encoding.shape?.title).toBe('Cohort status');
    // The line joins complete cohorts only: a provisional or tracked figure can still rise, so a line on to it would read as a fall.
    const line = spec.layer.find((l) => l.mark.type === 'line');
    expect(line?.data.values.map((v) => v.status)).toEqual(['Complete']);
    expect(line?.encoding.strokeDash).toBeUndefined();
    // Shaded zones headed in words behind the cohorts that can still rise, and the months written under a tracked one.
    const headings = spec.layer.find((l) => l.mark.type === 'text')?.data.values.map((v) => v.heading);
    expect(headings).toEqual(['Provisional', 'Still being tracked']);
    expect(points?.data.values.map((v) => v.x)).toEqual(['Oct–Dec 2022', 'Jul–Sep 2023', 'Jan–Mar 2024 9 months']);
  });
});

describe('reoffendingSection: out of court against court', () => {
  it('tabulates each index type with its denominator, and states them without comparing when a group has fewer than 10 reoffenders', () => {
    const section = reoffendingSection(records, period, null);
    const [table] = tablesOf(records, null);
    expect(table && texts(table)[0]).toEqual(['October to December 2022', '● Complete', '16.7% (3 of 18)', '40.0% (8 of 20)']);
    expect(table?.notes).toContain('Each cell: the reoffending rate, then the reoffenders of the children in the cohort. Out of court: a youth caution or youth conditional caution, as in official statistics.');
    const sentence = sentenceOf(section);
    // 3 and 8 reoffenders: too few for "similar", "higher" or "lower".
    expect(sentence).toBe('In the latest complete cohort (October to December 2022), the reoffending rate of children whose index event was out of court (a youth caution or youth conditional caution, as in official statistics) was 16.7% (95% confidence interval 5.8% to 39.2%, 3 of 18), against that of children sentenced at court or released from custody, 40.0% (95% confidence interval 20.0% to 61.2%, 8 of 20). Based on few children (fewer than 10 reoffenders in a group), so the two are not compared.');
  });

  it('compares the two index types when each has at least headline_min_count reoffenders (10, not 9)', () => {
    const withCounts = (outOfCourt: number) => [
      ...records.filter((r) => r.breakdown.index_type === undefined),
      byType('2022-23-Q3', 'court', 12, 20, 38.7, 78.1),
      byType('2022-23-Q3', 'out_of_court', outOfCourt, 40, 12.0, 40.0),
    ];
    // 25.0% [12.0, 40.0] against 60.0% [38.7, 78.1]: d = −35; U = −35 + √((40 − 25)² + (60 − 38.7)²) = −35 + 26.1 < 0, so lower.
    expect(sentenceOf(reoffendingSection(withCounts(10), period, null))).toContain(', lower than that of children sentenced at court');
    expect(sentenceOf(reoffendingSection(withCounts(9), period, null))).toContain(', against that of children sentenced at court');
    expect(sentenceOf(reoffendingSection(withCounts(10), period, null, { headlineMinCount: 13 }))).toContain('(fewer than 13 reoffenders in a group)');
  });

  it('says what counts as out of court from the setting\'s meaning, never its name', () => {
    const section = reoffendingSection(records, period, null, { includeNonSubstantive: true });
    const text = JSON.stringify(section);
    expect(text).toContain('a youth caution, a youth conditional caution, a community resolution or Outcome 22; this pack counts the last two as well, which official statistics leave out');
    expect(text).not.toContain('include_non_substantive');
  });
});

describe('reoffendingSection: a cohort at 0 months of follow-up', () => {
  const young = [...records, ...cohort('2024-25-Q3', 'in_progress', 1, 37, 1, 0)];

  it('shows no rate for it ([z], with why), while counting its children', () => {
    const rows = texts(figureOf(young, null).table);
    expect(rows[3]).toEqual(['October to December 2024', '△ 0 months', '37', '[z]', '[z]', '[z]', '[z]']);
    expect(figureOf(young, null).table.notes).toContain('[z] for a cohort at 0 months: its follow-up is counted from the end of its quarter, which is the report quarter, so it has barely begun and a rate would read as far too low; none is shown yet.');
    // That note is the key to [z] here; the general one would say less.
    expect(figureOf(young, null).table.notes).not.toContain('[z] not applicable.');
  });

  it('draws no point for it, and leaves it out of the text alternative\'s ranges', () => {
    const chart = figureOf(young, null);
    const spec = chart.spec as unknown as { layer: { mark: { type: string }; data: { values: Record<string, unknown>[] } }[] };
    const points = spec.layer.find((l) => l.mark.type === 'point')?.data.values;
    expect(points?.[3]).toMatchObject({ x: 'Oct–Dec 2024 0 months', value: null, lower: null, upper: null });
    // Still tracked: 10.0% (Jan–Mar 2024) only; the 0-month cohort's 2.7% is not a figure.
    expect(chart.description).toContain('2 cohorts are still being tracked (January to March 2024 to October to December 2024): from 10.0% to 10.0%.');
  });
});

describe('reoffendingSection: sentences for 1 and many cohorts', () => {
  it('words the text alternative for one cohort and for several', () => {
    const one = cohort('2022-23-Q3', 'complete', 11, 38, 19);
    expect(figureOf(one, null).description).toMatch(/^Chart of the proven reoffending rate of 1 cohort, with its 95% confidence interval\. 1 cohort is complete \(October to December 2022\): from 28\.9% to 28\.9%\./);
    expect(figureOf(records, null).description).toMatch(/^Chart of the proven reoffending rate of 3 cohorts, each with a 95% confidence interval\./);
  });
});
