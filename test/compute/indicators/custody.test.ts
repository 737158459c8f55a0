import { afterEach, describe, expect, it } from 'vitest';
import { computeCustody } from '../../../pipeline/compute/indicators/custody.js';
import { DEFAULT_SETTINGS } from '../../../pipeline/compute/context.js';
import type { IndicatorRecord } from '../../../pipeline/compute/record.js';
import { parsePeriod } from '../../../pipeline/period.js';
import type { Store } from '../../../pipeline/store/db.js';
import { fixtureStore, type ChildFixture, type OffenceFixture } from '../../helpers/fixture-store.js';

// Run for 2024-25-Q2: the year to it is 1 October 2023 – 30 September 2024.
const P = '2024-25-Q2';
const ctx = { period: parsePeriod(P), settings: DEFAULT_SETTINGS };
// A 2019 outcome starts the history early, so every quarter of the window is reported.
const ANCHOR_CHILD: ChildFixture = { child_id: 'OLD', date_of_birth: '1990-01-01' };
const ANCHOR_OFFENCE: OffenceFixture = { offence_id: 'A0', child_id: 'OLD', offence_date: '2019-01-02', outcome_date: '2019-01-15', outcome: 'FINE' };

let store: Store | null = null;
afterEach(() => { store?.close(); store = null; });

const sentence = (id: string, child: string, outcomeDate: string, outcome = 'DTO'): OffenceFixture =>
  ({ offence_id: id, child_id: child, offence_date: '2023-06-01', outcome_date: outcomeDate, outcome });

function at(records: IndicatorRecord[], id: string, period = P): IndicatorRecord | undefined {
  return records.find((r) => r.id === id && r.period === period);
}

describe('use of custody', () => {
  it('counts sentences as distinct child + outcome date, and children apart', async () => {
    store = await fixtureStore({
      children: [ANCHOR_CHILD, ...['A', 'B', 'C', 'D'].map((c) => ({ child_id: c, date_of_birth: '2007-01-01' }))],
      offences: [
        ANCHOR_OFFENCE,
        // A: two offences sentenced together on 10 January 2024 (DTO and s250) = one sentence,
        // and another DTO on 1 June 2024 → 2 sentences, 1 child.
        sentence('A1', 'A', '2024-01-10', 'DTO'),
        sentence('A2', 'A', '2024-01-10', 'S250'),
        sentence('A3', 'A', '2024-06-01', 'DTO'),
        // B: a YRO is a community sentence, not custody → nothing.
        sentence('B1', 'B', '2024-02-01', 'YRO'),
        // C: s259 on 1 October 2024, after the period → nothing.
        sentence('C1', 'C', '2024-10-01', 'S259'),
        // D: DTO on 1 August 2023, before the year to P (but inside the year to 2023-24-Q2).
        sentence('D1', 'D', '2023-08-01', 'DTO'),
      ],
    });
    const { records } = await computeCustody(store, ctx);
    expect(at(records, 'custody.count')?.value).toBe(2);
    expect(at(records, 'custody.children')?.value).toBe(1);
    // Year to 2023-24-Q2 (October 2022 – September 2023): D's sentence only.
    expect(at(records, 'custody.count', '2023-24-Q2')?.value).toBe(1);
    // 12 quarters of each id.
    expect(records.filter((r) => r.id === 'custody.rate')).toHaveLength(12);
  });

  it('gives the rate per 1,000 with Byar\'s interval from 10 sentences', async () => {
    // Five children, each sentenced on two dates inside the year → 10 sentences, 5 children.
    const kids = ['K1', 'K2', 'K3', 'K4', 'K5'];
    store = await fixtureStore({
      children: [ANCHOR_CHILD, ...kids.map((c) => ({ child_id: c, date_of_birth: '2007-01-01' }))],
      offences: [
        ANCHOR_OFFENCE,
        ...kids.flatMap((c) => [sentence(`${c}a`, c, '2023-12-01'), sentence(`${c}b`, c, '2024-07-01', 'S254')]),
      ],
      population: [{ year: 2024, population: 5_000 }],
    });
    const { records } = await computeCustody(store, ctx);
    expect(at(records, 'custody.children')?.value).toBe(5);
    const rate = at(records, 'custody.rate');
    // 10 / 5,000 × 1,000 = 2 per 1,000. Byar, z = 1.959964:
    //   lower = 10 × (1 − 1/90 − z/(3√10))³ = 10 × (1 − 0.011111 − 0.206598)³ = 10 × 0.782291³ = 4.78745
    //   upper = 11 × (1 − 1/99 + z/(3√11))³ = 11 × (1 − 0.010101 + 0.196984)³ = 11 × 1.186883³ = 18.39146
    //   × 1,000 / 5,000 = × 0.2 → 0.95749 and 3.67829.
    expect(rate).toMatchObject({ numerator: 10, denominator: 5_000, unit: 'per 1,000' });
    expect(rate?.value).toBeCloseTo(2, 10);
    expect(rate?.lower).toBeCloseTo(0.95749, 4);
    expect(rate?.upper).toBeCloseTo(3.67829, 4);
  });

  it('uses an exact Poisson interval below 10 and says when the population is an earlier estimate', async () => {
    store = await fixtureStore({
      children: [ANCHOR_CHILD, { child_id: 'A', date_of_birth: '2007-01-01' }],
      offences: [ANCHOR_OFFENCE, sentence('A1', 'A', '2024-03-01')],
      // Mid-2024 missing: the year to 2024-25-Q2 falls back to mid-2023.
      population: [{ year: 2023, population: 2_000 }],
    });
    const { records, notes } = await computeCustody(store, ctx);
    const rate = at(records, 'custody.rate');
    // 1 / 2,000 × 1,000 = 0.5. Exact limits for 1 event: 0.025318 and 5.571643, × 0.5 → 0.012659 and 2.785822.
    expect(rate?.value).toBeCloseTo(0.5, 10);
    expect(rate?.lower).toBeCloseTo(0.012659, 5);
    expect(rate?.upper).toBeCloseTo(2.785822, 5);
    expect(notes.some((n) => n.indicator === 'custody.rate' && n.message === 'notePopulationFallback' && n.params.wanted === 'mid-2024' && n.params.year === 2023)).toBe(true);
  });
});
