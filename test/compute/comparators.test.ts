import { afterEach, describe, expect, it } from 'vitest';
import {
  comparatorSet, comparatorsFor, loadShippedComparators, mergeComparators, parseComparatorsCsv, type Comparator,
} from '../../pipeline/compute/comparators.js';
import { record, type IndicatorRecord } from '../../pipeline/compute/record.js';
import { isYjpackError } from '../../pipeline/errors.js';
import type { Store } from '../../pipeline/store/db.js';
import { fixtureStore } from '../helpers/fixture-store.js';

let store: Store | null = null;
afterEach(() => { store?.close(); store = null; });

const comparator = (fields: Partial<Comparator> & Pick<Comparator, 'indicator' | 'period' | 'area' | 'value'>): Comparator =>
  ({ numerator: null, denominator: null, source: null, origin: 'shipped', ...fields });

// A local FTE rate of 300 per 100,000 with interval 250–350.
const fteRate = (period: string): IndicatorRecord => record({
  id: 'fte.rate', period, breakdown: {}, numerator: 30, denominator: 10_000, value: 300, lower: 250, upper: 350, unit: 'per 100,000',
});

describe('shipped comparators', () => {
  it('hold the regional FTE rates (year ending December → Q3), cautioned-or-sentenced rates and national reoffending', async () => {
    const shipped = await loadShippedComparators();
    const find = (indicator: string, period: string, area: string) =>
      shipped.find((c) => c.indicator === indicator && c.period === period && c.area === area);
    // LAIT FirstYJS, West Midlands (LA number 984), year ending December 2024: 141.
    expect(find('fte.rate', '2024-25-Q3', 'West Midlands')?.value).toBe(141);
    // The England row of FirstYJS is a sum of rates, not a rate: not shipped.
    expect(shipped.filter((c) => c.indicator === 'fte.rate' && c.area === 'England')).toEqual([]);
    // YJB 2021-22: Derby, 128 children of 26,644 aged 10–17, published as 4.8 per 1,000.
    expect(find('outcome.children_rate', '2021-22-Q4', 'Derby')).toMatchObject({ value: 4.8, numerator: 128, denominator: 26_644 });
    // The YJB's "Eastern" region total is shipped under its ONS name.
    expect(find('outcome.children_rate', '2021-22-Q4', 'East of England')?.value).toBe(2.4);
    // MoJ: 37.3% for the October–December 2018 cohort (2018-19-Q3), 31.6% for April–June 2023 (2023-24-Q1).
    expect(find('reoffending.binary', '2018-19-Q3', 'England and Wales')?.value).toBe(37.3);
    expect(find('reoffending.binary', '2023-24-Q1', 'England and Wales')?.value).toBe(31.6);
    expect(shipped.every((c) => c.source !== null && c.origin === 'shipped')).toBe(true);
  });

  it('reports a missing shipped file as a yjpack error', async () => {
    const error = await loadShippedComparators('/no/such/comparators.csv').catch((e: unknown) => e);
    expect(isYjpackError(error) && error.messageId).toBe('comparatorsMissing');
  });

  it('parses a comparators CSV with optional columns', () => {
    const rows = parseComparatorsCsv('\uFEFFindicator,period,area,value\r\nfte.rate,2024-25-Q3,Our family,180\r\n', 'user');
    expect(rows).toEqual([{ indicator: 'fte.rate', period: '2024-25-Q3', area: 'Our family', value: 180, numerator: null, denominator: null, source: null, origin: 'user' }]);
    expect(() => parseComparatorsCsv('indicator,period,area,value\nfte.rate,2024-25-Q3,X,high\n', 'user')).toThrow();
    // A numerator of hundreds of digits is Infinity: refused with its line, never carried into a pack.
    expect(() => parseComparatorsCsv(`indicator,period,area,value,numerator\nfte.rate,2024-25-Q3,X,1,${'9'.repeat(400)}\n`, 'user'))
      .toThrow(/^line 2: numerator '9{40}' is not a finite number$/);
  });
});

describe('merging with the user\'s comparators', () => {
  it('lets a user row replace the shipped row with the same indicator, period and area', () => {
    const shipped = [
      comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'West Midlands', value: 141 }),
      comparator({ indicator: 'fte.rate', period: '2023-24-Q3', area: 'West Midlands', value: 130 }),
    ];
    const user = [comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'west midlands', value: 150, origin: 'user' })];
    const merged = mergeComparators(shipped, user);
    expect(merged.map((c) => [c.period, c.value])).toEqual([['2023-24-Q3', 130], ['2024-25-Q3', 150]]);
  });

  it('reads the user rows from the store', async () => {
    store = await fixtureStore({ comparators: [{ indicator: 'fte.rate', period: '2024-25-Q3', area: 'West Midlands', value: 150, source: 'ours' }] });
    const set = await comparatorSet(store, [comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'West Midlands', value: 141 })]);
    expect(set).toEqual([comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'West Midlands', value: 150, source: 'ours', origin: 'user' })]);
  });
});

