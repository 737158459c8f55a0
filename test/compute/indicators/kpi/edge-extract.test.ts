/**
 * The KPI rules at their edges, on an extract on disk (test/fixtures/extracts/kpi-edges) loaded through the
 * whole load-validate-compute path, so codes given as labels or in any case, UK dates and Y/N words are read
 * as the KPIs need them. Each figure is worked out by hand below. Period 2024-25-Q2 (July–September 2024).
 *
 * Unless said, a child is born 1 January 2010 (14, of school age) with an RO from 1 March 2024 (S) to
 * 15 August 2024 (E).
 *
 * The population of P (n = 14):
 * - E01: a YRO 1 Feb–1 Aug ("Youth Rehabilitation Order"), an RO ending 20 Sep ("ro", less serious although
 *   ending later) and a YRO 01/03/2024–01/08/2024 ("yro", UK dates): the two YROs end the same day, so the one
 *   starting last decides: S = 1 March, E = 1 August;
 * - E02: born 1 March 2014, an OOCD starting on her 10th birthday: in; E03, born a day later, 9 at the start:
 *   out; E04, 18 on the start day: out; E05, resident_in_area "no": out; E06, "Yes": in;
 * - E08–E18 (E17 a YC, with an OOCD ending too; E18 an OOCD given by its label).
 * E23 and E24 end in Q1 (the quarter before P), and E19–E22 have only offences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeKpiRecords } from '../../../../pipeline/compute/indicators/kpi/index.js';
import type { IndicatorRecord } from '../../../../pipeline/compute/record.js';
import { loadExtract } from '../../../../pipeline/load/index.js';
import { openStore, type Store } from '../../../../pipeline/store/db.js';
import { P, ctx, find } from './kpi-fixture.js';
import { NOW } from '../../../load/extract-dir.js';

const EDGE_EXTRACT = 'test/fixtures/extracts/kpi-edges';
const Q1 = '2024-25-Q1';

let store: Store;
let records: IndicatorRecord[];
beforeAll(async () => {
  store = await openStore(null);
  await loadExtract(store, EDGE_EXTRACT, { mode: 'full', loadedAt: NOW });
  records = (await computeKpiRecords(store, ctx)).records;
});
afterAll(() => store.close());

const N = 14;
const pct = (x: number, n: number) => (x / n) * 100;
const figures = (id: string, breakdown: Record<string, string> = {}, period = P) => {
  const r = find(records, id, breakdown, period);
  return [r?.numerator, r?.denominator];
};

describe('the KPI rules at their edges', () => {
  it('population: the most serious type, then the one ending last, then starting last; 10 to 17 at the start; residents only', () => {
    expect(figures('kpi.wider_services.any')).toEqual([2, N]);
    // Order types: YRO E01; OOCD E02, E18; YC E17; RO the other 10.
    expect(figures('kpi.wider_services.any', { order_type: 'YRO' })[1]).toBe(1);
    expect(figures('kpi.wider_services.any', { order_type: 'OOCD' })[1]).toBe(2);
    expect(figures('kpi.wider_services.any', { order_type: 'YC' })[1]).toBe(1);
    expect(figures('kpi.wider_services.any', { order_type: 'RO' })[1]).toBe(10);
    // Labels and case: E02's "White British" is White, E06's "black african" Black and "male" M; E11, E12, E02 are F.
    expect(figures('kpi.wider_services.any', { ethnic_group: 'Black' })[1]).toBe(1);
    expect(figures('kpi.wider_services.any', { ethnic_group: 'White' })[1]).toBe(13);
    expect(figures('kpi.wider_services.any', { sex: 'F' })[1]).toBe(3);
  });

  it('KPI 1: a record ending the day before E does not cover it; the latest start wins; on a tie, the suitable one', () => {
    // E01: a record on 1 March only: suitable at S (so S is the YRO starting last), nothing at E.
    // E08: suitable until 14 August: suitable at S, not recorded at E.
    // E09: family (suitable) since 2023, then a B&B judged unsuitable ("no") from 1 June: suitable at S, not at E.
    // E10: two records starting on E, "N" and "TRUE": suitable at E; nothing at S.
    // End: E10 → 1 of 14; not recorded: 14 − E09 − E10 = 12. Start: E01, E08, E09 → 3 of 14; not recorded 11.
    expect(figures('kpi.accommodation.end')).toEqual([1, N]);
    expect(find(records, 'kpi.accommodation.end')?.value).toBeCloseTo(pct(1, N), 10);
    expect(figures('kpi.accommodation.not_recorded')).toEqual([12, null]);
    expect(figures('kpi.accommodation.start')).toEqual([3, N]);
    expect(figures('kpi.accommodation.not_recorded_start')).toEqual([11, null]);
    expect(figures('kpi.accommodation.start', { order_type: 'YRO' })).toEqual([1, 1]);
  });

  it('KPI 2: the same status rule for placements, with a blank suitability (unknown) on the latest one; hours of every covering placement', () => {
    // E08: 25 h until 14 August: met and suitable at S; nothing at E.
    // E09: 15 h suitable since 2023 and 10 h of alternative provision with a blank suitability from 1 June:
    //   at E 25 h (met) and the latest placement decides: unknown, so not suitable; at S 15 h (not met), suitable.
    // E10: 20 h "unsuitable" and 5 h "Suitable", both starting on E: 25 h met, suitable (a tie); nothing at S.
    expect(figures('ete.school_age')).toEqual([2, N]); // E09, E10
    expect(figures('ete.over_school_age')).toEqual([0, 0]);
    expect(figures('ete.suitable_end')).toEqual([1, N]); // E10
    expect(figures('ete.not_recorded')).toEqual([12, null]);
    expect(figures('ete.school_age_start')).toEqual([1, N]); // E08
    expect(figures('ete.suitable_start')).toEqual([2, N]); // E08, E09
    expect(figures('ete.not_recorded_start')).toEqual([12, null]);
  });

  it('KPI 2: a child is of school age on the school-leaving Friday itself, and above it the day after', () => {
    // E23 and E24, born 31 August 2008, turn 16 in school year 2023-24: school age until Friday 28 June 2024.
    // E23's YRO ends on that Friday (school age, 20 h < 25: not met); E24's on Saturday 29 June (above, 20 h ≥ 16: met).
    expect(figures('ete.school_age', {}, Q1)).toEqual([0, 1]);
    expect(figures('ete.over_school_age', {}, Q1)).toEqual([1, 1]);
    expect(figures('ete.overall', {}, Q1)).toEqual([1, 2]);
  });

  it('KPIs 3–5: S − 12 months from 29 February is 28 February; an offer the day before S does not count', () => {
    // E11 and E12: RO from 29 February 2024 ("29/02/2024" for E12), so needs count from 28 February 2023.
    // E11's SEND (by its label) on 28 February 2023 with a plan ("Yes") counts; E12's on 27 February does not.
    expect(figures('kpi.send.plan')).toEqual([1, 1]);
    // E13: a mental-health need (label, lower case), offered on 29 February, the day before S, "attended": need only.
    // E14: offered on E and attended ("1").
    expect(figures('kpi.mental_health.need')).toEqual([2, N]);
    expect(figures('kpi.mental_health.offered')).toEqual([1, 2]);
    expect(figures('kpi.mental_health.attended')).toEqual([1, 1]);
    expect(figures('kpi.substance_misuse.need')).toEqual([0, N]);
  });

  it('KPI 7: an episode ending on S or starting on E overlaps the order; one starting the day after E does not', () => {
    // E15 "Looked after" ending on S; E13 "cin" starting on E; E16 "early_help" from 16 August.
    expect(figures('kpi.wider_services.lac')).toEqual([1, N]);
    expect(figures('kpi.wider_services.cin')).toEqual([1, N]);
    expect(figures('kpi.wider_services.early_help')).toEqual([0, N]);
    expect(figures('kpi.wider_services.any')).toEqual([2, N]);
  });

  it('KPI 6: completed if any out-of-court intervention ending in the quarter was; blank is not; 10 to 17 at its start', () => {
    // E02 OOCD "Y"; E17 YC "no" and OOCD "true" → completed, as YC; E18 blank → not. E03 (9 at the start) is left out.
    expect(figures('kpi.oocd.completed')).toEqual([2, 3]);
    expect(figures('kpi.oocd.completed', { order_type: 'YC' })).toEqual([1, 1]);
    expect(figures('kpi.oocd.completed', { order_type: 'OOCD' })).toEqual([1, 2]);
  });

  it('KPI 8: three meetings need two senior attendances; codes by label and in any case; a missing row is an absence', () => {
    // Police: senior at 2 of 3 → counts; social care ("Children's social care", "social_care"): 1 → no;
    // health: attended all three, senior once → no; education: senior at 2 ("Yes", "1"), no row for 13 August → counts;
    // probation: no rows. Data shared at every meeting attended: police (2 of 2), social care (1 of 1);
    // health shared 2 of 3, education 1 of 2 ("0").
    expect(figures('kpi.board_attendance.sectors')).toEqual([2, 5]);
    expect(figures('kpi.board_attendance.data_shared')).toEqual([2, 5]);
    expect(find(records, 'kpi.board_attendance.sectors', { sector: 'EDUCATION' })).toMatchObject({ numerator: 2, denominator: 3, value: 1 });
    expect(find(records, 'kpi.board_attendance.data_shared', { sector: 'HEALTH' })).toMatchObject({ numerator: 2, denominator: 3, value: 0 });
  });

  it('KPI 9: gravity 5 not 4, the three categories by label, substantive outcomes dated in the quarter, 10 to 17 at the offence', () => {
    // E19: O1 violence g5 "Youth Caution" and O2 "Drugs" g7 "YRO with Intensive Supervision and Surveillance" count;
    //   O3 violence g4 does not. E20: O4 "robbery" g6 "referral order" counts; O5 g5 "cr" does not; O6's outcome on
    //   30 June is Q1. E21 (out of area): O7 g8 "dto" on 30 September counts. E22 was 18 at O8.
    expect(figures('kpi.serious_violence.offences')).toEqual([4, null]);
    expect(figures('kpi.serious_violence.children')).toEqual([3, null]);
    expect(figures('kpi.serious_violence.children', { ethnic_group: 'Mixed' })).toEqual([1, null]);
    // 3 children per 15,000 aged 10–17 (mid-2024) = 2 per 10,000.
    expect(find(records, 'kpi.serious_violence.rate')?.value).toBeCloseTo((3 / 15_000) * 10_000, 10);
    expect(figures('kpi.serious_violence.offences', {}, Q1)).toEqual([1, null]);
  });

  it('KPI 10: victims identified from 1 July to 30 September; contact and restorative justice out of those consenting', () => {
    // V1 (1 July, consent "yes", contacted "TRUE"), V2 (30 September, consent, engaged), V5 (1 August, no consent:
    // its contact and engagement are left out). V3 (30 June) and V4 (1 October) are other quarters.
    expect(figures('kpi.victims.engaged_rj')).toEqual([1, 2]);
    expect(figures('kpi.victims.contacted')).toEqual([1, 2]);
    expect(figures('kpi.victims.views_considered')).toEqual([2, 3]); // V1 ("1"), V5; V2 "no"
  });
});
