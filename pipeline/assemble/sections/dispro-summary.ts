/**
 * The summary tile for disproportionality: the significant relative rate
 * index furthest from parity among groups with at least the headline count
 * of children at the stage (config `headline_min_count`), with both groups'
 * rates and counts as its basis. Significant differences in smaller groups
 * are counted in its sentence as based on few children, never its headline.
 * It has no change over time (the pack shows disproportionality for the year
 * to P only) and no target.
 */
import { TOPICS } from '../../compute/catalogue.js';
import type { IndicatorRecord } from '../../compute/record.js';
import type { Period } from '../../period.js';
import { isShown } from '../cells.js';
import { formatCount, formatInterval, formatValue } from '../format.js';
import { NO_HIDDEN_REASONS } from '../hidden-reasons.js';
import type { Tile } from '../model.js';
import { REFERENCE_GROUP, capitalisedWhen, disproRecords, groupNoun, recordOf, rriRows, rriSentence, stagesShown } from '../dispro-figures.js';
import {
  DEFAULT_HEADLINE_MIN_COUNT, chanceSentence, fewSentence, hiddenSentence, largestRobust, rowCounts, significantSentence, tallyComparisons,
} from './dispro-statements.js';
import type { DisproOptions } from './dispro.js';

const QUESTIONS = 'Differences show where to ask questions, not their cause.';

export function disproTile(allRecords: readonly IndicatorRecord[], period: Period, options: DisproOptions = {}): Tile | null {
  const records = disproRecords(allRecords, period);
  const stages = stagesShown(records, period);
  const rows = rriRows(records, stages);
  if (rows.length === 0) return null;
  const minCount = options.headlineMinCount ?? DEFAULT_HEADLINE_MIN_COUNT;
  const tally = tallyComparisons(rows, minCount, options.hiddenReason ?? NO_HIDDEN_REASONS);
  const context = [significantSentence(tally), hiddenSentence(tally), fewSentence(tally), chanceSentence(tally, { short: true })].filter(Boolean).join(' ');
  const largest = largestRobust(tally);
  const common = { heading: TOPICS.dispro.heading, changes: [], statuses: [] };
  if (largest === null) {
    const robust = tally.significant.length > 0 ? ` in groups of ${formatCount(minCount)} or more children` : '';
    return {
      ...common,
      value: '0', unit: `significant differences from White children${robust}`, basis: '', interval: '',
      label: `${formatCount(tally.made)} ${tally.made === 1 ? 'comparison' : 'comparisons'} of a group with White children`,
      period: capitalisedWhen(stages[0] ?? rows[0]!.stage),
      sentence: tally.significant.length === 0
        ? `${context} Every 95% confidence interval that could be calculated includes 1.`
        : `${context} See the disproportionality section for them, with their counts.`,
    };
  }
  const { stage, rri, group } = largest;
  const groupRate = recordOf(records, 'dispro.rate', stage.key, group);
  const whiteRate = recordOf(records, 'dispro.rate', stage.key, REFERENCE_GROUP);
  const rate = (r: IndicatorRecord & { value: number }) => (r.unit === '%' ? formatValue(r.value, r.unit) : `${formatValue(r.value, r.unit)} ${r.unit}`);
  const counts = rowCounts(records, largest);
  return {
    ...common,
    value: formatValue(rri.value, 'ratio'),
    unit: 'times the rate of White children',
    basis: isShown(groupRate) && isShown(whiteRate)
      ? `${stage.label}: ${rate(groupRate)} for ${groupNoun(group)} against ${rate(whiteRate)} for White children${counts ? ` (${counts})` : ''}.` : '',
    interval: `95% confidence interval ${formatInterval(rri.lower, rri.upper, 'ratio')}`,
    label: 'The largest significant difference',
    period: capitalisedWhen(stage),
    sentence: `${rriSentence(rri, stage, { interval: false })} ${context} ${QUESTIONS}`,
  };
}
