/**
 * Section 5, Reoffending: the binary rate by cohort quarter as a chart in
 * which complete, provisional and still-tracked cohorts are drawn
 * differently (charts/cohort-chart.ts), the live tracker as its table (one
 * row per cohort with its status and months of follow-up, so a cohort still
 * being tracked is never mistaken for a final figure), and out-of-court
 * against court index events by cohort.
 */
import { TOPICS } from '../../compute/catalogue.js';
import { monthsElapsed } from '../../compute/indicators/cohort-status.js';
import type { CohortStatus, IndicatorId, IndicatorRecord } from '../../compute/record.js';
import { addQuarters, formatPeriod, parsePeriod, periodEnd, periodStart, type Period } from '../../period.js';
import { cohortChartSpec, type CohortPoint, type CohortStatusLabel } from '../charts/cohort-chart.js';
import { compareEstimates } from '../compare.js';
import { countCellOf, countOfBase, figureWithBasisCell, intervalCell, isShown, labelCell, numberCell, symbolFor, table, textCell, valueCell } from '../cells.js';
import { SYMBOL, formatCount, formatInterval, formatValue, plural, quarterLabel } from '../format.js';
import type { Block, Cell, ChartModel, Section } from '../model.js';
import { recordsOf } from '../series.js';
import { DEFAULT_HEADLINE_MIN_COUNT } from './dispro-statements.js';

export const REOFFENDING_SECTION_ID = 'reoffending';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Cohort records of one id with exactly the given breakdown keys besides cohort, by cohort code. */
export function cohortRecords(records: readonly IndicatorRecord[], id: IndicatorId, extra: Record<string, string> = {}): Map<string, IndicatorRecord> {
  const out = new Map<string, IndicatorRecord>();
  const wanted = Object.keys(extra).length + 1;
  for (const r of recordsOf(records, id)) {
    const keys = Object.keys(r.breakdown);
    const matches = Object.entries(extra).every(([k, v]) => r.breakdown[k as keyof typeof r.breakdown] === v);
    if (keys.length === wanted && r.breakdown.cohort !== undefined && matches) out.set(r.breakdown.cohort, r);
  }
  return out;
}

/** The newest cohort whose status is complete; null when none is. */
export function latestCompleteCohort(cohorts: ReadonlyMap<string, IndicatorRecord>): string | null {
  const complete = [...cohorts].filter(([, r]) => r.status === 'complete').map(([c]) => c).sort();
  return complete[complete.length - 1] ?? null;
}

export function hasReoffending(records: readonly IndicatorRecord[]): boolean {
  return cohortRecords(records, 'reoffending.binary').size > 0;
}

/** What the section needs besides the records: the headline count of children, and whether non-substantive outcomes are index events. */
export interface ReoffendingOptions {
  /** Config `headline_min_count`: a comparison of two groups is called higher, lower or similar only when each has this many reoffenders. */
  headlineMinCount?: number;
  includeNonSubstantive?: boolean;
}

export function reoffendingSection(records: readonly IndicatorRecord[], period: Period, threshold: number | null, options: ReoffendingOptions = {}): Section {
  const binary = cohortRecords(records, 'reoffending.binary');
  const cohorts = [...binary.keys()].sort();
  const blocks: Block[] = [
    { kind: 'paragraphs', paragraphs: [
      'Children in each three-month cohort (their first caution, court sentence or release from custody in the quarter) and how many of them committed a proven offence in the following 12 months. A cohort is complete 18 months after it ends (12 months of follow-up and 6 for outcomes to be recorded); the figures of provisional cohorts and of those still being tracked can only rise.',
    ] },
    { kind: 'figure', chart: cohortChart(records, cohorts, period, threshold) },
  ];
  const byType = indexTypeTable(records, cohorts, threshold, options);
  if (byType) blocks.push(...byType);
  return { id: REOFFENDING_SECTION_ID, heading: TOPICS.reoffending.heading, blocks };
}

