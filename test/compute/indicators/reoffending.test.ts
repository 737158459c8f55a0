import { describe, expect, it } from 'vitest';
import { messages } from '../../../pipeline/messages.js';
import {
  computeReoffending, reoffendingCohortMembers, type CohortMember,
} from '../../../pipeline/compute/indicators/reoffending.js';
import type { IndicatorResult } from '../../../pipeline/compute/indicators/result.js';
import type { ComputeContext } from '../../../pipeline/compute/context.js';
import type { Breakdown, IndicatorId, IndicatorRecord } from '../../../pipeline/compute/record.js';
import { parsePeriod } from '../../../pipeline/period.js';
import {
  fixtureStore, type ChildFixture, type Fixture, type InterventionFixture, type OffenceFixture,
} from '../../helpers/fixture-store.js';

function ctx(period: string, includeNonSubstantive = false): ComputeContext {
  return { period: parsePeriod(period), settings: { includeNonSubstantive, poolStages: [] } };
}

async function membersOf(f: Fixture, period: string, includeNonSubstantive = false): Promise<CohortMember[]> {
  const store = await fixtureStore(f);
  try {
    return await reoffendingCohortMembers(store, ctx(period, includeNonSubstantive));
  } finally {
    store.close();
  }
}

async function compute(f: Fixture, period: string, includeNonSubstantive = false): Promise<IndicatorResult> {
  const store = await fixtureStore(f);
  try {
    return await computeReoffending(store, ctx(period, includeNonSubstantive));
  } finally {
    store.close();
  }
}

function pick(records: readonly IndicatorRecord[], id: IndicatorId, breakdown: Breakdown): IndicatorRecord {
  const found = records.filter((r) => r.id === id && JSON.stringify(r.breakdown) === JSON.stringify(breakdown));
  expect(found, `${id} ${JSON.stringify(breakdown)}`).toHaveLength(1);
  return found[0]!;
}

/** Members of one cohort, as child → [index date, index type, reoffences]. */
function summary(members: readonly CohortMember[], cohort: string): Record<string, [string, string, number]> {
  const out: Record<string, [string, string, number]> = {};
  for (const m of members.filter((x) => x.cohort === cohort)) out[m.child_id] = [m.index_date, m.index_type, m.reoffences];
  return out;
}

let seq = 0;
function offence(child_id: string, offence_date: string, outcome_date: string, outcome: string): OffenceFixture {
  seq += 1;
  return { offence_id: `o${seq}`, child_id, offence_date, outcome_date, outcome };
}
function child(child_id: string, date_of_birth = '2008-01-01', extra: Partial<ChildFixture> = {}): ChildFixture {
  return { child_id, date_of_birth, ...extra };
}
function custody(intervention_id: string, child_id: string, start_date: string, end_date: string | null): InterventionFixture {
  return { intervention_id, child_id, type: 'CUSTODY', start_date, end_date };
}

