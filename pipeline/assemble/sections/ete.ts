/**
 * Section 6, Education, training and employment (YJB KPI 2): the four
 * measures by quarter as a line chart, with the KPI table by quarter as its
 * data table, each proportion with its denominator ("12 of 27").
 */
import { headerOf, TOPICS } from '../../compute/catalogue.js';
import type { IndicatorId, IndicatorRecord } from '../../compute/record.js';
import { type Period } from '../../period.js';
import { kpiChartSpec, type KpiPoint } from '../charts/kpi-chart.js';
import { compareEstimates } from '../compare.js';
import { countOfBase, figureWithBasisCell, isShown, numberCell, symbolFor, table, textCell } from '../cells.js';
import { formatCount, formatValue, quarterLabel } from '../format.js';
import type { Cell, ChartModel, Section } from '../model.js';
import { headline, previousQuarter, quartersWithRecords, yearEarlier, type HeadlineIndex } from '../series.js';
import { shortQuarter } from './reoffending.js';

/** The four end-of-order measures, in the chart's and table's order, with their catalogue headers. */
export const ETE_IDS: readonly { id: IndicatorId; header: string }[] = (
  ['ete.school_age', 'ete.over_school_age', 'ete.overall', 'ete.suitable_end'] as const
).map((id) => ({ id, header: headerOf(id) }));

export function hasEte(index: HeadlineIndex): boolean {
  return ETE_IDS.some((e) => index.has(e.id));
}

export function eteSection(index: HeadlineIndex, period: Period, threshold: number | null): Section {
  const quarters = quartersWithRecords(index, ETE_IDS.map((e) => e.id), period);
  return {
    id: 'ete',
    heading: TOPICS.ete.heading,
    blocks: [
      { kind: 'paragraphs', paragraphs: [
        'Children whose intervention with the service ended in the quarter, and the education, training or employment (ETE) hours offered to them at the end (YJB key performance indicator 2). Children of compulsory school age should be offered at least 25 hours a week; those above school age at least 16.',
      ] },
      { kind: 'figure', chart: eteChart(index, period, quarters, threshold) },
    ],
  };
}

function eteChart(index: HeadlineIndex, period: Period, quarters: readonly Period[], threshold: number | null): ChartModel {
  const labels = quarters.map(shortQuarter);
  const points: KpiPoint[] = quarters.flatMap((q, i) => ETE_IDS.map((e) => {
    const r = headline(index, e.id, q);
    return { quarter: labels[i] as string, measure: e.header, value: isShown(r) ? r.value : null };
  }));
  const first = quarters[0];
  const last = quarters[quarters.length - 1];
  const span = first && last ? `${quarterLabel(first)} to ${quarterLabel(last)}` : quarterLabel(period);
  return {
    id: 'chart-ete',
    title: headlineTitle(index, period),
    subtitle: `Percentage of children whose intervention ended in each quarter, ${span}: school-age children offered 25 hours or more a week, children above school age offered 16 hours or more, all children offered their hours, and children in suitable ETE at the end.`,
    description: describe(index, quarters),
    spec: kpiChartSpec(points, { quarters: labels, measures: ETE_IDS.map((e) => e.header), yTitle: 'Per cent of children', xTitle: 'Quarter the intervention ended' }),
    table: table({
      id: 'table-ete',
      caption: 'Children offered the expected ETE hours, and in suitable ETE, when their intervention ended, by quarter',
      head: [textCell('Quarter'), ...ETE_IDS.map((e) => numberCell(e.header))],
      rows: quarters.map((q) => [textCell(quarterLabel(q)), ...ETE_IDS.map((e) => proportionCell(headline(index, e.id, q)))]),
      notes: ['Each cell: the percentage, then the number of children of the number measured.'],
    }, threshold),
  };
}

/** The finding: all children's hours in P, with the denominator, against the previous quarter and a year earlier. */
function headlineTitle(index: HeadlineIndex, period: Period): string {
  const r = headline(index, 'ete.overall', period);
  const when = quarterLabel(period);
  if (!isShown(r) || r.numerator === null || r.denominator === null) return `ETE hours by quarter: the figure for ${when} cannot be shown`;
  const onQuarter = compareEstimates(r, headline(index, 'ete.overall', previousQuarter(period)));
  const onYear = compareEstimates(r, headline(index, 'ete.overall', yearEarlier(period)));
  const words = (w: string, what: string) => (w === 'higher' || w === 'lower' ? `${w} than ${what}` : w === 'similar' ? `similar to ${what}` : null);
  const compared = [words(onQuarter, 'the quarter before'), words(onYear, 'a year earlier')].filter((x): x is string => x !== null);
  const tail = compared.length > 0 ? `: ${compared.join(' and ')}` : '';
  return `In ${when}, ${formatCount(r.numerator)} of ${formatCount(r.denominator)} children (${formatValue(r.value, r.unit)}) were offered the expected hours when their intervention ended${tail}`;
}

function describe(index: HeadlineIndex, quarters: readonly Period[]): string {
  const last = quarters[quarters.length - 1];
  const parts = [`Line chart of four ETE percentages over ${quarters.length} ${quarters.length === 1 ? 'quarter' : 'quarters'}.`];
  if (last) {
    const latest = ETE_IDS.map((e) => {
      const r = headline(index, e.id, last);
      return `${e.header.toLowerCase()} ${isShown(r) ? formatValue(r.value, r.unit) : 'not shown'}`;
    });
    parts.push(`In ${quarterLabel(last)}: ${latest.join('; ')}.`);
  }
  parts.push('The figures are in the table below the chart.');
  return parts.join(' ');
}

/** "44.4%" over "(12 of 27)". */
function proportionCell(r: IndicatorRecord | undefined): Cell {
  if (!isShown(r)) return numberCell(symbolFor(r));
  return figureWithBasisCell(formatValue(r.value, r.unit), countOfBase(r));
}