function cohortChart(records: readonly IndicatorRecord[], cohorts: readonly string[], period: Period, threshold: number | null): ChartModel {
  const binary = cohortRecords(records, 'reoffending.binary');
  const points: CohortPoint[] = cohorts.map((c) => {
    const r = binary.get(c);
    const shown = isShown(r) && !noRateYet(r);
    return {
      cohort: shortQuarter(parsePeriod(c)),
      axisNote: r?.status === 'in_progress' ? `${r.months_elapsed ?? 0} months` : '',
      status: statusLabel(r?.status as CohortStatus | undefined), // reoffending records are never not_available
      value: shown ? r.value : null,
      lower: shown ? r.lower : null,
      upper: shown ? r.upper : null,
    };
  });
  const first = cohorts[0] as string;
  const last = cohorts[cohorts.length - 1] as string;
  return {
    id: 'chart-reoffending',
    title: headlineTitle(binary),
    subtitle: `Proven reoffending rate: the percentage of each cohort who committed a proven offence within 12 months, with its 95% confidence interval; cohorts of ${quarterLabel(parsePeriod(first))} to ${quarterLabel(parsePeriod(last))}. The line joins complete cohorts only. Shaded: cohorts whose figures can still rise; under each cohort still in its 12 months, the months of follow-up so far (a cohort at 0 months has no rate yet).`,
    description: describe(binary, cohorts),
    spec: cohortChartSpec(points, { yTitle: 'Reoffending rate (%)' }),
    table: trackerTable(records, cohorts, period, threshold),
  };
}

/** "Oct–Dec 2023". */
export function shortQuarter(p: Period): string {
  const start = periodStart(p);
  const end = periodEnd(p);
  return `${MONTHS[Number(start.slice(5, 7)) - 1]}–${MONTHS[Number(end.slice(5, 7)) - 1]} ${end.slice(0, 4)}`;
}

export function statusLabel(status: CohortStatus | undefined): CohortStatusLabel {
  switch (status) {
    case 'complete': return 'Complete';
    case 'provisional': return 'Provisional';
    default: return 'Still being tracked';
  }
}

/** The finding: the latest complete cohort with its denominator, against the cohort before it. */
function headlineTitle(binary: ReadonlyMap<string, IndicatorRecord>): string {
  const latest = latestCompleteCohort(binary);
  if (latest === null) return 'No reoffending cohort is complete yet: every figure here can still rise';
  const r = binary.get(latest);
  const label = quarterLabel(parsePeriod(latest));
  if (!isShown(r) || r.numerator === null || r.denominator === null) return `Reoffending by cohort: the figure for the latest complete cohort (${label}) cannot be shown`;
  const before = binary.get(formatPeriod(addQuarters(parsePeriod(latest), -1)));
  const word = compareEstimates(r, before);
  const comparison = word === 'higher' || word === 'lower' ? `, ${word} than the cohort before`
    : word === 'similar' ? ', similar to the cohort before' : '';
  return `${formatCount(r.numerator)} of ${formatCount(r.denominator)} children in the latest complete cohort (${label}) reoffended within 12 months (${formatValue(r.value, r.unit)})${comparison}`;
}

function describe(binary: ReadonlyMap<string, IndicatorRecord>, cohorts: readonly string[]): string {
  const parts = [`Chart of the proven reoffending rate of ${cohorts.length === 1 ? '1 cohort, with its' : `${formatCount(cohorts.length)} cohorts, each with a`} 95% confidence interval.`];
  for (const status of ['complete', 'provisional', 'in_progress'] as const) {
    const of = cohorts.filter((c) => binary.get(c)?.status === status);
    if (of.length === 0) continue;
    const shown = of.map((c) => ({ c, r: binary.get(c) }))
      .filter((x): x is { c: string; r: IndicatorRecord & { value: number } } => isShown(x.r) && !noRateYet(x.r));
    const range = shown.length === 0 ? 'no figure shown'
      : `from ${formatValue(Math.min(...shown.map((x) => x.r.value)), '%')} to ${formatValue(Math.max(...shown.map((x) => x.r.value)), '%')}`;
    const name = status === 'complete' ? 'complete' : status === 'provisional' ? 'provisional' : 'still being tracked';
    parts.push(`${of.length} ${of.length === 1 ? 'cohort is' : 'cohorts are'} ${name} (${quarterLabel(parsePeriod(of[0] as string))}${of.length > 1 ? ` to ${quarterLabel(parsePeriod(of[of.length - 1] as string))}` : ''}): ${range}.`);
  }
  parts.push('The figures are in the table below the chart.');
  return parts.join(' ');
}

