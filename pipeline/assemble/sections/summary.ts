/**
 * Section 2, Summary: a tile per headline indicator with its latest figure
 * and its change on the previous quarter and on the same quarter last year
 * (board-pack.md). A change is called higher or lower only when the two 95%
 * intervals do not overlap (compare.ts); otherwise "similar".
 */
import type { IndicatorRecord } from '../../compute/record.js';
import type { Period } from '../../period.js';
import { changeSymbol, compareEstimates } from '../compare.js';
import { isShown, symbolFor } from '../cells.js';
import { capitalise, formatInterval, formatValue, yearToLabel } from '../format.js';
import type { Change, ChangeWord, Section, Tile } from '../model.js';
import { headline, previousQuarter, yearEarlier, type HeadlineIndex } from '../series.js';
import type { RateTopic } from '../topics.js';

export function summarySection(index: HeadlineIndex, period: Period, topics: readonly RateTopic[]): Section {
  const tiles = topics.map((t) => rateTile(index, period, t)).filter((t): t is Tile => t !== null);
  return {
    id: 'summary',
    heading: 'Summary',
    blocks: [
      {
        kind: 'paragraphs',
        paragraphs: [
          `Each figure is for the ${yearToLabel(period)}. It is compared with the ${yearToLabel(previousQuarter(period))} (the previous quarter) and the ${yearToLabel(yearEarlier(period))} (the same quarter last year).`,
          'A change is called higher or lower only where the 95% confidence intervals of the two figures do not overlap; otherwise it is called similar.',
        ],
      },
      tiles.length > 0 ? { kind: 'tiles', tiles } : { kind: 'notice', text: 'There are no headline figures for this period.' },
    ],
  };
}

/** The tile of a rate topic for P; null when the topic has no records at all. */
export function rateTile(index: HeadlineIndex, period: Period, topic: RateTopic): Tile | null {
  if (!index.has(topic.rateId)) return null;
  const current = headline(index, topic.rateId, period);
  const changes = [
    change('On the previous quarter', current, index, topic, previousQuarter(period)),
    change('On the same quarter last year', current, index, topic, yearEarlier(period)),
  ];
  return {
    heading: topic.heading,
    value: isShown(current) ? formatValue(current.value, current.unit) : symbolFor(current),
    unit: topic.unitWords,
    basis: basisOf(current, topic),
    interval: isShown(current) && current.lower !== null && current.upper !== null
      ? `95% confidence interval ${formatInterval(current.lower, current.upper, current.unit)}` : '',
    label: topic.label ?? '',
    period: capitalise(yearToLabel(period)),
    changes,
    sentence: sentence(topic, period, changes),
  };
}

function change(against: string, current: IndicatorRecord | undefined, index: HeadlineIndex, topic: RateTopic, earlier: Period): Change {
  const before = headline(index, topic.rateId, earlier);
  const word = compareEstimates(current, before);
  const figure = isShown(before) ? formatValue(before.value, before.unit) : symbolFor(before);
  return { against, word, symbol: changeSymbol(word), detail: `${yearToLabel(earlier)}: ${figure}` };
}

function basisOf(r: IndicatorRecord | undefined, topic: RateTopic): string {
  if (r?.suppressed) return 'Hidden to protect children\'s identities: the count is small.';
  if (r === undefined || r.value === null) return 'Not available: see the data quality section.';
  if (r.numerator === null || r.denominator === null) return '';
  return `${topic.basis(r.numerator, r.denominator)}.`;
}

/** "The … rate in the year to December 2024 was similar to the year to September 2024 and lower than …". */
function sentence(topic: RateTopic, period: Period, changes: readonly Change[]): string {
  const [onQuarter, onYear] = changes.map((c) => c.word);
  const subject = `The ${topic.subject} in the ${yearToLabel(period)}`;
  if (onQuarter === undefined || onYear === undefined) return '';
  if (onQuarter === 'not available' && onYear === 'not available') return `${subject} cannot be compared with earlier years.`;
  const before = yearToLabel(previousQuarter(period));
  const yearAgo = yearToLabel(yearEarlier(period));
  if (onQuarter === 'similar' && onYear === 'similar') return `${subject} was similar to both the ${before} and the ${yearAgo}.`;
  return `${subject} was ${phrase(onQuarter, before)} and ${phrase(onYear, yearAgo)}.`;
}

function phrase(word: ChangeWord, label: string): string {
  switch (word) {
    case 'higher': return `higher than the ${label}`;
    case 'lower': return `lower than the ${label}`;
    case 'similar': return `similar to the ${label}`;
    case 'not available': return `not comparable with the ${label}`;
  }
}
