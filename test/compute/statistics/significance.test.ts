import { describe, expect, it } from 'vitest';
import { significantAgainst } from '../../../pipeline/compute/statistics.js';

describe('significantAgainst', () => {
  const ci = { lower: 0.08, upper: 0.34 };

  it('calls the indicator higher when the comparator is below the lower limit', () => {
    expect(significantAgainst(ci, 0.05)).toEqual({ significant: true, direction: 'higher' });
  });

  it('calls the indicator lower when the comparator is above the upper limit', () => {
    expect(significantAgainst(ci, 0.4)).toEqual({ significant: true, direction: 'lower' });
  });

  it('is not significant inside the interval or on a limit', () => {
    expect(significantAgainst(ci, 0.2)).toEqual({ significant: false, direction: null });
    expect(significantAgainst(ci, 0.08)).toEqual({ significant: false, direction: null });
    expect(significantAgainst(ci, 0.34)).toEqual({ significant: false, direction: null });
  });

  it('uses only the limits that exist', () => {
    // An undefined upper limit (no bound) cannot show the indicator lower; the lower limit still works.
    expect(significantAgainst({ lower: 1.2, upper: null }, 5)).toEqual({ significant: false, direction: null });
    expect(significantAgainst({ lower: 1.2, upper: null }, 1)).toEqual({ significant: true, direction: 'higher' });
    expect(significantAgainst({ lower: null, upper: null }, 1)).toEqual({ significant: false, direction: null });
  });
});
