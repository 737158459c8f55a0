/**
 * Section 2, Summary: a tile per headline indicator: the
 * first time entrant and custody rates, the latest complete reoffending
 * cohort, ETE (KPI 2, all children), the KPIs a board most often asks
 * about (suitable accommodation, SEND, mental health: KPIs 1, 3 and 4) and
 * the largest significant disproportionality. Each has its value with its denominator, its change on
 * the previous quarter (or cohort) and on the same quarter last year, its
 * status against the service's target and comparators, and a sentence made
 * from those numbers. A change is called higher or lower only when it is
 * significant (compare.ts); a status only when the target or comparator lies
 * outside the figure's 95% interval (status.ts); otherwise "similar".
 */
import { CATALOGUE, TOPICS, unitOf } from '../../compute/catalogue.js';
import type { Comparison } from '../../compute/comparators.js';
import type { IndicatorId, IndicatorRecord, Unit } from '../../compute/record.js';
import { formatPeriod, parsePeriod, type Period } from '../../period.js';
import { changeSymbol, compareEstimates } from '../compare.js';
import { isShown, symbolFor } from '../cells.js';
import { formatCount, formatInterval, formatValue, placesForSeries, quarterLabel, yearToLabel } from '../format.js';
import { capitalise } from '../../words.js';
import type { Change, ChangeWord, Section, Target, Tile } from '../model.js';
import { headline, previousQuarter, yearEarlier, type HeadlineIndex } from '../series.js';
import type { RateTopic } from '../topics.js';
import { disproTile } from './dispro-summary.js';
import type { DisproOptions } from './dispro.js';
import { NO_HIDDEN_REASONS, type HiddenReasonOf } from '../hidden-reasons.js';
import { cohortRecords, latestCompleteCohort } from './reoffending.js';
import { BETTER_WHEN, comparatorStatus, comparisonsOf, targetSentence, targetStatus } from './status.js';

export interface SummaryInput {
  index: HeadlineIndex;
  records: readonly IndicatorRecord[];
  period: Period;
  rateTopics: readonly RateTopic[];
  targets: Partial<Record<string, Target>>;
  comparisons: readonly Comparison[];
  /** The headline count of children and the reasons for hidden figures, for the disproportionality tile. */
  dispro?: DisproOptions;
}

/** What a tile needs, whatever the indicator. */
export interface TileFigure {
  id: IndicatorId;
  heading: string;
  current: IndicatorRecord | undefined;
  /** The previous quarter (or cohort) and the same one a year earlier. */
  earlier: readonly { against: string; record: IndicatorRecord | undefined; label: string; name: string }[];
  /** Printed under the value ("per 100,000 children aged 10–17"). */
  unitWords: string;
  /** "The first time entrant rate in the year to December 2024": opens the sentence. */
  subject: string;
  /** "34 of 13,861 children aged 10–17 became first time entrants" (without the full stop). */
  basis: (numerator: number, denominator: number) => string;
  label: string;
  period: string;
  /** How a comparator's period is named ("the year to December 2024"). */
  comparatorWhen: (c: Comparison) => string;
}

export function summarySection(input: SummaryInput): Section {
  const { index, period } = input;
  const figures: TileFigure[] = [
    ...input.rateTopics.filter((t) => index.has(t.rateId)).map((t) => rateFigure(index, period, t)),
    ...optional(reoffendingFigure(input.records)),
    ...optional(eteFigure(index, period)),
    ...KPI_TILES.flatMap((k) => optional(kpiFigure(index, period, k))),
  ];
  const tiles = figures.map((f) => tileOf(f, input.targets, input.comparisons, input.dispro?.hiddenReason));
  const dispro = disproTile(input.records, period, input.dispro);
  if (dispro) tiles.push(dispro);
  return {
    id: 'summary',
    heading: 'Summary',
    blocks: [
      {
        kind: 'paragraphs',
        // \u00a0 (no-break space) keeps each symbol of the key with its word.
        paragraphs: [
          `Each tile gives the latest figure, for the period it names, against the figure before, the same figure a year earlier, the target and other areas. Higher, lower, better or worse only where the difference is statistically significant (see Methods and sources); otherwise "similar". ✓\u00a0target met, ✗\u00a0not met, ▲\u00a0higher, ▼\u00a0lower, ●\u00a0similar.`,
        ],
      },
      tiles.length > 0 ? { kind: 'tiles', tiles } : { kind: 'notice', text: 'There are no headline figures for this period.' },
    ],
  };
}

function optional<T>(x: T | null): T[] {
  return x === null ? [] : [x];
}

/** The tile of a rate topic for P. */
export function rateFigure(index: HeadlineIndex, period: Period, topic: RateTopic): TileFigure {
  return {
    id: topic.rateId,
    heading: topic.heading,
    current: headline(index, topic.rateId, period),
    earlier: quarterComparisons(index, topic.rateId, period, yearToLabel, (p) => `the ${yearToLabel(p)}`),
    unitWords: topic.unitWords,
    subject: `The ${topic.subject} in the ${yearToLabel(period)}`,
    basis: topic.basis,
    label: topic.label ?? '',
    period: capitalise(yearToLabel(period)),
    comparatorWhen: (c) => `the ${yearToLabel(parsePeriod(c.comparatorPeriod))}`,
  };
}

