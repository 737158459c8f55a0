/**
 * Sections 3 and 4 (first time entrants, use of custody): the rolling-year
 * rate over the trend window as a chart with its 95% band, the counts table
 * under it, and the compute notes that qualify the figures.
 */
import type { ComputeNote } from '../../compute/context.js';
import type { IndicatorRecord } from '../../compute/record.js';
import { midYearFor, type Period } from '../../period.js';
import { trendChartSpec, type TrendPoint } from '../charts/trend-chart.js';
import { compareEstimates } from '../compare.js';
import { countCell, denominatorCell, intervalCell, isShown, numberCell, table, textCell, valueCell } from '../cells.js';
import { capitalise, formatValue, quarterLabel, shortYearToLabel, yearToLabel } from '../format.js';
import type { Block, ChartModel, Section } from '../model.js';
import { headline, quartersWithRecords, yearEarlier, type HeadlineIndex } from '../series.js';
import type { RateTopic } from '../topics.js';

export interface TrendContext {
  index: HeadlineIndex;
  period: Period;
  notes: readonly ComputeNote[];
  /** The estimate used for the year to P, to name the estimate behind each quarter's population. */
  population: { year: number; fallback: boolean } | null;
  /** Public packs: the disclosure threshold, for the key under tables; null for the board. */
  threshold: number | null;
}

export function rateTrendSection(topic: RateTopic, ctx: TrendContext): Section {
  const quarters = quartersWithRecords(ctx.index, [topic.rateId, ...topic.counts.map((c) => c.id)], ctx.period);
  const intro: Block = { kind: 'paragraphs', paragraphs: topic.intro };
  const notes = ctx.notes.filter((n) => n.indicator === topic.prefix || n.indicator.startsWith(`${topic.prefix}.`));
  const noteBlock: Block[] = notes.length > 0
    ? [{ kind: 'list', heading: 'About these figures', items: notes.map((n) => n.text) }] : [];
  if (quarters.length === 0) {
    return { id: topic.id, heading: topic.heading, blocks: [intro, { kind: 'notice', text: topic.noData }, ...noteBlock] };
  }
  return { id: topic.id, heading: topic.heading, blocks: [intro, { kind: 'figure', chart: trendChart(topic, ctx, quarters) }, ...noteBlock] };
}

function trendChart(topic: RateTopic, ctx: TrendContext, quarters: readonly Period[]): ChartModel {
  const rates = quarters.map((q) => headline(ctx.index, topic.rateId, q));
  const points: TrendPoint[] = quarters.map((q, i) => {
    const r = rates[i];
    const shown = isShown(r);
    return {
      quarter: shortYearToLabel(q),
      value: shown ? r.value : null,
      lower: shown ? r.lower : null,
      upper: shown ? r.upper : null,
    };
  });
  const first = quarters[0] as Period;
  const last = quarters[quarters.length - 1] as Period;
  const span = quarters.length === 1
    ? `the ${yearToLabel(last)}`
    : `the year to the end of each quarter, from the ${yearToLabel(first)} to the ${yearToLabel(last)}`;
  return {
    id: `chart-${topic.id}`,
    title: headlineTitle(topic, ctx),
    subtitle: `Rate ${topic.unitWords} in ${span}. The shaded band is the 95% confidence interval.${topic.label ? ` ${topic.label}.` : ''}`,
    description: describe(topic, quarters, rates, span),
    spec: trendChartSpec(points, { yTitle: `Rate ${topic.rateHeader}`, xTitle: 'Year ending' }),
    table: countsTable(topic, ctx, quarters),
  };
}