/** The live tracker: one row per cohort. */
function trackerTable(records: readonly IndicatorRecord[], cohorts: readonly string[], period: Period, threshold: number | null) {
  const binary = cohortRecords(records, 'reoffending.binary');
  const perReoffender = cohortRecords(records, 'reoffending.per_reoffender');
  return table({
    id: 'table-reoffending',
    caption: 'Live tracker of proven reoffending by cohort quarter: status (with the months of follow-up of cohorts still being tracked), children in the cohort, those who reoffended, the rate, and reoffences per reoffender',
    head: [
      textCell('Cohort quarter'), textCell('Status'), numberCell('Children in cohort'), numberCell('Reoffenders'),
      numberCell('Reoffending rate'), numberCell('95% confidence interval'), numberCell('Reoffences per reoffender'),
    ],
    rows: cohorts.map((c) => {
      const b = binary.get(c);
      const none = noRateYet(b);
      return [
        textCell(quarterLabel(parsePeriod(c))),
        labelCell(trackerStatus(b, monthsElapsed(parsePeriod(c), period))),
        countCellOf(b, 'denominator'),
        none ? NOT_YET : countCellOf(b, 'numerator'),
        none ? NOT_YET : valueCell(b),
        none ? NOT_YET : intervalCell(b),
        none ? NOT_YET : perReoffenderCell(perReoffender.get(c)),
      ];
    }),
    notes: [
      ...(cohorts.some((c) => noRateYet(binary.get(c))) ? [NOT_YET_NOTE] : []),
      'Complete (●): 12 months of follow-up and 6 more for outcomes to be recorded have passed. Provisional (◇): the 12 months have passed, but outcomes may still be recorded. Still being tracked (△): the cohort is in its 12 months of follow-up; "△ 9 months" means 9 of the 12 have passed for every child in it.',
      'Reoffences per reoffender: proven reoffences committed by the children who reoffended, divided by their number (both in brackets under it).',
    ],
  }, threshold);
}

/** The tracker's status cell: the status with the chart's marker, and the months so far of a cohort still being tracked. */
export function trackerStatus(r: IndicatorRecord | undefined, months: number): string {
  return r?.status === 'in_progress' ? `△ ${Math.min(r.months_elapsed ?? months, 12)} months` : statusText(r);
}

/** The status in words, with the chart's marker for it. */
export function statusText(r: IndicatorRecord | undefined): string {
  switch (r?.status) {
    case 'complete': return '● Complete';
    case 'provisional': return '◇ Provisional';
    case 'in_progress': return '△ Still being tracked';
    default: return 'Not known';
  }
}