/** The latest complete cohort against the cohort before it and the one a year earlier. */
function reoffendingFigure(records: readonly IndicatorRecord[]): TileFigure | null {
  const cohorts = cohortRecords(records, 'reoffending.binary');
  const latest = latestCompleteCohort(cohorts);
  if (latest === null) return null;
  const cohort = parsePeriod(latest);
  const name = (p: Period) => `the ${quarterLabel(p)} cohort`;
  const label = (p: Period) => `${quarterLabel(p)} cohort`;
  const before = previousQuarter(cohort);
  const yearAgo = yearEarlier(cohort);
  return {
    id: 'reoffending.binary',
    heading: TOPICS.reoffending.heading,
    current: cohorts.get(latest),
    earlier: [
      { against: 'On the cohort before', record: cohorts.get(formatPeriod(before)), label: label(before), name: name(before) },
      { against: 'On the same cohort last year', record: cohorts.get(formatPeriod(yearAgo)), label: label(yearAgo), name: name(yearAgo) },
    ],
    unitWords: 'of the cohort reoffended within 12 months',
    subject: `The reoffending rate of ${name(cohort)}`,
    basis: (n, d) => `${formatCount(n)} of ${formatCount(d)} ${d === 1 ? 'child' : 'children'} in the cohort committed a proven reoffence`,
    label: 'Latest complete cohort',
    period: `Cohort of ${quarterLabel(cohort)}`,
    comparatorWhen: (c) => `the ${quarterLabel(parsePeriod(c.comparatorPeriod))} cohort`,
  };
}

/** ETE for all children (KPI 2 overall) in the quarter P. */
function eteFigure(index: HeadlineIndex, period: Period): TileFigure | null {
  if (!index.has('ete.overall')) return null;
  return {
    id: 'ete.overall',
    heading: TOPICS.ete.heading,
    current: headline(index, 'ete.overall', period),
    earlier: quarterComparisons(index, 'ete.overall', period, quarterLabel, quarterLabel),
    unitWords: 'offered the expected ETE hours',
    subject: `The share of children offered the expected hours in ${quarterLabel(period)}`,
    basis: (n, d) => `${formatCount(n)} of ${formatCount(d)} ${d === 1 ? 'child' : 'children'} whose intervention ended were offered the expected hours`,
    label: kpiLabel('ete.overall'),
    period: `Interventions ending in ${quarterLabel(period)}`,
    comparatorWhen: (c) => quarterLabel(parsePeriod(c.comparatorPeriod)),
  };
}

/** The KPI tiles: what each measures, in the words of its tile (its KPI number is the catalogue's). */
interface KpiTile {
  id: IndicatorId;
  heading: string;
  unitWords: string;
  /** "The share of children … in July to September 2026" without the quarter. */
  subject: string;
  basis: (numerator: number, denominator: number) => string;
}

const KPI_TILES: readonly KpiTile[] = [
  {
    id: 'kpi.accommodation.end', heading: 'Suitable accommodation',
    unitWords: 'in suitable accommodation at the end of their order',
    subject: 'The share of children in suitable accommodation at the end of their order',
    basis: (n, d) => `${formatCount(n)} of ${formatCount(d)} ${d === 1 ? 'child' : 'children'} whose order ended ${d === 1 ? 'was' : 'were'} in suitable accommodation`,
  },
  {
    id: 'kpi.send.plan', heading: 'Special educational needs (SEND)',
    unitWords: 'of children with a SEND need have a formal plan',
    subject: 'The share of children with a SEND need who have a formal plan',
    basis: (n, d) => `${formatCount(n)} of ${formatCount(d)} ${d === 1 ? 'child' : 'children'} with an identified SEND need had a formal plan (an EHCP, or an IDP in Wales)`,
  },
  {
    id: 'kpi.mental_health.offered', heading: 'Mental health',
    unitWords: 'of children with a need offered an intervention',
    subject: 'The share of children with a mental health need offered an intervention',
    basis: (n, d) => `${formatCount(n)} of ${formatCount(d)} ${d === 1 ? 'child' : 'children'} with an identified mental health need ${d === 1 ? 'was' : 'were'} offered an intervention`,
  },
];

/**
 * A KPI in the quarter P against the quarter before and the same quarter a year earlier; no tile when the
 * KPI has no data at all (its file is not in the extract: the KPI table says so).
 */
