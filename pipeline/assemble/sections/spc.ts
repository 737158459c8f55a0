/**
 * SPC signals of a quarterly series in words (statistics.ts xmr: NHS
 * "Making Data Count" rules), for a trend chart's marks and labels and its
 * table. A point can carry several signals; the main one (in the order
 * outside the limits, run, trend, two of three: the strongest evidence
 * first) is the one marked and named. A chart labels only the first point of
 * a run of the same signal, so seven points of one run carry one label.
 *
 * A series with fewer than MIN_POINTS quarters shown is not judged at all
 * (SpcTooFew): no average line, no signal, and no "None" either, since "no
 * signal" on two or three points claims more than they can support. The
 * words for that case are in SPC_WORDS, shared by every chart, table and text
 * alternative that shows SPC.
 */
import { xmr, type XmrSignalDetail } from '../../compute/statistics.js';

export interface SpcPoint {
  /** The direction of the point's main signal (the first of outside, shift, trend, two of three). */
  signal: 'high' | 'low' | null;
  /** Drawn beside the point where a run of its main signal starts; null elsewhere. */
  label: string | null;
  /** The main signal's name, for the table ("Run below the average"); "None" without one; too few quarters when not judged. */
  words: string;
}

interface SpcBase {
  points: SpcPoint[];
  /** Quarters with a figure shown (only those enter the statistics). */
  used: number;
}

/** Enough quarters to judge variation: the average, the limits and the signals. */
export interface SpcJudged extends SpcBase {
  tooFew: false;
  /** Fewer than 12 quarters: the limits are trial limits. */
  trial: boolean;
  mean: number;
  lower: number;
  upper: number;
}

/** Too few quarters to judge variation: nothing to draw and no signal to name. */
export interface SpcTooFew extends SpcBase {
  tooFew: true;
  /** The quarters a judgement needs (MIN_POINTS). */
  needed: number;
}

/** Narrow on `tooFew` before drawing an average line or naming a signal. */
export type SpcSummary = SpcJudged | SpcTooFew;

/**
 * The one name of each signal, used in the chart's labels, its text
 * alternative and its table alike (a board member should never wonder
 * whether two names are two signals).
 */
export const SIGNAL_NAMES: Readonly<Record<XmrSignalDetail['signal'], Record<XmrSignalDetail['direction'], string>>> = {
  outside: { high: 'Above the upper limit', low: 'Below the lower limit' },
  shift: { high: 'Run above the average', low: 'Run below the average' },
  trend: { high: 'Rising trend', low: 'Falling trend' },
  twoOfThree: { high: 'Near the upper limit', low: 'Near the lower limit' },
};

const quarters = (n: number): string => `${n} ${n === 1 ? 'quarter' : 'quarters'}`;

/**
 * The pack's words about SPC other than the signals' names, in one place so
 * the chart, its table and its text alternative say the same thing.
 */
export const SPC_WORDS = {
  /** A judged quarter with no signal. */
  none: 'None',
  /**
   * The table's SPC column on a series too short to judge. Short, as it is
   * repeated in every quarter shown: the note under the table gives the counts.
   */
  tooFewCell: 'Not judged: too few quarters',
  /** A sentence for the chart's subtitle and its text alternative. */
  tooFewSentence: (s: SpcTooFew): string =>
    `No average line or statistical process control (SPC) signals: ${quarters(s.used)} shown, too few to judge variation (SPC needs at least ${s.needed}).`,
  /** The note under the table, in place of the signal rules. */
  tooFewNote: (s: SpcTooFew): string =>
    `SPC signal: not judged. ${s.used === 1 ? 'Only 1 quarter has' : `Only ${s.used} quarters have`} a figure shown, and NHS England's "Making Data Count" rules on an XmR chart need at least ${s.needed} before an average, limits or signals mean anything.`,
} as const;

export function spcSignals(values: readonly (number | null)[]): SpcSummary {
  const result = xmr(values);
  if (result.tooFew) {
    const points = result.points.map((): SpcPoint => ({ signal: null, label: null, words: SPC_WORDS.tooFewCell }));
    return { tooFew: true, needed: result.needed, used: result.used, points };
  }
  const main = result.points.map((p) => p.details[0] ?? null);
  const points = main.map((first, i): SpcPoint => {
    const before = i > 0 ? main[i - 1] ?? null : null;
    const startsRun = first !== null && (before === null || before.signal !== first.signal || before.direction !== first.direction);
    return {
      signal: first?.direction ?? null,
      label: startsRun && first ? SIGNAL_NAMES[first.signal][first.direction] : null,
      words: first ? SIGNAL_NAMES[first.signal][first.direction] : SPC_WORDS.none,
    };
  });
  return { tooFew: false, points, trial: result.trial, mean: result.mean, lower: result.lower, upper: result.upper, used: result.used };
}

/** The table's SPC cell for quarter i of a series whose figure there is shown. */
export function spcWords(spc: SpcSummary, i: number): string {
  return spc.points[i]?.words ?? (spc.tooFew ? SPC_WORDS.tooFewCell : SPC_WORDS.none);
}