describe('proven reoffending: follow-up and waiting period', () => {
  it('counts an offence on the last day of the 12-month follow-up and not the day after (29 Feb clamps to 28 Feb)', async () => {
    // Index 29 Feb 2024 (YC): follow-up ends 29 Feb 2024 + 12 months = 28 Feb 2025 (no 29 Feb in 2025).
    const f: Fixture = {
      children: [child('A'), child('B')],
      offences: [
        offence('A', '2024-02-01', '2024-02-29', 'YC'), offence('A', '2025-02-28', '2025-03-10', 'YC'),
        offence('B', '2024-02-01', '2024-02-29', 'YC'), offence('B', '2025-03-01', '2025-03-10', 'YC'),
      ],
    };
    // P = 2025-26-Q2 ends 30 Sep 2025, after both outcomes and after index + 18 months (29 Aug 2025).
    const members = await membersOf(f, '2025-26-Q2');
    expect(summary(members, '2023-24-Q4')).toEqual({
      A: ['2024-02-29', 'out_of_court', 1],
      B: ['2024-02-29', 'out_of_court', 0],
    });
    const { records } = await compute(f, '2025-26-Q2');
    // 1 reoffender of 2 children = 50%
    const binary = pick(records, 'reoffending.binary', { cohort: '2023-24-Q4' });
    expect([binary.numerator, binary.denominator, binary.value]).toEqual([1, 2, 50]);
  });

  it('counts an outcome on the last day of the 6-month waiting period and not the day after', async () => {
    // Index 31 Aug 2023: deadline 31 Aug 2023 + 18 months = 28 Feb 2025 (clamped); both outcomes are before P's end.
    const f: Fixture = {
      children: [child('C'), child('D')],
      offences: [
        offence('C', '2023-08-01', '2023-08-31', 'YC'), offence('C', '2023-10-01', '2025-02-28', 'RO'),
        offence('D', '2023-08-01', '2023-08-31', 'YC'), offence('D', '2023-10-01', '2025-03-01', 'RO'),
      ],
    };
    const members = await membersOf(f, '2025-26-Q1');
    expect(summary(members, '2023-24-Q2')).toEqual({
      C: ['2023-08-31', 'out_of_court', 1],
      D: ['2023-08-31', 'out_of_court', 0],
    });
  });

  it('does not count a reoffence whose outcome falls after P in a live cohort, and counts it once P has passed it', async () => {
    // Index 15 Jan 2024 (cohort 2023-24-Q4); deadline 15 Jul 2025.
    const f: Fixture = {
      children: [child('N')],
      offences: [
        offence('N', '2024-01-01', '2024-01-15', 'YC'),
        offence('N', '2024-05-01', '2025-03-31', 'RO'), // outcome on P's last day (2024-25-Q4 ends 31 Mar 2025)
        offence('N', '2024-06-01', '2025-04-10', 'RO'), // outcome after that P
      ],
    };
    const live = await compute(f, '2024-25-Q4');
    // cohort quarter ends 31 Mar 2024, P ends 31 Mar 2025: 12 months → provisional; 1 reoffence of 1 child
    const liveRate = pick(live.records, 'reoffending.per_offender', { cohort: '2023-24-Q4' });
    expect(liveRate.status).toBe('provisional');
    expect([liveRate.numerator, liveRate.denominator, liveRate.value]).toEqual([1, 1, 1]);
    const later = await compute(f, '2025-26-Q2');
    // 18 months → complete; both reoffences: 2 per child
    const laterRate = pick(later.records, 'reoffending.per_offender', { cohort: '2023-24-Q4' });
    expect(laterRate.status).toBe('complete');
    expect([laterRate.numerator, laterRate.denominator, laterRate.value]).toEqual([2, 1, 2]);
  });
});

