/**
 * XmR (individuals and moving range) statistical process control chart over
 * quarters, with the four signal rules of NHS England / NHS Improvement
 * "Making Data Count" (2019, and its SPC guidance "Making Data Count:
 * Strengthening your decisions", 2021), after Wheeler, D. J. (1993)
 * Understanding Variation.
 *
 * Limits: mean ± 2.66 × mean moving range. Moving ranges are screened for
 * outliers only when asked: those ≥ 3.267 × the mean moving range are dropped
 * and the mean moving range recomputed once.
 *
 * Missing quarters (null) are skipped: the statistics and the runs use the
 * points that exist, in order, and the moving range spans a gap. A tie
 * breaks a trend (a trend is strictly rising or falling) just as a point on
 * the mean breaks a shift.
 *
 * With fewer than MIN_POINTS points there is no mean, no limit and no signal
 * (XmrTooFew): too few quarters to judge variation.
 */

export type XmrSignal = 'outside' | 'shift' | 'trend' | 'twoOfThree';
/** 'high': above the mean or rising; 'low': below the mean or falling. */
export type XmrDirection = 'high' | 'low';

export interface XmrSignalDetail {
  signal: XmrSignal;
  direction: XmrDirection;
}

export interface XmrPoint {
  value: number | null;
  /** Each signal once, in the order of XMR_SIGNALS. */
  signals: XmrSignal[];
  /** The same signals with their direction (a peak can end a rising and start a falling trend). */
  details: XmrSignalDetail[];
}

/** What every XmR result has: how many points have a value (only those enter the statistics). */
interface XmrBase {
  /** Points with a value. */
  used: number;
}

/**
 * Enough points (MIN_POINTS or more) to judge variation: the mean, the
 * limits and the signals.
 */
export interface XmrJudged extends XmrBase {
  tooFew: false;
  /** One per input value, in input order (null values carry no signals). */
  points: XmrPoint[];
  mean: number;
  meanMovingRange: number;
  lower: number;
  upper: number;
  /** Two-thirds of the way from the mean to each limit. */
  nearLower: number;
  nearUpper: number;
  /** Fewer than TRIAL_BELOW points: the limits are trial limits. */
  trial: boolean;
}

/**
 * Fewer than MIN_POINTS points: no mean, no limits and no signals, so that
 * no consumer can draw a limit or call a point "no signal" on too little
 * data. Its points have values only: not even an empty list of signals,
 * which would read as "none found" where nothing was judged.
 */
export interface XmrTooFew extends XmrBase {
  tooFew: true;
  /** One per input value, in input order. */
  points: { value: number | null }[];
  /** MIN_POINTS: how many points a judgement needs. */
  needed: number;
}

/** Narrow on `tooFew` before reading a mean, a limit or a signal. */
export type XmrResult = XmrJudged | XmrTooFew;

export const XMR_SIGNALS: readonly XmrSignal[] = ['outside', 'shift', 'trend', 'twoOfThree'];
/** d2-based constant 3 / 1.128 for natural process limits from the mean moving range. */
export const LIMIT_FACTOR = 2.66;
/** Upper range limit factor (D4 for n = 2): moving ranges at or above this × the mean are screened. */
export const SCREEN_FACTOR = 3.267;
export const RUN_LENGTH = 7;
export const TRIAL_BELOW = 12;
/**
 * The fewest points (quarters with a value) on which limits and signals are
 * computed at all: 6 points, so 5 moving ranges. Limits from fewer say more
 * than the data can: Wheeler (Understanding Variation, 1993, p. 60) writes
 * that "useful limits may be constructed with as few as five or six values",
 * and the NHS-R Community's NHSRplotthedots, the R implementation of NHS
 * England's "Making Data Count" charts ("How many points are required for
 * robust control limits?"), follows him: with 5 or 6 points one may begin,
 * and the limits are trial limits until there are 12 (TRIAL_BELOW). We take
 * the upper of Wheeler's two numbers, so the mean moving range rests on at
 * least 5 ranges. Below it the result says so (`tooFew`), and the pack says
 * there are too few quarters to judge variation, never "no signal".
 * Runs and trends need RUN_LENGTH = 7 points anyway; what the minimum
 * withholds is the mean line and the two rules on limits (outside, two of
 * three).
 */
export const MIN_POINTS = 6;

interface Present { index: number; value: number }
type Marks = Map<number, XmrSignalDetail[]>;

