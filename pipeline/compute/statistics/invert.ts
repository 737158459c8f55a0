/**
 * Inverts a continuous distribution function: Newton's method kept inside a
 * bracket that shrinks at every step, falling back to bisection whenever a
 * Newton step would leave it. Newton gives the ~1e-15 accuracy; the bracket
 * guarantees convergence from any start, which plain Newton does not for the
 * skewed beta and gamma distributions met at small counts.
 */

export interface InversionProblem {
  /** Increasing in x, zero at the answer (for example F(x) − p). */
  excess: (x: number) => number;
  /** Derivative of `excess` (the density, up to sign conventions handled by the caller). */
  slope: (x: number) => number;
  lower: number;
  upper: number;
  start: number;
}

const MAX_STEPS = 2000;
const RELATIVE_TOLERANCE = 1e-15;

export function invert({ excess, slope, lower, upper, start }: InversionProblem): number {
  let lo = lower;
  let hi = upper;
  let x = start > lo && start < hi ? start : midpoint(lo, hi);
  for (let step = 0; step < MAX_STEPS; step++) {
    const fx = excess(x);
    if (fx === 0) return x;
    if (fx < 0) lo = x;
    else hi = x;
    let next = x - fx / slope(x);
    if (!(next > lo && next < hi)) next = midpoint(lo, hi);
    if (Math.abs(next - x) <= RELATIVE_TOLERANCE * Math.abs(x) || hi - lo <= RELATIVE_TOLERANCE * Math.abs(x)) {
      return next;
    }
    x = next;
  }
  // Rounding noise in `excess` can keep the last digits moving; the estimate is already as good as the function.
  return x;
}

function midpoint(lo: number, hi: number): number {
  return lo + (hi - lo) / 2;
}
