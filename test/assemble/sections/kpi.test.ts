import { describe, expect, it } from 'vitest';
import { kpiSection } from '../../../pipeline/assemble/sections/kpi.js';
import { indexHeadlines } from '../../../pipeline/assemble/series.js';
import { cellReading } from '../../../pipeline/assemble/cells.js';
import { discloseRecords } from '../../../pipeline/assemble/disclosure.js';
import { auditPublished } from '../../../pipeline/compute/statistics.js';
import type { Block, ChartModel, TableModel } from '../../../pipeline/assemble/model.js';
import type { IndicatorId, IndicatorRecord } from '../../../pipeline/compute/record.js';
import { addQuarters, formatPeriod, parsePeriod } from '../../../pipeline/period.js';
import { CATALOGUE, catalogueEntries, headerOf, TOPICS } from '../../../pipeline/compute/catalogue.js';
import { SPC_WORDS } from '../../../pipeline/assemble/sections/spc.js';

const P = '2024-25-Q3';
const YEAR_BEFORE = '2023-24-Q3';

const pct = (id: IndicatorId, period: string, n: number, d: number, lower: number | null, upper: number | null,
  breakdown: IndicatorRecord['breakdown'] = {}): IndicatorRecord => ({
  id, period, breakdown, numerator: n, denominator: d, value: (n / d) * 100, lower, upper, unit: '%', suppressed: false,
});
const absent = (id: IndicatorId, period: string, reason: string): IndicatorRecord => ({
  id, period, breakdown: {}, numerator: null, denominator: null, value: null, lower: null, upper: null, unit: '%', suppressed: false, reason,
});

function tablesOf(records: IndicatorRecord[]): TableModel[] {
  const section = kpiSection(records, indexHeadlines(records), parsePeriod(P), 5);
  return section.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
}
function multiplesOf(records: IndicatorRecord[], threshold: number | null = null): Extract<Block, { kind: 'multiples' }> | undefined {
  const section = kpiSection(records, indexHeadlines(records), parsePeriod(P), threshold);
  return section.blocks.find((b): b is Extract<Block, { kind: 'multiples' }> => b.kind === 'multiples');
}
/** The quarter n quarters before P. */
const back = (n: number) => formatPeriod(addQuarters(parsePeriod(P), -n));
const rowOf = (t: TableModel, label: string) => t.rows.find((r) => r[0]!.text.startsWith(label))!.map(cellReading);

describe('kpiSection: one row per KPI', () => {
  const records = [
    // Wilson 95% intervals by hand. Accommodation 36/40 = 90.0% [77.0, 96.0] against 20/40 = 50.0% [35.2, 64.8]:
    // d = 40.0; L = 40.0 − √((90.0 − 77.0)² + (64.8 − 50.0)²) = 40.0 − 19.7 = 20.3 > 0: higher.
    pct('kpi.accommodation.end', P, 36, 40, 77.0, 96.0), pct('kpi.accommodation.end', YEAR_BEFORE, 20, 40, 35.2, 64.8),
    // SEND 5/10 = 50.0% [23.7, 76.3] against 6/10 = 60.0% [31.3, 83.2]: d = −10; U = −10 + √(26.3² + 28.7²) = 28.9 > 0 and
    // L = −10 − √(26.3² + 23.2²) < 0: the interval holds 0, so similar, and no direction.
    pct('kpi.send.plan', P, 5, 10, 23.7, 76.3), pct('kpi.send.plan', YEAR_BEFORE, 6, 10, 31.3, 83.2),
    absent('kpi.victims.engaged_rj', P, 'victims.csv is not in the extract, so KPI 10 cannot be worked out for 2024-25-Q3.'),
  ];
  const [summary] = tablesOf(records);

  it('calls a significant change by its direction, with count and base for both quarters', () => {
    expect(rowOf(summary!, '1 ')).toEqual(['1 Suitable accommodation at the end of the order', '90.0% (36 of 40)', '50.0% (20 of 40)', '▲ higher']);
  });

  it('gives no direction for a change the intervals cannot tell from none', () => {
    expect(rowOf(summary!, '3 ')).toEqual(['3 SEND: children with a need who have a formal plan', '50.0% (5 of 10)', '60.0% (6 of 10)', '● similar']);
  });

  it('shows a KPI whose data is absent as [x] with its reason, never 0', () => {
    expect(rowOf(summary!, '10 ').slice(1)).toEqual(['[x]', '[x]', '– not available']);
    expect(summary!.notes).toContain('[x] KPI 10: victims.csv is not in the extract, so KPI 10 cannot be worked out for 2024-25-Q3.');
    // A KPI with no record at all for P (here ETE) is [x] too, and says so.
    expect(rowOf(summary!, '2 ').slice(1, 3)).toEqual(['[x]', '[x]']);
    expect(summary!.notes).toContain('[x] KPI 2: no figure was computed for this quarter.');
    // KPI 10 counts victims and KPI 8 partners, not children: the note says whom each figure counts.
    expect(summary!.notes.join(' ')).toMatch(/children \(of victims for KPI 10, of partners for KPI 8\)/);
    expect(summary!.rows).toHaveLength(10);
  });
});

