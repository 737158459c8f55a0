/**
 * Disclosure control for the pack's count tables that are not indicator
 * records (the cohort profile, remands to youth detention), by the rules of
 * indicators.md and compute/statistics/suppression.ts: counts from 1 to the
 * threshold are hidden (true zeros stay), with every percentage built on
 * them; where a table shows its total, a lone hidden cell would be the total
 * minus the rest, so the smallest other non-zero cell is hidden with it.
 * The board (threshold null) sees every count.
 */
import { isSmallCount } from '../../compute/statistics.js';
import type { ProfileTable, YdaRemandYear } from '../../compute/profile.js';

export type HiddenReason = 'primary' | 'secondary';

export interface DisclosedCounts {
  /** Each count, or null where hidden. */
  shown: (number | null)[];
  reasons: (HiddenReason | null)[];
}

export function discloseCounts(counts: readonly number[], threshold: number | null, options: { totalShown: boolean }): DisclosedCounts {
  if (threshold === null) return { shown: [...counts], reasons: counts.map(() => null) };
  const reasons: (HiddenReason | null)[] = counts.map((n) => (isSmallCount(n, threshold) ? 'primary' : null));
  const hidden = reasons.filter((r) => r !== null).length;
  if (options.totalShown && hidden === 1) {
    const next = counts
      .map((n, i) => ({ n, i }))
      .filter(({ n, i }) => reasons[i] === null && n > 0)
      .sort((a, b) => a.n - b.n || a.i - b.i)[0];
    if (next) reasons[next.i] = 'secondary';
  }
  return { shown: counts.map((n, i) => (reasons[i] === null ? n : null)), reasons };
}

/** The total of a profile table, or null when it is itself a small count. */
export function discloseTotal(total: number, threshold: number | null): number | null {
  return threshold !== null && isSmallCount(total, threshold) ? null : total;
}

export interface CountSuppression {
  table: string;
  period: string;
  category: string;
  reason: HiddenReason;
}

/**
 * Every count the public pack hides in the profile and remand tables, for
 * the manifest's suppression log beside the records' own.
 */
export function countSuppressions(profile: readonly ProfileTable[], remands: readonly YdaRemandYear[], threshold: number): CountSuppression[] {
  const out: CountSuppression[] = [];
  for (const t of profile) {
    const { reasons } = discloseCounts(t.rows.map((r) => r.children), threshold, { totalShown: discloseTotal(t.total, threshold) !== null });
    t.rows.forEach((r, i) => {
      const reason = reasons[i];
      if (reason) out.push({ table: `profile.${t.dimension}`, period: t.period, category: r.category, reason });
    });
    if (discloseTotal(t.total, threshold) === null) out.push({ table: `profile.${t.dimension}`, period: t.period, category: 'total', reason: 'primary' });
  }
  for (const y of remands) {
    const fields = [['decisions', y.decisions], ['children', y.children], ['children_with_decision', y.childrenWithDecision]] as const;
    for (const [name, n] of fields) {
      if (isSmallCount(n, threshold)) out.push({ table: 'remands.yda', period: y.period, category: name, reason: 'primary' });
    }
  }
  return out;
}
