/**
 * Disclosure control for public packs (indicators.md): counts from 1 to the
 * threshold are hidden, and so is every rate, percentage and interval built
 * on such a count; true zeros stay. Applied to the records before anything
 * is formatted, so no table, tile, chart or sentence can leak the figure.
 *
 * Primary suppression only: the sections in this pack show no totals that
 * would let a hidden cell be worked out, so no secondary suppression is due
 * yet. A section that adds totals must add it.
 */
import type { IndicatorRecord } from '../compute/record.js';

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export function applyDisclosureControl(records: readonly IndicatorRecord[], threshold: number): IndicatorRecord[] {
  const small = (n: number | null): boolean => n !== null && n >= 1 && n <= threshold;
  return records.map((r) => {
    const count = r.unit === 'count' ? r.value : r.numerator;
    // A small denominator hides too: "0 of 3" says that 3 children were there.
    if (r.suppressed || !(small(count) || small(r.denominator))) return r;
    return {
      ...r, numerator: null, denominator: small(r.denominator) ? null : r.denominator,
      value: null, lower: null, upper: null, suppressed: true,
    };
  });
}
