import { afterEach, describe, expect, it } from 'vitest';
import { computeEte } from '../../../pipeline/compute/indicators/ete.js';
import { DEFAULT_SETTINGS } from '../../../pipeline/compute/context.js';
import type { IndicatorRecord } from '../../../pipeline/compute/record.js';
import { parsePeriod } from '../../../pipeline/period.js';
import { messages } from '../../../pipeline/messages.js';
import type { Store } from '../../../pipeline/store/db.js';
import { fixtureStore, type Fixture, type InterventionFixture } from '../../helpers/fixture-store.js';

// Run for 2024-25-Q2 (July–September 2024).
const P = '2024-25-Q2';
const ctx = { period: parsePeriod(P), settings: DEFAULT_SETTINGS };

let store: Store | null = null;
afterEach(() => { store?.close(); store = null; });

async function run(f: Fixture): Promise<IndicatorRecord[]> {
  store = await fixtureStore(f);
  return (await computeEte(store, ctx)).records;
}

function at(records: IndicatorRecord[], id: string, period = P): IndicatorRecord | undefined {
  return records.find((r) => r.id === id && r.period === period);
}

const ended = (id: string, child: string, endDate: string, type = 'RO'): InterventionFixture =>
  ({ intervention_id: id, child_id: child, type, start_date: '2024-01-01', end_date: endDate });

// Aged 14 in August 2024: of school age (threshold 25 hours).
const SCHOOL = '2010-01-01';
// Aged 18 in August 2024: above school age (threshold 16 hours).
const ADULT = '2006-05-01';

