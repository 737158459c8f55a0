/**
 * Sections 3 and 4 (first time entrants, use of custody): the rolling-year
 * rate over the trend window as a chart with its 95% band, SPC signals
 * (spc.ts) and comparator areas, the counts table under it, the comparators
 * in a table of their own, remands to youth detention for custody, and the
 * compute notes that qualify the figures.
 */
import { unitOf } from '../../compute/catalogue.js';
import type { Comparison } from '../../compute/comparators.js';
import type { ComputeNote } from '../../compute/context.js';
import type { YdaRemandYear } from '../../compute/profile.js';
import type { IndicatorRecord } from '../../compute/record.js';
import { formatPeriod, midYearFor, parsePeriod, type Period } from '../../period.js';
import { trendChartSpec, type ComparatorPoint, type TrendPoint } from '../charts/trend-chart.js';
import { compareEstimates } from '../compare.js';
import { countCell, denominatorCell, intervalCell, isShown, labelCell, numberCell, symbolFor, table, textCell, valueCell, valueWithCountsCell } from '../cells.js';
import { SYMBOL, formatCount, formatValue, placesForSeries, quarterLabel, shortYearToLabel, yearToLabel } from '../format.js';
import { capitalise } from '../../words.js';
import type { Block, ChartModel, PackPopulation, Section, TableModel } from '../model.js';
import { headline, quartersWithRecords, seriesSentences, yearEarlier, type HeadlineIndex, type ShownPoint } from '../series.js';
import type { RateTopic } from '../topics.js';
import { noteText } from '../notes.js';
import { shownRemandCounts } from '../count-disclosure.js';
import { SPC_WORDS, spcSignals, spcWords, type SpcSummary } from './spc.js';
import { BETTER_WHEN, comparatorStatus } from './status.js';

export interface TrendContext {
  index: HeadlineIndex;
  period: Period;
  notes: readonly ComputeNote[];
  /** The estimate used for the year to P and for each quarter, to name the estimate behind each quarter's population. */
  population: PackPopulation | null;
  /** Public packs: the disclosure threshold, for the key under tables; null for the board. */
  threshold: number | null;
  /** Records compared with published figures (any ids; each topic takes its own). */
  comparisons?: readonly Comparison[];
  /** Remands to youth detention by rolling year: given for the custody section only. */
  remands?: readonly YdaRemandYear[];
}

export function rateTrendSection(topic: RateTopic, ctx: TrendContext): Section {
  const quarters = quartersWithRecords(ctx.index, [topic.rateId, ...topic.counts.map((c) => c.id)], ctx.period);
  const intro: Block = { kind: 'paragraphs', paragraphs: topic.intro };
  const notes = ctx.notes.filter((n) => n.indicator === topic.prefix || n.indicator.startsWith(`${topic.prefix}.`));
  const noteBlock: Block[] = notes.length > 0
    ? [{ kind: 'list', heading: 'About these figures', items: notes.map((n) => noteText(n, ctx.threshold)) }] : [];
  if (quarters.length === 0) {
    return { id: topic.id, heading: topic.heading, blocks: [intro, { kind: 'notice', text: topic.noData }, ...noteBlock] };
  }
  const places = ratePlaces(topic, ctx, quarters);
  const comparators = comparatorTable(topic, ctx, quarters, places);
  const remands = ctx.remands && ctx.remands.length > 0 ? [remandTable(ctx.remands, ctx.threshold)] : [];
  return {
    id: topic.id,
    heading: topic.heading,
    blocks: [
      intro, { kind: 'figure', chart: trendChart(topic, ctx, quarters, places) },
      ...(comparators ? [{ kind: 'table' as const, table: comparators }] : []),
      ...remands,
      ...noteBlock,
    ],
  };
}

/** One number of decimal places for the topic's rates, enough to tell each from its interval ends (format.ts). */
function ratePlaces(topic: RateTopic, ctx: TrendContext, quarters: readonly Period[]): number {
  const shown = quarters.map((q) => headline(ctx.index, topic.rateId, q)).filter(isShown);
  return placesForSeries(shown, shown[0]?.unit ?? unitOf(topic.rateId));
}