describe('kpiSection: breakdowns in the public pack', () => {
  // Accommodation by order type: OOCD 17 of 24, RO 10 of 12, YRO 3 of 4; the parts add up to the headline 30 of 40.
  const byType = (code: string, n: number, d: number) => pct('kpi.accommodation.end', P, n, d, null, null, { order_type: code });
  const truth = [
    pct('kpi.accommodation.end', P, 30, 40, 59.8, 85.8),
    byType('OOCD', 17, 24), byType('RO', 10, 12), byType('YRO', 3, 4),
  ];
  const disclosed = discloseRecords(truth, 5);
  const byOrderType = tablesOf(disclosed.records)[1]!;

  it('hides the small cell, the cell whose complement is small, and keeps the headline', () => {
    // YRO: 3 and 4 are from 1 to 5 (primary). RO: 12 − 10 = 2 children not in suitable accommodation (complement).
    expect(rowOf(byOrderType, 'Youth rehabilitation order')[1]).toBe('[c]');
    expect(rowOf(byOrderType, 'Referral order')[1]).toBe('[c]');
    // 17 / 24 = 70.83% → 70.8%; 30 / 40 = 75.0%.
    expect(rowOf(byOrderType, 'Out-of-court disposal')[1]).toBe('70.8% (17 of 24)');
    expect(rowOf(byOrderType, 'All children')[1]).toBe('75.0% (30 of 40)');
    expect(byOrderType.notes.some((n) => n.startsWith('[c]'))).toBe(true);
  });

  it('marks a group with nobody in the base as –, not as missing data', () => {
    const none: IndicatorRecord = { ...pct('kpi.send.plan', P, 0, 1, null, null, { order_type: 'YC' }), denominator: 0, value: null };
    const recs = [pct('kpi.send.plan', P, 6, 10, 31.3, 83.2), none];
    const t = tablesOf(recs)[1]!;
    // YC: SEND 0 of 0 → –; no accommodation record at all (headline absent too), so its YC cell is [x] (no data).
    expect(rowOf(t, 'Youth caution').slice(1, 3)).toEqual(['[x]', '–']);
    expect(t.notes).toContain('– no child in the group was measured (for example, no child with a SEND need).');
  });

  it('registers the parts adding up to the headline, so no hidden cell can be worked out', () => {
    // 30 − 17 = 13 children shared between RO and YRO: neither can be told, nor the YRO complement (4 − 3 = 1).
    const { cells, relations } = disclosed.published;
    expect(relations.some((r) => r.label?.includes('kpi.accommodation.end|2024-25-Q3|order_type=YRO|count'))).toBe(true);
    expect(auditPublished(cells, relations, 5).leaks).toEqual([]);
  });

  it('hides a second part when only one is small, since the parts add up to the headline', () => {
    // OOCD 17 of 24, RO 15 of 25 (complement 10, not small), YRO 3 of 4; headline 35 of 53.
    const only = [pct('kpi.accommodation.end', P, 35, 53, null, null), byType('OOCD', 17, 24), byType('RO', 15, 25), byType('YRO', 3, 4)];
    const table = tablesOf(discloseRecords(only, 5).records)[1]!;
    // YRO is primary; 35 − 17 − 15 = 3 would give it away, so OOCD or RO is hidden as well (secondary; the count of
    // one and the base of the other may be the ones chosen, so both rows may go).
    const disclosed = discloseRecords(only, 5);
    expect(rowOf(table, 'Youth rehabilitation order')[1]).toBe('[c]');
    const hiddenParts = ['Out-of-court disposal', 'Referral order'].filter((l) => rowOf(table, l)[1] === '[c]');
    expect(hiddenParts.length).toBeGreaterThanOrEqual(1);
    expect(disclosed.log.filter((e) => e.reason === 'secondary').length).toBeGreaterThanOrEqual(1);
    expect(auditPublished(disclosed.published.cells, disclosed.published.relations, 5).leaks).toEqual([]);
    expect(rowOf(table, 'All children')[1]).toBe('66.0% (35 of 53)');
  });
});

