import { afterEach, describe, expect, it } from 'vitest';
import { computeIndicators } from '../../pipeline/compute/index.js';
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
