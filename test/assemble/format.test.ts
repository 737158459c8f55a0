import { describe, expect, it } from 'vitest';
import {
  formatCount, formatDate, formatInterval, formatNumber, formatProducedAt, formatValue, ofDenominator, placesForEstimate, placesForSeries, roundHalfUp,
  shortYearToLabel, yearToLabel,
} from '../../pipeline/assemble/format.js';
import { parsePeriod } from '../../pipeline/period.js';

describe('display rounding (indicators.md: 1 dp for % and rates, 2 for ratios)', () => {
  it('rounds halves away from zero, even where binary floating point sits just below the half', () => {
    // 1.005 is stored as 1.00499999999999989...; toFixed(2) gives "1.00", display must give 1.01.
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    // 245.25 → 245.3 (half up), 245.24 → 245.2.
    expect(roundHalfUp(245.25, 1)).toBe(245.3);
    expect(roundHalfUp(245.24, 1)).toBe(245.2);
  });

  it('formats rates to 1 dp, percentages to 1 dp with %, ratios to 2 dp, counts as integers', () => {
    expect(formatValue(245.26, 'per 100,000')).toBe('245.3');
    expect(formatValue(0.4, 'per 1,000')).toBe('0.4');
    expect(formatValue(17.647, '%')).toBe('17.6%');
    expect(formatValue(2.345, 'ratio')).toBe('2.35');
    expect(formatValue(1.5, 'per child')).toBe('1.50');
    expect(formatValue(1234, 'count')).toBe('1,234');
  });

  it('puts thousands separators in whole and decimal numbers', () => {
    expect(formatCount(13861)).toBe('13,861');
    expect(formatCount(1_234_567)).toBe('1,234,567');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(0)).toBe('0');
    // 1234.55 to 1 dp: 1234.6 (the half rounds up), grouped.
    expect(formatNumber(1234.55, 1)).toBe('1,234.6');
    // 9999.96 to 1 dp carries into a new thousands group: 10,000.0.
    expect(formatNumber(9999.96, 1)).toBe('10,000.0');
  });

  it('writes intervals in words and numbers with their denominators', () => {
    expect(formatInterval(101.184, 214.143, 'per 100,000')).toBe('101.2 to 214.1');
    expect(formatInterval(8.349, 33.514, '%')).toBe('8.3% to 33.5%');
    expect(ofDenominator(6, 34, 'children')).toBe('6 of 34 children');
    expect(ofDenominator(1200, 13861, 'children')).toBe('1,200 of 13,861 children');
  });
});

describe('dates', () => {
  it('writes ISO days in words', () => {
    expect(formatDate('2024-12-31')).toBe('31 December 2024');
    expect(formatDate('2019-04-01')).toBe('1 April 2019');
  });

  it('names rolling years by their last month', () => {
    expect(yearToLabel(parsePeriod('2024-25-Q3'))).toBe('year to December 2024');
    // Q4 of 2024-25 is January to March 2025.
    expect(yearToLabel(parsePeriod('2024-25-Q4'))).toBe('year to March 2025');
    expect(shortYearToLabel(parsePeriod('2024-25-Q4'))).toBe('Mar 2025');
  });

  it('shows the run time in UK time whatever the machine zone (BST in summer, GMT in winter)', () => {
    expect(formatProducedAt('2025-01-14T09:30:00.000Z')).toBe('14 January 2025 at 09:30 (UK time)');
    // 23:30 UTC on 30 June is 00:30 on 1 July in BST (UTC+1).
    expect(formatProducedAt('2025-06-30T23:30:00.000Z')).toBe('1 July 2025 at 00:30 (UK time)');
  });
});


describe('placesForEstimate: enough decimals to tell a figure from its interval ends', () => {
  it('keeps the unit\'s places where they already tell the three apart', () => {
    expect(placesForEstimate({ value: 393.2, lower: 323.2, upper: 473.9 }, 'per 100,000')).toBe(1);
    expect(placesForEstimate({ value: 23.1, lower: 12.6, upper: 38.3 }, '%')).toBe(1);
    expect(placesForEstimate({ value: 2.46, lower: 2.08, upper: 2.91 }, 'ratio')).toBe(2);
    expect(placesForEstimate({ value: 12, lower: null, upper: null }, 'count')).toBe(0);
  });

  it('gives a rate below 1 two significant figures: a custody rate per 1,000 to two decimals', () => {
    // 9 of 27,974 × 1,000 = 0.3217…: "0.3" would blur it; "0.32" (interval 0.15 to 0.61) does not.
    const custody = { value: 9 / 27_974 * 1000, lower: 0.147, upper: 0.611 };
    expect(placesForEstimate(custody, 'per 1,000')).toBe(2);
    expect(formatInterval(custody.lower, custody.upper, 'per 1,000', 2)).toBe('0.15 to 0.61');
    // Below 0.1 it takes a third decimal, and stops there (two more than the unit's own).
    expect(placesForEstimate({ value: 0.045, lower: 0.01, upper: 0.2 }, 'per 1,000')).toBe(3);
    expect(placesForEstimate({ value: 0.0045, lower: 0.001, upper: 0.02 }, 'per 1,000')).toBe(3);
    // A zero rate needs no more.
    expect(placesForEstimate({ value: 0, lower: 0, upper: 3.1 }, 'per 1,000')).toBe(1);
  });

  it('adds decimals until a value and an interval end that differ read differently', () => {
    // 12.04% with 12.01% as its lower end: "12.0%" twice at one place, apart at two.
    expect(placesForEstimate({ value: 12.04, lower: 12.01, upper: 14 }, '%')).toBe(2);
    // Equal numbers may read the same (an RRI of 0 with a lower end of 0).
    expect(placesForEstimate({ value: 0, lower: 0, upper: 1.01 }, 'ratio')).toBe(2);
    // Apart only beyond two more places: stop at two more.
    expect(placesForEstimate({ value: 5.00001, lower: 5, upper: 6 }, '%')).toBe(3);
  });

  it('gives figures shown together one number of places, the most any of them needs', () => {
    expect(placesForSeries([{ value: 0.46, lower: 0.25, upper: 0.8 }, { value: 1.2, lower: 0.8, upper: 1.7 }], 'per 1,000')).toBe(2);
    expect(placesForSeries([], 'per 1,000')).toBe(1);
  });
});
