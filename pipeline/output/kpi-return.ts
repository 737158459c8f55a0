/**
 * kpi-return.csv: the quarter's KPI figures in the shape of the YJB's KPI
 * summary template, one row per KPI measure and breakdown category, with the
 * numerator, the denominator and the service's YJB code, so an officer can
 * check it against (or upload it instead of) the hand-filled template.
 *
 * Only P's records; rows in KPI order, then measure, then the headline
 * ("All") and each breakdown's categories in their fixed order. Values are
 * rounded for display to the catalogue's decimal places for their unit (1;
 * counts and "of 5" whole); the numerator and denominator are exact. A KPI
 * whose data is absent is one row per measure marked `x` with the reason.
 * Every cell is formula-safe.
 */
import { catalogueEntries, KPI_NAMES, UNITS, type KpiNumber } from '../compute/catalogue.js';
import type { IndicatorId, IndicatorRecord } from '../compute/record.js';
import { csvCell } from './csv.js';

export interface KpiMeasure {
  kpi: KpiNumber;
  kpiName: string;
  id: IndicatorId;
  measure: string;
}

/** Every measure of the return, in order (docs/indicators.md, KPIs): the catalogue's KPI measures, in its order. */
export const KPI_MEASURES: readonly KpiMeasure[] = catalogueEntries()
  .flatMap(([id, { kpi }]) => (kpi ? [{ kpi: kpi.number, kpiName: KPI_NAMES[kpi.number], id, measure: kpi.measure }] : []));

/** Breakdown keys in the return's order and their labels. */
const BREAKDOWNS: readonly { key: string; label: string }[] = [
  { key: 'order_type', label: 'Order type' }, { key: 'ethnic_group', label: 'Ethnic group' }, { key: 'sex', label: 'Sex' },
  { key: 'age_band', label: 'Age band' }, { key: 'sector', label: 'Sector' },
];

const RETURN_KEYS = new Set(BREAKDOWNS.map((b) => b.key));

export const KPI_RETURN_COLUMNS = [
  'yjb_code', 'service', 'period', 'kpi_version', 'kpi', 'kpi_name', 'measure', 'record_id', 'breakdown', 'category',
  'numerator', 'denominator', 'value', 'unit', 'status', 'note',
] as const;

export interface ReturnService {
  yjbCode: string | null;
  serviceName: string;
  kpiVersion: string;
}

function breakdownOf(r: IndicatorRecord): { label: string; category: string; order: number } {
  const at = BREAKDOWNS.findIndex((b) => r.breakdown[b.key as keyof IndicatorRecord['breakdown']] !== undefined);
  if (at === -1) return { label: 'All', category: 'All', order: -1 };
  const b = BREAKDOWNS[at]!;
  return { label: b.label, category: r.breakdown[b.key as keyof IndicatorRecord['breakdown']]!, order: at };
}

function rounded(r: IndicatorRecord): number | null {
  if (r.value === null) return null;
  return Number(r.value.toFixed(UNITS[r.unit].decimals));
}

/** The rows of the return for period P (records of other periods are ignored). */
export function kpiReturnRows(records: readonly IndicatorRecord[], period: string, service: ReturnService): unknown[][] {
  const rows: unknown[][] = [];
  for (const m of KPI_MEASURES) {
    const own = records
      .filter((r) => r.id === m.id && r.period === period && Object.keys(r.breakdown).every((k) => RETURN_KEYS.has(k)))
      .map((r, i) => ({ r, b: breakdownOf(r), i }))
      // Stable: the compute order within a breakdown is already the category order.
      .sort((a, b) => a.b.order - b.b.order || a.i - b.i);
    for (const { r, b } of own) {
      rows.push([
        service.yjbCode ?? '', service.serviceName, period, service.kpiVersion, m.kpi, m.kpiName, m.measure, m.id, b.label, b.category,
        r.numerator, r.denominator, rounded(r), r.unit,
        r.status === 'not_available' ? 'x' : '', r.status === 'not_available' ? r.reason ?? '' : '',
      ]);
    }
  }
  return rows;
}

export function kpiReturnCsv(records: readonly IndicatorRecord[], period: string, service: ReturnService): string {
  const lines = [
    KPI_RETURN_COLUMNS.join(','),
    ...kpiReturnRows(records, period, service).map((row) => row.map(csvCell).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
