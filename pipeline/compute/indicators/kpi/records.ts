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
 * A test of one member, given with its position in the members list: a
 * measure over facts read per member looks them up once per list
 * (`facts[i]`), not once per measure, which at national volume is most of
 * the KPIs' time.
 */
export type MemberTest<M> = (m: M, i: number) => boolean;

/**
 * Totals over the headline and every category of every dimension in one pass
 * over the members (a national quarter has tens of thousands of children and
 * each KPI several measures): slot 0 is the headline, then each dimension's
 * categories in order. A member whose category is not listed counts only in
 * the headline. `base` counts the members in the base; `totals` adds up
 * `value` over them (a test's true counts 1).
 */
function tally<M>(members: readonly M[], dimensions: readonly Dimension<M>[], inBase: MemberTest<M>, value: (m: M, i: number) => number | boolean)
  : { breakdowns: Breakdown[]; base: number[]; totals: number[] } {
  const breakdowns = breakdownsOf(dimensions);
  const base = new Array<number>(breakdowns.length).fill(0);
  const totals = new Array<number>(breakdowns.length).fill(0);
  const slots = memberSlots(members, dimensions);
  const width = dimensions.length;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (!inBase(m, i)) continue;
    const amount = Number(value(m, i));
    base[0]! += 1;
    totals[0]! += amount;
    for (let k = i * width; k < (i + 1) * width; k++) {
      const slot = slots[k]!;
      if (slot === 0) continue;
      base[slot]! += 1;
      totals[slot]! += amount;
    }
  }
  return { breakdowns, base, totals };
}

/** The headline, then each dimension's categories in order. */
function breakdownsOf<M>(dimensions: readonly Dimension<M>[]): Breakdown[] {
  return [{}, ...dimensions.flatMap((d) => d.values.map((value): Breakdown => ({ [d.key]: value })))];
}

/**
 * Each member's slot in each dimension (0: not a listed category), members by
 * dimensions in one flat array. Kept per members list and dimension list, both
 * shared by every measure of a run (byQuarter hands out the same lists), so a
 * quarter's categories are looked up once, not once per measure.
 */
const slotCache = new WeakMap<readonly unknown[], WeakMap<readonly Dimension<never>[], Int32Array>>();

function memberSlots<M>(members: readonly M[], dimensions: readonly Dimension<M>[]): Int32Array {
  const dims = dimensions as readonly Dimension<never>[];
  const byDimensions = slotCache.get(members) ?? new WeakMap<readonly Dimension<never>[], Int32Array>();
  slotCache.set(members, byDimensions);
  const cached = byDimensions.get(dims);
  // A list changed since (a caller's own array, not byQuarter's) is worked out again.
  if (cached && cached.length === members.length * dimensions.length) return cached;
  let next = 1;
  const at = dimensions.map((d) => new Map(d.values.map((value) => [value, next++])));
  const slots = new Int32Array(members.length * dimensions.length);
  members.forEach((m, i) => dimensions.forEach((d, k) => { slots[i * dimensions.length + k] = at[k]!.get(d.of(m)) ?? 0; }));
  byDimensions.set(dims, slots);
  return slots;
}

/** Members meeting `hit` among those in the base, as a percentage, for the headline and every breakdown. */
export function proportionRecords<M>(
  id: IndicatorId, period: string, members: readonly M[], dimensions: readonly Dimension<M>[],
  inBase: MemberTest<M>, hit: MemberTest<M>,
): IndicatorRecord[] {
  const t = tally(members, dimensions, inBase, hit);
  return t.breakdowns.map((b, i) => percentRecord(id, period, b, t.totals[i]!, t.base[i]!));
}

/** Members meeting `hit`, as a count, for the headline and every breakdown. */
export function countRecords<M>(
  id: IndicatorId, period: string, members: readonly M[], dimensions: readonly Dimension<M>[], hit: MemberTest<M>,
): IndicatorRecord[] {
  const t = tally(members, dimensions, () => true, hit);
  return t.breakdowns.map((b, i) => countRecord(id, period, b, t.totals[i]!));
}

/** A total over the members (e.g. offences per child), for the headline and every breakdown. */
export function sumRecords<M>(
  id: IndicatorId, period: string, members: readonly M[], dimensions: readonly Dimension<M>[], amount: (m: M) => number,
): IndicatorRecord[] {
  const t = tally(members, dimensions, () => true, amount);
  return t.breakdowns.map((b, i) => countRecord(id, period, b, t.totals[i]!));
}

/**
 * Members grouped by quarter, once per members list, so each measure does not
 * scan every quarter's members again and all share one list per quarter
 * (which memberSlots keys on).
 */
const quarterCache = new WeakMap<readonly { quarter: string }[], ReadonlyMap<string, readonly { quarter: string }[]>>();

export function byQuarter<M extends { quarter: string }>(members: readonly M[]): (quarter: string) => readonly M[] {
  const groups = (quarterCache.get(members) ?? groupByQuarter(members)) as ReadonlyMap<string, readonly M[]>;
  quarterCache.set(members, groups);
  return (quarter) => groups.get(quarter) ?? [];
}

function groupByQuarter<M extends { quarter: string }>(members: readonly M[]): Map<string, M[]> {
  const groups = new Map<string, M[]>();
  for (const m of members) {
    const list = groups.get(m.quarter);
    if (list) list.push(m); else groups.set(m.quarter, [m]);
  }
  return groups;
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
