import { afterEach, describe, expect, it } from 'vitest';
import { computeProfile, computeYdaRemands, type ProfileTable } from '../../pipeline/compute/profile.js';
import { DEFAULT_SETTINGS } from '../../pipeline/compute/context.js';
import { parsePeriod } from '../../pipeline/period.js';
import type { Store } from '../../pipeline/store/db.js';
import { fixtureStore } from '../helpers/fixture-store.js';

// P = 2024-25-Q3: the year to P is 1 January to 31 December 2024.
const ctx = { period: parsePeriod('2024-25-Q3'), settings: DEFAULT_SETTINGS };

let store: Store | null = null;
afterEach(() => { store?.close(); store = null; });

const fixture = {
  children: [
    { child_id: 'A', date_of_birth: '2008-06-15', sex: 'M', ethnicity: 'WBRI' },
    { child_id: 'B', date_of_birth: '2010-01-01', sex: 'F', ethnicity: 'BCRB' },
    { child_id: 'C', date_of_birth: '2007-12-31', sex: 'M', ethnicity: null },
    { child_id: 'D', date_of_birth: '2009-05-05', sex: 'M', ethnicity: 'WBRI' },
    { child_id: 'E', date_of_birth: '2011-03-03', sex: 'F', ethnicity: 'MWBC' },
    { child_id: 'F', date_of_birth: '2013-07-01', sex: 'M', ethnicity: 'AIND' },
  ],
  offences: [
    // A: first outcome CR on 10 Apr for an offence on 1 Mar (age 15: 2024 − 2008 = 16, birthday 15 Jun not yet reached);
    // most serious offence robbery (gravity 5); most severe tier community (YRO).
    { offence_id: 'o1', child_id: 'A', offence_date: '2024-03-01', outcome_date: '2024-04-10', outcome: 'CR', gravity: 2, offence_category: 'THEFT_AND_HANDLING' },
    { offence_id: 'o2', child_id: 'A', offence_date: '2024-07-01', outcome_date: '2024-09-01', outcome: 'YRO', gravity: 5, offence_category: 'ROBBERY' },
    // B: a youth caution in January for an offence in November 2023 (age 13: birthday 1 January not yet reached on 20 Nov).
    { offence_id: 'o3', child_id: 'B', offence_date: '2023-11-20', outcome_date: '2024-01-05', outcome: 'YC', gravity: 3, offence_category: 'VIOLENCE_AGAINST_THE_PERSON' },
    // C: two offences sentenced together with equal gravity: the lower offence id (o4, robbery) is the one shown;
    // age 16 (2024 − 2007 = 17, birthday 31 Dec not reached on 1 Feb); tier custody (DTO).
    { offence_id: 'o4', child_id: 'C', offence_date: '2024-02-01', outcome_date: '2024-05-01', outcome: 'DTO', gravity: 6, offence_category: 'ROBBERY' },
    { offence_id: 'o5', child_id: 'C', offence_date: '2024-02-01', outcome_date: '2024-05-01', outcome: 'FINE', gravity: 6, offence_category: 'DRUGS' },
    // D: not proven in the year, and a referral order before it: not a child with an outcome in the year.
    { offence_id: 'o6', child_id: 'D', offence_date: '2024-05-01', outcome_date: '2024-06-01', outcome: 'NFA' },
    { offence_id: 'o7', child_id: 'D', offence_date: '2023-10-01', outcome_date: '2023-12-31', outcome: 'RO' },
    // E: outcome after the period ends.
    { offence_id: 'o8', child_id: 'E', offence_date: '2024-12-31', outcome_date: '2025-01-02', outcome: 'YC' },
    // F: Outcome 22 on the last day of the year (age 11); theft and handling (the fixture's default category).
    { offence_id: 'o9', child_id: 'F', offence_date: '2024-08-01', outcome_date: '2024-12-31', outcome: 'OUTCOME_22' },
  ],
};

const rowsOf = (tables: ProfileTable[], dimension: ProfileTable['dimension']) =>
  tables.find((t) => t.dimension === dimension)?.rows.map((r) => [r.label, r.children]);

