/**
 * What the pack's count tables that are not indicator records (the cohort
 * profile, remands to youth detention) show to each audience. The public
 * pack's tables come disclosed from assemble (disclosure.ts), as part of the
 * whole pack, so a count printed both here and in a record is hidden in
 * both; a table given on its own is disclosed on its own. The board
 * (threshold null) sees every count.
 */
import type { ProfileTable, YdaRemandYear } from '../compute/profile.js';
import { discloseRecords, type DisclosedProfileTable, type DisclosedRemandYear } from './disclosure.js';

export interface ShownProfile {
  /** Each row's count, or null where hidden. */
  rows: (number | null)[];
  total: number | null;
}

export function shownProfileCounts(t: ProfileTable, threshold: number | null): ShownProfile {
  if (threshold === null) return { rows: t.rows.map((r) => r.children), total: t.total };
  const d = isDisclosed(t) ? t : discloseRecords([], threshold, { profile: [t] }).profile[0]!;
  return { rows: t.rows.map((r, i) => (d.hidden.rows[i] ? null : r.children)), total: d.hidden.total ? null : t.total };
}

/** Remand decisions, children remanded and children with any remand decision, each null where hidden. */
export function shownRemandCounts(y: YdaRemandYear, threshold: number | null): (number | null)[] {
  const values = [y.decisions, y.children, y.childrenWithDecision];
  if (threshold === null) return values;
  const d = isDisclosedYear(y) ? y : discloseRecords([], threshold, { remands: [y] }).remands[0]!;
  return [d.hidden.decisions ? null : y.decisions, d.hidden.children ? null : y.children, d.hidden.childrenWithDecision ? null : y.childrenWithDecision];
}

function isDisclosed(t: ProfileTable): t is DisclosedProfileTable {
  return 'hidden' in t;
}

function isDisclosedYear(y: YdaRemandYear): y is DisclosedRemandYear {
  return 'hidden' in y;
}
