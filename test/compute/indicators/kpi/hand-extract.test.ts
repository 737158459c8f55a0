/**
 * Every KPI on one small extract on disk (test/fixtures/extracts/kpi), loaded
 * through the whole load-validate-compute path, each figure worked out by
 * hand below. Period 2024-25-Q2 (July–September 2024).
 *
 * Population: K1 (RO 1 Mar–15 Aug; its YC ending 10 July is less serious),
 * K2 (YRO 10 Jan–30 Sep), K3 (OOCD 1 May–1 Aug), K4 (CUSTODY 1 Feb–31 Jul).
 * K5 lives outside the area; K6 was 18 when his YRO started. n = 4.
 * K6's Community Resolution on 30 September (no KPI counts it) makes the
 * extract cover the whole quarter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeKpiRecords } from '../../../../pipeline/compute/indicators/kpi/index.js';
import type { IndicatorRecord } from '../../../../pipeline/compute/record.js';
import { loadExtract } from '../../../../pipeline/load/index.js';
import { openStore, type Store } from '../../../../pipeline/store/db.js';
import { P, ctx, find } from './kpi-fixture.js';
import { NOW } from '../../../load/extract-dir.js';

export const KPI_EXTRACT = 'test/fixtures/extracts/kpi';

let store: Store;
let records: IndicatorRecord[];
beforeAll(async () => {
  store = await openStore(null);
  await loadExtract(store, KPI_EXTRACT, { mode: 'full', loadedAt: NOW });
  records = (await computeKpiRecords(store, ctx)).records;
});
afterAll(() => store.close());

const headline = (id: string) => {
  const r = find(records, id);
  return [r?.numerator, r?.denominator, r?.value];
};

describe('the hand-worked KPI extract', () => {
  it('KPI 1: K1 suitable at both ends; K2 nothing at E (foster ended the day before); K3 B&B at E; K4 family judged unsuitable started on E', () => {
    expect(headline('kpi.accommodation.end')).toEqual([1, 4, 25]);
    expect(headline('kpi.accommodation.start')).toEqual([4, 4, 100]);
    expect(headline('kpi.accommodation.not_recorded')).toEqual([1, null, 1]);
    expect(headline('kpi.accommodation.not_recorded_start')).toEqual([0, null, 0]);
  });

  it('KPI 2: at E K1 25 h and K2 15 + 10 h (school age) met, K3 16 h at college met, K4 nothing; at S K2 15 h and K4 nothing', () => {
    expect(headline('ete.overall')).toEqual([3, 4, 75]);
    expect(headline('ete.school_age')).toEqual([2, 2, 100]);
    expect(headline('ete.over_school_age')).toEqual([1, 2, 50]);
    // K2's latest placement at E is the suitable AP (the unsuitable PRU started earlier).
    expect(headline('ete.suitable_end')).toEqual([3, 4, 75]);
    expect(headline('ete.not_recorded')).toEqual([1, null, 1]);
    expect(headline('ete.overall_start')).toEqual([2, 4, 50]);
    expect(headline('ete.suitable_start')).toEqual([2, 4, 50]);
  });

  it('KPI 3: K1 (plan) and K4 (no plan; the 2022 need is too old) counted; K2 identified a day before S − 12 months', () => {
    expect(headline('kpi.send.plan')).toEqual([1, 2, 50]);
  });

  it('KPIs 4 and 5: K2 and K3 have a mental-health need, only K2 offered (K3\'s offer came before S); K3 offered for substance misuse, not attended', () => {
    expect(headline('kpi.mental_health.need')).toEqual([2, 4, 50]);
    expect(headline('kpi.mental_health.offered')).toEqual([1, 2, 50]);
    expect(headline('kpi.mental_health.attended')).toEqual([1, 1, 100]);
    expect(headline('kpi.substance_misuse.need')).toEqual([1, 4, 25]);
    expect(headline('kpi.substance_misuse.offered')).toEqual([1, 1, 100]);
    expect(headline('kpi.substance_misuse.attended')).toEqual([0, 1, 0]);
  });

  it('KPI 6: K1\'s YC completed, K3\'s OOCD not', () => {
    expect(headline('kpi.oocd.completed')).toEqual([1, 2, 50]);
  });

  it('KPI 7: K1 CIN ending on S, K3 early help starting on E, K4 looked after; K2\'s LAC and K4\'s CPP start after E', () => {
    expect(headline('kpi.wider_services.any')).toEqual([3, 4, 75]);
    expect(headline('kpi.wider_services.lac')).toEqual([1, 4, 25]);
    expect(headline('kpi.wider_services.cpp')).toEqual([0, 4, 0]);
    expect(headline('kpi.wider_services.cin')).toEqual([1, 4, 25]);
    expect(headline('kpi.wider_services.early_help')).toEqual([1, 4, 25]);
  });

  it('KPI 8: 3 meetings need 2 senior attendances: police, probation, social care; data shared at every attendance: police, health, education', () => {
    expect(headline('kpi.board_attendance.sectors')).toEqual([3, 5, 3]);
    expect(headline('kpi.board_attendance.data_shared')).toEqual([3, 5, 3]);
  });

  it('KPI 9: O1, O2 (K1), O5 (K4), O6 (K5, out of area but counted); 3 children per 15,000 = 2 per 10,000', () => {
    expect(headline('kpi.serious_violence.offences')).toEqual([4, null, 4]);
    expect(headline('kpi.serious_violence.children')).toEqual([3, null, 3]);
    const rate = find(records, 'kpi.serious_violence.rate');
    expect(rate).toMatchObject({ numerator: 3, denominator: 15_000 });
    expect(rate?.value).toBeCloseTo(2, 10);
    // Exact Poisson for 3: chi²(0.025; 6)/2 = 0.618672 and chi²(0.975; 8)/2 = 8.767273, × 10,000 / 15,000.
    expect(rate?.lower).toBeCloseTo(0.412448, 4);
    expect(rate?.upper).toBeCloseTo(5.844849, 4);
  });

  it('KPI 10: V1–V3 identified in P (V4 on 30 June is in Q1): 1 of 2 consenting engaged, 2 of 2 contacted, 2 of 3 views considered', () => {
    expect(headline('kpi.victims.engaged_rj')).toEqual([1, 2, 50]);
    expect(headline('kpi.victims.contacted')).toEqual([2, 2, 100]);
    expect(find(records, 'kpi.victims.views_considered')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(P).toBe('2024-25-Q2');
  });
});
