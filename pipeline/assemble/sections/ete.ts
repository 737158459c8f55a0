/**
 * Section 6, Education, training and employment (YJB KPI 2), first slice: the
 * KPI table by quarter, each proportion with its denominator ("12 of 27").
 */
import type { IndicatorId, IndicatorRecord } from '../../compute/record.js';
import { type Period } from '../../period.js';
import { isShown, numberCell, symbolFor, table, textCell } from '../cells.js';
import { formatCount, formatValue, quarterLabel } from '../format.js';
import type { Cell, Section } from '../model.js';
import { headline, quartersWithRecords, type HeadlineIndex } from '../series.js';

export const ETE_IDS: readonly { id: IndicatorId; header: string }[] = [
  { id: 'ete.school_age', header: 'School age: 25 hours or more' },
  { id: 'ete.over_school_age', header: 'Above school age: 16 hours or more' },
  { id: 'ete.overall', header: 'All children: hours met' },
  { id: 'ete.suitable_end', header: 'In suitable ETE at the end' },
];

export function hasEte(index: HeadlineIndex): boolean {
  return ETE_IDS.some((e) => index.has(e.id));
}

export function eteSection(index: HeadlineIndex, period: Period, threshold: number | null): Section {
  const quarters = quartersWithRecords(index, ETE_IDS.map((e) => e.id), period);
  return {
    id: 'ete',
    heading: 'Education, training and employment',
    blocks: [
      { kind: 'paragraphs', paragraphs: [
        'Children whose intervention with the service ended in the quarter, and the education, training or employment (ETE) hours offered to them at the end (YJB key performance indicator 2). Children of compulsory school age should be offered at least 25 hours a week; those above school age at least 16.',
      ] },
      { kind: 'table', table: table({
        id: 'table-ete',
        caption: 'Children offered the expected ETE hours, and in suitable ETE, when their intervention ended, by quarter',
        head: [textCell('Quarter'), ...ETE_IDS.map((e) => numberCell(e.header))],
        rows: quarters.map((q) => [textCell(quarterLabel(q)), ...ETE_IDS.map((e) => proportionCell(headline(index, e.id, q)))]),
        notes: ['Each cell: the percentage, then the number of children of the number measured.'],
      }, threshold) },
    ],
  };
}

/** "44.4% (12 of 27)". */
function proportionCell(r: IndicatorRecord | undefined): Cell {
  if (!isShown(r)) return numberCell(symbolFor(r));
  const of = r.numerator !== null && r.denominator !== null ? ` (${formatCount(r.numerator)} of ${formatCount(r.denominator)})` : '';
  return numberCell(`${formatValue(r.value, r.unit)}${of}`);
}
