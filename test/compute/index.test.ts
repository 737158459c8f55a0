import { afterEach, describe, expect, it } from 'vitest';
import { computeIndicators, computeQuarter } from '../../pipeline/compute/index.js';
import { DEFAULT_CONFIG } from '../../pipeline/config.js';
import { DEFAULT_SETTINGS } from '../../pipeline/compute/context.js';
import { YjpackError } from '../../pipeline/errors.js';
import { parsePeriod } from '../../pipeline/period.js';
import type { Store } from '../../pipeline/store/db.js';
import { fixtureStore } from '../helpers/fixture-store.js';

let store: Store | null = null;
afterEach(() => { store?.close(); store = null; });

const ctx = (period: string) => ({ period: parsePeriod(period), settings: DEFAULT_SETTINGS });

describe('computeIndicators: no figures for a quarter after the data (issue 9)', () => {
  it('refuses, as a library call with no run date, a period ending after the last record', async () => {
    // One caution on 30 June 2024: the data covers up to the end of 2024-25-Q1 and no further.
    store = await fixtureStore({
      children: [{ child_id: 'A', date_of_birth: '2008-01-01' }],
      offences: [{ offence_id: 'O1', child_id: 'A', offence_date: '2024-06-01', outcome_date: '2024-06-30', outcome: 'YC' }],
      population: [{ year: 2024, population: 20_000 }],
    });
    const refused = await computeIndicators(store, ctx('2024-25-Q2')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(YjpackError);
    expect((refused as YjpackError).messageId).toBe('periodAfterData');
    expect((refused as YjpackError).message).toContain('2024-25-Q1');

    // The covered quarter computes, and names its population estimate for each rated quarter.
    const out = await computeIndicators(store, ctx('2024-25-Q1'));
    // 1 entrant / 20,000 × 100,000 = 5 per 100,000 in the year to June 2024 (needs mid-2024).
    expect(out.records.find((r) => r.id === 'fte.rate' && r.period === '2024-25-Q1')?.value).toBeCloseTo(5, 10);
    expect(out.population).toEqual({ year: 2024, fallback: false, wanted: 2024, estimates: [{ period: '2024-25-Q1', wanted: 2024, year: 2024 }] });
  });
});

describe('computeQuarter: every figure the later phases need, in one call', () => {
  it('returns the records of computeIndicators with the period, extract range, not-proven count, profile, remands and comparisons', async () => {
    // Child A: a caution on 30 June 2024 (an outcome in the year to June 2024); child B: an offence with no further
    // action, not proven; child B remanded to youth detention on 1 May 2024.
    store = await fixtureStore({
      children: [{ child_id: 'A', date_of_birth: '2008-01-01' }, { child_id: 'B', date_of_birth: '2008-06-01' }],
      offences: [
        { offence_id: 'O1', child_id: 'A', offence_date: '2024-04-10', outcome_date: '2024-06-30', outcome: 'YC' },
        { offence_id: 'O2', child_id: 'B', offence_date: '2024-04-02', outcome_date: '2024-05-20', outcome: 'NFA' },
      ],
      remands: [{ remand_id: 'R1', child_id: 'B', decision_date: '2024-05-01', remand_type: 'YDA' }],
      population: [{ year: 2024, population: 20_000 }],
    });
    const period = parsePeriod('2024-25-Q1');
    const quarter = await computeQuarter(store, period, { ...DEFAULT_CONFIG, comparatorAreas: [] });
    const indicators = await computeIndicators(store, ctx('2024-25-Q1'));

    expect(quarter.records).toEqual(indicators.records);
    expect(quarter.population).toEqual(indicators.population);
    expect(quarter.period).toEqual(period);
    // Earliest offence date 2 April 2024, latest outcome 30 June 2024.
    expect(quarter.extractRange).toEqual({ from: '2024-04-02', to: '2024-06-30' });
    expect(quarter.notProven).toEqual({ yearToPeriod: 1, toPeriodEnd: 1 });
    // The profile counts the one child with a proven outcome (A), in each table.
    expect(quarter.profile.length).toBeGreaterThan(0);
    for (const table of quarter.profile) expect(table.total).toBe(1);
    // One remand decision to youth detention, of one child, the only child with a decision, in the year to June 2024.
    expect(quarter.remands.find((r) => r.period === '2024-25-Q1')).toEqual({ period: '2024-25-Q1', decisions: 1, children: 1, childrenWithDecision: 1 });
    // No comparator areas configured: nothing to compare with.
    expect(quarter.comparisons).toEqual([]);
  });
});
