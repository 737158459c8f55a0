/**
 * kpi-return.csv: the quarter's KPI figures in the shape of the YJB's KPI
 * summary template, one row per KPI measure and breakdown category, with the
 * numerator, the denominator and the service's YJB code, so an officer can
 * check it against (or upload it instead of) the hand-filled template.
 *
 * Only P's records; rows in KPI order, then measure, then the headline
 * ("All") and each breakdown's categories in their fixed order. Values are
 * rounded for display (1 decimal place; counts and "of 5" whole); the
 * numerator and denominator are exact. A KPI whose data is absent is one row
 * per measure marked `x` with the reason. Every cell is formula-safe.
 */
import type { IndicatorId, IndicatorRecord } from '../compute/record.js';
import { csvCell } from './csv.js';

export interface KpiMeasure {
  kpi: number;
  kpiName: string;
  id: IndicatorId;
  measure: string;
}

/** Every measure of the return, in order (docs/indicators.md, KPIs). */
export const KPI_MEASURES: readonly KpiMeasure[] = [
  ...([
    ['kpi.accommodation.end', 'Suitable accommodation at the end of the order (%)'],
    ['kpi.accommodation.start', 'Suitable accommodation at the start of the order (%)'],
    ['kpi.accommodation.not_recorded', 'No accommodation recorded at the end of the order (children)'],
    ['kpi.accommodation.not_recorded_start', 'No accommodation recorded at the start of the order (children)'],
  ] as const).map(([id, measure]) => ({ kpi: 1, kpiName: 'Suitable accommodation', id, measure })),
  ...([
    ['ete.overall', 'Offered the expected ETE hours at the end of the order (%)'],
    ['ete.school_age', 'School age: 25 hours or more at the end (%)'],
    ['ete.over_school_age', 'Above school age: 16 hours or more at the end (%)'],
    ['ete.suitable_end', 'In suitable ETE at the end of the order (%)'],
    ['ete.not_recorded', 'No ETE recorded at the end of the order (children)'],
    ['ete.overall_start', 'Offered the expected ETE hours at the start of the order (%)'],
    ['ete.school_age_start', 'School age: 25 hours or more at the start (%)'],
    ['ete.over_school_age_start', 'Above school age: 16 hours or more at the start (%)'],
    ['ete.suitable_start', 'In suitable ETE at the start of the order (%)'],
    ['ete.not_recorded_start', 'No ETE recorded at the start of the order (children)'],
  ] as const).map(([id, measure]) => ({ kpi: 2, kpiName: 'Education, training and employment', id, measure })),
  { kpi: 3, kpiName: 'SEND/ALN', id: 'kpi.send.plan', measure: 'Formal plan, of children with an identified SEND/ALN need (%)' },
  ...needMeasures(4, 'Mental health and emotional wellbeing', 'mental_health'),
  ...needMeasures(5, 'Substance misuse', 'substance_misuse'),
  { kpi: 6, kpiName: 'Out-of-court disposals', id: 'kpi.oocd.completed', measure: 'Completed the intervention (%)' },
  ...([
    ['kpi.wider_services.any', 'Any of the four statuses during the order (%)'],
    ['kpi.wider_services.lac', 'Looked after during the order (%)'],
    ['kpi.wider_services.cpp', 'Child protection plan during the order (%)'],
    ['kpi.wider_services.cin', 'Child in need during the order (%)'],
    ['kpi.wider_services.early_help', 'Early help plan during the order (%)'],
  ] as const).map(([id, measure]) => ({ kpi: 7, kpiName: 'Links to wider services', id, measure })),
  { kpi: 8, kpiName: 'Management board attendance', id: 'kpi.board_attendance.sectors', measure: 'Sectors whose senior partner attended at least half the meetings (of 5)' },
  { kpi: 8, kpiName: 'Management board attendance', id: 'kpi.board_attendance.data_shared', measure: 'Sectors that shared data at every meeting attended (of 5)' },
  ...([
    ['kpi.serious_violence.offences', 'Serious violence offences (count)'],
    ['kpi.serious_violence.children', 'Children with a serious violence offence (count)'],
    ['kpi.serious_violence.rate', 'Children with a serious violence offence per 10,000 aged 10-17'],
  ] as const).map(([id, measure]) => ({ kpi: 9, kpiName: 'Serious violence', id, measure })),
  ...([
    ['kpi.victims.engaged_rj', 'Engaged with restorative justice, of victims who consented to contact (%)'],
    ['kpi.victims.contacted', 'Contacted, of victims who consented to contact (%)'],
    ['kpi.victims.views_considered', 'Views considered, of victims identified (%)'],
  ] as const).map(([id, measure]) => ({ kpi: 10, kpiName: 'Victims', id, measure })),
];

function needMeasures(kpi: number, kpiName: string, key: 'mental_health' | 'substance_misuse'): KpiMeasure[] {
  return [
    { kpi, kpiName, id: `kpi.${key}.need`, measure: 'Identified need, of children whose order ended (%)' },
    { kpi, kpiName, id: `kpi.${key}.offered`, measure: 'Offered an intervention, of children with the need (%)' },
    { kpi, kpiName, id: `kpi.${key}.attended`, measure: 'Attended, of children offered (%)' },
  ];
}

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
  const places = r.unit === 'count' || r.unit === 'of 5' ? 0 : 1;
  return Number(r.value.toFixed(places));
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
