/**
 * Disclosure control for public packs (indicators.md, "Disclosure control"),
 * applied to the records before anything is formatted, so no table, tile,
 * chart or sentence can show a hidden figure.
 *
 * The rules themselves live in compute/statistics (suppressRecords: primary
 * on small counts and bases, secondary across a breakdown row). This file
 * adds what a whole pack needs on top of one pass over one indicator:
 *
 * - Linked figures. The same count sits in several records: the children of
 *   one group at one disproportionality stage are the numerator of its rate,
 *   its RRI and its share; a cohort's reoffenders are the numerator of the
 *   binary rate and the base of reoffences per reoffender. A count hidden in
 *   one must be hidden in all, or a table beside it gives it away. So every
 *   record of the same family (`dispro`, `reoffending`…), period and
 *   breakdown is hidden with it, and secondary suppression is run again on
 *   the rows that changed, until nothing moves.
 * - Shares of a stage. Each group's share of a disproportionality stage is
 *   taken of the stage's known total, so a share shown next to its count
 *   tells the total, and the total less the counts shown tells the hidden
 *   ones. Where any share of a stage is hidden, all of that stage's shares
 *   are (reason 'base'); the counts themselves stay where they are safe.
 * - Bases kept. A hidden rate per 100,000 or per 1,000 keeps its
 *   denominator (an ONS estimate, published anyway), and so does a hidden
 *   headline percentage its base (the cohort, the children measured), so
 *   tables still say whom a figure is about: "[c] of 30"; likewise the
 *   stage total behind the share of children with no recorded ethnicity
 *   (everyone at the stage, a total the pack shows anyway). A small base stays
 *   hidden; so do the bases of breakdown cells (their total is shown, so a
 *   shown base would give a small hidden one away) and denominators that
 *   are themselves counts of the event (reoffenders, the White count of an
 *   RRI, a stage's total of a share).
 */
import { suppressRecords, isSmallCount, type SuppressionEntry } from '../compute/statistics.js';
import type { BreakdownKey, IndicatorId, IndicatorRecord } from '../compute/record.js';
import type { Audience } from './model.js';

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export interface DisclosureEntry {
  id: string;
  period: string;
  breakdown: Record<string, string>;
  /**
   * primary: a small count or base; secondary: protects a primary cell of its row; linked: shares a hidden
   * count; base: a share whose base would give a hidden cell of its stage away.
   */
  reason: SuppressionEntry['reason'] | 'linked' | 'base';
}

export interface Disclosed {
  records: IndicatorRecord[];
  /** Every record hidden, once, in the order it was hidden (for manifest.json). */
  log: DisclosureEntry[];
}

export function discloseRecords(records: readonly IndicatorRecord[], threshold: number): Disclosed {
  const first = suppressRecords(records, threshold);
  let out = first.records;
  const log: DisclosureEntry[] = [...first.log];
  for (;;) {
    const linked = hideLinked(out);
    if (linked.log.length === 0) break;
    // Records already hidden have no counts left, so this pass adds secondary cells only.
    const again = suppressRecords(linked.records, threshold);
    log.push(...linked.log, ...again.log);
    out = again.records;
  }
  const shares = hideSharesOfHiddenStages(out);
  log.push(...shares.log);
  return { records: keepBases(records, shares.records, threshold), log };
}

/** The records an audience may see: the board sees everything, the public the disclosed set. */
export function recordsFor(audience: Audience, records: readonly IndicatorRecord[], threshold: number): IndicatorRecord[] {
  return audience === 'public' ? discloseRecords(records, threshold).records : [...records];
}

/** The public records alone (the shape assemble has always used). */
export function applyDisclosureControl(records: readonly IndicatorRecord[], threshold: number): IndicatorRecord[] {
  return discloseRecords(records, threshold).records;
}

/** `fte.rate` → `fte`: records of one family are built from the same counts. */
function family(r: IndicatorRecord): string {
  return r.id.slice(0, r.id.indexOf('.'));
}

function linkKey(r: IndicatorRecord): string {
  // Breakdown keys are written in one fixed order by compute, but sort anyway: the key must not depend on it.
  const breakdown = Object.entries(r.breakdown).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${family(r)}|${r.period}|${JSON.stringify(breakdown)}`;
}

function hideLinked(records: readonly IndicatorRecord[]): Disclosed {
  const hiddenKeys = new Set(records.filter((r) => r.suppressed).map(linkKey));
  return hideWhere(records, (r) => hiddenKeys.has(linkKey(r)), 'linked');
}

const SHARE_ID = 'dispro.share';
const NOT_KNOWN = 'Not known';

function hideSharesOfHiddenStages(records: readonly IndicatorRecord[]): Disclosed {
  const stageKey = (r: IndicatorRecord) => `${r.period}|${r.breakdown.stage ?? ''}`;
  const hiddenStages = new Set(records.filter((r) => r.id === SHARE_ID && r.suppressed).map(stageKey));
  return hideWhere(records, (r) => r.id === SHARE_ID && hiddenStages.has(stageKey(r)), 'base');
}

function hideWhere(records: readonly IndicatorRecord[], when: (r: IndicatorRecord) => boolean, reason: DisclosureEntry['reason']): Disclosed {
  const log: DisclosureEntry[] = [];
  const out = records.map((r) => {
    if (r.suppressed || !when(r)) return r;
    log.push({ id: r.id, period: r.period, breakdown: { ...r.breakdown } as Record<string, string>, reason });
    return { ...r, numerator: null, denominator: null, value: null, lower: null, upper: null, suppressed: true };
  });
  return { records: out, log };
}

/** Ids whose denominator is the group measured, not a count of the event. */
const BASE_DENOMINATORS: ReadonlySet<IndicatorId> = new Set<IndicatorId>([
  'reoffending.binary', 'reoffending.per_offender', 'ete.school_age', 'ete.over_school_age', 'ete.overall', 'ete.suitable_end',
]);
/** Keys that name a record's table rather than a cell of a breakdown row (as suppressRecords has them). */
const TABLE_KEYS: readonly BreakdownKey[] = ['cohort', 'stage'];

function keepBases(original: readonly IndicatorRecord[], disclosed: IndicatorRecord[], threshold: number): IndicatorRecord[] {
  return disclosed.map((r, i) => {
    const before = original[i];
    if (!r.suppressed || !before || before.denominator === null || isSmallCount(before.denominator, threshold)) return r;
    const population = r.unit === 'per 100,000' || r.unit === 'per 1,000';
    const headline = (Object.keys(r.breakdown) as BreakdownKey[]).every((k) => TABLE_KEYS.includes(k));
    // The "Not known" share is of everyone at the stage (the other shares are of those with a known group).
    const stageTotal = r.id === SHARE_ID && r.breakdown.group === NOT_KNOWN;
    if (!population && !stageTotal && !(headline && BASE_DENOMINATORS.has(r.id))) return r;
    return { ...r, denominator: before.denominator };
  });
}
