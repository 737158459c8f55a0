import { afterEach, describe, expect, it } from 'vitest';
import { computeFte, firstTimeEntrants } from '../../../pipeline/compute/indicators/fte.js';
import { DEFAULT_SETTINGS } from '../../../pipeline/compute/context.js';
import type { IndicatorRecord } from '../../../pipeline/compute/record.js';
import { messages } from '../../../pipeline/messages.js';
import { parsePeriod } from '../../../pipeline/period.js';
import type { Store } from '../../../pipeline/store/db.js';
import { fixtureStore, type Fixture, type OffenceFixture } from '../../helpers/fixture-store.js';

// The run is for 2024-25-Q2 (July–September 2024); its year runs 1 October 2023 to 30 September 2024.
const P = '2024-25-Q2';
const ctx = (period = P) => ({ period: parsePeriod(period), settings: DEFAULT_SETTINGS });

// An adult's youth caution in January 2019 starts the history early (first quarter 2018-19-Q4,
// first full year 2019-20-Q3), so every quarter of the trend window gets a record and no
// short-history note fires. Aged 28 at the offence, the adult is never an entrant.
const ANCHOR: Fixture = {
  children: [{ child_id: 'ADULT', date_of_birth: '1990-06-01' }],
  offences: [{ offence_id: 'A0', child_id: 'ADULT', offence_date: '2019-01-02', outcome_date: '2019-01-15', outcome: 'YC' }],
};

let store: Store | null = null;
afterEach(() => { store?.close(); store = null; });

async function run(f: Fixture, period = P): Promise<IndicatorRecord[]> {
  store = await fixtureStore({
    children: [...(ANCHOR.children ?? []), ...(f.children ?? [])],
    offences: [...(ANCHOR.offences ?? []), ...(f.offences ?? [])],
    population: f.population,
  });
  return (await computeFte(store, ctx(period))).records;
}

function at(records: IndicatorRecord[], id: string, period = P): IndicatorRecord | undefined {
  return records.find((r) => r.id === id && r.period === period);
}

const offence = (id: string, child: string, offenceDate: string, outcomeDate: string, outcome: string): OffenceFixture =>
  ({ offence_id: id, child_id: child, offence_date: offenceDate, outcome_date: outcomeDate, outcome });

