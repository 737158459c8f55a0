/**
 * Argument checks shared by the statistics functions. Impossible inputs
 * (a negative count, more successes than trials, a level outside 0–1) can
 * only come from a bug in a caller, so they fail loudly instead of quietly
 * producing NaN that would surface as a blank cell in the board pack.
 */
import { YjpackError } from '../../errors.js';

export function requireNonNegative(fn: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new YjpackError('badStatisticInput', { fn, detail: `${name} = ${value} (it must be a finite number ≥ 0)` });
  }
}

export function requireAtMost(fn: string, name: string, value: number, limitName: string, limit: number): void {
  if (value > limit) {
    throw new YjpackError('badStatisticInput', { fn, detail: `${name} = ${value} above ${limitName} = ${limit}` });
  }
}

export function requireProbability(fn: string, name: string, value: number): void {
  if (!(value >= 0 && value <= 1)) {
    throw new YjpackError('badStatisticInput', { fn, detail: `${name} = ${value} (it must lie between 0 and 1)` });
  }
}

export function requirePositive(fn: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new YjpackError('badStatisticInput', { fn, detail: `${name} = ${value} (it must be a finite number > 0)` });
  }
}

/** A confidence level strictly between 0 and 1 (0.95, 0.998). */
export function requireLevel(fn: string, level: number): void {
  if (!(level > 0 && level < 1)) {
    throw new YjpackError('badStatisticInput', { fn, detail: `level = ${level} (it must lie strictly between 0 and 1)` });
  }
}
