/**
 * The KPI section's small multiples (docs/indicators.md, KPI section): one
 * small chart per KPI headline measure over the trend window, each with its
 * text alternative and its table (every chart in the pack has both).
 *
 * A quarter the data does not cover has no record and is left out of the
 * panel; a quarter whose figure is missing ([x]) or hidden ([c]) stays on the
 * axis as a gap in the line, never a zero. The SPC signals (spc.ts) are those
 * of the series this audience sees, as in the rate charts: a public pack's
 * hidden quarter is a gap in the statistics too. The chart marks them as
 * triangles; the table names them (small panels have no room for the words).
 * A panel with too few quarters shown to judge (spc.ts SpcTooFew) has no
 * average line and no triangles, and its table, text alternative and
 * subtitle say so.
 */
import { CATALOGUE, UNITS, unitOf, type KpiNumber } from '../../compute/catalogue.js';
import type { IndicatorId, IndicatorRecord, Unit } from '../../compute/record.js';
import { MIN_POINTS } from '../../compute/statistics.js';
import type { Period } from '../../period.js';
import { trendChartSpec, type TrendPoint } from '../charts/trend-chart.js';
import { figureWithBasisCell, intervalCell, isShown, numberCell, symbolFor, table, textCell } from '../cells.js';
import { formatCount, formatValue, placesForSeries, quarterLabel, shortYearToLabel, SYMBOL } from '../format.js';
import type { Block, Cell, ChartModel, TableModel } from '../model.js';
import { headline, quartersWithRecords, seriesSentences, type HeadlineIndex, type ShownPoint } from '../series.js';
import { shortQuarter } from './reoffending.js';
import { SPC_WORDS, spcSignals, spcWords, type SpcSummary } from './spc.js';

/** A measure of the trend panels: its id, its KPI and its words, and its label as the KPI table has it ("1 Suitable accommodation …"). */
export interface KpiMeasure {
  id: IndicatorId;
  number: KpiNumber;
  /** "Suitable accommodation at the end of the order". */
  name: string;
  /** The number and the name. */
  label: string;
}

/** Drawing size of one panel: two side by side fit the screen's column and the printed page's (docs/layout.md). */
const PANEL_WIDTH = 270;
const PANEL_HEIGHT = 110;

/** Units with no sampling interval (the catalogue's): a count of the five statutory partners is a census, not a sample. */
export function hasInterval(unit: Unit): boolean {
  return UNITS[unit].interval;
}

/** "5 of 5" for board attendance (value and base are the same numbers); otherwise "88.9%" over "(40 of 45)". */
export function kpiFigureCell(r: IndicatorRecord | undefined, places: number): Cell {
  if (!isShown(r)) return numberCell(symbolFor(r));
  if (r.unit === 'of 5') return numberCell(`${formatCount(r.value)} of 5`);
  const basis = r.numerator !== null && r.denominator !== null ? `(${formatCount(r.numerator)} of ${formatCount(r.denominator)})` : null;
  return figureWithBasisCell(formatValue(r.value, r.unit, places), basis);
}

/** The small multiples block; null when no KPI has a figure to draw in any quarter. */
export function kpiTrends(measures: readonly KpiMeasure[], index: HeadlineIndex, period: Period, threshold: number | null): Block | null {
  const charts: ChartModel[] = [];
  const undrawn: KpiNumber[] = [];
  const unjudged: KpiNumber[] = [];
  for (const m of measures) {
    const drawn = panel(m, index, period, threshold);
    if (!drawn) { undrawn.push(m.number); continue; }
    charts.push(drawn.chart);
    if (drawn.spc.tooFew) unjudged.push(m.number);
  }
  if (charts.length === 0) return null;
  const gap = threshold === null
    ? 'A quarter with no figure ([x]) is a gap in the line, never a zero'
    : 'A quarter with no figure shown ([x], or [c] hidden to protect children\'s identities) is a gap in the line, never a zero';
  return {
    kind: 'multiples',
    heading: 'The KPIs quarter by quarter',
    paragraphs: [
      `Each KPI's headline figure for the children whose order or intervention ended in each quarter, up to ${quarterLabel(period)}. The shaded band is the 95% confidence interval (board attendance counts the five partners and has none); the dashed line is the average of the quarters shown; triangles mark statistical process control (SPC) signals, named in the table under each chart (NHS England's "Making Data Count" rules on an XmR chart). ${gap}; quarters before the data begins are left out.`,
      ...(undrawn.length > 0 ? [`No chart for ${listOf(undrawn.map((n) => `KPI ${n}`))}: no quarter has a figure that can be shown.`] : []),
      ...(unjudged.length > 0
        ? [`No average line or SPC signals for ${listOf(unjudged.map((n) => `KPI ${n}`))}: fewer than ${MIN_POINTS} quarters have a figure shown, too few to judge variation.`] : []),
    ],
    charts,
  };
}

