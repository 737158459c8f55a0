import { describe, expect, it } from 'vitest';
import { isOfCompulsorySchoolAge, lastFridayOfJune, schoolLeavingDate } from '../../pipeline/compute/school-age.js';

/** The last Friday of June found the slow way: walk back from 30 June until the weekday is Friday. */
function lastFridayByWalking(year: number): string {
  for (let day = 30; ; day--) {
    if (new Date(Date.UTC(year, 5, day)).getUTCDay() === 5) return `${year}-06-${String(day).padStart(2, '0')}`;
  }
}

describe('compulsory school age', () => {
  it('finds the last Friday of June', () => {
    // 30 June 2024 was a Sunday → Friday 28 June; 30 June 2025 a Monday → Friday 27 June;
    // 30 June 2023 was itself a Friday.
    expect(lastFridayOfJune(2024)).toBe('2024-06-28');
    expect(lastFridayOfJune(2025)).toBe('2025-06-27');
    expect(lastFridayOfJune(2023)).toBe('2023-06-30');
    for (let year = 2015; year <= 2035; year++) expect(lastFridayOfJune(year)).toBe(lastFridayByWalking(year));
  });

  it('keeps a child who turns 16 in September until the following June', () => {
    // Born 31 August 2008: 16 on 31 August 2024, the last day of school year 2023-24 → leaves 28 June 2024.
    expect(schoolLeavingDate('2008-08-31')).toBe(lastFridayByWalking(2024));
    // Born 1 September 2008: 16 on 1 September 2024, first day of school year 2024-25 → leaves 27 June 2025.
    expect(schoolLeavingDate('2008-09-01')).toBe(lastFridayByWalking(2025));
    // Born 31 December 2008: 16 in school year 2024-25 → June 2025; born 1 January 2009: also 2024-25 → June 2025.
    expect(schoolLeavingDate('2008-12-31')).toBe('2025-06-27');
    expect(schoolLeavingDate('2009-01-01')).toBe('2025-06-27');
  });

  it('counts the leaving date itself as school age and the day after as not', () => {
    expect(isOfCompulsorySchoolAge('2008-08-31', '2024-06-28')).toBe(true);
    expect(isOfCompulsorySchoolAge('2008-08-31', '2024-06-29')).toBe(false);
    expect(isOfCompulsorySchoolAge('2008-09-01', '2024-06-29')).toBe(true);
  });
});