describe('proven reoffending: index events', () => {
  it('takes the first index event in the quarter, whose type decides court vs out-of-court, counting each child once', async () => {
    const f: Fixture = {
      children: [child('E'), child('F'), child('G')],
      offences: [
        // E: YC on 10 Apr, then a Referral Order on 20 May for an offence of 20 Apr (after the index: a reoffence)
        offence('E', '2024-04-01', '2024-04-10', 'YC'), offence('E', '2024-04-20', '2024-05-20', 'RO'),
        // F: Referral Order on 15 Apr, then a YC on 1 Jun for an offence before the index (not a reoffence)
        offence('F', '2024-03-01', '2024-04-15', 'RO'), offence('F', '2024-03-20', '2024-06-01', 'YC'),
        // G: YC and Referral Order on the same day: court wins
        offence('G', '2024-04-01', '2024-05-02', 'YC'), offence('G', '2024-04-05', '2024-05-02', 'RO'),
      ],
    };
    const members = await membersOf(f, '2024-25-Q3');
    expect(summary(members, '2024-25-Q1')).toEqual({
      E: ['2024-04-10', 'out_of_court', 1],
      F: ['2024-04-15', 'court', 0],
      G: ['2024-05-02', 'court', 0],
    });
    const { records } = await compute(f, '2024-25-Q3');
    expect(pick(records, 'reoffending.binary', { cohort: '2024-25-Q1' }).denominator).toBe(3); // E once, not twice
    expect(pick(records, 'reoffending.binary', { cohort: '2024-25-Q1', index_type: 'out_of_court' }).denominator).toBe(1);
    expect(pick(records, 'reoffending.binary', { cohort: '2024-25-Q1', index_type: 'court' }).denominator).toBe(2);
  });

  it('uses a release from custody as the index event, not the custodial sentence, and only once the release is within P', async () => {
    const f: Fixture = {
      children: [child('H'), child('I'), child('J')],
      offences: [
        offence('H', '2023-12-01', '2024-01-10', 'DTO'), // custodial sentence: not an index event
        offence('H', '2024-08-01', '2024-09-15', 'YRO'), // committed after release: a reoffence
      ],
      interventions: [
        custody('c1', 'H', '2024-01-10', '2024-07-09'),
        custody('c2', 'I', '2024-06-01', '2025-01-15'), // released after the end of 2024-25-Q3
        custody('c3', 'J', '2024-06-01', null), // still in custody
      ],
    };
    const members = await membersOf(f, '2024-25-Q3');
    expect(members.map((m) => [m.cohort, m.child_id, m.index_date, m.index_type, m.reoffences])).toEqual([
      ['2024-25-Q2', 'H', '2024-07-09', 'court', 1],
    ]);
    const next = await membersOf(f, '2024-25-Q4');
    expect(summary(next, '2024-25-Q4')).toEqual({ I: ['2025-01-15', 'court', 0] });
  });

  it('includes children aged 10 to 17 at the index date only (9 and 18 excluded)', async () => {
    // Every YC below is on 1 May 2024.
    const f: Fixture = {
      children: [
        child('age10', '2014-05-01'), child('age9', '2014-05-02'),
        child('age17', '2006-05-02'), child('age18', '2006-05-01'),
        child('nineThenTen', '2014-05-15'),
      ],
      offences: [
        offence('age10', '2024-04-20', '2024-05-01', 'YC'), offence('age9', '2024-04-20', '2024-05-01', 'YC'),
        offence('age17', '2024-04-20', '2024-05-01', 'YC'), offence('age18', '2024-04-20', '2024-05-01', 'YC'),
        // aged 9 at the YC; 10 at the Referral Order of 1 Jun, which becomes the index event
        offence('nineThenTen', '2024-04-20', '2024-05-01', 'YC'), offence('nineThenTen', '2024-05-05', '2024-06-01', 'RO'),
      ],
    };
    const members = await membersOf(f, '2024-25-Q3');
    expect(summary(members, '2024-25-Q1')).toEqual({
      age10: ['2024-05-01', 'out_of_court', 0],
      age17: ['2024-05-01', 'out_of_court', 0],
      nineThenTen: ['2024-06-01', 'court', 0],
    });
    const { records } = await compute(f, '2024-25-Q3');
    // ages 10, 17, 10 → two aged 10–14, one aged 15–17
    expect(pick(records, 'reoffending.binary', { cohort: '2024-25-Q1', age_band: '10-14' }).denominator).toBe(2);
    expect(pick(records, 'reoffending.binary', { cohort: '2024-25-Q1', age_band: '15-17' }).denominator).toBe(1);
  });

  it('excludes CR and Outcome 22 by default and includes them (not Outcome 20/21) with the setting', async () => {
    const f: Fixture = {
      children: [child('CR'), child('O22'), child('O2021')],
      offences: [
        offence('CR', '2024-04-20', '2024-05-01', 'CR'),
        offence('CR', '2024-06-01', '2024-06-20', 'CR'), // non-substantive: never a reoffence
        offence('O22', '2024-04-20', '2024-05-01', 'OUTCOME_22'),
        offence('O22', '2024-06-01', '2024-07-10', 'YC'), // substantive: a reoffence
        offence('O2021', '2024-04-20', '2024-05-01', 'OUTCOME_20_21'),
      ],
    };
    const off = await compute(f, '2024-25-Q3');
    const empty = pick(off.records, 'reoffending.binary', { cohort: '2024-25-Q1' });
    expect([empty.numerator, empty.denominator, empty.value, empty.lower, empty.upper]).toEqual([0, 0, null, null, null]);
    const perOffender = pick(off.records, 'reoffending.per_offender', { cohort: '2024-25-Q1' });
    expect([perOffender.numerator, perOffender.denominator, perOffender.value]).toEqual([0, 0, null]);
    // The only note: the history starts on 1 May 2024 (2024-25-Q1), so the 9 cohorts before it are left out.
    expect(off.notes.map((n) => [n.message, n.params])).toEqual([
      ['noteCohortsBeforeHistory', { first: { kind: 'date', iso: '2024-05-01' }, from: { kind: 'periods', codes: ['2021-22-Q4'], as: 'quarters' }, to: { kind: 'periods', codes: ['2023-24-Q4'], as: 'quarters' } }],
    ]);

    expect(summary(await membersOf(f, '2024-25-Q3', true), '2024-25-Q1')).toEqual({
      CR: ['2024-05-01', 'out_of_court', 0],
      O22: ['2024-05-01', 'out_of_court', 1],
    });
    const on = await compute(f, '2024-25-Q3', true);
    // 1 reoffender (O22) of 2 children = 50%
    const binary = pick(on.records, 'reoffending.binary', { cohort: '2024-25-Q1', index_type: 'out_of_court' });
    expect([binary.numerator, binary.denominator, binary.value]).toEqual([1, 2, 50]);
    expect(on.notes.map((n) => n.message)).toContain('noteReoffendingNonSubstantive');
  });
});

