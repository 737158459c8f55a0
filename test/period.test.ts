import { describe, expect, it } from 'vitest';
import {
  addMonths, addQuarters, ageOn, formatPeriod, lastCompletePeriod, midYearFor, parsePeriod, periodEnd,
  periodLabel, periodOf, periodStart, rollingYear, rollingYearStart, trendWindow,
} from '../pipeline/period.js';
import { YjpackError } from '../pipeline/errors.js';

describe('periods', () => {
  it('parses and formats financial-year quarters', () => {
    expect(parsePeriod('2024-25-Q3')).toEqual({ fyStart: 2024, quarter: 3 });
    expect(formatPeriod({ fyStart: 1999, quarter: 4 })).toBe('1999-00-Q4');
    expect(parsePeriod(' 1999-00-Q4 ')).toEqual({ fyStart: 1999, quarter: 4 });
  });

  it.each(['2024-26-Q1', '2024-25-Q5', '2024/25 Q3', '24-25-Q1', ''])('refuses %j as a usage error', (text) => {
    try {
      parsePeriod(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(YjpackError);
      expect((e as YjpackError).messageId).toBe('badPeriod');
      expect((e as YjpackError).exitCode).toBe(64);
    }
  });

  it('maps quarters to calendar months: Q1 Apr–Jun … Q4 Jan–Mar of the next year', () => {
    expect([periodStart(parsePeriod('2024-25-Q1')), periodEnd(parsePeriod('2024-25-Q1'))]).toEqual(['2024-04-01', '2024-06-30']);
    expect([periodStart(parsePeriod('2024-25-Q3')), periodEnd(parsePeriod('2024-25-Q3'))]).toEqual(['2024-10-01', '2024-12-31']);
    // 2024 is a leap year but Q4 of 2023-24 ends in March, so only the month length of March matters.
    expect([periodStart(parsePeriod('2023-24-Q4')), periodEnd(parsePeriod('2023-24-Q4'))]).toEqual(['2024-01-01', '2024-03-31']);
    expect(periodLabel(parsePeriod('2024-25-Q3'))).toBe('October to December 2024');
    expect(periodLabel(parsePeriod('2024-25-Q4'))).toBe('January to March 2025');
  });

  it('does quarter arithmetic across year ends', () => {
    expect(formatPeriod(addQuarters(parsePeriod('2024-25-Q4'), 1))).toBe('2025-26-Q1');
    expect(formatPeriod(addQuarters(parsePeriod('2024-25-Q1'), -1))).toBe('2023-24-Q4');
    expect(rollingYear(parsePeriod('2024-25-Q3')).map(formatPeriod)).toEqual(['2023-24-Q4', '2024-25-Q1', '2024-25-Q2', '2024-25-Q3']);
    expect(rollingYearStart(parsePeriod('2024-25-Q3'))).toBe('2024-01-01');
    const w = trendWindow(parsePeriod('2024-25-Q3')).map(formatPeriod);
    expect(w).toHaveLength(12);
    expect(w[0]).toBe('2021-22-Q4');
    expect(w[11]).toBe('2024-25-Q3');
  });

  it('finds the quarter of a day and the last complete quarter', () => {
    expect(formatPeriod(periodOf('2024-03-31'))).toBe('2023-24-Q4');
    expect(formatPeriod(periodOf('2024-04-01'))).toBe('2024-25-Q1');
    expect(formatPeriod(lastCompletePeriod('2026-11-23'))).toBe('2026-27-Q2');
    expect(formatPeriod(lastCompletePeriod('2026-09-30'))).toBe('2026-27-Q2');
    expect(formatPeriod(lastCompletePeriod('2026-09-29'))).toBe('2026-27-Q1');
  });

  it('chooses the mid-year whose 30 June falls inside the year to P', () => {
    // Year to 2024-25-Q1 = July 2023 .. June 2024: contains 30 June 2024.
    expect(midYearFor(parsePeriod('2024-25-Q1'))).toBe(2024);
    // Year to 2024-25-Q2 = October 2023 .. September 2024: 30 June 2024.
    expect(midYearFor(parsePeriod('2024-25-Q2'))).toBe(2024);
    // Year to 2024-25-Q3 = January .. December 2024: 30 June 2024.
    expect(midYearFor(parsePeriod('2024-25-Q3'))).toBe(2024);
    // Year to 2024-25-Q4 = April 2024 .. March 2025: 30 June 2024.
    expect(midYearFor(parsePeriod('2024-25-Q4'))).toBe(2024);
    // Year to 2025-26-Q1 = July 2024 .. June 2025: 30 June 2025.
    expect(midYearFor(parsePeriod('2025-26-Q1'))).toBe(2025);
  });

  it('adds months with a month-end clamp and computes whole-year ages', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-11-15', 18)).toBe('2026-05-15');
    expect(ageOn('2010-06-15', '2020-06-14')).toBe(9);
    expect(ageOn('2010-06-15', '2020-06-15')).toBe(10);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});
