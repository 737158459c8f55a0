/**
 * The YJB key performance indicators (docs/indicators.md, KPI section): one
 * row per KPI for the latest quarter against the same quarter a year before,
 * a direction only where the change is significant (compare.ts); a small
 * chart of each KPI over the trend window (kpi-trends.ts); then the main
 * KPIs by type of order, ethnic group, sex and age band. A KPI whose data is
 * absent shows [x] and says why under the table.
 */
import { catalogueEntries, headerOf, TOPICS } from '../../compute/catalogue.js';
import type { IndicatorId, IndicatorRecord } from '../../compute/record.js';
import { formatPeriod, type Period } from '../../period.js';
import { changeSymbol, compareEstimates } from '../compare.js';
import { isShown, labelCell, numberCell, table, textCell, valueWithCountsCell } from '../cells.js';
import { placesForEstimate, quarterLabel, SYMBOL } from '../format.js';
import type { Block, Cell, Section, TableModel } from '../model.js';
import { headline, yearEarlier, type HeadlineIndex } from '../series.js';
import { hasInterval, kpiFigureCell, kpiTrends, type KpiMeasure } from './kpi-trends.js';

/** The measure each KPI is judged by (kpis.md: the YJB's headline where it names one): the catalogue's KPI headlines, in KPI order. */
export const KPI_ROWS: readonly KpiMeasure[] = catalogueEntries().flatMap(([id, { kpi }]) => (kpi?.headline
  ? [{ id, number: kpi.number, name: kpi.headline, label: `${kpi.number} ${kpi.headline}` }] : []));

/** The KPIs shown by type of order and by ethnic group (the common population's proportions), under their catalogue headers. */
export const BREAKDOWN_COLUMNS: readonly { id: IndicatorId; header: string }[] = catalogueEntries()
  .flatMap(([id, { kpi }]) => (kpi?.byGroup ? [{ id, header: headerOf(id) }] : []));

/** A group with nobody in a measure's base: there is no figure, but no data is missing either. */
const NO_CHILD = '–';

const ORDER_TYPES: readonly { code: string; label: string }[] = [
  { code: 'OOCD', label: 'Out-of-court disposal' }, { code: 'YC', label: 'Youth caution' },
  { code: 'YCC', label: 'Youth conditional caution' }, { code: 'RO', label: 'Referral order' },
  { code: 'YRO', label: 'Youth rehabilitation order' }, { code: 'CUSTODY', label: 'Custody' },
];
const SEXES: readonly { code: string; label: string }[] = [
  { code: 'F', label: 'Female' }, { code: 'M', label: 'Male' }, { code: 'U', label: 'Not known' },
];
const AGE_BANDS: readonly { code: string; label: string }[] = [{ code: '10-14', label: '10 to 14' }, { code: '15-17', label: '15 to 17' }];

type SplitKey = 'order_type' | 'ethnic_group' | 'sex' | 'age_band';

/** Each breakdown table: its column of categories, the words of its caption, and what its groups mean. */
const SPLITS: Readonly<Record<SplitKey, { header: string; by: string; note: string; codes: readonly { code: string; label: string }[] | null }>> = {
  order_type: { header: 'Type of order', by: 'type of order', codes: ORDER_TYPES,
    note: 'Each child counts once, under the most serious type of order ending in the quarter.' },
  ethnic_group: { header: 'Ethnic group', by: 'ethnic group', codes: null,
    note: 'Ethnic group as recorded; children whose ethnicity is not known are in their own row where there are any.' },
  sex: { header: 'Sex', by: 'sex', codes: SEXES,
    note: 'Sex as recorded; children whose sex is not known are in their own row where there are any.' },
  age_band: { header: 'Age', by: 'age band', codes: AGE_BANDS,
    note: 'Age at the start of the order or intervention.' },
};

export function hasKpis(records: readonly IndicatorRecord[]): boolean {
  return records.some((r) => r.id.startsWith('kpi.'));
}

export function kpiSection(records: readonly IndicatorRecord[], index: HeadlineIndex, period: Period, threshold: number | null): Section {
  const code = formatPeriod(period);
  const trends = kpiTrends(KPI_ROWS, index, period, threshold);
  const split = (key: SplitKey): Block => {
    const codes = SPLITS[key].codes;
    return {
      kind: 'table',
      table: breakdownTable(records, code, key, codes ? codes.map((c) => c.code) : categoriesOf(records, code, key),
        (c) => codes?.find((x) => x.code === c)?.label ?? c, index, period, threshold),
    };
  };
  return {
    id: 'kpis',
    heading: TOPICS.kpi.heading,
    blocks: [
      { kind: 'paragraphs', paragraphs: [
        `The ten KPIs every youth justice service returns to the Youth Justice Board, for children whose order or intervention ended in ${quarterLabel(period)}, against the same quarter a year before. A change is called higher or lower only where it is statistically significant; otherwise the figures are similar. The YJB says the first years of these KPIs are not yet reliable enough for decisions.`,
      ] },
      { kind: 'table', table: summaryTable(index, period, threshold) },
      ...(trends ? [trends] : []),
      split('order_type'), split('ethnic_group'), split('sex'), split('age_band'),
    ],
  };
}

