import { describe, expect, it } from 'vitest';
import type { Block, ChartModel, Section, TableModel } from '../../../pipeline/assemble/model.js';
import { rateTrendSection, type TrendContext } from '../../../pipeline/assemble/sections/rate-trend.js';
import { cellReading } from '../../../pipeline/assemble/cells.js';
import { indexHeadlines } from '../../../pipeline/assemble/series.js';
import { CUSTODY_TOPIC, FTE_TOPIC } from '../../../pipeline/assemble/topics.js';
import type { Comparison } from '../../../pipeline/compute/comparators.js';
import type { YdaRemandYear } from '../../../pipeline/compute/profile.js';
import { FTE_ROWS, PERIOD, fteRecords } from '../pack-fixture.js';
import { SPC_WORDS } from '../../../pipeline/assemble/sections/spc.js';

const ctx = (over: Partial<TrendContext> = {}): TrendContext => ({
  index: indexHeadlines(fteRecords()), period: PERIOD, notes: [], population: { year: 2024, fallback: false }, threshold: null, ...over,
});
const chartOf = (s: Section): ChartModel => {
  const figure = s.blocks.find((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure');
  if (!figure) throw new Error('no figure');
  return figure.chart;
};
const tablesOf = (s: Section): TableModel[] => s.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table').map((b) => b.table);
type Layer = { mark: { type: string; align?: string }; data?: { values: Record<string, unknown>[] }; encoding?: Record<string, { scale?: { domain?: unknown[]; range?: unknown[] }; datum?: number }>; layer?: Layer[] };
const specOf = (c: ChartModel) => c.spec as unknown as { data: { values: Record<string, unknown>[] }; layer: Layer[] };

describe('rateTrendSection: SPC signals on the trend chart', () => {
  // Rates (children × 5): 250, 260, 275, 285, 290, 300, 310, 300, 275, 235, 200, 150. XmR: mean 260.83, mean moving range 20,
  // limits 207.63 to 314.03. Rising trend: the first 7 (each above the one before). Run above the mean: the 3rd to 9th.
  // Below the lower limit: the last two.
  const chart = chartOf(rateTrendSection(FTE_TOPIC, ctx()));
  const values = specOf(chart).data.values;

  it('marks each signalled point by its direction, which the legend names', () => {
    expect(values.map((v) => v.kind)).toEqual([
      ...Array(9).fill('High'), 'None', 'Low', 'Low',
    ]);
    const points = specOf(chart).layer.find((l) => l.mark.type === 'point' && l.encoding?.shape);
    expect(points?.encoding?.shape?.scale).toEqual({
      domain: ['None', 'High', 'Low'], range: ['circle', 'triangle-up', 'triangle-down'],
    });
  });

  it('names a signal in words where a run of it starts, not at every point', () => {
    expect(values.map((v) => v.label)).toEqual([
      'Rising trend', null, 'Run above the average', null, null, null, null, null, null, null, 'Below the lower limit', null,
    ]);
    // The labels are drawn (one text layer per alignment and row).
    expect(specOf(chart).layer.filter((l) => l.mark.type === 'text').length).toBeGreaterThan(0);
  });

  it('draws the average as a dashed line and says so, with no trial limits for 12 quarters', () => {
    const rule = specOf(chart).layer.find((l) => l.mark.type === 'rule');
    expect(rule?.encoding?.y?.datum).toBeCloseTo(3130 / 12, 6);
    expect(chart.subtitle).toContain('The dashed line is the average of the 12 quarters; triangles mark statistical process control (SPC) signals');
    expect(chart.subtitle).not.toContain('trial limits');
  });

  it('says the limits are trial limits when there are fewer than 12 quarters', () => {
    const short = fteRecords(FTE_ROWS.slice(4));
    expect(chartOf(rateTrendSection(FTE_TOPIC, ctx({ index: indexHeadlines(short) }))).subtitle)
      .toContain('They use trial limits: there are only 8 quarters, fewer than the 12 that settled limits need.');
  });

  it('lists the signals in the text alternative', () => {
    expect(chart.description).toContain('SPC signals: rising trend from the year to March 2022; run above the average from the year to September 2022; below the lower limit from the year to September 2024.');
  });
});

describe('rateTrendSection: too few quarters to judge variation (MIN_POINTS = 6)', () => {
  const hide = (records: ReturnType<typeof fteRecords>, period: string) =>
    records.map((r) => (r.period === period && r.id === 'fte.rate' ? { ...r, value: null, lower: null, upper: null, suppressed: true } : r));
  const sectionOf = (records: ReturnType<typeof fteRecords>, threshold: number | null = null) =>
    rateTrendSection(FTE_TOPIC, ctx({ index: indexHeadlines(records), threshold }));
  const spcColumn = (t: TableModel) => t.rows.map((r) => cellReading(r[r.length - 1]!));
  const rule = (c: ChartModel) => specOf(c).layer.find((l) => l.mark.type === 'rule');
  const sentence = (shown: number) =>
    `No average line or statistical process control (SPC) signals: ${shown} quarters shown, too few to judge variation (SPC needs at least 6).`;

  it('draws no average line and names no signal on 5 quarters, and says there are too few to judge', () => {
    // The last five quarters: rates 300, 275, 235, 200, 150.
    const chart = chartOf(sectionOf(fteRecords(FTE_ROWS.slice(7))));
    expect(rule(chart)).toBeUndefined();
    expect(specOf(chart).data.values.map((v) => v.kind)).toEqual(Array(5).fill('None'));
    expect(specOf(chart).data.values.every((v) => v.label === null)).toBe(true);
    expect(chart.subtitle).toContain(sentence(5));
    expect(chart.subtitle).not.toContain('dashed line');
    expect(chart.description).toContain(sentence(5));
    expect(chart.description).not.toContain('SPC signals:');
    expect(spcColumn(chart.table)).toEqual(Array(5).fill(SPC_WORDS.tooFewCell));
    expect(chart.table.notes).toContain('SPC signal: not judged. Only 5 quarters have a figure shown, and NHS England\'s "Making Data Count" rules on an XmR chart need at least 6 before an average, limits or signals mean anything.');
    expect(chart.table.notes.join(' ')).not.toContain('7 in a row');
  });

  it('judges 6 quarters as before: an average line at their mean, trial limits, and "None" where there is no signal', () => {
    // The last six: 310, 300, 275, 235, 200, 150; mean 1470 / 6 = 245. Moving ranges 10, 25, 40, 35, 50: mean 160 / 5 = 32;
    // limits 245 ± 2.66 × 32 = 245 ± 85.12 → 159.88 to 330.12: 150 is below the lower limit; nothing else signals
    // (no run or trend of 7 in six points; two-thirds lines 188.25 and 301.75: only 310 and 150 beyond, never 2 of 3 on a side).
    const chart = chartOf(sectionOf(fteRecords(FTE_ROWS.slice(6))));
    expect(rule(chart)?.encoding?.y?.datum).toBeCloseTo(245, 9);
    expect(chart.subtitle).toContain('The dashed line is the average of the 6 quarters');
    expect(chart.subtitle).toContain('They use trial limits: there are only 6 quarters, fewer than the 12 that settled limits need.');
    expect(spcColumn(chart.table)).toEqual([...Array(5).fill('None'), 'Below the lower limit']);
    expect(chart.description).not.toContain('too few');
  });

  it('counts only the quarters the public sees: 6 quarters with one hidden is too few', () => {
    const records = hide(fteRecords(FTE_ROWS.slice(6)), '2024-25-Q1');
    const chart = chartOf(sectionOf(records, 5));
    expect(rule(chart)).toBeUndefined();
    expect(chart.subtitle).toContain(sentence(5));
    // The hidden quarter keeps its symbol; the five shown say why there is no signal.
    expect(spcColumn(chart.table)).toEqual([
      ...Array(3).fill(SPC_WORDS.tooFewCell), '[c]', ...Array(2).fill(SPC_WORDS.tooFewCell),
    ]);
    // The board's version of the same six quarters is judged.
    expect(rule(chartOf(sectionOf(fteRecords(FTE_ROWS.slice(6)))))).toBeDefined();
  });

  it('says "1 quarter" for a single quarter shown', () => {
    expect(chartOf(sectionOf(fteRecords(FTE_ROWS.slice(11)))).subtitle)
      .toContain('No average line or statistical process control (SPC) signals: 1 quarter shown, too few to judge variation (SPC needs at least 6).');
  });
});

describe('rateTrendSection: comparators', () => {
  const c = (area: string, period: string, value: number, recordPeriod = period): Comparison => ({
    id: 'fte.rate', period: recordPeriod, breakdown: {}, value: null, lower: null, upper: null, unit: 'per 100,000', comparator: 'fte.rate',
    comparatorPeriod: period, area, comparatorValue: value, source: 'Youth Justice Statistics', origin: 'shipped', significant: false, direction: null,
  });
  const comparisons = [
    c('West Midlands', '2023-24-Q3', 130),
    c('West Midlands', '2024-25-Q3', 141),
    c('England', '2024-25-Q3', 300),
    // The same figure standing in for a later quarter (a lag): drawn once, at its own period.
    c('England', '2024-25-Q3', 300, '2024-25-Q4'),
    // Before the window: not drawn.
    c('England', '2020-21-Q3', 500),
    // Another indicator: not this chart's.
    { ...c('England', '2024-25-Q3', 0.2), id: 'custody.rate' as const },
  ];
  const section = rateTrendSection(FTE_TOPIC, ctx({ comparisons }));

  it('draws each comparator figure once, at its own quarter, as a line named in the legend', () => {
    const layer = specOf(chartOf(section)).layer.find((l) => l.data && l.layer);
    expect(layer?.data?.values).toEqual([
      { quarter: 'Dec 2023', area: 'West Midlands', value: 130 },
      { quarter: 'Dec 2024', area: 'West Midlands', value: 141 },
      { quarter: 'Dec 2024', area: 'England', value: 300 },
    ]);
  });

  it('tabulates the service against each comparator, better or worse only when the comparator is outside the interval', () => {
    const [table] = tablesOf(section);
    expect(table?.rows.map((r) => r.map(cellReading))).toEqual([
      // Year to December 2023: 60 × 5 = 300.0 [228.918, 386.168]; 130 is below it: higher, and lower is better: worse.
      // The service's rate with its count and base: 60 of 20,000.
      ['West Midlands, year to December 2023', '130.0', '300.0 (60 of 20,000)', '228.9 to 386.2', '▲ higher (worse)'],
      // Year to December 2024: 150.0 [101.184, 214.143]; 141 is inside.
      ['West Midlands, year to December 2024', '141.0', '150.0 (30 of 20,000)', '101.2 to 214.1', '● similar'],
      // 300 is above it: lower, better.
      ['England, year to December 2024', '300.0', '150.0 (30 of 20,000)', '101.2 to 214.1', '▼ lower (better)'],
    ]);
    expect(table?.notes).toContain('Source: Youth Justice Statistics.');
  });

  it('has no comparator table or lines without comparators', () => {
    const plain = rateTrendSection(FTE_TOPIC, ctx());
    expect(tablesOf(plain)).toEqual([]);
    expect(specOf(chartOf(plain)).layer.some((l) => l.layer)).toBe(false);
  });
});

describe('rateTrendSection: remands to youth detention (custody)', () => {
  const remands: YdaRemandYear[] = [
    { period: '2024-25-Q2', decisions: 9, children: 8, childrenWithDecision: 40 },
    { period: '2024-25-Q3', decisions: 4, children: 0, childrenWithDecision: 19 },
  ];
  const custody = [
    { id: 'custody.rate' as const, period: '2024-25-Q3', breakdown: {}, numerator: 9, denominator: 20_000, value: 0.45, lower: 0.2, upper: 0.8, unit: 'per 1,000' as const, suppressed: false },
  ];

  it('tabulates decisions, children remanded and children with a decision for each year', () => {
    const [table] = tablesOf(rateTrendSection(CUSTODY_TOPIC, ctx({ index: indexHeadlines(custody), remands })));
    expect(table?.rows.map((r) => r.map((x) => x.text))).toEqual([
      // Rolling years, named as such: "Year to September 2024", never the quarter's own months.
      ['Year to September 2024', '9', '8', '40'],
      ['Year to December 2024', '4', '0', '19'],
    ]);
  });

  it('hides counts from 1 to the threshold in the public version, and keeps true zeros', () => {
    const [table] = tablesOf(rateTrendSection(CUSTODY_TOPIC, ctx({ index: indexHeadlines(custody), remands, threshold: 5 })));
    expect(table?.rows[1]?.map((x) => x.text)).toEqual(['Year to December 2024', '[c]', '0', '19']);
    expect(table?.notes[0]).toMatch(/^\[c\] confidential/);
  });
});

describe('rateTrendSection: the population estimate of each quarter (issue 9)', () => {
  it('names in the table the estimate compute used for each quarter, not one guessed from P', () => {
    const table = chartOf(rateTrendSection(FTE_TOPIC, ctx({ population: { year: 2024, fallback: false, estimates: [
      // Hypothetical: the year to 2024-25-Q2 needed mid-2024 but used mid-2019 (say every later year was unusable).
      { period: '2024-25-Q2', wanted: 2024, year: 2019 },
    ] } }))).table;
    const texts = table.rows.map((r) => r.map((c) => c.text).join(' | '));
    expect(texts.filter((t) => t.includes('(mid-2019)'))).toHaveLength(1);
    expect(texts.find((t) => t.split(' | ')[0]!.endsWith('September 2024'))).toContain('(mid-2019)');
    // Quarters compute did not name keep the estimate for their own mid-year.
    expect(texts.find((t) => t.split(' | ')[0]!.endsWith('December 2024'))).toContain('(mid-2024)');
  });
});