describe('kpiSection: the change column says only what the numbers support', () => {
  const ofFive = (period: string, n: number, bounds: { lower: number | null; upper: number | null } = { lower: null, upper: null }): IndicatorRecord => ({
    id: 'kpi.board_attendance.sectors', period, breakdown: {}, numerator: n, denominator: 5, value: n, ...bounds, unit: 'of 5', suppressed: false,
  });
  const rate = (period: string, n: number, value: number, lower: number, upper: number): IndicatorRecord => ({
    id: 'kpi.serious_violence.rate', period, breakdown: {}, numerator: n, denominator: 27_974, value, lower, upper, unit: 'per 10,000', suppressed: false,
  });

  it('never calls board attendance similar: it counts all five partners, so there is no interval and no test', () => {
    const [summary] = tablesOf([ofFive(P, 5), ofFive(YEAR_BEFORE, 4)]);
    expect(rowOf(summary!, '8 ').slice(1)).toEqual(['5 of 5', '4 of 5', '– not available']);
    // Even a record that came with limits is a census of the five, not a sample.
    const [withLimits] = tablesOf([ofFive(P, 5, { lower: 4, upper: 5 }), ofFive(YEAR_BEFORE, 4, { lower: 3, upper: 5 })]);
    expect(rowOf(withLimits!, '8 ')[3]).toBe('– not available');
  });

  it('tests a rate per 10,000 by its exact intervals', () => {
    // 8 / 27,974 × 10,000 = 2.860 [1.23, 5.63] against 13 → 4.647 [2.47, 7.95]: d = −1.79,
    // U = −1.79 + √((5.63 − 2.86)² + (4.647 − 2.47)²) = −1.79 + 3.52 > 0 and L < 0: similar.
    const [similar] = tablesOf([rate(P, 8, 2.86, 1.23, 5.63), rate(YEAR_BEFORE, 13, 4.647, 2.47, 7.95)]);
    expect(rowOf(similar!, '9 ').slice(1)).toEqual(['2.9 (8 of 27,974)', '4.6 (13 of 27,974)', '● similar']);
    // 40 → 14.30 [10.22, 19.47] against 8 → 2.86 [1.23, 5.63]: L = 11.44 − √(4.08² + 2.77²) = 11.44 − 4.93 > 0: higher.
    const [higher] = tablesOf([rate(P, 40, 14.30, 10.22, 19.47), rate(YEAR_BEFORE, 8, 2.86, 1.23, 5.63)]);
    expect(rowOf(higher!, '9 ')[3]).toBe('▲ higher');
  });
});

