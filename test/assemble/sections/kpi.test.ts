import { describe, expect, it } from 'vitest';
import { kpiSection } from '../../../pipeline/assemble/sections/kpi.js';
import { indexHeadlines } from '../../../pipeline/assemble/series.js';
import { cellReading } from '../../../pipeline/assemble/cells.js';
import { discloseRecords } from '../../../pipeline/assemble/disclosure.js';
import { auditPublished } from '../../../pipeline/compute/statistics.js';
import type { TableModel } from '../../../pipeline/assemble/model.js';
import type { IndicatorId, IndicatorRecord } from '../../../pipeline/compute/record.js';
import { parsePeriod } from '../../../pipeline/period.js';

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