describe('computeProfile', () => {
  it('counts each child with a proven outcome in the year once in every table', async () => {
    store = await fixtureStore(fixture);
    const tables = await computeProfile(store, ctx);
    // A, B, C and F: 4 children; D (not proven / before the year) and E (after P) are out.
    expect(tables.map((t) => [t.dimension, t.total, t.period])).toEqual([
      ['sex', 4, '2024-25-Q3'], ['age', 4, '2024-25-Q3'], ['ethnic_group', 4, '2024-25-Q3'],
      ['offence_type', 4, '2024-25-Q3'], ['outcome_tier', 4, '2024-25-Q3'],
    ]);
    for (const t of tables) expect(t.rows.reduce((n, r) => n + r.children, 0)).toBe(4);
  });

  it('describes sex, age, ethnic group, most serious offence and most severe tier', async () => {
    store = await fixtureStore(fixture);
    const tables = await computeProfile(store, ctx);
    // Boys A, C, F; girl B.
    expect(rowsOf(tables, 'sex')).toEqual([['Male', 3], ['Female', 1], ['Unknown', 0]]);
    // F 11, B 13, A 15, C 16.
    expect(rowsOf(tables, 'age')).toEqual([
      ['10', 0], ['11', 1], ['12', 0], ['13', 1], ['14', 0], ['15', 1], ['16', 1], ['17', 0],
    ]);
    // F Asian, B Black, A White, C not known.
    expect(rowsOf(tables, 'ethnic_group')).toEqual([
      ['Asian', 1], ['Black', 1], ['Mixed', 0], ['Other', 0], ['White', 1], ['Not known', 1],
    ]);
    // Robbery: A (o2) and C (o4); theft (F) and violence (B) once each, alphabetically after the larger count.
    expect(rowsOf(tables, 'offence_type')).toEqual([
      ['Robbery', 2], ['Theft and handling', 1], ['Violence against the person', 1],
    ]);
    // F Outcome 22, B youth caution, A community (YRO over CR), C custody.
    expect(rowsOf(tables, 'outcome_tier')).toEqual([
      ['Community resolution or diversion', 1], ['Youth or conditional caution', 1],
      ['First-tier court sentence', 0], ['Community sentence', 1], ['Custodial sentence', 1],
    ]);
  });

  it('gives no tables when no child had a proven outcome in the year', async () => {
    store = await fixtureStore({ children: fixture.children.slice(3, 4), offences: fixture.offences.slice(5, 7) });
    expect(await computeProfile(store, ctx)).toEqual([]);
  });
});

describe('computeYdaRemands', () => {
  const remands = [
    { remand_id: 'r1', child_id: 'A', decision_date: '2024-02-01', remand_type: 'YDA' },
    { remand_id: 'r2', child_id: 'A', decision_date: '2024-03-01', remand_type: 'YDA' },
    { remand_id: 'r3', child_id: 'B', decision_date: '2024-05-01', remand_type: 'CONDITIONAL_BAIL' },
    { remand_id: 'r4', child_id: 'C', decision_date: '2023-06-01', remand_type: 'YDA' },
    { remand_id: 'r5', child_id: 'C', decision_date: '2025-01-10', remand_type: 'YDA' },
  ];

  it('counts decisions, children remanded and children with any decision in the year to each quarter', async () => {
    store = await fixtureStore({ children: fixture.children, remands });
    const years = await computeYdaRemands(store, ctx);
    expect(years).toHaveLength(12);
    expect(years[0]?.period).toBe('2021-22-Q4');
    // Year to December 2024: r1 and r2 (child A) to YDA; A and B had decisions; r5 is after P.
    expect(years[11]).toEqual({ period: '2024-25-Q3', decisions: 2, children: 1, childrenWithDecision: 2 });
    // Year to March 2024 (April 2023 to March 2024): r4 (C), r1 and r2 (A).
    expect(years[8]).toEqual({ period: '2023-24-Q4', decisions: 3, children: 2, childrenWithDecision: 2 });
  });

  it('gives nothing when there are no remand decisions up to P', async () => {
    store = await fixtureStore({ children: fixture.children, remands: remands.slice(4) });
    expect(await computeYdaRemands(store, ctx)).toEqual([]);
  });
});
