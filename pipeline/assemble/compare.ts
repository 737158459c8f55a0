/**
 * Whether a figure differs from an earlier one (board-pack.md: a change is
 * only called so when it is significant; otherwise "similar"). The test is
 * that the two 95% intervals do not overlap: conservative, but it needs no
 * assumption about how the two years' children overlap, and a board can
 * check it by eye on the chart's band.
 */
import type { IndicatorRecord } from '../compute/record.js';
import type { ChangeWord } from './model.js';

export type Estimate = Pick<IndicatorRecord, 'value' | 'lower' | 'upper' | 'suppressed'>;

export function compareEstimates(current: Estimate | undefined, earlier: Estimate | undefined): ChangeWord {
  if (!current || !earlier || !isComplete(current) || !isComplete(earlier)) return 'not available';
  // Intervals that touch share a point, so they overlap.
  if (current.lower > earlier.upper) return 'higher';
  if (current.upper < earlier.lower) return 'lower';
  return 'similar';
}

type CompleteEstimate = { value: number; lower: number; upper: number; suppressed: false };

function isComplete(e: Estimate): e is CompleteEstimate {
  return !e.suppressed && e.value !== null && e.lower !== null && e.upper !== null;
}

/** Shape that carries the same meaning as the word, so colour is never the only signal. */
export function changeSymbol(word: ChangeWord): string {
  switch (word) {
    case 'higher': return '▲';
    case 'lower': return '▼';
    case 'similar': return '●';
    case 'not available': return '–';
  }
}