describe('kpiSection: by sex and by age band', () => {
  const split = (breakdown: IndicatorRecord['breakdown'], n: number, d: number) => pct('kpi.wider_services.any', P, n, d, null, null, breakdown);
  const truth = [
    // 11 of 45 overall: girls 4 of 10, boys 7 of 35, sex not known 0 of 0 in every KPI (no row); 10 to 14 3 of 14, 15 to 17 8 of 31.
    pct('kpi.wider_services.any', P, 11, 45, 14.2, 38.7),
    split({ sex: 'F' }, 4, 10), split({ sex: 'M' }, 7, 35),
    ...(['kpi.accommodation.end', 'kpi.send.plan', 'kpi.mental_health.offered', 'kpi.wider_services.any'] as const)
      .map((id) => ({ ...pct(id, P, 0, 1, null, null, { sex: 'U' }), denominator: 0, value: null })),
    split({ age_band: '10-14' }, 3, 14), split({ age_band: '15-17' }, 8, 31),
  ];

  it('has a table for each, with the whole as its last row and no row for a group with nobody in it', () => {
    const tables = tablesOf(truth);
    const bySex = tables.find((t) => t.id === 'table-kpis-sex')!;
    const byAge = tables.find((t) => t.id === 'table-kpis-age-band')!;
    expect(bySex.rows.map((r) => r[0]!.text)).toEqual(['Female', 'Male', 'All children']);
    // Wider services is the fourth column: 4 / 10 = 40.0%, 7 / 35 = 20.0%, 11 / 45 = 24.4%.
    expect(bySex.rows.map((r) => cellReading(r[4]!))).toEqual(['40.0% (4 of 10)', '20.0% (7 of 35)', '24.4% (11 of 45)']);
    // 3 / 14 = 21.4%, 8 / 31 = 25.8%.
    expect(byAge.rows.map((r) => `${r[0]!.text}: ${cellReading(r[4]!)}`)).toEqual(['10 to 14: 21.4% (3 of 14)', '15 to 17: 25.8% (8 of 31)', 'All children: 24.4% (11 of 45)']);
    expect(byAge.caption).toBe('Main KPIs by age band, October to December 2024');
  });

  it('hides what the parts would give away in the public pack, and the audit finds no leak', () => {
    const disclosed = discloseRecords(truth, 5);
    const tables = tablesOf(disclosed.records);
    const bySex = tables.find((t) => t.id === 'table-kpis-sex')!;
    const byAge = tables.find((t) => t.id === 'table-kpis-age-band')!;
    // Girls 4 (1 to 5): hidden; then boys would be 11 − 4 = 7 from the whole, so one more is hidden.
    expect(cellReading(bySex.rows[0]![4]!)).toBe('[c]');
    expect(cellReading(bySex.rows[1]![4]!)).toBe('[c]');
    // 10 to 14: 3 of 14 is small, and 15 to 17 = 11 − 3 would give it away.
    expect(cellReading(byAge.rows[0]![4]!)).toBe('[c]');
    expect(cellReading(byAge.rows[1]![4]!)).toBe('[c]');
    expect(auditPublished(disclosed.published.cells, disclosed.published.relations, 5).leaks).toEqual([]);
  });
});

