/**
 * SPC signals of a quarterly series in words (statistics.ts xmr: NHS
 * "Making Data Count" rules), for a trend chart's marks and labels and its
 * table. A point can carry several signals; the main one (in the order
 * outside the limits, run, trend, two of three: the strongest evidence
 * first) is the one marked and named. A chart labels only the first point of
 * a run of the same signal, so seven points of one run carry one label.
 */
import { xmr, type XmrSignalDetail } from '../../compute/statistics.js';

export interface SpcPoint {
  /** The direction of the point's main signal (the first of outside, shift, trend, two of three). */
  signal: 'high' | 'low' | null;
  /** Drawn beside the point where a run of its main signal starts; null elsewhere. */
  label: string | null;
  /** The main signal's name, for the table ("Run below the average"); "None" without one. */
  words: string;
}

export interface SpcSummary {
  points: SpcPoint[];
  /** Fewer than 12 quarters: the limits are trial limits. */
  trial: boolean;
  mean: number | null;
  lower: number | null;
  upper: number | null;
  /** Quarters with a figure (only those enter the statistics). */
  used: number;
}

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

export function spcSignals(values: readonly (number | null)[]): SpcSummary {
  const result = xmr(values);
  const main = result.points.map((p) => p.details[0] ?? null);
  const points = main.map((first, i): SpcPoint => {
    const before = i > 0 ? main[i - 1] ?? null : null;
    const startsRun = first !== null && (before === null || before.signal !== first.signal || before.direction !== first.direction);
    return {
      signal: first?.direction ?? null,
      label: startsRun && first ? SIGNAL_NAMES[first.signal][first.direction] : null,
      words: first ? SIGNAL_NAMES[first.signal][first.direction] : 'None',
    };
  });
  return {
    points, trial: result.trial, mean: result.mean, lower: result.lower, upper: result.upper,
    used: values.filter((v) => v !== null).length,
  };
}