describe('comparisons', () => {
  it('is significant only when the comparator lies outside the interval', () => {
    const comparisons = comparatorsFor([fteRate('2024-25-Q3')], [
      comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'Below', value: 200 }),
      comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'Inside', value: 300 }),
      comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'On the limit', value: 250 }),
      comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'Above', value: 351 }),
    ], { areas: ['Below', 'Inside', 'On the limit', 'Above'] });
    // 200 < 250 → local higher; 300 and 250 inside [250, 350] → similar; 351 > 350 → local lower.
    expect(comparisons.map((c) => [c.area, c.significant, c.direction])).toEqual([
      ['Below', true, 'higher'], ['Inside', false, null], ['On the limit', false, null], ['Above', true, 'lower'],
    ]);
  });

  it('compares only chosen areas, in the order asked, and by default only the user\'s own', () => {
    const set = [
      comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'West Midlands', value: 141 }),
      comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'London', value: 157 }),
      comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'Family', value: 170, origin: 'user' }),
    ];
    expect(comparatorsFor([fteRate('2024-25-Q3')], set, { areas: ['london', 'West Midlands'] }).map((c) => c.area)).toEqual(['London', 'West Midlands']);
    expect(comparatorsFor([fteRate('2024-25-Q3')], set, { areas: [] }).map((c) => c.area)).toEqual(['Family']);
  });

  it('matches periods exactly unless a lag is allowed, and never a later comparator', () => {
    const set = [
      comparator({ indicator: 'fte.rate', period: '2023-24-Q3', area: 'West Midlands', value: 130 }),
      comparator({ indicator: 'fte.rate', period: '2024-25-Q3', area: 'West Midlands', value: 141 }),
    ];
    // Year to March 2025 (2024-25-Q4): no exact comparator.
    expect(comparatorsFor([fteRate('2024-25-Q4')], set, { areas: ['West Midlands'] })).toEqual([]);
    // With a lag of 1 quarter the year to December 2024 stands in.
    const lagged = comparatorsFor([fteRate('2024-25-Q4')], set, { areas: ['West Midlands'], lagQuarters: 1 });
    expect(lagged.map((c) => [c.period, c.comparatorPeriod, c.comparatorValue])).toEqual([['2024-25-Q4', '2024-25-Q3', 141]]);
    // 2024-25-Q2 with a lag of 2: 2024-25-Q3 is later (not used); 2023-24-Q3 is 3 quarters back (too old).
    expect(comparatorsFor([fteRate('2024-25-Q2')], set, { areas: ['West Midlands'], lagQuarters: 2 })).toEqual([]);
  });

  it('compares national reoffending with the headline record of the same cohort only', () => {
    const cohort = (c: string, extra = {}): IndicatorRecord => record({
      id: 'reoffending.binary', period: '2024-25-Q3', breakdown: { cohort: c, ...extra }, numerator: 20, denominator: 40,
      value: 50, lower: 35, upper: 65, unit: '%',
    });
    const set = [comparator({ indicator: 'reoffending.binary', period: '2023-24-Q1', area: 'England and Wales', value: 31.6 })];
    const out = comparatorsFor([cohort('2023-24-Q1'), cohort('2023-24-Q2'), cohort('2023-24-Q1', { sex: 'F' })], set, { areas: ['England and Wales'] });
    // Only the 2023-24-Q1 headline; 31.6 < 35 → local higher.
    expect(out.map((c) => [c.breakdown, c.significant, c.direction])).toEqual([[{ cohort: '2023-24-Q1' }, true, 'higher']]);
  });

  it('compares children cautioned or sentenced with the all-children outcome-stage rate, and counts are never significant', () => {
    const outcomeRate = (breakdown: IndicatorRecord['breakdown']) => record({
      id: 'dispro.rate', period: '2021-22-Q4', breakdown, numerator: 60, denominator: 20_000, value: 3, lower: 2.3, upper: 3.9, unit: 'per 1,000',
    });
    const set = [
      comparator({ indicator: 'outcome.children_rate', period: '2021-22-Q4', area: 'West Midlands', value: 2.2 }),
      comparator({ indicator: 'fte.count', period: '2021-22-Q4', area: 'West Midlands', value: 1 }),
    ];
    const count = record({ id: 'fte.count', period: '2021-22-Q4', breakdown: {}, numerator: 40, denominator: null, value: 40, unit: 'count' });
    const out = comparatorsFor([outcomeRate({ stage: 'outcome' }), outcomeRate({ stage: 'outcome', group: 'Black' }), count], set, { areas: ['West Midlands'] });
    // 2.2 < 2.3 → higher; the group record is not an all-children rate; the count has no interval.
    expect(out.map((c) => [c.id, c.comparator, c.significant, c.direction])).toEqual([
      ['dispro.rate', 'outcome.children_rate', true, 'higher'], ['fte.count', 'fte.count', false, null],
    ]);
  });
});