function panel(m: KpiMeasure, index: HeadlineIndex, period: Period, threshold: number | null): { chart: ChartModel; spc: SpcSummary } | null {
  const quarters = quartersWithRecords(index, [m.id], period);
  const records = quarters.map((q) => headline(index, m.id, q));
  const shown = records.filter(isShown);
  const first = quarters[0];
  const last = quarters[quarters.length - 1];
  if (shown.length === 0 || !first || !last) return null;
  const unit = shown[0]!.unit;
  const places = placesForSeries(shown, unit);
  const spc = spcSignals(records.map((r) => (isShown(r) ? r.value : null)));
  const points: TrendPoint[] = quarters.map((q, i) => {
    const r = records[i];
    const on = isShown(r);
    return {
      quarter: shortYearToLabel(q),
      value: on ? r.value : null,
      lower: on ? r.lower : null,
      upper: on ? r.upper : null,
      signal: on ? spc.points[i]?.signal ?? null : null,
      signalLabel: null,
    };
  });
  const slug = m.id.replace(/[._]/g, '-');
  const span = quarters.length === 1 ? quarterLabel(first) : `${quarterLabel(first)} to ${quarterLabel(last)}`;
  const limits = spc.tooFew ? ` ${SPC_WORDS.tooFewSentence(spc)}`
    : spc.trial ? ` SPC limits are trial limits (${spc.used} quarters, fewer than 12).` : '';
  const chart: ChartModel = {
    id: `chart-trend-${slug}`,
    title: `KPI ${m.number} – ${m.name}`,
    subtitle: `${UNITS[unit].panel?.subtitle ?? unit}, each quarter, ${span}.${limits}`,
    description: describe(m, quarters, records, spc, places),
    spec: trendChartSpec(points, {
      yTitle: UNITS[unit].panel?.axis ?? unit, xTitle: 'Quarter ending', mean: spc.tooFew ? null : spc.mean,
      width: PANEL_WIDTH, height: PANEL_HEIGHT, yMax: UNITS[unit].max, thinLabels: true,
    }),
    table: trendTable(m, slug, quarters, records, spc, places, threshold),
  };
  return { chart, spc };
}

function trendTable(m: KpiMeasure, slug: string, quarters: readonly Period[], records: readonly (IndicatorRecord | undefined)[],
  spc: SpcSummary, places: number, threshold: number | null): TableModel {
  const unit = records.find(isShown)?.unit ?? unitOf(m.id);
  const interval = hasInterval(unit);
  const rows = quarters.map((q, i) => {
    const r = records[i];
    return [
      textCell(shortQuarter(q)),
      kpiFigureCell(r, places),
      ...(interval ? [intervalCell(r, places)] : []),
      // A hidden or missing figure has no signal either; its symbol says why. Words, not a short label: they may wrap
      // so that the table fits the A4 column at 9pt.
      textCell(isShown(r) ? spcWords(spc, i) : symbolFor(r)),
    ];
  });
  const hidden = rows.some((row) => row.some((c) => c.text === SYMBOL.confidential));
  return table({
    id: `table-trend-${slug}`,
    caption: `KPI ${m.number} by quarter – ${m.name}`,
    head: [textCell('Quarter'), numberCell(UNITS[unit].panel?.column ?? unit), ...(interval ? [numberCell('95% confidence interval')] : []), textCell('SPC signal')],
    rows,
    notes: [
      // The full key is under the KPI table; ten copies of it would bury the figures.
      ...(hidden ? [`${SYMBOL.confidential} hidden to protect children's identities (the key is under the first KPI table).`] : []),
      ...(spc.tooFew ? [SPC_WORDS.tooFewNote(spc)] : []),
      ...(unit === 'of 5' ? [] : [`Each figure: the ${unit === '%' ? 'percentage' : 'rate'}, then the number of ${CATALOGUE[m.id].counts} of the number measured.`]),
    ],
  }, threshold);
}

/** The text alternative: what the chart shows, its first, last, highest and lowest figures, and its signals. */
function describe(m: KpiMeasure, quarters: readonly Period[], records: readonly (IndicatorRecord | undefined)[], spc: SpcSummary,
  places: number): string {
  const shown = quarters.map((q, i) => ({ q, r: records[i] })).filter((x): x is ShownPoint => isShown(x.r));
  const unit = shown[0]?.r.unit ?? unitOf(m.id);
  const fmt = (x: ShownPoint) =>
    `${unit === 'of 5' ? `${formatCount(x.r.value)} of 5` : formatValue(x.r.value, x.r.unit, places)} in ${quarterLabel(x.q)}`;
  const parts = [`Line chart of KPI ${m.number}, ${m.name.toLowerCase()}, in each quarter from ${quarterLabel(quarters[0]!)} to ${quarterLabel(quarters[quarters.length - 1]!)}${hasInterval(unit) ? ', with a shaded 95% confidence interval' : ''}.`];
  parts.push(...seriesSentences(shown, quarters.length, fmt));
  if (spc.tooFew) parts.push(SPC_WORDS.tooFewSentence(spc));
  const signalled = quarters.map((q, i) => ({ q, p: spc.points[i], on: isShown(records[i]) })).filter((x) => x.on && x.p?.label);
  if (signalled.length > 0) parts.push(`SPC signals: ${signalled.map((x) => `${(x.p?.label ?? '').toLowerCase()} from ${quarterLabel(x.q)}`).join('; ')}.`);
  parts.push('The figures are in the table below the chart.');
  return parts.join(' ');
}

function listOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
