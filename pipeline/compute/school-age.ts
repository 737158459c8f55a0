/**
 * Compulsory school age in England (Education Act 1996 s8 and the School
 * Leaving Date Order 1997): a child stays of compulsory school age until the
 * last Friday of June of the school year (1 September–31 August) in which
 * they turn 16. The KPI 2 hour thresholds (25 h vs 16 h) hinge on it.
 */
import { isoDate } from '../period.js';

const FRIDAY = 5;

/** The last Friday of June of a calendar year, as an ISO day. */
export function lastFridayOfJune(year: number): string {
  const weekdayOf30June = new Date(Date.UTC(year, 5, 30)).getUTCDay();
  const daysBack = (weekdayOf30June - FRIDAY + 7) % 7;
  return isoDate(year, 6, 30 - daysBack);
}

/**
 * The last day on which a child born on `dateOfBirth` is of compulsory
 * school age. A child whose 16th birthday falls in September–December is in
 * the school year ending the following August, so they stay until the June
 * after; a birthday in January–August leaves in June of that same year.
 */
export function schoolLeavingDate(dateOfBirth: string): string {
  const sixteenthYear = Number(dateOfBirth.slice(0, 4)) + 16;
  const birthMonth = Number(dateOfBirth.slice(5, 7));
  return lastFridayOfJune(birthMonth >= 9 ? sixteenthYear + 1 : sixteenthYear);
}

/** Whether a child is of compulsory school age on a day (the leaving date itself included). */
export function isOfCompulsorySchoolAge(dateOfBirth: string, isoDay: string): boolean {
  return isoDay <= schoolLeavingDate(dateOfBirth);
}
