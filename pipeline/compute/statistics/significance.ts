/**
 * Whether an indicator differs from a comparator (indicators.md, "Statistics
 * for every rate and proportion"): significant only when the comparator lies
 * outside the indicator's confidence interval, the Fingertips convention
 * (PHE, "Technical Guide: Confidence Intervals", 2018). A comparator on a
 * limit is inside. A missing limit cannot support a difference on its side.
 */

export interface Significance {
  significant: boolean;
  /** How the indicator compares with the comparator: higher when the comparator is below the lower limit. */
  direction: 'higher' | 'lower' | null;
}

export function significantAgainst(
  ci: { lower: number | null; upper: number | null },
  comparator: number,
): Significance {
  if (ci.lower !== null && comparator < ci.lower) return { significant: true, direction: 'higher' };
  if (ci.upper !== null && comparator > ci.upper) return { significant: true, direction: 'lower' };
  return { significant: false, direction: null };
}
