/**
 * What the pack may say about the disproportionality comparisons as a whole
 * (docs/disproportionality.md, "What the pack may headline"): how many were made, how many
 * differ significantly among those the reader can see, how many are hidden
 * and why, that some are expected to look significant by chance, and which
 * significant ones rest on so few children that they are listed but never a
 * headline. Sentences are worded for 0, 1 and many.
 */
import type { IndicatorRecord } from '../../compute/record.js';
import type { HiddenReasonOf } from '../hidden-reasons.js';
import { formatCount, formatNumber, plural } from '../format.js';
import { REFERENCE_GROUP, groupNoun, isDrawable, recordOf, type Drawable, type rriRows, type StageView } from '../dispro-figures.js';

/** Default config `headline_min_count`: a group needs this many children at a stage for its difference to be a headline. */
export const DEFAULT_HEADLINE_MIN_COUNT = 10;
/** The share of comparisons that look significant by chance alone at the 95% level. */
const CHANCE = 0.05;

type Row = ReturnType<typeof rriRows>[number];
export type SignificantRow = Row & { rri: Drawable };

export interface ComparisonTally {
  /** Config `headline_min_count` the tally was made with. */
  minCount: number;
  /** Comparisons made (every group against White children at every stage shown). */
  made: number;
  /** Comparisons the reader can see (made less hidden). */
  shown: number;
  significant: SignificantRow[];
  /** Significant with at least the headline count of children in the group: may be a headline. */
  robust: SignificantRow[];
  /** Significant but with fewer children than that: listed, with counts, as based on few children. */
  few: SignificantRow[];
  /** Hidden comparisons by the reason in the disclosure log (none for a board pack); unexplained: not in the log. */
  hidden: { smallCount: number; protecting: number; unexplained: number };
}

export function tallyComparisons(rows: readonly Row[], minCount: number, hiddenReason: HiddenReasonOf): ComparisonTally {
  const significant = rows.filter((r): r is SignificantRow => isDrawable(r.rri) && r.rri.significant === true);
  const robust = significant.filter((r) => groupCount(r.rri) >= minCount);
  const hiddenRows = rows.filter((r) => r.rri?.suppressed === true);
  const reasons = hiddenRows.map((r) => (r.rri === undefined ? null : hiddenReason(r.rri)));
  const protecting = reasons.filter((x) => x === 'protects another').length;
  const smallCount = reasons.filter((x) => x === 'small count').length;
  return {
    minCount,
    made: rows.length,
    shown: rows.length - hiddenRows.length,
    significant,
    robust,
    few: significant.filter((r) => !robust.includes(r)),
    hidden: { smallCount, protecting, unexplained: hiddenRows.length - smallCount - protecting },
  };
}

/** The children of the group at the stage (the RRI's numerator). */
export function groupCount(rri: IndicatorRecord): number {
  return rri.numerator ?? 0;
}

/** The significant comparison furthest from parity (log scale: 0.5 is as far as 2) among those that may be a headline. */
export function largestRobust(tally: ComparisonTally): SignificantRow | null {
  let best: SignificantRow | null = null;
  for (const row of tally.robust) {
    if (best === null || Math.abs(Math.log(row.rri.value)) > Math.abs(Math.log(best.rri.value))) best = row;
  }
  return best;
}

/**
 * "6 of the 28 comparisons with White children differ significantly." In a
 * public pack with hidden comparisons, the count is of those shown: "5 of the
 * 15 comparisons with White children that can be shown differ significantly."
 */
export function significantSentence(t: ComparisonTally): string {
  const n = t.significant.length;
  if (t.made === 0) return 'No comparison with White children could be made.';
  if (t.shown === 0) {
    return t.made === 1 ? 'The 1 comparison with White children cannot be shown.' : `None of the ${formatCount(t.made)} comparisons with White children can be shown.`;
  }
  const which = t.shown < t.made ? ' that can be shown' : '';
  if (t.shown === 1) return `The 1 comparison with White children${which} ${n === 0 ? 'does not differ' : 'differs'} significantly.`;
  const of = `the ${formatCount(t.shown)} comparisons with White children${which}`;
  if (n === 0) return `None of ${of} differs significantly.`;
  return `${formatCount(n)} of ${of} ${n === 1 ? 'differs' : 'differ'} significantly.`;
}

