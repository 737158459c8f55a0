import { describe, expect, it } from 'vitest';
import { roundToTotal } from '../../pipeline/population/rounding.js';

describe('roundToTotal', () => {
  it('gives the units left after rounding down to the largest fractions', () => {
    // floors 0, 0, 0 leave 1 unit; the largest fraction is 0.5 (third value)
    expect(roundToTotal([0.2, 0.3, 0.5], 1)).toEqual([0, 0, 1]);
    // floors 2, 3, 4 = 9 leave 1 unit of 10; fractions .4, .4, .2: tie goes to the earlier
    expect(roundToTotal([2.4, 3.4, 4.2], 10)).toEqual([3, 3, 4]);
  });

  it('keeps whole numbers as they are', () => {
    expect(roundToTotal([3, 0, 7], 10)).toEqual([3, 0, 7]);
  });
});
