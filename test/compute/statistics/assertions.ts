import { expect } from 'vitest';
import { YjpackError } from '../../../pipeline/errors.js';

/** Asserts that `run` throws the statistics input error (a caller bug, exit 1). */
export function expectBadInput(run: () => unknown): void {
  try {
    run();
    expect.unreachable('expected badStatisticInput');
  } catch (e) {
    expect(e).toBeInstanceOf(YjpackError);
    expect((e as YjpackError).messageId).toBe('badStatisticInput');
    expect((e as YjpackError).exitCode).toBe(1);
  }
}

/** |actual − expected| within `relative` of |expected|. */
export function expectRelative(actual: number | null, expected: number, relative = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}
