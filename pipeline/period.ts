/**
 * Financial-year quarters (README.md, Commands): Q1 April–June,
 * Q2 July–September, Q3 October–December, Q4 January–March, written
 * `2024-25-Q3`. Dates are ISO strings (YYYY-MM-DD) throughout yjpack so that
 * no time zone can move a day.
 */
import { YjpackError } from './errors.js';

export interface Period {
  /** Calendar year in which the financial year starts (2024 for 2024-25). */
  fyStart: number;
  quarter: 1 | 2 | 3 | 4;
}

const PERIOD_RE = /^(\d{4})-(\d{2})-Q([1-4])$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

export function parsePeriod(text: string): Period {
  const m = PERIOD_RE.exec(text.trim());
  if (!m) throw new YjpackError('badPeriod', { value: text });
  const fyStart = Number(m[1]);
  const fyEndShort = Number(m[2]);
  if ((fyStart + 1) % 100 !== fyEndShort || fyStart < 1990 || fyStart > 2200) {
    throw new YjpackError('badPeriod', { value: text });
  }
  return { fyStart, quarter: Number(m[3]) as Period['quarter'] };
}

export function formatPeriod(p: Period): string {
  const end = String((p.fyStart + 1) % 100).padStart(2, '0');
  return `${p.fyStart}-${end}-Q${p.quarter}`;
}

/** Quarters as a single integer, so that arithmetic is plain addition. */
function ordinal(p: Period): number {
  return p.fyStart * 4 + (p.quarter - 1);
}

function fromOrdinal(n: number): Period {
  return { fyStart: Math.floor(n / 4), quarter: ((n % 4) + 1) as Period['quarter'] };
}

export function addQuarters(p: Period, n: number): Period {
  return fromOrdinal(ordinal(p) + n);
}

export function comparePeriods(a: Period, b: Period): number {
  return ordinal(a) - ordinal(b);
}

/** Whole quarters from a to b (positive when b is later). */
export function quartersBetween(a: Period, b: Period): number {
  return ordinal(b) - ordinal(a);
}

/** First calendar month (1–12) and year of a quarter. */
function startMonth(p: Period): { year: number; month: number } {
  const month = ((p.quarter - 1) * 3 + 3) % 12 + 1; // Q1→4, Q2→7, Q3→10, Q4→1
  const year = p.quarter === 4 ? p.fyStart + 1 : p.fyStart;
  return { year, month };
}

export function periodStart(p: Period): string {
  const { year, month } = startMonth(p);
  return isoDate(year, month, 1);
}

export function periodEnd(p: Period): string {
  const { year, month } = startMonth(p);
  const endMonth = month + 2;
  return isoDate(year, endMonth, daysInMonth(year, endMonth));
}

/** "October to December 2024": months in words, as the pack writes every period. */
export function periodLabel(p: Period): string {
  const { year, month } = startMonth(p);
  return `${MONTHS[month - 1]} to ${MONTHS[month + 1]} ${year}`;
}

/** The four quarters ending with p, oldest first. */
export function rollingYear(p: Period): Period[] {
  return [3, 2, 1, 0].map((k) => addQuarters(p, -k));
}

export function rollingYearStart(p: Period): string {
  return periodStart(addQuarters(p, -3));
}

/** "January 2024 to December 2024" style label for the year to p. */
export function rollingYearLabel(p: Period): string {
  const first = startMonth(addQuarters(p, -3));
  const last = startMonth(p);
  return `${MONTHS[first.month - 1]} ${first.year} to ${MONTHS[last.month + 1]} ${last.year}`;
}

/** The trend window: p and the 11 quarters before it, oldest first. */
export function trendWindow(p: Period, length = 12): Period[] {
  return Array.from({ length }, (_, i) => addQuarters(p, i - (length - 1)));
}

/**
 * The mid-year (30 June) that falls inside the year to p (indicators.md:
 * population for the year to P). Exactly one 30 June lies in any four
 * consecutive quarters.
 */
export function midYearFor(p: Period): number {
  const start = rollingYearStart(p);
  const startYear = Number(start.slice(0, 4));
  return `${startYear}-06-30` >= start ? startYear : startYear + 1;
}

/** The quarter containing an ISO date. */
export function periodOf(isoDay: string): Period {
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  const fyStart = month >= 4 ? year : year - 1;
  const quarter = (month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4) as Period['quarter'];
  return { fyStart, quarter };
}

/** The latest quarter that has ended on or before the given day. */
export function lastCompletePeriod(isoDay: string): Period {
  const p = periodOf(isoDay);
  return periodEnd(p) === isoDay ? p : addQuarters(p, -1);
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO day n months after d, clamped to the month's end (31 Aug + 6 months = 28/29 Feb). */
export function addMonths(isoDay: string, n: number): string {
  const y = Number(isoDay.slice(0, 4));
  const m = Number(isoDay.slice(5, 7));
  const d = Number(isoDay.slice(8, 10));
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return isoDate(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function addDays(isoDay: string, n: number): string {
  const t = Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10)));
  return new Date(t + n * 86_400_000).toISOString().slice(0, 10);
}

/** Whole years of age on a day (a child born 29 Feb turns a year older on 1 Mar in non-leap years). */
export function ageOn(dateOfBirth: string, isoDay: string): number {
  const years = Number(isoDay.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return isoDay.slice(5) >= dateOfBirth.slice(5) ? years : years - 1;
}