describe('ETE at the end of the intervention (KPI 2)', () => {
  it('adds up the placements covering the end date, ignores one that ended the day before, and counts no placement as not met', async () => {
    const records = await run({
      children: [
        { child_id: 'TWO', date_of_birth: SCHOOL }, { child_id: 'GONE', date_of_birth: SCHOOL }, { child_id: 'NONE', date_of_birth: SCHOOL },
      ],
      interventions: [ended('I1', 'TWO', '2024-08-15'), ended('I2', 'GONE', '2024-08-15'), ended('I3', 'NONE', '2024-08-15')],
      ete: [
        // TWO: school 15 h (open) + alternative provision 10 h ending on 15 August itself (so still
        // covering it) → 25 h → met.
        { child_id: 'TWO', start_date: '2024-01-01', provision: 'SCHOOL_PART_TIME', hours_offered: 15 },
        { child_id: 'TWO', start_date: '2024-06-01', end_date: '2024-08-15', provision: 'ALTERNATIVE_PROVISION', hours_offered: 10 },
        // GONE: 30 h ending 14 August, the day before → 0 h → not met, not suitable.
        { child_id: 'GONE', start_date: '2024-01-01', end_date: '2024-08-14', hours_offered: 30 },
        // NONE: no placement at all → not met, not suitable.
      ],
    });
    // School age: 1 of 3 met. Wilson for 1/3 (z = 1.959964, z² = 3.841459):
    //   (2 + 3.841459 ∓ z·√(3.841459 + 4·1·(1 − 1/3))) / (2·(3 + 3.841459))
    //   = (5.841459 ∓ 1.959964 × 2.551103) / 13.682918 = (5.841459 ∓ 5.000070) / 13.682918
    //   → 0.061492 and 0.792340; in percent 6.1492 and 79.2340.
    const school = at(records, 'ete.school_age');
    expect(school).toMatchObject({ numerator: 1, denominator: 3, unit: '%' });
    expect(school?.value).toBeCloseTo(100 / 3, 10);
    expect(school?.lower).toBeCloseTo(6.1492, 3);
    expect(school?.upper).toBeCloseTo(79.234, 3);
    // Nobody above school age: 0 of 0 → no value.
    expect(at(records, 'ete.over_school_age')).toMatchObject({ numerator: 0, denominator: 0, value: null, lower: null, upper: null });
    expect(at(records, 'ete.overall')).toMatchObject({ numerator: 1, denominator: 3 });
    // TWO's placements are both SUITABLE (the fixture default); GONE and NONE have none covering → 1 of 3.
    expect(at(records, 'ete.suitable_end')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('uses 16 hours above school age, and counts UNKNOWN suitability as unsuitable', async () => {
    const records = await run({
      children: [{ child_id: 'A', date_of_birth: ADULT }, { child_id: 'B', date_of_birth: ADULT }],
      interventions: [ended('I1', 'A', '2024-07-20'), ended('I2', 'B', '2024-07-20')],
      ete: [
        // A: 16 h, suitability unknown → met (≥ 16) but not suitable.
        { child_id: 'A', start_date: '2024-02-01', provision: 'COLLEGE', suitability: 'UNKNOWN', hours_offered: 16 },
        // B: 15 h suitable, plus an unsuitable 5 h → 20 h, met; one record unsuitable → not suitable.
        { child_id: 'B', start_date: '2024-02-01', provision: 'TRAINING', hours_offered: 15 },
        { child_id: 'B', start_date: '2024-03-01', provision: 'EMPLOYMENT', suitability: 'UNSUITABLE', hours_offered: 5 },
      ],
    });
    expect(at(records, 'ete.over_school_age')).toMatchObject({ numerator: 2, denominator: 2 });
    expect(at(records, 'ete.school_age')).toMatchObject({ numerator: 0, denominator: 0, value: null });
    expect(at(records, 'ete.suitable_end')).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
  });

  it('applies the school-leaving date: born 31 August left in June 2024, born 1 September stays until June 2025', async () => {
    // Intervention ends 15 August 2024 with 20 hours: enough above school age (16), not at school age (25).
    // Born 31 August 2008: 16 on 31 August 2024, in school year 2023-24 → left on Friday 28 June 2024 → above school age → met.
    // Born 1 September 2008: 16 on 1 September 2024, in school year 2024-25 → of school age until 27 June 2025 → not met.
    const records = await run({
      children: [{ child_id: 'AUG', date_of_birth: '2008-08-31' }, { child_id: 'SEP', date_of_birth: '2008-09-01' }],
      interventions: [ended('I1', 'AUG', '2024-08-15'), ended('I2', 'SEP', '2024-08-15')],
      ete: [
        { child_id: 'AUG', start_date: '2024-01-01', hours_offered: 20 },
        { child_id: 'SEP', start_date: '2024-01-01', hours_offered: 20 },
      ],
    });
    expect(at(records, 'ete.over_school_age')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(at(records, 'ete.school_age')).toMatchObject({ numerator: 0, denominator: 1 });
    expect(at(records, 'ete.overall')).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('counts a child once per quarter, at the most serious of two interventions ending in it', async () => {
    const records = await run({
      children: [{ child_id: 'C1', date_of_birth: SCHOOL }],
      interventions: [ended('I1', 'C1', '2024-07-10', 'YC'), ended('I2', 'C1', '2024-09-20', 'YRO')],
      // Only the later end date (20 September) is covered: 30 h from 1 September.
      ete: [{ child_id: 'C1', start_date: '2024-09-01', hours_offered: 30 }],
    });
    // Once, at the YRO's end on 20 September → 1 of 1 met (at the YC's 10 July it would have been 0 h).
    expect(at(records, 'ete.school_age')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });

  it('ignores interventions ending after the period, and includes releases from custody', async () => {
    const records = await run({
      children: [{ child_id: 'LATE', date_of_birth: SCHOOL }, { child_id: 'REL', date_of_birth: SCHOOL }],
      interventions: [
        // Ends 2 October 2024, after P: treated as open → not in P.
        ended('I1', 'LATE', '2024-10-02'),
        // Released from custody on 1 September 2024 → counted.
        { intervention_id: 'I2', child_id: 'REL', type: 'CUSTODY', start_date: '2024-03-01', end_date: '2024-09-01' },
      ],
      ete: [{ child_id: 'REL', start_date: '2024-09-01', hours_offered: 25 }],
    });
    expect(at(records, 'ete.overall')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('reports each quarter from the later of the first intervention and the first placement on; [x] without either', async () => {
    const records = await run({
      children: [{ child_id: 'C1', date_of_birth: SCHOOL }],
      // Started 1 January 2024 (2023-24-Q4), ended 15 August 2024 (2024-25-Q2); first placement April 2024 (2024-25-Q1).
      interventions: [ended('I1', 'C1', '2024-08-15')],
      ete: [{ child_id: 'C1', start_date: '2024-04-02', hours_offered: 30 }],
    });
    expect([...new Set(records.map((r) => r.period))]).toEqual(['2024-25-Q1', P]);
    // Per quarter: 10 measures × (headline + 6 order types + 6 ethnic groups + 3 sexes + 2 age bands = 18).
    expect(records).toHaveLength(2 * 10 * 18);
    store?.close();
    store = await fixtureStore({ children: [{ child_id: 'C1', date_of_birth: SCHOOL }], ete: [{ child_id: 'C1', start_date: '2024-04-02' }] });
    const noInterventions = await computeEte(store, ctx);
    expect(noInterventions.records).toHaveLength(10);
    expect(noInterventions.records.every((r) => r.status === 'not_available' && r.value === null && r.period === P && r.reason)).toBe(true);
    expect(noInterventions.records[0]?.reason).toBe(messages.noteKpiNoInterventions.text({ period: P, kpi: 'KPI 2 (ETE)' }));
    store.close();
    store = await fixtureStore({ children: [{ child_id: 'C1', date_of_birth: SCHOOL }], interventions: [ended('I1', 'C1', '2024-08-15')] });
    const noEte = await computeEte(store, ctx);
    expect(noEte.records.map((r) => [r.id, r.value, r.status])).toContainEqual(['ete.overall', null, 'not_available']);
    expect(noEte.records[0]?.reason).toBe(messages.noteKpiFileAbsent.text({ file: 'ete.csv', period: P, kpi: 'KPI 2 (ETE)' }));
    expect(noEte.notes).toHaveLength(1);
  });

  it('judges suitability by the placement that started latest (a tie: SUITABLE wins), at the start and at the end, and counts children with no record', async () => {
    const records = await run({
      children: [
        { child_id: 'LATEST', date_of_birth: SCHOOL }, { child_id: 'TIE', date_of_birth: SCHOOL }, { child_id: 'GAP', date_of_birth: SCHOOL },
      ],
      interventions: [
        { intervention_id: 'I1', child_id: 'LATEST', type: 'RO', start_date: '2024-03-01', end_date: '2024-08-15' },
        { intervention_id: 'I2', child_id: 'TIE', type: 'YRO', start_date: '2024-03-01', end_date: '2024-08-15' },
        { intervention_id: 'I3', child_id: 'GAP', type: 'RO', start_date: '2024-03-01', end_date: '2024-08-15' },
      ],
      ete: [
        // LATEST: suitable school from January (covers S and E), unsuitable AP from 1 June (covers E only)
        // → suitable at S, not suitable at E (the latest start wins).
        { child_id: 'LATEST', start_date: '2024-01-01', provision: 'SCHOOL_FULL_TIME', hours_offered: 25 },
        { child_id: 'LATEST', start_date: '2024-06-01', provision: 'ALTERNATIVE_PROVISION', suitability: 'UNSUITABLE', hours_offered: 5 },
        // TIE: two placements starting the same day, one UNKNOWN, one SUITABLE → suitable at S and E.
        { child_id: 'TIE', start_date: '2024-02-01', provision: 'PRU', suitability: 'UNKNOWN', hours_offered: 10 },
        { child_id: 'TIE', start_date: '2024-02-01', provision: 'SCHOOL_PART_TIME', hours_offered: 10 },
        // GAP: a placement ending the day before the order ends → recorded at S, not recorded at E.
        { child_id: 'GAP', start_date: '2024-01-01', end_date: '2024-08-14', hours_offered: 30 },
      ],
    });
    expect(at(records, 'ete.suitable_end')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(at(records, 'ete.suitable_start')).toMatchObject({ numerator: 3, denominator: 3 });
    expect(at(records, 'ete.not_recorded')).toMatchObject({ numerator: 1, value: 1, unit: 'count' });
    expect(at(records, 'ete.not_recorded_start')).toMatchObject({ numerator: 0, value: 0 });
    // Hours add up: LATEST 25 + 5 = 30 at E (met), 25 at S (met); TIE 20 (not met); GAP 0 at E, 30 at S.
    expect(at(records, 'ete.overall')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(at(records, 'ete.overall_start')).toMatchObject({ numerator: 2, denominator: 3 });
    // Split by order type: the YRO child (TIE) alone, the two RO children together.
    const byType = (id: string, type: string) => records.find((r) => r.id === id && r.period === P && r.breakdown.order_type === type);
    expect(byType('ete.suitable_end', 'YRO')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(byType('ete.suitable_end', 'RO')).toMatchObject({ numerator: 0, denominator: 2 });
    expect(byType('ete.suitable_end', 'CUSTODY')).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });
});
