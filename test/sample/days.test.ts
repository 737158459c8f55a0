import { describe, expect, it } from 'vitest';
import { birthday, dayOf, isoOfDay, schoolLeavingDay, weekday } from '../../pipeline/sample/days.js';

describe('day numbers', () => {
  it('round-trips ISO dates', () => {
    expect(dayOf('1970-01-02')).toBe(1);
    expect(isoOfDay(dayOf('2024-02-29'))).toBe('2024-02-29');
  });

  it('knows the weekday', () => {
    // 1 January 1970 was a Thursday (4); 27 June 2025 is a Friday (5)
    expect(weekday(0)).toBe(4);
    expect(weekday(dayOf('2025-06-27'))).toBe(5);
  });

  it('puts a 29 February birthday on 1 March in other years', () => {
    expect(isoOfDay(birthday(dayOf('2008-02-29'), 18))).toBe('2026-03-01');
    expect(isoOfDay(birthday(dayOf('2008-07-15'), 18))).toBe('2026-07-15');
  });

  it('ends compulsory school age on the last Friday of June of the school year the child turns 16', () => {
    // born 31 August 2008: turns 16 on 31 August 2024, in school year 2023-24 → last Friday of June 2024 is the 28th
    expect(isoOfDay(schoolLeavingDay(dayOf('2008-08-31')))).toBe('2024-06-28');
    // born 1 September 2008: turns 16 in school year 2024-25 → last Friday of June 2025 is the 27th
    expect(isoOfDay(schoolLeavingDay(dayOf('2008-09-01')))).toBe('2025-06-27');
    // born 1 January 2009: turns 16 in school year 2024-25 as well
    expect(isoOfDay(schoolLeavingDay(dayOf('2009-01-01')))).toBe('2025-06-27');
  });
});
