import { describe, expect, it } from 'vitest';
import { isSmallCount } from '../../../pipeline/compute/statistics.js';

describe('isSmallCount', () => {
  it('is true from 1 to the threshold only: a true zero, a missing count and larger counts are not small', () => {
    expect([0, 1, 5, 6, null].map((n) => isSmallCount(n, 5))).toEqual([false, true, true, false, false]);
    expect(isSmallCount(3, 2)).toBe(false);
  });
});
