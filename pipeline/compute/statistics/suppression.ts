/**
 * The small-count rule of disclosure control (indicators.md, "Disclosure
 * control"; GSS guidance): a count from 1 to the threshold identifies too
 * few children to publish. True zeros are not small. Which cells a public
 * output hides, and why, is cell-suppression.ts; the check that nothing
 * hidden can be worked out is disclosure-audit.ts.
 */

export function isSmallCount(n: number | null, threshold: number): boolean {
  return n !== null && n >= 1 && n <= threshold;
}