/** Out-of-court against court index events, by cohort, with a sentence on the latest complete cohort. */
function indexTypeTable(records: readonly IndicatorRecord[], cohorts: readonly string[], threshold: number | null, options: ReoffendingOptions): Block[] | null {
  const outOfCourt = cohortRecords(records, 'reoffending.binary', { index_type: 'out_of_court' });
  const court = cohortRecords(records, 'reoffending.binary', { index_type: 'court' });
  if (outOfCourt.size === 0 && court.size === 0) return null;
  const binary = cohortRecords(records, 'reoffending.binary');
  const rows = cohorts.map((c) => {
    const none = noRateYet(binary.get(c));
    return [
      textCell(quarterLabel(parsePeriod(c))), labelCell(statusText(binary.get(c))),
      none ? NOT_YET : rateOf(outOfCourt.get(c)), none ? NOT_YET : rateOf(court.get(c)),
    ];
  });
  const blocks: Block[] = [];
  const latest = latestCompleteCohort(binary);
  if (latest !== null) {
    const o = outOfCourt.get(latest);
    const k = court.get(latest);
    if (isShown(o) && isShown(k)) {
      const minCount = options.headlineMinCount ?? DEFAULT_HEADLINE_MIN_COUNT;
      // A comparison of two groups is worded only when each has enough reoffenders; otherwise the figures stand alone.
      const few = [o, k].some((r) => (r.numerator ?? 0) < minCount);
      const word = compareEstimates(o, k);
      const how = few ? 'against' : word === 'higher' || word === 'lower' ? `${word} than` : word === 'similar' ? 'similar to' : 'not comparable with';
      const caution = few ? ` Based on few children (fewer than ${formatCount(minCount)} reoffenders in a group), so the two are not compared.` : '';
      blocks.push({ kind: 'paragraphs', paragraphs: [
        `In the latest complete cohort (${quarterLabel(parsePeriod(latest))}), the reoffending rate of children whose index event was out of court (${outOfCourtWords(options)}) was ${formatValue(o.value, o.unit)}${intervalWords(o)}, ${how} that of children sentenced at court or released from custody, ${formatValue(k.value, k.unit)}${intervalWords(k)}.${caution}`,
      ] });
    }
  }
  blocks.push({ kind: 'table', table: table({
    id: 'table-reoffending-index-type',
    caption: 'Proven reoffending by cohort quarter: children whose index event was out of court against those sentenced at court or released from custody',
    head: [textCell('Cohort quarter'), textCell('Status'), numberCell('Out of court'), numberCell('Court or custody')],
    rows,
    notes: [
      `Each cell: the reoffending rate, then the reoffenders of the children in the cohort. Out of court: ${outOfCourtWords(options)}.`,
      ...(cohorts.some((c) => noRateYet(binary.get(c))) ? [NOT_YET_NOTE] : []),
    ],
  }, threshold) });
  return blocks;
}

/** The out-of-court index events this pack counts, in words (the setting's meaning, not its name). */
function outOfCourtWords(options: ReoffendingOptions): string {
  return options.includeNonSubstantive
    ? 'a youth caution, a youth conditional caution, a community resolution or Outcome 22; this pack counts the last two as well, which official statistics leave out'
    : 'a youth caution or youth conditional caution, as in official statistics';
}

/** A cohort at 0 months of follow-up: no child has had any time to reoffend, so it has no rate yet. */
export function noRateYet(r: IndicatorRecord | undefined): boolean {
  return r?.status === 'in_progress' && r.months_elapsed === 0;
}

const NOT_YET = numberCell(SYMBOL.notApplicable);
const NOT_YET_NOTE = `${SYMBOL.notApplicable} for a cohort at 0 months: its follow-up is counted from the end of its quarter, which is the report quarter, so it has barely begun and a rate would read as far too low; none is shown yet.`;

/** "1.73" over "(19 reoffences by 11)". */
function perReoffenderCell(r: IndicatorRecord | undefined): Cell {
  if (!isShown(r)) return numberCell(symbolFor(r));
  const by = r.numerator !== null && r.denominator !== null ? `(${plural(r.numerator, 'reoffence', 'reoffences')} by ${formatCount(r.denominator)})` : null;
  return figureWithBasisCell(formatValue(r.value, r.unit), by);
}

/** "23.1%" over "(9 of 39)". */
function rateOf(r: IndicatorRecord | undefined): Cell {
  if (!isShown(r)) return numberCell(symbolFor(r));
  return figureWithBasisCell(formatValue(r.value, r.unit), countOfBase(r));
}

function intervalWords(r: IndicatorRecord): string {
  const n = r.numerator !== null && r.denominator !== null ? `, ${formatCount(r.numerator)} of ${formatCount(r.denominator)}` : '';
  return r.lower !== null && r.upper !== null ? ` (95% confidence interval ${formatInterval(r.lower, r.upper, r.unit)}${n})` : '';
}
