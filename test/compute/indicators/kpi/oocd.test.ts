/** KPI 6, out-of-court disposals: completion of OOCD, YC and YCC interventions ending in the quarter. */
import { afterEach, describe, expect, it } from 'vitest';
import { messages } from '../../../../pipeline/messages.js';
import { P, child, closeStore, find, kpis, order } from './kpi-fixture.js';

afterEach(closeStore);

describe('KPI 6: out-of-court disposals completed', () => {
  it('counts each child once, completed if any of their out-of-court interventions ending in the quarter was; blank is not completed', async () => {
    const records = await kpis({
      children: ['DONE', 'ONE_OF_TWO', 'BLANK', 'NOT', 'ALSO_RO', 'COURT_ONLY'].map((c) => child(c)),
      interventions: [
        order('I1', 'DONE', { type: 'YC', completed: true }),
        order('I2', 'ONE_OF_TWO', { type: 'OOCD', completed: false }), order('I3', 'ONE_OF_TWO', { type: 'YCC', end_date: '2024-09-01', completed: true }),
        order('I4', 'BLANK', { type: 'OOCD', completed: null }),
        order('I5', 'NOT', { type: 'YCC', completed: false }),
        // A referral order also ended: the child's most serious type is RO, but their YC still counts here.
        order('I6', 'ALSO_RO', { type: 'YC', completed: true }), order('I7', 'ALSO_RO', { type: 'RO', completed: false }),
        order('I8', 'COURT_ONLY', { type: 'RO', completed: true }),
      ],
    });
    expect(find(records, 'kpi.oocd.completed')).toMatchObject({ numerator: 3, denominator: 5 });
    // Split by the most serious out-of-court type: ONE_OF_TWO is YCC.
    expect(find(records, 'kpi.oocd.completed', { order_type: 'YCC' })).toMatchObject({ numerator: 1, denominator: 2 });
    expect(find(records, 'kpi.oocd.completed', { order_type: 'YC' })).toMatchObject({ numerator: 2, denominator: 2 });
    expect(find(records, 'kpi.oocd.completed', { order_type: 'RO' })).toMatchObject({ denominator: 0 });
  });

  it('is [x] when completed is never filled in', async () => {
    const records = await kpis({ children: [child('C1')], interventions: [order('I1', 'C1', { type: 'YC' })] });
    expect(find(records, 'kpi.oocd.completed')).toMatchObject({
      status: 'not_available', value: null,
      reason: messages.noteKpiCompletedNotRecorded.text({ period: P, kpi: 'KPI 6 (out-of-court disposals)' }),
    });
  });
});
