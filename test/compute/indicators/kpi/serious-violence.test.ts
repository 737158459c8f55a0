/**
 * KPI 9, serious violence: violence against the person, robbery and drugs,
 * gravity 5 or more, a substantive outcome dated in the quarter; offences,
 * children, and children per 10,000 aged 10–17 with an exact interval.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { OffenceFixture } from '../../../helpers/fixture-store.js';
import { child, closeStore, find, kpis } from './kpi-fixture.js';

afterEach(closeStore);

const offence = (id: string, c: string, fields: Partial<OffenceFixture> = {}): OffenceFixture => ({
  offence_id: id, child_id: c, offence_date: '2024-06-01', outcome_date: '2024-08-01', outcome: 'YRO',
  offence_category: 'VIOLENCE_AGAINST_THE_PERSON', gravity: 5, ...fields,
});

describe('KPI 9: serious violence', () => {
  it('counts gravity 5 (not 4) in the three offence groups, with a substantive outcome dated in the quarter', async () => {
    const records = await kpis({
      children: ['A', 'B', 'C', 'D', 'E', 'ADULT'].map((c) => child(c, c === 'ADULT' ? { date_of_birth: '2006-01-01' } : { sex: c === 'B' ? 'F' : 'M' })),
      offences: [
        offence('O1', 'A'), offence('O2', 'A', { offence_category: 'ROBBERY', gravity: 6, outcome: 'YC' }),
        offence('O3', 'B', { offence_category: 'DRUGS', gravity: 5, outcome: 'DTO' }),
        offence('O4', 'C', { gravity: 4 }),
        offence('O5', 'C', { offence_category: 'THEFT_AND_HANDLING', gravity: 6 }),
        // Not substantive (Community Resolution), not proven (NFA), outcome outside the quarter.
        offence('O6', 'D', { outcome: 'CR' }), offence('O7', 'D', { outcome: 'NFA' }),
        offence('O8', 'E', { outcome_date: '2024-06-30' }),
        // 18 at the offence (born 1 January 2006, offence 1 June 2024): not a child's offence.
        offence('O9', 'ADULT'),
      ],
      population: [{ year: 2024, population: 10_000 }],
    });
    expect(find(records, 'kpi.serious_violence.offences')).toMatchObject({ numerator: 3, value: 3, unit: 'count' });
    expect(find(records, 'kpi.serious_violence.children')).toMatchObject({ numerator: 2, value: 2 });
    expect(find(records, 'kpi.serious_violence.children', { sex: 'F' })).toMatchObject({ value: 1 });
    expect(find(records, 'kpi.serious_violence.offences', { sex: 'M' })).toMatchObject({ value: 2 });
    // E's offence is in 2024-25-Q1.
    expect(find(records, 'kpi.serious_violence.children', {}, '2024-25-Q1')).toMatchObject({ value: 1 });
    // 2 children in 10,000 → 2 per 10,000. Exact Poisson for 2: chi²(0.025; 4)/2 = 0.484419/2 = 0.242209,
    // chi²(0.975; 6)/2 = 14.449375/2 = 7.224688.
    const rate = find(records, 'kpi.serious_violence.rate');
    expect(rate).toMatchObject({ numerator: 2, denominator: 10_000, unit: 'per 10,000' });
    expect(rate?.value).toBeCloseTo(2, 10);
    expect(rate?.lower).toBeCloseTo(0.2422, 4);
    expect(rate?.upper).toBeCloseTo(7.2247, 4);
  });

  it('uses Byar\'s interval from 10 children, and is [x] without a population', async () => {
    const kids = Array.from({ length: 10 }, (_, k) => `K${k}`);
    const records = await kpis({
      children: kids.map((c) => child(c)), offences: kids.map((c, k) => offence(`O${k}`, c)), population: [{ year: 2024, population: 20_000 }],
    });
    // Byar for 10: lower 10·(1 − 1/90 − 1.959964/(3·√10))³ = 10·(1 − 0.011111 − 0.206598)³ = 10·0.782291³ = 4.787431;
    // upper 11·(1 − 1/99 + 1.959964/(3·√11))³ = 11·(1 − 0.010101 + 0.196984)³ = 11·1.186883³ = 18.391472;
    // per 10,000 of 20,000: halved.
    const rate = find(records, 'kpi.serious_violence.rate');
    expect(rate?.value).toBeCloseTo(5, 10);
    expect(rate?.lower).toBeCloseTo(2.3937, 3);
    expect(rate?.upper).toBeCloseTo(9.1957, 3);
    const none = await kpis({ children: [child('A')], offences: [offence('O1', 'A')] });
    expect(find(none, 'kpi.serious_violence.rate')).toMatchObject({ status: 'not_available', value: null });
    expect(find(none, 'kpi.serious_violence.children')).toMatchObject({ value: 1 });
  });
});
