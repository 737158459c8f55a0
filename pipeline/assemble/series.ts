/**
 * Finding records: the headline figure (breakdown {}) of an indicator for
 * each quarter, and the trend window a section draws.
 */
import type { IndicatorId, IndicatorRecord } from '../compute/record.js';
import { addQuarters, comparePeriods, formatPeriod, parsePeriod, trendWindow, type Period } from '../period.js';

/** Headline records by id, then by period code. */
export type HeadlineIndex = ReadonlyMap<IndicatorId, ReadonlyMap<string, IndicatorRecord>>;

export function indexHeadlines(records: readonly IndicatorRecord[]): HeadlineIndex {
  const index = new Map<IndicatorId, Map<string, IndicatorRecord>>();
  for (const r of records) {
    if (Object.keys(r.breakdown).length > 0) continue;
    const byPeriod = index.get(r.id) ?? new Map<string, IndicatorRecord>();
    byPeriod.set(r.period, r);
    index.set(r.id, byPeriod);
  }
  return index;
}

export function headline(index: HeadlineIndex, id: IndicatorId, period: Period): IndicatorRecord | undefined {
  return index.get(id)?.get(formatPeriod(period));
}

/**
 * The quarters of P's trend window that any of the ids has a record for,
 * oldest first: a history too short for a full year yields fewer quarters,
 * and the table and chart show only those.
 */
export function quartersWithRecords(index: HeadlineIndex, ids: readonly IndicatorId[], period: Period): Period[] {
  return trendWindow(period).filter((q) => ids.some((id) => headline(index, id, q) !== undefined));
}

/** The quarter one year (four quarters) earlier. */
export function yearEarlier(p: Period): Period {
  return addQuarters(p, -4);
}

export function previousQuarter(p: Period): Period {
  return addQuarters(p, -1);
}

/** Records of one id (any breakdown) in period order, then in their given order. */
export function recordsOf(records: readonly IndicatorRecord[], id: IndicatorId): IndicatorRecord[] {
  return records
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.id === id)
    .sort((a, b) => comparePeriods(parsePeriod(a.r.period), parsePeriod(b.r.period)) || a.i - b.i)
    .map(({ r }) => r);
}

/** A figure a trend chart shows, with the quarter it is for. */
export type ShownPoint = { q: Period; r: IndicatorRecord & { value: number } };

/**
 * The sentences every trend chart's text alternative shares: the first and last figures shown, the highest
 * and lowest, and how many quarters have no figure. `fmt` words one figure with its quarter.
 */
export function seriesSentences(shown: readonly ShownPoint[], quarters: number, fmt: (x: ShownPoint) => string): string[] {
  const parts: string[] = [];
  const firstShown = shown[0];
  const lastShown = shown[shown.length - 1];
  if (firstShown && lastShown && shown.length > 1) {
    const highest = shown.reduce((a, b) => (b.r.value > a.r.value ? b : a));
    const lowest = shown.reduce((a, b) => (b.r.value < a.r.value ? b : a));
    parts.push(`It was ${fmt(firstShown)} and ${fmt(lastShown)}; the highest was ${fmt(highest)} and the lowest ${fmt(lowest)}.`);
  } else if (firstShown) {
    parts.push(`It was ${fmt(firstShown)}.`);
  }
  const missing = quarters - shown.length;
  if (missing > 0) parts.push(`${missing} of ${quarters} quarters ${missing === 1 ? 'has' : 'have'} no figure shown.`);
  return parts;
}
