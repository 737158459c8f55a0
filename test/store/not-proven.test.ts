import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../pipeline/period.js';
import type { Store } from '../../pipeline/store/db.js';
import { notProvenOutcomes } from '../../pipeline/store/not-proven.js';
import { fixtureStore } from '../helpers/fixture-store.js';

let store: Store;
beforeAll(async () => {
  const offence = (id: string, outcomeDate: string, outcome: string) => ({
    offence_id: id, child_id: 'C1', offence_date: '2022-01-01', outcome_date: outcomeDate, outcome,
  });
  store = await fixtureStore({
    children: [{ child_id: 'C1', date_of_birth: '2008-05-01' }],
    offences: [
      offence('O1', '2023-03-31', 'NFA'),        // before the year to 2024-25-Q3 (1 January 2024 to 31 December 2024)
      offence('O2', '2024-01-01', 'NOT_GUILTY'), // first day of the year
      offence('O3', '2024-12-31', 'WITHDRAWN'),  // last day of the period
      offence('O4', '2025-01-01', 'NFA'),        // after the period: not used by a run for 2024-25-Q3
      offence('O5', '2024-06-01', 'YC'),         // proven: not counted here
    ],
  });
});
afterAll(() => store.close());

describe('notProvenOutcomes', () => {
  it('counts not-proven outcomes in the year to P and in all history to the end of P', async () => {
    // Year to 2024-25-Q3: O2 and O3 → 2. Up to 31 December 2024: O1, O2, O3 → 3.
    expect(await notProvenOutcomes(store, parsePeriod('2024-25-Q3'))).toEqual({ yearToPeriod: 2, toPeriodEnd: 3 });
  });

  it('gives zeros when there are none', async () => {
    // The year to 2022-23-Q1 ends 30 June 2022, before every outcome.
    expect(await notProvenOutcomes(store, parsePeriod('2022-23-Q1'))).toEqual({ yearToPeriod: 0, toPeriodEnd: 0 });
  });
});