function trendChart(topic: RateTopic, ctx: TrendContext, quarters: readonly Period[], places: number): ChartModel {
  const rates = quarters.map((q) => headline(ctx.index, topic.rateId, q));
  // The board's records are unsuppressed, so its SPC is on the whole series. A public pack's hidden quarter is a
  // gap here: a mean line over the whole series, with the other quarters shown, would give the hidden rate away.
  const spc = spcSignals(rates.map((r) => (isShown(r) ? r.value : null)));
  const points: TrendPoint[] = quarters.map((q, i) => {
    const r = rates[i];
    const shown = isShown(r);
    const signal = spc.points[i];
    return {
      quarter: shortYearToLabel(q),
      value: shown ? r.value : null,
      lower: shown ? r.lower : null,
      upper: shown ? r.upper : null,
      signal: signal?.signal ?? null,
      signalLabel: signal?.label ?? null,
    };
  });
  const first = quarters[0] as Period;
  const last = quarters[quarters.length - 1] as Period;
  const span = quarters.length === 1
    ? `the ${yearToLabel(last)}`
    : `the year to the end of each quarter, from the ${yearToLabel(first)} to the ${yearToLabel(last)}`;
  return {
    id: `chart-${topic.id}`,
    title: headlineTitle(topic, ctx, places),
    subtitle: `Rate ${topic.unitWords} in ${span}. The shaded band is the 95% confidence interval.${spcSubtitle(spc)}${topic.label ? ` ${topic.label}.` : ''}`,
    description: describe(topic, quarters, rates, span, spc, places),
    spec: trendChartSpec(points, {
      yTitle: `Rate ${topic.rateHeader}`, xTitle: 'Year ending', mean: spc.tooFew ? null : spc.mean,
      comparators: comparatorPoints(topic, ctx, quarters),
    }),
    table: countsTable(topic, ctx, quarters, spc, places),
  };
}

/** What the SPC marks mean, and whether the limits are trial limits (fewer than 12 quarters); or that there are too few quarters to judge. */
function spcSubtitle(spc: SpcSummary): string {
  if (spc.tooFew) return ` ${SPC_WORDS.tooFewSentence(spc)}`;
  const limits = spc.trial ? ` They use trial limits: there are only ${spc.used} quarters, fewer than the 12 that settled limits need.` : '';
  return ` The dashed line is the average of the ${spc.used} quarters; triangles mark statistical process control (SPC) signals, named where a run of them starts.${limits}`;
}

/** Comparator figures whose own period is a quarter of the chart, once per area and period. */
function comparatorPoints(topic: RateTopic, ctx: TrendContext, quarters: readonly Period[]): ComparatorPoint[] {
  return topicComparisons(topic, ctx, quarters).map((c) => ({
    quarter: shortYearToLabel(parsePeriod(c.comparatorPeriod)), area: c.area, value: c.comparatorValue,
  }));
}

function topicComparisons(topic: RateTopic, ctx: TrendContext, quarters: readonly Period[]): Comparison[] {
  const inWindow = new Set(quarters.map(formatPeriod));
  const seen = new Set<string>();
  return (ctx.comparisons ?? []).filter((c) => {
    if (c.id !== topic.rateId || Object.keys(c.breakdown).length > 0 || !inWindow.has(c.comparatorPeriod)) return false;
    const key = `${c.area.toLowerCase()}|${c.comparatorPeriod}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The service against each comparator figure in the window, judged on the figure this audience sees. */
function comparatorTable(topic: RateTopic, ctx: TrendContext, quarters: readonly Period[], places: number): TableModel | null {
  const list = topicComparisons(topic, ctx, quarters);
  const better = BETTER_WHEN[topic.rateId];
  if (list.length === 0 || better === undefined) return null;
  return table({
    id: `table-${topic.id}-comparators`,
    caption: `${topic.heading}: the service's rate ${topic.unitWords} beside the rates of other areas`,
    head: [textCell('Area and year'), numberCell('Their rate'), numberCell('This service'), numberCell('95% confidence interval'), textCell('This service is')],
    rows: list.map((c) => {
      const own = headline(ctx.index, topic.rateId, parsePeriod(c.comparatorPeriod));
      const status = comparatorStatus(own, c, better, '');
      return [
        textCell(`${c.area}, ${yearToLabel(parsePeriod(c.comparatorPeriod))}`),
        numberCell(formatValue(c.comparatorValue, c.unit, places)),
        valueWithCountsCell(own, places),
        intervalCell(own, places),
        labelCell(`${status.symbol} ${status.word}`),
      ];
    }),
    notes: [
      `This service: the rate, then the count it is built on and the children aged 10–17 in the area.`,
      'Better or worse only where the other area\'s rate lies outside the service\'s 95% confidence interval; otherwise similar.',
      ...sources(list),
    ],
  }, ctx.threshold);
}

function sources(list: readonly Comparison[]): string[] {
  const named = [...new Set(list.map((c) => c.source).filter((s): s is string => s !== null))];
  return named.map((s) => `Source: ${s}.`);
}

