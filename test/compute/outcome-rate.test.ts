import { describe, expect, it } from 'vitest';
import { computeOutcomeRate } from '../../pipeline/compute/outcome-rate.js';
import { comparatorsFor } from '../../pipeline/compute/comparators.js';
import { DEFAULT_SETTINGS } from '../../pipeline/compute/context.js';
import { parsePeriod } from '../../pipeline/period.js';
import { fixtureStore } from '../helpers/fixture-store.js';

describe('children cautioned or sentenced per 1,000 (all groups)', () => {
  it('counts each child with a substantive outcome in the year once, unknown ethnicity included, and compares it', async () => {
    const store = await fixtureStore({
      children: [
        { child_id: 'A', date_of_birth: '2007-01-01', ethnicity: 'WBRI' },
        { child_id: 'B', date_of_birth: '2007-01-01', ethnicity: null },
        { child_id: 'C', date_of_birth: '2007-01-01', ethnicity: 'BCRB' },
      ],
      offences: [
        // A: two substantive outcomes in the year 2021-22 → one child.
        { offence_id: 'o1', child_id: 'A', offence_date: '2021-05-01', outcome_date: '2021-06-01', outcome: 'YC' },
        { offence_id: 'o2', child_id: 'A', offence_date: '2021-08-01', outcome_date: '2021-09-01', outcome: 'RO' },
        // B: ethnicity not known, still a child cautioned.
        { offence_id: 'o3', child_id: 'B', offence_date: '2021-10-01', outcome_date: '2021-11-01', outcome: 'YCC' },
        // C: a community resolution (not substantive) and a sentence after March 2022: neither counts.
        { offence_id: 'o4', child_id: 'C', offence_date: '2021-10-01', outcome_date: '2021-11-01', outcome: 'CR' },
        { offence_id: 'o5', child_id: 'C', offence_date: '2022-03-01', outcome_date: '2022-04-02', outcome: 'RO' },
      ],
      population: [{ year: 2021, population: 1000 }],
    });
    const rec = await computeOutcomeRate(store, { period: parsePeriod('2021-22-Q4'), settings: DEFAULT_SETTINGS });
    // 2 children / 1,000 × 1,000 = 2 per 1,000.
    expect(rec).toMatchObject({ numerator: 2, denominator: 1000, breakdown: { stage: 'outcome' }, unit: 'per 1,000' });
    expect(rec!.value).toBeCloseTo(2, 12);
    // Exact Poisson for 2 events: upper = qchisq(0.975, 6) / 2 = 14.4494 / 2 = 7.2247 per 1,000.
    expect(rec!.upper).toBeCloseTo(7.2247, 3);
    const [comparison] = comparatorsFor([rec!], [{
      indicator: 'outcome.children_rate', period: '2021-22-Q4', area: 'West Midlands', value: 2.4, numerator: null,
      denominator: null, source: 'test', origin: 'shipped',
    }], { areas: ['West Midlands'] });
    expect(comparison?.comparatorValue).toBe(2.4);
    // 2.4 lies inside 0.24–7.22, so the difference is not significant.
    expect(comparison?.significant).toBe(false);
    store.close();
  });
});
