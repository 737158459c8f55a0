/**
 * Record builders shared by the KPI modules: a proportion or count with its
 * headline and every category of every breakdown (an empty category is 0 of
 * 0, value null, so tables and the return keep one shape), and the `[x]`
 * record of a KPI whose data is absent.
 */
import { comparePeriods, periodOf, trendWindow, type Period } from '../../../period.js';
import { record, scaled, type Breakdown, type IndicatorId, type IndicatorRecord } from '../../record.js';
import { multiplierOf } from '../../catalogue.js';
import { proportionCI } from '../../statistics.js';
import type { Dimension } from './population.js';

/** x of n as a percentage with its Wilson interval (in percent); value null when n = 0. */
export function percentRecord(id: IndicatorId, period: string, breakdown: Breakdown, x: number, n: number): IndicatorRecord {
  return record({ id, period, breakdown, numerator: x, denominator: n, ...scaled(proportionCI(x, n), multiplierOf(id)) });
}

export function countRecord(id: IndicatorId, period: string, breakdown: Breakdown, count: number): IndicatorRecord {
  return record({ id, period, breakdown, numerator: count, denominator: null, value: count });
}

/**
 * Counts over the headline and every category of every dimension in one pass
 * over the members (a national quarter has tens of thousands of children and
 * each KPI several measures): slot 0 is the headline, then each dimension's
 * categories in order. A member whose category is not listed counts only in
 * the headline.
 */
/** Each member's slots, per dimension list: members and dimension lists are shared by all a run's measures. */
const slotCache = new WeakMap<readonly Dimension<never>[], WeakMap<object, Int32Array>>();

function tally<M>(members: readonly M[], dimensions: readonly Dimension<M>[], inBase: (m: M) => boolean, hit: (m: M) => boolean)
  : { breakdowns: Breakdown[]; base: number[]; hits: number[] } {
  const breakdowns: Breakdown[] = [{}];
  const slots = dimensions.map((d) => {
    const at = new Map<string, number>();
    for (const value of d.values) {
      at.set(value, breakdowns.length);
      breakdowns.push({ [d.key]: value });
    }
    return at;
  });
  const base = new Array<number>(breakdowns.length).fill(0);
  const hits = new Array<number>(breakdowns.length).fill(0);
  const key = dimensions as readonly Dimension<never>[];
  const cache = slotCache.get(key) ?? new WeakMap<object, Int32Array>();
  slotCache.set(key, cache);
  const slotsOf = (m: M): Int32Array => {
    if (typeof m !== 'object' || m === null) return findSlots(m);
    let found = cache.get(m);
    if (!found) cache.set(m, found = findSlots(m));
    return found;
  };
  // 0 means "not a listed category": slot 0 (the headline) is counted separately.
  const findSlots = (m: M): Int32Array => Int32Array.from(dimensions, (d, k) => slots[k]!.get(d.of(m)) ?? 0);
  for (const m of members) {
    if (!inBase(m)) continue;
    const counted = hit(m);
    base[0]! += 1;
    if (counted) hits[0]! += 1;
    for (const slot of slotsOf(m)) {
      if (slot === 0) continue;
      base[slot]! += 1;
      if (counted) hits[slot]! += 1;
    }
  }
  return { breakdowns, base, hits };
}

/** Members meeting `hit` among those in the base, as a percentage, for the headline and every breakdown. */
export function proportionRecords<M>(
  id: IndicatorId, period: string, members: readonly M[], dimensions: readonly Dimension<M>[],
  inBase: (m: M) => boolean, hit: (m: M) => boolean,
): IndicatorRecord[] {
  const t = tally(members, dimensions, inBase, hit);
  return t.breakdowns.map((b, i) => percentRecord(id, period, b, t.hits[i]!, t.base[i]!));
}

/** Members meeting `hit`, as a count, for the headline and every breakdown. */
export function countRecords<M>(
  id: IndicatorId, period: string, members: readonly M[], dimensions: readonly Dimension<M>[], hit: (m: M) => boolean,
): IndicatorRecord[] {
  const t = tally(members, dimensions, () => true, hit);
  return t.breakdowns.map((b, i) => countRecord(id, period, b, t.hits[i]!));
}

/** A total over the members (e.g. offences per child), for the headline and every breakdown. */
export function sumRecords<M>(
  id: IndicatorId, period: string, members: readonly M[], dimensions: readonly Dimension<M>[], amount: (m: M) => number,
): IndicatorRecord[] {
  const sums = new Map<string, number>();
  const t = tally(members, dimensions, () => true, () => false);
  const key = (b: Breakdown) => JSON.stringify(b);
  for (const b of t.breakdowns) sums.set(key(b), 0);
  for (const m of members) {
    sums.set('{}', sums.get('{}')! + amount(m));
    for (const d of dimensions) {
      const k = key({ [d.key]: d.of(m) });
      if (sums.has(k)) sums.set(k, sums.get(k)! + amount(m));
    }
  }
  return t.breakdowns.map((b) => countRecord(id, period, b, sums.get(key(b))!));
}

/** Members grouped by quarter, once, so each measure does not scan every quarter's members again. */
export function byQuarter<M extends { quarter: string }>(members: readonly M[]): (quarter: string) => readonly M[] {
  const groups = new Map<string, M[]>();
  for (const m of members) {
    const list = groups.get(m.quarter);
    if (list) list.push(m); else groups.set(m.quarter, [m]);
  }
  return (quarter) => groups.get(quarter) ?? [];
}

/** The `[x]` record: no figure, and why (never 0), in the catalogue's unit. */
export function notAvailable(id: IndicatorId, period: string, reason: string): IndicatorRecord {
  return {
    ...record({ id, period, breakdown: {}, numerator: null, denominator: null, value: null }),
    status: 'not_available', reason,
  };
}

/**
 * The quarters of P's trend window a KPI is given for: those from the quarter
 * of the latest of its inputs' first dates on (an earlier quarter would count
 * every child as having no record). Empty when an input has no records at all.
 */
export function reportedQuarters(period: Period, firstDates: readonly (string | null)[]): Period[] {
  if (firstDates.some((d) => d === null)) return [];
  const from = periodOf((firstDates as string[]).reduce((a, b) => (a > b ? a : b)));
  return trendWindow(period).filter((q) => comparePeriods(q, from) >= 0);
}