describe('proven reoffending: what counts as a reoffence', () => {
  it('never counts not-proven outcomes or the offence on the index date, and counts each proven offence once', async () => {
    const f: Fixture = {
      children: [child('M')],
      offences: [
        offence('M', '2024-04-01', '2024-04-10', 'YC'), // index 10 Apr 2024
        offence('M', '2024-04-10', '2024-05-10', 'YC'), // committed on the index date: not after it
        offence('M', '2024-05-01', '2024-05-10', 'NFA'),
        offence('M', '2024-05-02', '2024-06-10', 'NOT_GUILTY'),
        offence('M', '2024-05-03', '2024-06-11', 'WITHDRAWN'),
        offence('M', '2024-05-04', '2024-06-20', 'YCC'), // two offences dealt with at one outcome: 2 reoffences
        offence('M', '2024-05-05', '2024-06-20', 'YCC'),
      ],
    };
    const members = await membersOf(f, '2024-25-Q3');
    expect(summary(members, '2024-25-Q1')).toEqual({ M: ['2024-04-10', 'out_of_court', 2] });
  });
});

describe('proven reoffending: records', () => {
  it('reports 12 cohorts ending with P, each with every breakdown, period P and its tracking status', async () => {
    const { records } = await compute({ children: [child('Z')] }, '2024-25-Q3');
    // per cohort: headline 1 + index type 2 + sex 3 + age band 2 + ethnic group 6 = 14 breakdowns × 3 measures
    expect(records).toHaveLength(12 * 14 * 3);
    expect(new Set(records.map((r) => r.period))).toEqual(new Set(['2024-25-Q3']));
    const headline = records.filter((r) => r.id === 'reoffending.binary' && Object.keys(r.breakdown).length === 1);
    expect(headline.map((r) => r.breakdown.cohort)).toEqual([
      '2021-22-Q4', '2022-23-Q1', '2022-23-Q2', '2022-23-Q3', '2022-23-Q4', '2023-24-Q1',
      '2023-24-Q2', '2023-24-Q3', '2023-24-Q4', '2024-25-Q1', '2024-25-Q2', '2024-25-Q3',
    ]);
    const byCohort = (c: string): IndicatorRecord => headline.find((r) => r.breakdown.cohort === c)!;
    expect(byCohort('2023-24-Q1').status).toBe('complete'); // 30 Jun 2023 → 31 Dec 2024: 18 months
    expect(byCohort('2023-24-Q1').months_elapsed).toBeUndefined();
    expect(byCohort('2023-24-Q3').status).toBe('provisional'); // 12 months
    expect([byCohort('2023-24-Q4').status, byCohort('2023-24-Q4').months_elapsed]).toEqual(['in_progress', 9]);
    expect([byCohort('2024-25-Q3').status, byCohort('2024-25-Q3').months_elapsed]).toEqual(['in_progress', 0]);
  });

  it('leaves out the cohorts before the quarter of the history\'s first outcome, which the extract cannot hold (issue 9)', async () => {
    // First outcome 15 Nov 2023, in 2023-24-Q3: cohorts 2021-22-Q4 to 2023-24-Q2 (8 quarters) are before the data.
    const { records, notes } = await compute({
      children: [child('A')], offences: [offence('A', '2023-11-01', '2023-11-15', 'YC')],
    }, '2024-25-Q3');
    const cohorts = [...new Set(records.map((r) => r.breakdown.cohort))];
    expect(cohorts).toEqual(['2023-24-Q3', '2023-24-Q4', '2024-25-Q1', '2024-25-Q2', '2024-25-Q3']);
    // The cohort of A's caution is there with its one child, not an empty cohort.
    const a = pick(records, 'reoffending.binary', { cohort: '2023-24-Q3' });
    expect([a.numerator, a.denominator]).toEqual([0, 1]);
    expect(notes).toEqual([{
      indicator: 'reoffending', severity: 'warning',
      message: 'noteCohortsBeforeHistory', params: { first: { kind: 'date', iso: '2023-11-15' }, from: { kind: 'periods', codes: ['2021-22-Q4'], as: 'quarters' }, to: { kind: 'periods', codes: ['2023-24-Q2'], as: 'quarters' } },
    }]);
  });

  it('computes the three measures and their intervals for 6 reoffenders of 34 (worked by hand)', async () => {
    // 34 children aged 15, each given a YC on 10 May 2023 (cohort 2023-24-Q1, complete by 2024-25-Q3).
    // c0–c19 male, c20–c33 female; c0–c9 White British, c10–c14 Black Caribbean, the rest not known.
    // Reoffenders: c0, c1, c2 once each; c3, c20, c21 twice each → 6 reoffenders, 3 + 6 = 9 reoffences.
    const ids = Array.from({ length: 34 }, (_, i) => `c${i}`);
    const children = ids.map((id, i) => child(id, '2008-01-01', {
      sex: i < 20 ? 'M' : 'F', ethnicity: i < 10 ? 'WBRI' : i < 15 ? 'BCRB' : null,
    }));
    const offences = ids.map((id) => offence(id, '2023-05-01', '2023-05-10', 'YC'));
    for (const id of ['c0', 'c1', 'c2']) offences.push(offence(id, '2023-08-01', '2023-09-01', 'RO'));
    for (const id of ['c3', 'c20', 'c21']) {
      offences.push(offence(id, '2023-08-01', '2023-09-01', 'RO'), offence(id, '2023-08-02', '2023-09-01', 'RO'));
    }
    const { records } = await compute({ children, offences }, '2024-25-Q3');
    const cohort = '2023-24-Q1';

    // Wilson, x = 6, n = 34, z = 1.959964, z² = 3.841459, p = 6/34 = 0.1764706
    //   denominator 1 + z²/n = 1.1129841
    //   centre (p + z²/2n) / 1.1129841 = (0.1764706 + 0.0564920) / 1.1129841 = 0.2093135
    //   half-width z·√(p(1−p)/n + z²/4n²) / 1.1129841 = 1.959964 × √(0.0042744 + 0.0008308) / 1.1129841
    //            = 1.959964 × 0.0714503 / 1.1129841 = 0.1258238
    //   → 0.0834897 to 0.3351373, i.e. 8.349% to 33.514%; value 600/34 = 17.647%
    const binary = pick(records, 'reoffending.binary', { cohort });
    expect([binary.numerator, binary.denominator, binary.unit, binary.status]).toEqual([6, 34, '%', 'complete']);
    expect(binary.value).toBeCloseTo(17.647, 3);
    expect(binary.lower).toBeCloseTo(8.349, 3);
    expect(binary.upper).toBeCloseTo(33.514, 3);

    // Exact Poisson for 9 events (< 10): lower qchisq(0.025, 18)/2 = 8.230746/2 = 4.115373,
    // upper qchisq(0.975, 20)/2 = 34.169607/2 = 17.084803.
    // Per reoffender 9/6 = 1.5, interval 4.115373/6 = 0.685896 to 17.084803/6 = 2.847467.
    const perReoffender = pick(records, 'reoffending.per_reoffender', { cohort });
    expect([perReoffender.numerator, perReoffender.denominator, perReoffender.value, perReoffender.unit]).toEqual([9, 6, 1.5, 'per child']);
    expect(perReoffender.lower).toBeCloseTo(0.685896, 4);
    expect(perReoffender.upper).toBeCloseTo(2.847467, 4);
    // Per offender 9/34 = 0.264706, interval 4.115373/34 = 0.121040 to 17.084803/34 = 0.502494.
    const perOffender = pick(records, 'reoffending.per_offender', { cohort });
    expect([perOffender.numerator, perOffender.denominator, perOffender.unit]).toEqual([9, 34, 'per child']);
    expect(perOffender.value).toBeCloseTo(0.264706, 5);
    expect(perOffender.lower).toBeCloseTo(0.121040, 4);
    expect(perOffender.upper).toBeCloseTo(0.502494, 4);

    // Breakdowns: males c0–c3 reoffended (4 of 20 = 20%), females c20, c21 (2 of 14); no U.
    const male = pick(records, 'reoffending.binary', { cohort, sex: 'M' });
    expect([male.numerator, male.denominator, male.value]).toEqual([4, 20, 20]);
    expect([pick(records, 'reoffending.binary', { cohort, sex: 'F' }).numerator,
      pick(records, 'reoffending.binary', { cohort, sex: 'F' }).denominator]).toEqual([2, 14]);
    expect(pick(records, 'reoffending.binary', { cohort, sex: 'U' }).value).toBeNull();
    // White c0–c9: c0–c3 → 4 of 10 = 40%; Black c10–c14: 0 of 5 = 0%; Not known c15–c33: c20, c21 → 2 of 19.
    const white = pick(records, 'reoffending.binary', { cohort, ethnic_group: 'White' });
    expect([white.numerator, white.denominator, white.value]).toEqual([4, 10, 40]);
    const black = pick(records, 'reoffending.binary', { cohort, ethnic_group: 'Black' });
    expect([black.numerator, black.denominator, black.value, black.lower]).toEqual([0, 5, 0, 0]);
    const blackPerReoffender = pick(records, 'reoffending.per_reoffender', { cohort, ethnic_group: 'Black' });
    expect([blackPerReoffender.numerator, blackPerReoffender.denominator, blackPerReoffender.value]).toEqual([0, 0, null]);
    const notKnown = pick(records, 'reoffending.binary', { cohort, ethnic_group: 'Not known' });
    expect([notKnown.numerator, notKnown.denominator]).toEqual([2, 19]);
    expect(pick(records, 'reoffending.binary', { cohort, ethnic_group: 'Asian' }).denominator).toBe(0);
    // All YCs at age 15: out-of-court 34, court 0; age band 15–17 34, 10–14 0.
    expect(pick(records, 'reoffending.binary', { cohort, index_type: 'out_of_court' }).denominator).toBe(34);
    expect(pick(records, 'reoffending.binary', { cohort, index_type: 'court' }).value).toBeNull();
    expect(pick(records, 'reoffending.binary', { cohort, age_band: '15-17' }).denominator).toBe(34);
    expect(pick(records, 'reoffending.binary', { cohort, age_band: '10-14' }).denominator).toBe(0);
  });
});
