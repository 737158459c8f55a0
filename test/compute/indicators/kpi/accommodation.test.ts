/**
 * KPI 1, suitable accommodation, at the order's end E and start S: the record
 * covering the date, the latest start when two cover it (a tie: suitable
 * wins), no covering record as not suitable and counted in not_recorded.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../../../pipeline/messages.js';
import { P, child, closeStore, find, kpis, order } from './kpi-fixture.js';

afterEach(closeStore);

// Every order runs 1 March 2024 (S) to 15 August 2024 (E).
describe('KPI 1: accommodation at the start and at the end of the order', () => {
  it('applies the status-at-a-date rules at both ends', async () => {
    const records = await kpis({
      children: ['ENDED', 'ONDAY', 'LATEST', 'TIE', 'NONE', 'OPEN'].map((c) => child(c)),
      interventions: ['ENDED', 'ONDAY', 'LATEST', 'TIE', 'NONE', 'OPEN'].map((c, i) => order(`I${i}`, c)),
      accommodation: [
        // ENDED: suitable, ending 14 August, the day before E → suitable at S, nothing recorded at E.
        { child_id: 'ENDED', start_date: '2024-01-01', end_date: '2024-08-14', suitable: true },
        // ONDAY: starts on S and ends on E → covers both, suitable.
        { child_id: 'ONDAY', start_date: '2024-03-01', end_date: '2024-08-15', suitable: true },
        // LATEST: suitable family home, then from 1 June an unsuitable B&B overlapping it (both cover E): the latest start wins.
        { child_id: 'LATEST', start_date: '2023-06-01', suitable: true },
        { child_id: 'LATEST', start_date: '2024-06-01', type: 'BED_AND_BREAKFAST', suitable: false },
        // TIE: two records starting the same day covering both dates, one not suitable: suitable wins.
        { child_id: 'TIE', start_date: '2024-02-01', type: 'OTHER', suitable: false },
        { child_id: 'TIE', start_date: '2024-02-01', type: 'FOSTER', suitable: true },
        // NONE: only a record starting the day after E → not recorded at either date.
        { child_id: 'NONE', start_date: '2024-08-16', suitable: true },
        // OPEN: unsuitable, open since before S.
        { child_id: 'OPEN', start_date: '2022-01-01', suitable: false },
      ],
    });
    // End: ONDAY, TIE suitable → 2 of 6. Start: ENDED, ONDAY, LATEST (family home), TIE → 4 of 6.
    expect(find(records, 'kpi.accommodation.end')).toMatchObject({ numerator: 2, denominator: 6, unit: '%' });
    expect(find(records, 'kpi.accommodation.start')).toMatchObject({ numerator: 4, denominator: 6 });
    // Not recorded at E: ENDED, NONE; at S: NONE.
    expect(find(records, 'kpi.accommodation.not_recorded')).toMatchObject({ numerator: 2, value: 2, unit: 'count' });
    expect(find(records, 'kpi.accommodation.not_recorded_start')).toMatchObject({ numerator: 1, value: 1 });
    // Wilson for 2 of 6 (z = 1.959964, z² = 3.841459): (4 + 3.841459 ∓ z·√(3.841459 + 8·(1 − 2/6))) / (2·(6 + 3.841459))
    //   = (7.841459 ∓ 1.959964 × √9.174792) / 19.682918 = (7.841459 ∓ 5.936716) / 19.682918 → 0.096771 and 0.700007.
    const end = find(records, 'kpi.accommodation.end');
    expect(end?.value).toBeCloseTo(100 / 3, 10);
    expect(end?.lower).toBeCloseTo(9.6771, 3);
    expect(end?.upper).toBeCloseTo(70.0007, 3);
  });

  it('uses the most serious order\'s dates when a child has two orders ending in the quarter', async () => {
    const records = await kpis({
      children: [child('C1')],
      interventions: [
        // The YRO decides: S = 1 May, E = 1 July. The RO ends later but is less serious.
        order('I1', 'C1', { type: 'YRO', start_date: '2024-05-01', end_date: '2024-07-01' }),
        order('I2', 'C1', { type: 'RO', start_date: '2024-03-01', end_date: '2024-09-30' }),
      ],
      accommodation: [{ child_id: 'C1', start_date: '2024-04-01', end_date: '2024-07-01', suitable: true }],
    });
    expect(find(records, 'kpi.accommodation.end')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(find(records, 'kpi.accommodation.end', { order_type: 'YRO' })).toMatchObject({ numerator: 1, denominator: 1 });
    expect(find(records, 'kpi.accommodation.end', { order_type: 'RO' })).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it('is [x] with the reason when accommodation.csv has no records, never 0', async () => {
    const records = await kpis({ children: [child('C1')], interventions: [order('I1', 'C1')] });
    const reason = messages.noteKpiFileAbsent.text({ file: 'accommodation.csv', period: P, kpi: 'KPI 1 (suitable accommodation)' });
    for (const id of ['kpi.accommodation.end', 'kpi.accommodation.start', 'kpi.accommodation.not_recorded']) {
      expect(find(records, id)).toMatchObject({ value: null, numerator: null, denominator: null, status: 'not_available', reason });
    }
    expect(records.filter((r) => r.id === 'kpi.accommodation.end')).toHaveLength(1);
  });
});