describe('first time entrants', () => {
  it('does not make an entrant of CR, Outcome 20/21 or Outcome 22, but a later youth caution does', async () => {
    const records = await run({
      children: [{ child_id: 'C1', date_of_birth: '2008-01-01' }],
      offences: [
        offence('O1', 'C1', '2023-10-20', '2023-11-01', 'CR'),
        offence('O2', 'C1', '2024-01-02', '2024-01-10', 'OUTCOME_22'),
        offence('O3', 'C1', '2024-01-20', '2024-02-01', 'OUTCOME_20_21'),
        offence('O4', 'C1', '2024-05-01', '2024-05-10', 'YC'),
      ],
    });
    // Year to 2023-24-Q4 (April 2023–March 2024): only non-substantive outcomes so far → 0.
    expect(at(records, 'fte.count', '2023-24-Q4')?.value).toBe(0);
    // Year to 2024-25-Q2: the YC on 10 May 2024 makes C1 an entrant (aged 16) → 1.
    expect(at(records, 'fte.count')?.value).toBe(1);
  });

  it('counts a child aged 10 or 17 at the offence, not one aged 9 or 18', async () => {
    // All offences on 1 March 2024, outcomes on 15 April 2024 (inside the year).
    const records = await run({
      children: [
        { child_id: 'NINE', date_of_birth: '2014-03-02' }, //  turns 10 the day after → 9
        { child_id: 'TEN', date_of_birth: '2014-03-01' }, //   10th birthday that day → 10
        { child_id: 'SEVENTEEN', date_of_birth: '2006-03-02' }, // turns 18 the day after → 17
        { child_id: 'EIGHTEEN', date_of_birth: '2006-03-01' }, // 18th birthday that day → 18
      ],
      offences: ['NINE', 'TEN', 'SEVENTEEN', 'EIGHTEEN'].map((c) => offence(`O-${c}`, c, '2024-03-01', '2024-04-15', 'YC')),
    });
    // TEN and SEVENTEEN → 2.
    expect(at(records, 'fte.count')?.value).toBe(2);
  });

  it('takes the first substantive outcome in the whole history: a 2019 caution means a 2024 sentence is not a first entry', async () => {
    const records = await run({
      children: [{ child_id: 'C1', date_of_birth: '2005-06-01' }, { child_id: 'C2', date_of_birth: '2008-06-01' }],
      offences: [
        offence('O1', 'C1', '2019-03-01', '2019-03-20', 'YC'),
        offence('O2', 'C1', '2024-02-01', '2024-03-01', 'YRO'),
        offence('O3', 'C2', '2024-02-01', '2024-03-01', 'YRO'),
      ],
    });
    // C1 entered in March 2019 (outside every year of the window); C2 enters on 1 March 2024 → 1.
    expect(at(records, 'fte.count')?.value).toBe(1);
  });

  it('ignores outcomes after the period end, so an earlier period on a later extract gives the earlier answer', async () => {
    const f: Fixture = {
      children: [{ child_id: 'C1', date_of_birth: '2008-06-01' }, { child_id: 'C2', date_of_birth: '2008-06-01' }],
      offences: [
        offence('O1', 'C1', '2024-08-01', '2024-08-20', 'RO'),
        // Offence inside 2024-25-Q2, outcome after its end: belongs to 2024-25-Q3.
        offence('O2', 'C2', '2024-09-01', '2024-10-10', 'YC'),
      ],
    };
    // Run for 2024-25-Q2: C1 only → 1.
    expect(at(await run(f, P), 'fte.count')?.value).toBe(1);
    store?.close();
    // Run for 2024-25-Q3 (year to December 2024) on the same extract: C1 and C2 → 2; its
    // record for 2024-25-Q2 still says 1.
    const later = await run(f, '2024-25-Q3');
    expect(at(later, 'fte.count', '2024-25-Q3')?.value).toBe(2);
    expect(at(later, 'fte.count', P)?.value).toBe(1);
  });

  it('counts the substantive offences dealt with at the first outcome in fte.offences', async () => {
    const records = await run({
      children: [{ child_id: 'C1', date_of_birth: '2008-06-01' }, { child_id: 'C2', date_of_birth: '2007-06-01' }],
      offences: [
        // C1: two offences sentenced at the first outcome (RO, 1 June 2024) → 2; a CR and a
        // not-guilty the same day are not substantive → not counted; a later YRO → not counted.
        offence('O1', 'C1', '2024-04-01', '2024-06-01', 'RO'),
        offence('O2', 'C1', '2024-04-02', '2024-06-01', 'RO'),
        offence('O3', 'C1', '2024-04-03', '2024-06-01', 'CR'),
        offence('O4', 'C1', '2024-04-04', '2024-06-01', 'NOT_GUILTY'),
        offence('O5', 'C1', '2024-07-01', '2024-08-01', 'YRO'),
        // C2: one offence at the first outcome → 1.
        offence('O6', 'C2', '2024-04-01', '2024-05-01', 'YCC'),
      ],
    });
    expect(at(records, 'fte.count')?.value).toBe(2);
    // 2 + 1 = 3.
    expect(at(records, 'fte.offences')?.value).toBe(3);
  });

  it('makes an entrant when aged 10–17 at any of the offences dealt with at the first outcome', () => {
    // Born 1 June 2006: 17 at the offence of 1 May 2024, 18 at the one of 2 June 2024; both dealt with on 1 July 2024.
    const entrants = firstTimeEntrants([
      { child_id: 'C1', first_date: '2024-07-01', offence_date: '2024-05-01', date_of_birth: '2006-06-01' },
      { child_id: 'C1', first_date: '2024-07-01', offence_date: '2024-06-02', date_of_birth: '2006-06-01' },
      // Born 1 June 2005: 18 at both → not an entrant.
      { child_id: 'C2', first_date: '2024-07-01', offence_date: '2024-06-02', date_of_birth: '2005-06-01' },
    ]);
    expect(entrants).toEqual([{ childId: 'C1', date: '2024-07-01', offences: 2 }]);
  });

  it('emits 12 quarters, each the rolling year to that quarter', async () => {
    // One entrant on 10 May 2023 (2023-24-Q1): inside the years to 2023-24-Q1, Q2, Q3 and Q4 only.
    const records = await run({
      children: [{ child_id: 'C1', date_of_birth: '2008-06-01' }],
      offences: [offence('O1', 'C1', '2023-04-20', '2023-05-10', 'YC')],
    });
    const counts = records.filter((r) => r.id === 'fte.count');
    expect(counts.map((r) => r.period)).toEqual([
      '2021-22-Q3', '2021-22-Q4', '2022-23-Q1', '2022-23-Q2', '2022-23-Q3', '2022-23-Q4',
      '2023-24-Q1', '2023-24-Q2', '2023-24-Q3', '2023-24-Q4', '2024-25-Q1', '2024-25-Q2',
    ]);
    expect(counts.map((r) => r.value)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0]);
    expect(records.filter((r) => r.id === 'fte.rate')).toHaveLength(12);
    expect(records.filter((r) => r.id === 'fte.offences')).toHaveLength(12);
  });

  it('gives the rate per 100,000 with an exact Poisson interval, and no rate without a population', async () => {
    const records = await run({
      children: [{ child_id: 'C1', date_of_birth: '2008-06-01' }, { child_id: 'C2', date_of_birth: '2008-06-01' }],
      offences: [offence('O1', 'C1', '2024-04-01', '2024-05-01', 'YC'), offence('O2', 'C2', '2024-04-01', '2024-05-01', 'YC')],
      // Mid-2024 lies in the years to 2024-25-Q1 … 2025-26-Q4 (30 June 2024 inside them).
      population: [{ year: 2024, population: 20_000 }],
    });
    const rate = at(records, 'fte.rate');
    // 2 / 20,000 × 100,000 = 10. Exact Poisson limits for 2 events (Garwood; tables): 0.2422 and 7.2247,
    // × 100,000 / 20,000 = × 5 → 1.211 and 36.123.
    expect(rate).toMatchObject({ numerator: 2, denominator: 20_000, unit: 'per 100,000' });
    expect(rate?.value).toBeCloseTo(10, 10);
    expect(rate?.lower).toBeCloseTo(1.211, 2);
    expect(rate?.upper).toBeCloseTo(36.123, 2);
    // Counts carry no interval.
    expect(at(records, 'fte.count')).toMatchObject({ value: 2, numerator: 2, denominator: null, lower: null, upper: null, unit: 'count' });
    // The year to 2023-24-Q4 needs mid-2023, and nothing earlier than 2024 exists → no rate.
    expect(at(records, 'fte.rate', '2023-24-Q4')).toMatchObject({ value: null, denominator: null, numerator: 0 });
  });

  it('warns when the history starts less than 3 years before the period, and reports only full years plus P', async () => {
    store = await fixtureStore({
      children: [{ child_id: 'C1', date_of_birth: '2008-06-01' }],
      offences: [offence('O1', 'C1', '2024-01-10', '2024-02-15', 'YC')],
    });
    const result = await computeFte(store, ctx());
    // History from 2023-24-Q4: its first full year is the year to 2024-25-Q3, after P, so P alone is reported.
    expect([...new Set(result.records.map((r) => r.period))]).toEqual([P]);
    expect(at(result.records, 'fte.count')?.value).toBe(1);
    expect(result.notes.map((n) => n.severity)).toContain('warning');
    expect(result.notes.some((n) => n.message === 'noteShortHistory' && JSON.stringify(n.params.first) === JSON.stringify({ kind: 'date', iso: '2024-02-15' }))).toBe(true);
  });

  it('leaves no short-history note when the history covers 3 years', async () => {
    const result = await computeFte((store = await fixtureStore({ ...ANCHOR, population: [{ year: 2024, population: 1000 }] })), ctx());
    expect(result.notes.filter((n) => n.message === 'noteShortHistory')).toEqual([]);
  });
});

describe('outcomes that stop before P (issue 9)', () => {
  const children = [{ child_id: 'C1', date_of_birth: '2008-05-01' }];

  it('warns when offences.csv has no outcome in P, naming the last one', async () => {
    // P = 2024-25-Q2 starts 1 July 2024; the last outcome is on 28 June 2024.
    store = await fixtureStore({ children, offences: [offence('O1', 'C1', '2024-06-01', '2024-06-28', 'YC')] });
    const { notes } = await computeFte(store, ctx());
    expect(notes).toContainEqual({
      indicator: 'fte', severity: 'warning', message: 'noteOutcomesEndBefore', params: { period: P, last: { kind: 'date', iso: '2024-06-28' } },
    });
  });

  it('does not warn when there is an outcome in P, even on its first day', async () => {
    store = await fixtureStore({ children, offences: [offence('O1', 'C1', '2024-06-01', '2024-07-01', 'YC')] });
    const { notes } = await computeFte(store, ctx());
    expect(notes.map((n) => n.message)).not.toContain('noteOutcomesEndBefore');
  });
});