describe('kpiSection: each KPI quarter by quarter (small multiples)', () => {
  // Accommodation over the 12-quarter window: no record in the first two quarters (before the data begins); then
  // 50.0% (10 of 20) in Q−9 to Q−6, [x] in Q−5 (no data that quarter), 50.0% in Q−4 and 60.0% (12 of 20) in Q−3 to P.
  const accommodation = (n: number, quarter: string) => pct('kpi.accommodation.end', quarter, n, 20, 40, 70);
  const series: IndicatorRecord[] = [
    ...[9, 8, 7, 6].map((q) => accommodation(10, back(q))),
    { ...absent('kpi.accommodation.end', back(5), 'accommodation.csv had no rows for the quarter.'), status: 'not_available' },
    accommodation(10, back(4)),
    ...[3, 2, 1, 0].map((q) => accommodation(12, back(q))),
  ];
  const panel = (records: IndicatorRecord[], threshold: number | null = null): ChartModel =>
    multiplesOf(records, threshold)!.charts.find((c) => c.id === 'chart-trend-kpi-accommodation-end')!;
  type Values = { quarter: string; value: number | null; kind: string }[];
  const values = (c: ChartModel) => (c.spec as unknown as { data: { values: Values } }).data.values;
  const column = (c: ChartModel, i: number) => c.table.rows.map((r) => cellReading(r[i]!));

  it('draws one panel per KPI with a figure to show, and says which have none', () => {
    const block = multiplesOf(series)!;
    expect(block.charts.map((c) => c.id)).toEqual(['chart-trend-kpi-accommodation-end']);
    expect(block.paragraphs.join(' ')).toContain('No chart for KPI 2, KPI 3, KPI 4, KPI 5, KPI 6, KPI 7, KPI 8, KPI 9 and KPI 10: no quarter has a figure that can be shown.');
    expect(multiplesOf([absent('kpi.accommodation.end', P, 'no file')])).toBeUndefined();
  });

  it('leaves out the quarters before the data begins, and keeps a quarter with no figure as a gap, never a zero', () => {
    const c = panel(series);
    // P is October to December 2024 ("Dec 2024"); Q−9 is July to September 2022 ("Sep 2022").
    expect(values(c).map((p) => p.quarter)).toEqual(['Sep 2022', 'Dec 2022', 'Mar 2023', 'Jun 2023', 'Sep 2023', 'Dec 2023', 'Mar 2024', 'Jun 2024', 'Sep 2024', 'Dec 2024']);
    expect(values(c).map((p) => p.value)).toEqual([50, 50, 50, 50, null, 50, 60, 60, 60, 60]);
    expect(column(c, 0)).toEqual(['Jul–Sep 2022', 'Oct–Dec 2022', 'Jan–Mar 2023', 'Apr–Jun 2023', 'Jul–Sep 2023', 'Oct–Dec 2023', 'Jan–Mar 2024', 'Apr–Jun 2024', 'Jul–Sep 2024', 'Oct–Dec 2024']);
    expect(column(c, 1)).toEqual([...Array(4).fill('50.0% (10 of 20)'), '[x]', '50.0% (10 of 20)', ...Array(4).fill('60.0% (12 of 20)')]);
  });

  it('marks the SPC signals of the quarters shown, and names them in the table', () => {
    // Nine figures: mean (6 × 50 + 4 × 60 − 50) / 9 = 490 / 9 = 54.44; moving ranges across the gap 0,0,0,0,0... only
    // 50 → 60 moves: 10 over 8 ranges = 1.25; limits 54.44 ± 2.66 × 1.25 = 51.12 to 57.77. Every 50 is below the
    // lower limit and every 60 above the upper: the strongest signal, so the one named.
    const c = panel(series);
    expect(values(c).map((p) => p.kind)).toEqual(['Low', 'Low', 'Low', 'Low', 'None', 'Low', 'High', 'High', 'High', 'High']);
    expect(column(c, 3)).toEqual([...Array(4).fill('Below the lower limit'), '[x]', 'Below the lower limit', ...Array(4).fill('Above the upper limit')]);
    expect(c.subtitle).toContain('SPC limits are trial limits (9 quarters, fewer than 12).');
  });

  it('has a text alternative with the first, last, highest and lowest figures, the gaps and the signals', () => {
    expect(panel(series).description).toBe('Line chart of KPI 1, suitable accommodation at the end of the order, in each quarter from July to September 2022 to October to December 2024, with a shaded 95% confidence interval. '
      + 'It was 50.0% in July to September 2022 and 60.0% in October to December 2024; the highest was 60.0% in January to March 2024 and the lowest 50.0% in July to September 2022. '
      + '1 of 10 quarters has no figure shown. '
      + 'SPC signals: below the lower limit from July to September 2022; below the lower limit from October to December 2023; above the upper limit from January to March 2024. '
      + 'The figures are in the table below the chart.');
  });

  it('draws a hidden quarter of the public pack as a gap, and leaves it out of the signals', () => {
    // Q−1 hidden ([c]): eight figures, 50 × 5 and 60 × 3, mean 430 / 8 = 53.75, still one move of 10 over 7 ranges.
    const hidden = series.map((r) => (r.period === back(1) ? { ...r, numerator: null, denominator: null, value: null, lower: null, upper: null, suppressed: true } : r));
    const c = panel(hidden, 5);
    expect(values(c).map((p) => p.value)).toEqual([50, 50, 50, 50, null, 50, 60, 60, null, 60]);
    expect(values(c)[8]!.kind).toBe('None');
    expect(column(c, 1)[8]).toBe('[c]');
    expect(column(c, 3)[8]).toBe('[c]');
    expect(c.table.notes).toContain('[c] hidden to protect children\'s identities (the key is under the first KPI table).');
    expect((c.spec as unknown as { layer: { encoding?: { y?: { datum?: number } } }[] }).layer.some((l) => l.encoding?.y?.datum === 430 / 8)).toBe(true);
  });

  it('says whom each figure counts: children for the common population, victims for KPI 10', () => {
    const victims = [pct('kpi.victims.engaged_rj', back(1), 9, 25, 20, 55), pct('kpi.victims.engaged_rj', P, 10, 25, 22, 58)];
    const block = multiplesOf([...series, ...victims])!;
    const notes = (id: string) => block.charts.find((c) => c.id === id)!.table.notes.join(' ');
    expect(notes('chart-trend-kpi-victims-engaged-rj')).toContain('then the number of victims of the number measured');
    expect(notes('chart-trend-kpi-accommodation-end')).toContain('then the number of children of the number measured');
  });

  it('judges no panel with fewer than 6 quarters shown: no average line, no signal, no "None", and says so', () => {
    // Board attendance in three quarters: 5, 4, 5 of 5.
    const board = [5, 4, 5].map((n, i): IndicatorRecord => ({
      id: 'kpi.board_attendance.sectors', period: back(2 - i), breakdown: {}, numerator: n, denominator: 5, value: n, lower: null, upper: null, unit: 'of 5', suppressed: false,
    }));
    const block = multiplesOf([...series, ...board])!;
    const c = block.charts.find((x) => x.id === 'chart-trend-kpi-board-attendance-sectors')!;
    const layers = (c.spec as unknown as { layer: { mark: { type: string } }[] }).layer;
    expect(layers.some((l) => l.mark.type === 'rule')).toBe(false);
    expect(values(c).map((p) => p.kind)).toEqual(['None', 'None', 'None']);
    expect(column(c, 2)).toEqual(Array(3).fill(SPC_WORDS.tooFewCell));
    expect(c.subtitle).toBe('Statutory partners (of 5), each quarter, April to June 2024 to October to December 2024. '
      + 'No average line or statistical process control (SPC) signals: 3 quarters shown, too few to judge variation (SPC needs at least 6).');
    expect(c.description).toContain('No average line or statistical process control (SPC) signals: 3 quarters shown');
    expect(c.table.notes).toContain('SPC signal: not judged. Only 3 quarters have a figure shown, and NHS England\'s "Making Data Count" rules on an XmR chart need at least 6 before an average, limits or signals mean anything.');
    // The section names the panels left unjudged; accommodation's nine quarters are judged as before.
    expect(block.paragraphs).toContain('No average line or SPC signals for KPI 8: fewer than 6 quarters have a figure shown, too few to judge variation.');
    expect(column(panel([...series, ...board]), 3)[0]).toBe('Below the lower limit');
  });

  it('counts only the quarters the public sees: accommodation with four of its nine figures hidden is not judged', () => {
    // Hide Q−9 to Q−6 ([c]): five figures shown (50, 60, 60, 60, 60), too few; the board's nine are judged.
    const hidden = series.map((r) => ([9, 8, 7, 6].map(back).includes(r.period)
      ? { ...r, numerator: null, denominator: null, value: null, lower: null, upper: null, suppressed: true } : r));
    const c = panel(hidden, 5);
    expect((c.spec as unknown as { layer: { mark: { type: string } }[] }).layer.some((l) => l.mark.type === 'rule')).toBe(false);
    expect(column(c, 3)).toEqual([...Array(4).fill('[c]'), '[x]', ...Array(5).fill(SPC_WORDS.tooFewCell)]);
    expect(c.subtitle).not.toContain('trial limits');
    expect(multiplesOf(hidden, 5)!.paragraphs).toContain('No average line or SPC signals for KPI 1: fewer than 6 quarters have a figure shown, too few to judge variation.');
    // The board's series, nothing hidden, is judged: no such sentence.
    expect(multiplesOf(series)!.paragraphs.join(' ')).not.toContain('No average line');
  });

  it('draws board attendance on a 0 to 5 scale with no band, and its table has no interval column', () => {
    const board = [5, 4, 5].map((n, i): IndicatorRecord => ({
      id: 'kpi.board_attendance.sectors', period: back(2 - i), breakdown: {}, numerator: n, denominator: 5, value: n, lower: null, upper: null, unit: 'of 5', suppressed: false,
    }));
    const c = multiplesOf(board)!.charts[0]!;
    expect(c.table.head.map((h) => h.text)).toEqual(['Quarter', 'Partners', 'SPC signal']);
    expect(column(c, 1)).toEqual(['5 of 5', '4 of 5', '5 of 5']);
    const spec = c.spec as unknown as { data: { values: { top: number }[] } };
    // The axis stops at 5, the most partners there can be (5 × 1.15 = 5.75 would round up to 6).
    expect(spec.data.values[0]!.top).toBe(5);
  });
});