/** "13 comparisons are hidden to protect children's identities: 9 are built on a small count, and 4 are hidden so that …". */
export function hiddenSentence(t: ComparisonTally): string | null {
  const hidden = t.made - t.shown;
  if (hidden === 0) return null;
  const { smallCount, protecting, unexplained } = t.hidden;
  const head = `${plural(hidden, 'comparison is', 'comparisons are')} hidden to protect children's identities`;
  const each = hidden === 1 ? 'it is' : 'each is';
  const protects = (n: number) => `hidden so that another hidden figure cannot be worked out from ${n === 1 ? 'it' : 'them'}`;
  if (unexplained > 0) return `${head}.`;
  if (protecting === 0) return `${head}: ${each} built on a small count.`;
  if (smallCount === 0) return `${head}: ${each} ${protects(1)}.`;
  return `${head}: ${formatCount(smallCount)} ${smallCount === 1 ? 'is' : 'are'} built on a small count, and ${formatCount(protecting)} ${protecting === 1 ? 'is' : 'are'} ${protects(protecting)}.`;
}

/** "With 28 comparisons, about 1.4 would look significant by chance alone …" (short: "Of 28 comparisons, about 1.4 …", for a tile). */
export function chanceSentence(t: ComparisonTally, options: { short: boolean } = { short: false }): string | null {
  if (t.made < 2) return null;
  const expected = formatNumber(t.made * CHANCE, 1);
  if (options.short) return `Of ${formatCount(t.made)} comparisons, about ${expected} would look significant by chance alone.`;
  return `With ${plural(t.made, 'comparison', 'comparisons')}, about ${expected} would be expected to look significant by chance alone even if no group's rate differed from White children's (1 in 20 at the 95% level), so a single significant result is weak evidence on its own.`;
}

/** "2 significant results rest on fewer than 10 children in the group, so they are listed below as based on few children, not used as a headline." */
export function fewSentence(t: ComparisonTally): string | null {
  const minCount = t.minCount;
  const n = t.few.length;
  if (n === 0) return null;
  return `${n === 1 ? '1 significant result rests' : `${formatCount(n)} significant results rest`} on fewer than ${formatCount(minCount)} children in the group at the stage, so ${n === 1 ? 'it is' : 'they are'} based on few children and not used as a headline.`;
}

/**
 * The counts behind a comparison: "182 arrests among 2,716 Black children,
 * against 345 among 12,680 White children" (population stages) or "2 of 2
 * children from the Other ethnic group, against 30 of 220 White children".
 */
export function countsPhrase(stage: StageView, groupRate: IndicatorRecord | undefined, whiteRate: IndicatorRecord | undefined, group: string): string | null {
  const counts = (r: IndicatorRecord | undefined) => (r && !r.suppressed && r.numerator !== null && r.denominator !== null
    ? { n: formatCount(r.numerator), d: formatCount(r.denominator) } : null);
  const g = counts(groupRate);
  const w = counts(whiteRate);
  if (g === null || w === null) return null;
  return stage.onPopulation
    ? `${g.n} ${events(stage, groupRate?.numerator ?? 0)} among ${g.d} ${groupNoun(group)}, against ${w.n} among ${w.d} White children`
    : `${g.n} of ${g.d} ${groupNoun(group)}, against ${w.n} of ${w.d} White children`;
}

/** "1 arrest", "224 arrests": the noun of a population stage's events, for n of them (without the number). */
export function events(stage: StageView, n: number): string {
  return stage.events[n === 1 ? 0 : 1];
}

/** "224 arrests", "6 children": the group's count at the stage, in words. */
export function groupCountWords(row: SignificantRow): string {
  const n = groupCount(row.rri);
  return row.stage.onPopulation ? `${formatCount(n)} ${events(row.stage, n)}` : plural(n, 'child', 'children');
}

/** The counts behind a significant row, from the stage's rate records. */
export function rowCounts(records: readonly IndicatorRecord[], row: Row): string | null {
  return countsPhrase(row.stage, recordOf(records, 'dispro.rate', row.stage.key, row.group),
    recordOf(records, 'dispro.rate', row.stage.key, REFERENCE_GROUP), row.group);
}
