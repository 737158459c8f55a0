/**
 * Whether a figure differs from an earlier one (docs/indicators.md: a change is
 * only called so when it is significant; otherwise "similar").
 *
 * The test: the 95% confidence interval of the difference excludes 0. The
 * interval is built from each figure's own 95% interval by the MOVER method
 * (method of variance estimates recovery: Zou and Donner 2008, "Construction
 * of confidence limits about effect measures: a general approach", Statistics
 * in Medicine 27, 1693–1702; with Wilson intervals it is Newcombe's 1998
 * method 10 for two proportions):
 *   L = d − √((x₁ − l₁)² + (u₂ − x₂)²),  U = d + √((u₁ − x₁)² + (x₂ − l₂)²),  d = x₁ − x₂.
 * So it keeps the exact/Byar and Wilson intervals the figures already carry,
 * and needs no counts. It assumes the two figures are independent: true of a
 * year against the year before it and of one cohort or quarter against
 * another; two rolling years that overlap (a year against the year to the
 * previous quarter) share events, which makes the true interval narrower, so
 * there the test errs on the side of "similar". It finds real changes that
 * the cruder "intervals do not overlap" rule misses (that rule is
 * equivalent to adding the two half-widths instead of their squares).
 */
import type { IndicatorRecord } from '../compute/record.js';
import type { ChangeWord } from './model.js';

export type Estimate = Pick<IndicatorRecord, 'value' | 'lower' | 'upper' | 'suppressed'>;

/** How the pack judges a change, in words for the summary and the methods section. */
export const CHANGE_METHOD_TEXT = 'A figure is called higher or lower than an earlier one only where the 95% confidence interval of the difference between them excludes zero (the MOVER method of Zou and Donner, built from each figure\'s own interval); otherwise it is called similar. Two rolling years that overlap share some of their events, so for a year compared with the year to the previous quarter the test is cautious.';

export function compareEstimates(current: Estimate | undefined, earlier: Estimate | undefined): ChangeWord {
  const difference = differenceInterval(current, earlier);
  if (difference === null) return 'not available';
  if (difference.lower > 0) return 'higher';
  if (difference.upper < 0) return 'lower';
  return 'similar';
}

/** The difference current − earlier with its 95% MOVER interval; null when either figure lacks a value or a limit. */
export function differenceInterval(current: Estimate | undefined, earlier: Estimate | undefined):
  { value: number; lower: number; upper: number } | null {
  if (!current || !earlier || !isComplete(current) || !isComplete(earlier)) return null;
  const value = current.value - earlier.value;
  const lower = value - Math.hypot(current.value - current.lower, earlier.upper - earlier.value);
  const upper = value + Math.hypot(current.upper - current.value, earlier.value - earlier.lower);
  return { value, lower, upper };
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
