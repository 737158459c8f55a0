/**
 * The summary tile for disproportionality: the significant relative rate
 * index furthest from parity, with both groups' rates as its basis. It has
 * no change over time (the pack shows disproportionality for the year to P
 * only) and no target.
 */
import type { IndicatorRecord } from '../../compute/record.js';
import type { Period } from '../../period.js';
import { isShown } from '../cells.js';
import { formatInterval, formatValue } from '../format.js';
import type { Tile } from '../model.js';
import {
  REFERENCE_GROUP, capitalisedWhen, disproRecords, groupNoun, isDrawable, largestSignificant, recordOf, rriRows, rriSentence, stagesShown,
} from './dispro-figures.js';

export function disproTile(allRecords: readonly IndicatorRecord[], period: Period): Tile | null {
  const records = disproRecords(allRecords, period);
  const stages = stagesShown(records, period);
  const rows = rriRows(records, stages);
  if (rows.length === 0) return null;
  const significant = rows.filter((r) => isDrawable(r.rri) && r.rri.significant === true).length;
  const largest = largestSignificant(rows);
  const common = { heading: 'Disproportionality', changes: [], statuses: [] };
  if (largest === null) {
    return {
      ...common,
      value: 'None', unit: 'significant differences from White children', basis: '', interval: '',
      label: `${rows.length} comparisons of a group with White children`,
      period: capitalisedWhen(stages[0] ?? rows[0]!.stage),
      sentence: `At no stage did any group's rate differ significantly from White children's: every 95% confidence interval that could be calculated includes 1.`,
    };
  }
  const { stage, rri } = largest;
  const group = rri.breakdown.group ?? '';
  const groupRate = recordOf(records, 'dispro.rate', stage.key, group);
  const whiteRate = recordOf(records, 'dispro.rate', stage.key, REFERENCE_GROUP);
  const rate = (r: IndicatorRecord & { value: number }) => (r.unit === '%' ? formatValue(r.value, r.unit) : `${formatValue(r.value, r.unit)} ${r.unit}`);
  return {
    ...common,
    value: formatValue(rri.value, 'ratio'),
    unit: 'times the rate of White children',
    basis: isShown(groupRate) && isShown(whiteRate)
      ? `${stage.label}: ${rate(groupRate)} for ${groupNoun(group)} against ${rate(whiteRate)} for White children.` : '',
    interval: `95% confidence interval ${formatInterval(rri.lower, rri.upper, 'ratio')}`,
    label: 'The largest significant difference',
    period: capitalisedWhen(stage),
    sentence: `${rriSentence(rri, stage, { interval: false })} ${significant} of ${rows.length} comparisons with White children differ significantly. They show where to ask questions, not their cause.`,
  };
}