describe('kpiSection: every KPI row, column and chart comes from the catalogue', () => {
  const headlines = catalogueEntries().flatMap(([id, e]) => (e.kpi?.headline ? [{ id, entry: e, number: e.kpi.number, words: e.kpi.headline }] : []));
  // One figure per headline measure in P and the quarter before: 8 of 20 (or 4 of 5 partners, or a rate).
  const figure = (id: IndicatorId, period: string): IndicatorRecord => {
    const unit = CATALOGUE[id].unit;
    if (unit === 'of 5') return { id, period, breakdown: {}, numerator: 4, denominator: 5, value: 4, lower: null, upper: null, unit, suppressed: false };
    return { ...pct(id, period, 8, 20, 21.9, 61.3), unit };
  };
  const records = headlines.flatMap((h) => [figure(h.id, back(1)), figure(h.id, P)]);
  const section = kpiSection(records, indexHeadlines(records), parsePeriod(P), null);
  const tables = section.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
  const summary = tables.find((t) => t.id === 'table-kpis')!;

  it('has the ten rows of the catalogue\'s KPI headlines, numbered 1 to 10 in order, under the catalogue\'s topic heading', () => {
    expect(section.heading).toBe(TOPICS.kpi.heading);
    expect(summary.rows.map((r) => r[0]!.text)).toEqual(headlines.map((h) => `${h.number} ${h.words}`));
    expect(summary.rows.map((r) => r[0]!.text.split(' ')[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('names under the table whom each row counts where it is not children', () => {
    const notes = summary.notes.join(' ');
    const others = headlines.filter((h) => h.entry.counts !== 'children');
    // KPI 8 counts partners and KPI 10 victims (kpis.md).
    expect(others.map((h) => [h.number, h.entry.counts])).toEqual([[8, 'partners'], [10, 'victims']]);
    for (const h of others) expect(notes).toContain(`of ${h.entry.counts} for KPI ${h.number}`);
  });

  it('heads the columns of every table by group with the catalogue headers of the KPIs shown by group', () => {
    const byGroup = catalogueEntries().filter(([, e]) => e.kpi?.byGroup).map(([id]) => headerOf(id));
    const splits = tables.filter((t) => t.id.startsWith('table-kpis-'));
    expect(splits.map((t) => t.id)).toEqual(['table-kpis-order-type', 'table-kpis-ethnic-group', 'table-kpis-sex', 'table-kpis-age-band']);
    for (const t of splits) expect(t.head.slice(1).map((h) => h.text), t.id).toEqual(byGroup);
  });

  it('draws a panel for each headline, titled by its KPI number and words, saying whom its figure counts', () => {
    const charts = section.blocks.find((b): b is Extract<Block, { kind: 'multiples' }> => b.kind === 'multiples')!.charts;
    expect(charts.map((c) => c.title)).toEqual(headlines.map((h) => `KPI ${h.number} – ${h.words}`));
    for (const [i, h] of headlines.entries()) {
      const notes = charts[i]!.table.notes.join(' ');
      // "of 5" is the partners themselves: no "number of … of the number measured" sentence.
      if (h.entry.unit === 'of 5') expect(notes, h.id).not.toContain('the number of');
      else expect(notes, h.id).toContain(`then the number of ${h.entry.counts} of the number measured`);
    }
  });
});
