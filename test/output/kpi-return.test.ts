/**
 * kpi-return.csv: its shape (columns, one row per measure and breakdown
 * category of P, in order), its totals against the records, `[x]` rows, and
 * formula safety.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { computeKpiRecords } from '../../pipeline/compute/indicators/kpi/index.js';
import type { IndicatorRecord } from '../../pipeline/compute/record.js';
import { loadExtract } from '../../pipeline/load/index.js';
import { KPI_MEASURES, KPI_RETURN_COLUMNS, kpiReturnCsv } from '../../pipeline/output/kpi-return.js';
import { openStore, type Store } from '../../pipeline/store/db.js';
import { ctx, P } from '../compute/indicators/kpi/kpi-fixture.js';
import { NOW } from '../load/extract-dir.js';
import { notAvailable } from '../../pipeline/compute/indicators/kpi/records.js';

let store: Store;
let records: IndicatorRecord[];
beforeAll(async () => {
  store = await openStore(null);
  await loadExtract(store, 'test/fixtures/extracts/kpi', { mode: 'full', loadedAt: NOW });
  records = (await computeKpiRecords(store, ctx)).records;
});
afterAll(() => store.close());

const SERVICE = { yjbCode: 'YJS123', serviceName: 'Test YJS', kpiVersion: 'v-test' };
type Row = Record<(typeof KPI_RETURN_COLUMNS)[number], string>;
const rowsOf = (csv: string): Row[] => parse(csv, { columns: true }) as Row[];

describe('kpi-return.csv', () => {
  it('has the template columns and one row per record of P for every measure, the headline first, then each breakdown', () => {
    const csv = kpiReturnCsv(records, P, SERVICE);
    expect(csv.split('\r\n')[0]).toBe(KPI_RETURN_COLUMNS.join(','));
    const rows = rowsOf(csv);
    const ofP = records.filter((r) => r.period === P && KPI_MEASURES.some((m) => m.id === r.id));
    expect(rows).toHaveLength(ofP.length);
    // Every measure of the return is there, in KPI order.
    expect([...new Set(rows.map((r) => r.record_id))]).toEqual(KPI_MEASURES.map((m) => m.id));
    expect(rows.every((r) => r.yjb_code === 'YJS123' && r.period === P && r.kpi_version === 'v-test')).toBe(true);
    // A child-level measure: All, 6 order types, 6 ethnic groups, 3 sexes, 2 age bands.
    const accommodation = rows.filter((r) => r.record_id === 'kpi.accommodation.end');
    expect(accommodation.map((r) => r.breakdown)).toEqual(['All', ...Array(6).fill('Order type'), ...Array(6).fill('Ethnic group'),
      ...Array(3).fill('Sex'), ...Array(2).fill('Age band')]);
    expect(accommodation.slice(1, 7).map((r) => r.category)).toEqual(['OOCD', 'YC', 'YCC', 'RO', 'YRO', 'CUSTODY']);
    // Board attendance: All and the five sectors.
    expect(rows.filter((r) => r.record_id === 'kpi.board_attendance.sectors').map((r) => r.category))
      .toEqual(['All', 'POLICE', 'PROBATION', 'HEALTH', 'EDUCATION', 'SOCIAL_CARE']);
  });

  it('matches the records: each row\'s numerator and denominator, and every breakdown adding up to its headline', () => {
    const rows = rowsOf(kpiReturnCsv(records, P, SERVICE));
    const num = (s: string) => (s === '' ? null : Number(s));
    for (const row of rows.filter((r) => r.breakdown === 'All')) {
      const record = records.find((r) => r.id === row.record_id && r.period === P && Object.keys(r.breakdown).length === 0)!;
      expect([num(row.numerator), num(row.denominator)], row.record_id).toEqual([record.numerator, record.denominator]);
      expect(num(row.value), row.record_id).toBe(record.value === null ? null : Number(record.value.toFixed(record.unit === '%' || record.unit === 'per 10,000' ? 1 : 0)));
      // Every child is in exactly one category of each child-level breakdown, so the categories add up to the headline.
      for (const breakdown of ['Order type', 'Ethnic group', 'Sex', 'Age band']) {
        const cells = rows.filter((r) => r.record_id === row.record_id && r.breakdown === breakdown);
        if (cells.length === 0) continue;
        expect(cells.reduce((n, r) => n + Number(r.numerator), 0), `${row.record_id} by ${breakdown}`).toBe(record.numerator);
        if (record.denominator !== null && record.unit !== 'per 10,000') {
          expect(cells.reduce((n, r) => n + Number(r.denominator), 0), `${row.record_id} by ${breakdown}`).toBe(record.denominator);
        }
      }
    }
    // The hand-worked headline: 1 of 4 children in suitable accommodation at the end, 25%.
    expect(rows.find((r) => r.record_id === 'kpi.accommodation.end' && r.breakdown === 'All'))
      .toMatchObject({ numerator: '1', denominator: '4', value: '25', unit: '%', status: '' });
    // Sectors: police, probation and social care counted.
    expect(rows.filter((r) => r.record_id === 'kpi.board_attendance.sectors' && r.breakdown === 'Sector').map((r) => r.value))
      .toEqual(['1', '1', '0', '0', '1']);
  });

  it('marks a KPI without its data x with the reason, and keeps every cell formula-safe', () => {
    const x = notAvailable('kpi.victims.engaged_rj', P, 'victims.csv has no records');
    const csv = kpiReturnCsv([x], P, { yjbCode: null, serviceName: '=cmd|calc', kpiVersion: '+v' });
    const [row] = rowsOf(csv);
    expect(row).toMatchObject({ yjb_code: '', service: "'=cmd|calc", kpi_version: "'+v", numerator: '', value: '', status: 'x', note: 'victims.csv has no records' });
  });
});
