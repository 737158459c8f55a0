/**
 * Whole-number rounding that keeps a known total (largest remainder): each
 * value is rounded down and the units left over go to the largest fractions.
 * Population cells rounded this way still add up to the published totals.
 */
export function roundToTotal(values: readonly number[], total: number): number[] {
  const floors = values.map((v) => Math.floor(v));
  let left = total - floors.reduce((s, v) => s + v, 0);
  // Ties go to the earlier value, so the result never depends on sort stability.
  const order = values
    .map((v, i) => ({ i, fraction: v - Math.floor(v) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}