function kpiFigure(index: HeadlineIndex, period: Period, k: KpiTile): TileFigure | null {
  const all = index.get(k.id);
  if (!all || [...all.values()].every((r) => r.status === 'not_available')) return null;
  return {
    id: k.id,
    heading: k.heading,
    current: headline(index, k.id, period),
    earlier: quarterComparisons(index, k.id, period, quarterLabel, quarterLabel),
    unitWords: k.unitWords,
    subject: `${k.subject} in ${quarterLabel(period)}`,
    basis: k.basis,
    label: kpiLabel(k.id),
    period: `Orders ending in ${quarterLabel(period)}`,
    comparatorWhen: (c) => quarterLabel(parsePeriod(c.comparatorPeriod)),
  };
}

/** "YJB key performance indicator 2": the KPI the catalogue says the figure measures. */
function kpiLabel(id: IndicatorId): string {
  return `YJB key performance indicator ${CATALOGUE[id].kpi?.number ?? ''}`;
}

export function tileOf(f: TileFigure, targets: Partial<Record<string, Target>>, comparisons: readonly Comparison[],
  hiddenReason: HiddenReasonOf = NO_HIDDEN_REASONS): Tile {
  const current = f.current;
  const unit: Unit = current?.unit ?? unitOf(f.id);
  // The tile's figures to one number of places, enough to tell each from its interval ends.
  const places = placesForSeries([current, ...f.earlier.map((e) => e.record)].filter(isShown), unit);
  const changes = f.earlier.map((e): Change => {
    const word = compareEstimates(current, e.record);
    const figure = isShown(e.record) ? formatValue(e.record.value, e.record.unit, places) : symbolFor(e.record);
    return { against: e.against, word, symbol: changeSymbol(word), detail: `${e.label}: ${figure}` };
  });
  const target = targets[f.id];
  const better = target?.better ?? BETTER_WHEN[f.id] ?? null;
  const targetStatuses = target ? [targetStatus(current, target, unit)] : [];
  const comparatorStatuses = better === null ? [] : comparisonsOf(comparisons, current).map((c) => comparatorStatus(current, c, better, f.comparatorWhen(c)));
  const sentences = [changeSentence(f, changes.map((c) => c.word))];
  if (target && targetStatuses[0]) sentences.push(targetSentence(targetStatuses[0], target, unit));
  return {
    heading: f.heading,
    value: isShown(current) ? formatValue(current.value, current.unit, places) : symbolFor(current),
    unit: f.unitWords,
    basis: basisOf(current, f, hiddenReason),
    interval: isShown(current) && current.lower !== null && current.upper !== null
      ? `95% confidence interval ${formatInterval(current.lower, current.upper, current.unit, places)}` : '',
    label: f.label,
    period: f.period,
    changes,
    statuses: [...targetStatuses, ...comparatorStatuses],
    sentence: sentences.filter(Boolean).join(' '),
  };
}

function basisOf(r: IndicatorRecord | undefined, f: TileFigure, hiddenReason: HiddenReasonOf): string {
  if (r?.suppressed) {
    switch (hiddenReason(r)) {
      case 'small count': return 'Hidden to protect children\'s identities: the count is small.';
      case 'protects another': return 'Hidden to protect children\'s identities: another hidden figure could be worked out from it.';
      default: return 'Hidden to protect children\'s identities.';
    }
  }
  if (r === undefined || r.value === null) return 'Not available: see the data quality section.';
  if (r.numerator === null || r.denominator === null) return '';
  return `${f.basis(r.numerator, r.denominator)}.`;
}

/** "The … rate in the year to December 2024 was similar to the year to September 2024 and lower than …". */
function changeSentence(f: TileFigure, words: readonly ChangeWord[]): string {
  const [onFirst, onSecond] = words;
  const [first, second] = f.earlier;
  if (onFirst === undefined || onSecond === undefined || !first || !second) return '';
  if (!isShown(f.current)) return `${f.subject} cannot be shown or compared.`;
  if (onFirst === 'not available' && onSecond === 'not available') return `${f.subject} cannot be compared with earlier figures.`;
  if (onFirst === 'similar' && onSecond === 'similar') return `${f.subject} was similar to both ${first.name} and ${second.name}.`;
  return `${f.subject} was ${phrase(onFirst, first.name)} and ${phrase(onSecond, second.name)}.`;
}

function phrase(word: ChangeWord, name: string): string {
  switch (word) {
    case 'higher': return `higher than ${name}`;
    case 'lower': return `lower than ${name}`;
    case 'similar': return `similar to ${name}`;
    case 'not available': return `not comparable with ${name}`;
  }
}

/** A headline against the quarter before P and the same quarter a year earlier, each named by `label`. */
function quarterComparisons(index: HeadlineIndex, id: IndicatorId, period: Period, label: (p: Period) => string, name: (p: Period) => string): TileFigure['earlier'] {
  const before = previousQuarter(period);
  const yearAgo = yearEarlier(period);
  return [
    { against: 'On the previous quarter', record: headline(index, id, before), label: label(before), name: name(before) },
    { against: 'On the same quarter last year', record: headline(index, id, yearAgo), label: label(yearAgo), name: name(yearAgo) },
  ];
}
