/**
 * Display formatting: rounding is for display only.
 * Records stay unrounded; these turn them into the strings a board
 * member reads. Pure and locale-independent, so output is byte-identical on
 * every machine.
 */
import { periodEnd, periodLabel, type Period } from '../period.js';
import { UNITS } from '../compute/catalogue.js';
import type { Unit } from '../compute/record.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

/** GSS symbols (indicators.md, Disclosure control). */
export const SYMBOL = { confidential: '[c]', notAvailable: '[x]', notApplicable: '[z]' } as const;

/** Rounds half away from zero at `places` decimals, immune to binary artefacts (1.005 → 1.01). */
export function roundHalfUp(value: number, places: number): number {
  const sign = value < 0 ? -1 : 1;
  const shifted = Number(`${Math.abs(value)}e${places}`);
  return sign * Number(`${Math.round(shifted)}e-${places}`);
}

/** 1234567.891, 1 → "1,234,567.9": thousands separators, fixed decimals. */
export function formatNumber(value: number, places: number): string {
  const rounded = roundHalfUp(value, places);
  const [whole = '0', fraction] = Math.abs(rounded).toFixed(places).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = rounded < 0 ? '-' : '';
  return fraction === undefined ? `${sign}${grouped}` : `${sign}${grouped}.${fraction}`;
}

export function formatCount(value: number): string {
  return formatNumber(value, 0);
}

/** Decimal places by unit (the catalogue's): 1 for % and rates, 2 for ratios, 0 for counts. */
export function placesFor(unit: Unit): number {
  return UNITS[unit].decimals;
}

/** At most this many places beyond a unit's own, to tell a figure from its interval ends. */
const EXTRA_PLACES = 2;

type Estimate = { value: number | null; lower: number | null; upper: number | null };

/**
 * Decimal places for a figure with its interval: the unit's own (placesFor),
 * or more, up to two more, until the value and both interval ends read as
 * different numbers wherever they differ, and a rate shows at least two
 * significant figures (a custody rate of 0.32 per 1,000 with 0.15 to 0.61,
 * not 0.3 with 0.1 to 0.6: one decimal would blur a third of the figure).
 */
export function placesForEstimate(e: Estimate, unit: Unit): number {
  const base = placesFor(unit);
  if (unit === 'count') return base;
  for (let places = base; places < base + EXTRA_PLACES; places++) {
    if (readsApart(e, unit, places)) return places;
  }
  return base + EXTRA_PLACES;
}

/** One number of places for figures shown together (a column, a tile and the figures it is compared with). */
export function placesForSeries(estimates: readonly (Estimate | undefined)[], unit: Unit): number {
  return Math.max(placesFor(unit), ...estimates.filter((e): e is Estimate => e !== undefined).map((e) => placesForEstimate(e, unit)));
}

function readsApart(e: Estimate, unit: Unit, places: number): boolean {
  const shown = [e.value, e.lower, e.upper].filter((v): v is number => v !== null);
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const [a, b] = [shown[i] as number, shown[j] as number];
      if (a !== b && formatNumber(a, places) === formatNumber(b, places)) return false;
    }
  }
  const figures = UNITS[unit].significantFigures;
  // Below 10^(figures − 1 − places) a figure shows fewer than that many significant figures at this many places.
  return !(figures !== undefined && e.value !== null && e.value !== 0 && Math.abs(e.value) < 10 ** (figures - 1 - places));
}

/** A value in its unit's rounding (or `places`); "%" is attached, rates are left bare (their unit is said once nearby). */
export function formatValue(value: number, unit: Unit, places: number = placesFor(unit)): string {
  const text = formatNumber(value, places);
  return unit === '%' ? `${text}%` : text;
}

/** "170.1 to 342.8" (a range written in words reads better than a dash in a sentence). */
export function formatInterval(lower: number, upper: number, unit: Unit, places: number = placesFor(unit)): string {
  return `${formatValue(lower, unit, places)} to ${formatValue(upper, unit, places)}`;
}

/** Words for a unit (the catalogue's), for subtitles and axis titles. */
export function unitWords(unit: Unit): string {
  return UNITS[unit].words;
}

/** "6 of 34 children": the pack gives every number with its denominator. */
export function ofDenominator(numerator: number, denominator: number, noun: string): string {
  return `${formatCount(numerator)} of ${formatCount(denominator)} ${noun}`;
}

/** "1 child", "34 children". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** "2024-12-31" → "31 December 2024". */
export function formatDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** "October to December 2024". */
export const quarterLabel = periodLabel;

/** "Dec 2024": a rolling year named by its last month, for chart axes where twelve quarter names do not fit. */
export function shortYearToLabel(p: Period): string {
  const end = periodEnd(p);
  return `${(MONTHS[Number(end.slice(5, 7)) - 1] ?? '').slice(0, 3)} ${end.slice(0, 4)}`;
}

/** "year to December 2024": a rolling year named by its last month. */
export function yearToLabel(p: Period): string {
  const end = periodEnd(p);
  return `year to ${MONTHS[Number(end.slice(5, 7)) - 1]} ${end.slice(0, 4)}`;
}

/**
 * "14 January 2025 at 09:30 (UK time)": the run timestamp in the time the
 * board lives in, whatever the machine's zone (the ISO input is UTC).
 */
export function formatProducedAt(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} at ${part('hour')}:${part('minute')} (UK time)`;
}