export function xmr(values: readonly (number | null)[], options: { screenOutliers?: boolean } = {}): XmrResult {
  const present: Present[] = [];
  values.forEach((value, index) => { if (value !== null) present.push({ index, value }); });
  if (present.length < MIN_POINTS) {
    return {
      tooFew: true,
      needed: MIN_POINTS,
      used: present.length,
      points: values.map((value) => ({ value })),
    };
  }
  const mean = sum(present.map((p) => p.value)) / present.length;
  // At least MIN_POINTS − 1 moving ranges, so never null here.
  const meanMovingRange = movingRangeMean(present.map((p) => p.value), options.screenOutliers === true) as number;
  const limits = limitsFor(mean, meanMovingRange);

  const marks: Marks = new Map();
  markShifts(present, mean, marks);
  markTrends(present, marks);
  markOutside(present, limits, marks);
  markTwoOfThree(present, limits, marks);
  return {
    tooFew: false,
    used: present.length,
    mean,
    meanMovingRange,
    ...limits,
    trial: present.length < TRIAL_BELOW,
    points: values.map((value, index) => pointFor(value, marks.get(index) ?? [])),
  };
}

function movingRangeMean(values: readonly number[], screen: boolean): number | null {
  const ranges = values.slice(1).map((v, i) => Math.abs(v - (values[i] as number)));
  if (ranges.length === 0) return null;
  const mean = sum(ranges) / ranges.length;
  if (!screen) return mean;
  const kept = ranges.filter((r) => r < SCREEN_FACTOR * mean);
  // Only when every range is 0 is none below the cut-off; the mean is then 0 either way.
  return kept.length === 0 ? mean : sum(kept) / kept.length;
}

interface Limits { lower: number; upper: number; nearLower: number; nearUpper: number }

function limitsFor(mean: number, meanMovingRange: number): Limits {
  const width = LIMIT_FACTOR * meanMovingRange;
  return {
    lower: mean - width,
    upper: mean + width,
    nearLower: mean - (2 / 3) * width,
    nearUpper: mean + (2 / 3) * width,
  };
}

function markOutside(present: readonly Present[], limits: Limits, marks: Marks): void {
  for (const p of present) {
    if (p.value > limits.upper) mark(marks, p.index, 'outside', 'high');
    else if (p.value < limits.lower) mark(marks, p.index, 'outside', 'low');
  }
}

/** Runs of RUN_LENGTH or more consecutive points strictly on one side of the mean. */
function markShifts(present: readonly Present[], mean: number, marks: Marks): void {
  const side = (v: number): XmrDirection | null => (v > mean ? 'high' : v < mean ? 'low' : null);
  markRuns(present.map((p) => side(p.value)), RUN_LENGTH, (i, direction) =>
    mark(marks, (present[i] as Present).index, 'shift', direction));
}

/** RUN_LENGTH or more consecutive points each strictly above (or below) the one before. */
function markTrends(present: readonly Present[], marks: Marks): void {
  // steps[i] is the direction from point i to point i + 1; a run of k steps spans k + 1 points.
  const steps = present.slice(1).map((p, i): XmrDirection | null => {
    const before = (present[i] as Present).value;
    return p.value > before ? 'high' : p.value < before ? 'low' : null;
  });
  markRuns(steps, RUN_LENGTH - 1, (i, direction) => {
    mark(marks, (present[i] as Present).index, 'trend', direction);
    mark(marks, (present[i + 1] as Present).index, 'trend', direction);
  });
}

/** Calls `hit` for every position inside a run of at least `minimum` equal, non-null labels. */
function markRuns(labels: readonly (XmrDirection | null)[], minimum: number, hit: (i: number, d: XmrDirection) => void): void {
  let start = 0;
  for (let i = 1; i <= labels.length; i++) {
    if (i < labels.length && labels[i] === labels[start]) continue;
    const label = labels[start];
    if (label !== null && label !== undefined && i - start >= minimum) {
      for (let j = start; j < i; j++) hit(j, label);
    }
    start = i;
  }
}

/** Two of three consecutive points beyond the two-thirds line on the same side: the points beyond are marked. */
function markTwoOfThree(present: readonly Present[], limits: Limits, marks: Marks): void {
  const beyond = (p: Present, d: XmrDirection): boolean => (d === 'high' ? p.value > limits.nearUpper : p.value < limits.nearLower);
  for (let i = 0; i + 2 < present.length; i++) {
    const window = present.slice(i, i + 3);
    for (const direction of ['high', 'low'] as const) {
      const hits = window.filter((p) => beyond(p, direction));
      if (hits.length >= 2) hits.forEach((p) => mark(marks, p.index, 'twoOfThree', direction));
    }
  }
}

function mark(marks: Marks, index: number, signal: XmrSignal, direction: XmrDirection): void {
  const list = marks.get(index) ?? [];
  if (!list.some((d) => d.signal === signal && d.direction === direction)) list.push({ signal, direction });
  marks.set(index, list);
}

function pointFor(value: number | null, details: readonly XmrSignalDetail[]): XmrPoint {
  const order = (s: XmrSignal): number => XMR_SIGNALS.indexOf(s);
  const sorted = [...details].sort((x, y) => order(x.signal) - order(y.signal) || x.direction.localeCompare(y.direction));
  return { value, signals: XMR_SIGNALS.filter((s) => sorted.some((d) => d.signal === s)), details: sorted };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