/** Remands to youth detention accommodation in the year to each quarter (Contents 4: "plus remand to YDA counts"). */
function remandTable(remands: readonly YdaRemandYear[], threshold: number | null): Block {
  const cells = (n: number | null) => numberCell(n === null ? SYMBOL.confidential : formatCount(n));
  return {
    kind: 'table',
    table: table({
      id: 'table-remands',
      caption: 'Remands to youth detention accommodation in the year to the end of each quarter, and the children with any remand decision',
      head: [textCell('Year'), numberCell('Remands to youth detention'), numberCell('Children remanded to youth detention'), numberCell('Children with any remand decision')],
      rows: remands.map((y) => {
        return [textCell(capitalise(yearToLabel(parsePeriod(y.period)))), ...shownRemandCounts(y, threshold).map(cells)];
      }),
      notes: ['Remand decisions in the year to the end of the quarter: to youth detention accommodation (YDA), and of any kind (bail, remand to local authority accommodation or to YDA). Each child once in the children columns.'],
    }, threshold),
  };
}

/** The finding: P against a year earlier, called different only when significant. */
function headlineTitle(topic: RateTopic, ctx: TrendContext, places: number): string {
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
        ? `The ${topic.subject} was ${formatValue(current.value, current.unit, places)} ${topic.unitWords} in ${when}`
        : `${subject} by quarter: the figure for ${when} cannot be shown`;
  }
}

/** The text alternative: what the chart shows and its key figures, pointing to the table. */
function describe(topic: RateTopic, quarters: readonly Period[], rates: readonly (IndicatorRecord | undefined)[], span: string, spc: SpcSummary,
  places: number): string {
  const shown = quarters
    .map((q, i) => ({ q, r: rates[i] }))
    .filter((x): x is ShownPoint => isShown(x.r));
  const parts = [`Line chart of the ${topic.subject} ${topic.unitWords} in ${span}, with a shaded 95% confidence interval.`];
  const fmt = (x: ShownPoint) => `${formatValue(x.r.value, x.r.unit, places)} in the ${yearToLabel(x.q)}`;
  parts.push(...seriesSentences(shown, quarters.length, fmt));
  if (spc.tooFew) parts.push(SPC_WORDS.tooFewSentence(spc));
  const signalled = quarters.map((q, i) => ({ q, p: spc.points[i] })).filter((x) => x.p?.label);
  if (signalled.length > 0) {
    parts.push(`SPC signals: ${signalled.map((x) => `${(x.p?.label ?? '').toLowerCase()} from the ${yearToLabel(x.q)}`).join('; ')}.`);
  }
  parts.push('The figures are in the table below the chart.');
  return parts.join(' ');
}

function countsTable(topic: RateTopic, ctx: TrendContext, quarters: readonly Period[], spc: SpcSummary, places: number) {
  const rows = quarters.map((q, i) => {
    const rate = headline(ctx.index, topic.rateId, q);
    return [
      textCell(capitalise(yearToLabel(q))),
      ...topic.counts.map((c) => countCell(headline(ctx.index, c.id, q))),
      denominatorCell(rate, ` (mid-${estimateYear(q, ctx.population)})`),
      valueCell(rate, places),
      intervalCell(rate, places),
      // A hidden or missing rate has no signal either; its symbol says why. Words, not a short label: they may wrap
      // so that the table fits the A4 column at 9pt.
      textCell(isShown(rate) ? spcWords(spc, i) : symbolFor(rate)),
    ];
  });
  const fallback = ctx.population?.fallback
    ? [`Years after mid-${ctx.population.year} use the mid-${ctx.population.year} population estimate, the latest in population.csv.`] : [];
  const notes = [
    ...topic.tableNotes, 'Population: the ONS estimate for 30 June of the year named in brackets.', ...fallback,
    spc.tooFew ? SPC_WORDS.tooFewNote(spc) : 'SPC signal: NHS England\'s "Making Data Count" rules on an XmR chart of the rates: above the upper or below the lower limit (beyond a process limit); run above or below the average (7 in a row on one side of it); rising or falling trend (7 in a row); near the upper or lower limit (2 of 3 beyond two-thirds of the way to it). Neighbouring years share nine months, so runs come readily: read one as a lasting change in level.',
  ];
  return table({
    id: `table-${topic.id}`,
    caption: `${topic.heading} in the year to the end of each quarter, with the rate ${topic.unitWords}`,
    head: [
      textCell('Year'),
      ...topic.counts.map((c) => numberCell(c.header)),
      numberCell('Population aged 10–17'),
      numberCell(`Rate ${topic.rateHeader}`),
      numberCell('95% confidence interval'),
      textCell('SPC signal'),
    ],
    rows,
    notes,
  }, ctx.threshold);
}

/**
 * The mid-year estimate behind a quarter's population: the one compute used
 * for it when known. Else: the year to q wants the mid-year inside it; when
 * P's own estimate is a fallback to year Y, every quarter wanting a later
 * year than Y fell back to Y too (Y is the latest estimate there is).
 */
export function estimateYear(q: Period, population: PackPopulation | null): number {
  const used = population?.estimates?.find((e) => e.period === formatPeriod(q))?.year;
  if (used !== undefined && used !== null) return used;
  const wanted = midYearFor(q);
  return population?.fallback && wanted > population.year ? population.year : wanted;
}