/** The finding: P against a year earlier, called different only when significant. */
function headlineTitle(topic: RateTopic, ctx: TrendContext): string {
  const current = headline(ctx.index, topic.rateId, ctx.period);
  const word = compareEstimates(current, headline(ctx.index, topic.rateId, yearEarlier(ctx.period)));
  const subject = capitalise(topic.subject);
  const when = `the ${yearToLabel(ctx.period)}`;
  switch (word) {
    case 'higher': case 'lower':
      return `The ${topic.subject} was ${word} in ${when} than a year earlier`;
    case 'similar':
      return `The ${topic.subject} in ${when} was similar to a year earlier`;
    case 'not available':
      return isShown(current)
        ? `The ${topic.subject} was ${formatValue(current.value, current.unit)} ${topic.unitWords} in ${when}`
        : `${subject} by quarter: the figure for ${when} cannot be shown`;
  }
}

/** The text alternative: what the chart shows and its key figures, pointing to the table. */
function describe(topic: RateTopic, quarters: readonly Period[], rates: readonly (IndicatorRecord | undefined)[], span: string): string {
  const shown = quarters
    .map((q, i) => ({ q, r: rates[i] }))
    .filter((x): x is { q: Period; r: IndicatorRecord & { value: number } } => isShown(x.r));
  const parts = [`Line chart of the ${topic.subject} ${topic.unitWords} in ${span}, with a shaded 95% confidence interval.`];
  const fmt = (x: { q: Period; r: IndicatorRecord & { value: number } }) => `${formatValue(x.r.value, x.r.unit)} in the ${yearToLabel(x.q)}`;
  const firstShown = shown[0];
  const lastShown = shown[shown.length - 1];
  if (firstShown && lastShown && shown.length > 1) {
    const highest = shown.reduce((a, b) => (b.r.value > a.r.value ? b : a));
    const lowest = shown.reduce((a, b) => (b.r.value < a.r.value ? b : a));
    parts.push(`It was ${fmt(firstShown)} and ${fmt(lastShown)}; the highest was ${fmt(highest)} and the lowest ${fmt(lowest)}.`);
  } else if (firstShown) {
    parts.push(`It was ${fmt(firstShown)}.`);
  }
  const hidden = quarters.length - shown.length;
  if (hidden > 0) parts.push(`${hidden} of ${quarters.length} quarters ${hidden === 1 ? 'has' : 'have'} no figure shown.`);
  parts.push('The figures are in the table below the chart.');
  return parts.join(' ');
}

function countsTable(topic: RateTopic, ctx: TrendContext, quarters: readonly Period[]) {
  const rows = quarters.map((q) => {
    const rate = headline(ctx.index, topic.rateId, q);
    return [
      textCell(quarterLabel(q)),
      ...topic.counts.map((c) => countCell(headline(ctx.index, c.id, q))),
      denominatorCell(rate, ` (mid-${estimateYear(q, ctx.population)})`),
      valueCell(rate),
      intervalCell(rate),
    ];
  });
  const fallback = ctx.population?.fallback
    ? [`Years after mid-${ctx.population.year} use the mid-${ctx.population.year} population estimate, the latest available.`] : [];
  const notes = [...topic.tableNotes, 'Population: the ONS estimate for 30 June of the year named in brackets.', ...fallback];
  return table({
    id: `table-${topic.id}`,
    caption: `${topic.heading} in the year to the end of each quarter, with the rate ${topic.unitWords}`,
    head: [
      textCell('Quarter'),
      ...topic.counts.map((c) => numberCell(c.header)),
      numberCell('Population aged 10–17'),
      numberCell(`Rate ${topic.rateHeader}`),
      numberCell('95% confidence interval'),
    ],
    rows,
    notes,
  }, ctx.threshold);
}

/**
 * The mid-year estimate behind a quarter's population. The year to q wants
 * the mid-year inside it; when P's own estimate is a fallback to year Y, every
 * quarter wanting a later year than Y fell back to Y too (Y is the latest
 * estimate there is).
 */
export function estimateYear(q: Period, population: { year: number; fallback: boolean } | null): number {
  const wanted = midYearFor(q);
  return population?.fallback && wanted > population.year ? population.year : wanted;
}