function summaryTable(index: HeadlineIndex, period: Period, threshold: number | null): TableModel {
  const before = yearEarlier(period);
  const reasons: string[] = [];
  const rows = KPI_ROWS.map((k) => {
    const now = headline(index, k.id, period);
    const then = headline(index, k.id, before);
    const reason = now?.reason ?? (now === undefined ? 'no figure was computed for this quarter.' : null);
    if (!isShown(now) && !now?.suppressed && reason) reasons.push(`${SYMBOL.notAvailable} KPI ${k.number}: ${reason}`);
    const places = (r: IndicatorRecord | undefined) => (isShown(r) ? placesForEstimate(r, r.unit) : 0);
    return [textCell(k.label), kpiFigureCell(now, places(now)), kpiFigureCell(then, places(then)), changeCell(now, then)];
  });
  return table({
    id: 'table-kpis',
    caption: `The ten YJB key performance indicators, ${quarterLabel(period)} and a year before`,
    head: [textCell('KPI'), numberCell(quarterLabel(period)), numberCell(quarterLabel(before)), textCell('Change')],
    rows,
    notes: [
      'Each figure: the percentage or rate, then the number of children (of victims for KPI 10, of partners for KPI 8) of the number measured.',
      'Change: ▲ higher or ▼ lower where the 95% confidence interval of the difference excludes zero (Wilson intervals for percentages, exact intervals for the serious violence rate); ● similar where it does not; – not available where either figure is missing or has no interval. Board attendance counts all five partners rather than a sample, so it has no interval and no test: its change is never called similar.',
      ...reasons,
    ],
  }, threshold);
}

/**
 * ▲ higher / ▼ lower only when significant; otherwise similar. Not available when either figure is missing or
 * is a count with no sampling interval (board attendance, of 5): "similar" there would claim a test never made.
 */
export function changeCell(now: IndicatorRecord | undefined, then: IndicatorRecord | undefined): Cell {
  const testable = (r: IndicatorRecord | undefined) => r !== undefined && hasInterval(r.unit);
  const word = testable(now) && testable(then) ? compareEstimates(now, then) : 'not available';
  return labelCell(`${changeSymbol(word)} ${word}`);
}

function breakdownTable(
  records: readonly IndicatorRecord[], code: string, key: SplitKey, categories: readonly string[],
  label: (category: string) => string, index: HeadlineIndex, period: Period, threshold: number | null,
): TableModel {
  const find = (id: IndicatorId, category: string) => records.find((r) => r.id === id && r.period === code
    && Object.keys(r.breakdown).length === 1 && r.breakdown[key] === category);
  const nobody = (col: IndicatorId, c: string) => {
    const r = find(col, c);
    return r === undefined ? headline(index, col, period) !== undefined : !r.suppressed && r.denominator === 0;
  };
  // A group with a record but nobody in any measure's base (sex not known, with every child's sex recorded) says nothing: no row.
  const present = categories.filter((c) => BREAKDOWN_COLUMNS.some((col) => find(col.id, c) !== undefined)
    && !BREAKDOWN_COLUMNS.every((col) => nobody(col.id, c)));
  const { by, header, note } = SPLITS[key];
  const rows = [
    ...present.map((c) => [textCell(label(c)), ...BREAKDOWN_COLUMNS.map((col) => (nobody(col.id, c) ? numberCell(NO_CHILD) : valueWithCountsCell(find(col.id, c))))]),
    [textCell('All children'), ...BREAKDOWN_COLUMNS.map((col) => valueWithCountsCell(headline(index, col.id, period)))],
  ];
  const noChild = rows.flat().some((cell) => cell.text === NO_CHILD);
  return table({
    id: `table-kpis-${key.replace('_', '-')}`,
    caption: `Main KPIs by ${by}, ${quarterLabel(period)}`,
    head: [textCell(header), ...BREAKDOWN_COLUMNS.map((c) => numberCell(c.header))],
    rows,
    notes: [...(noChild ? [`${NO_CHILD} no child in the group was measured (for example, no child with a SEND need).`] : []), note],
  }, threshold);
}

/** The categories of a breakdown in P, in first-seen order (the records' order is the compute phase's). */
function categoriesOf(records: readonly IndicatorRecord[], code: string, key: SplitKey): string[] {
  const seen: string[] = [];
  for (const r of records) {
    const c = r.breakdown[key];
    if (r.id.startsWith('kpi.') && r.period === code && c !== undefined && Object.keys(r.breakdown).length === 1 && !seen.includes(c)) seen.push(c);
  }
  return seen;
}
