/**
 * KPIs 3–5 from needs.csv: the need window (identified on or before E and no
 * more than 12 months before S), offers and attendance within [S, E], one
 * count per child, and the SEND plan.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { NeedFixture } from '../../../helpers/fixture-store.js';
import { child, closeStore, find, kpis, order } from './kpi-fixture.js';

afterEach(closeStore);

// Every order runs 1 March 2024 (S) to 15 August 2024 (E); S − 12 months is 1 March 2023.
const mh = (c: string, identified: string, more: Partial<NeedFixture> = {}): NeedFixture =>
  ({ child_id: c, need: 'MENTAL_HEALTH', identified_date: identified, ...more });

async function withNeeds(needs: NeedFixture[], children: string[]) {
  return kpis({ children: children.map((c) => child(c)), interventions: children.map((c, i) => order(`I${i}`, c)), needs });
}

describe('KPIs 3–5: which needs count for an order', () => {
  it('counts a need identified exactly 12 months before S and on E; not one day earlier, nor after E', async () => {
    const records = await withNeeds([
      mh('EXACT', '2023-03-01'), mh('ONE_DAY_EARLY', '2023-02-28'), mh('ON_END', '2024-08-15'), mh('AFTER_END', '2024-08-16'),
    ], ['EXACT', 'ONE_DAY_EARLY', 'ON_END', 'AFTER_END', 'NO_NEED']);
    expect(find(records, 'kpi.mental_health.need')).toMatchObject({ numerator: 2, denominator: 5 });
  });

  it('counts an offer dated within [S, E] only, attendance only of such an offer, and a child once however many rows', async () => {
    const records = await withNeeds([
      // ON_S: offered on S, attended. ON_E: offered on E, not attended (blank).
      mh('ON_S', '2024-01-01', { offered_date: '2024-03-01', attended: true }),
      mh('ON_E', '2024-01-01', { offered_date: '2024-08-15' }),
      // BEFORE: offered the day before S (attended) → neither offered nor attended for this order.
      mh('BEFORE', '2024-01-01', { offered_date: '2024-02-29', attended: true }),
      // AFTER: offered the day after E → not offered.
      mh('AFTER', '2024-01-01', { offered_date: '2024-08-16' }),
      // TWICE: two rows of the need, one offered and attended → one child with the need, offered, attended.
      mh('TWICE', '2024-01-01'), mh('TWICE', '2024-04-01', { offered_date: '2024-04-02', attended: true }),
      // Substance misuse rows do not count as a mental-health need.
      { child_id: 'SM', need: 'SUBSTANCE_MISUSE', identified_date: '2024-05-01', offered_date: '2024-05-02', attended: false },
    ], ['ON_S', 'ON_E', 'BEFORE', 'AFTER', 'TWICE', 'SM']);
    expect(find(records, 'kpi.mental_health.need')).toMatchObject({ numerator: 5, denominator: 6 });
    // Offered: ON_S, ON_E, TWICE of the 5 with the need.
    expect(find(records, 'kpi.mental_health.offered')).toMatchObject({ numerator: 3, denominator: 5 });
    // Attended: ON_S, TWICE of the 3 offered.
    expect(find(records, 'kpi.mental_health.attended')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(find(records, 'kpi.substance_misuse.need')).toMatchObject({ numerator: 1, denominator: 6 });
    expect(find(records, 'kpi.substance_misuse.offered')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(find(records, 'kpi.substance_misuse.attended')).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
  });

  it('KPI 3: children with a counted SEND need that has a plan, of those with a counted SEND need', async () => {
    const records = await withNeeds([
      { child_id: 'PLAN', need: 'SEND', identified_date: '2023-09-01', plan: true },
      { child_id: 'NOPLAN', need: 'SEND', identified_date: '2023-09-01', plan: false },
      { child_id: 'BLANK', need: 'SEND', identified_date: '2024-08-01' },
      // OLD: the plan is on a SEND need identified 13 months before S (not counted); a newer one without a plan counts.
      { child_id: 'OLD', need: 'SEND', identified_date: '2023-02-01', plan: true },
      { child_id: 'OLD', need: 'SEND', identified_date: '2024-04-01', plan: false },
    ], ['PLAN', 'NOPLAN', 'BLANK', 'OLD', 'NONE']);
    expect(find(records, 'kpi.send.plan')).toMatchObject({ numerator: 1, denominator: 4 });
    // Nobody with a mental-health need: 0 of 5 is a true 0 (needs.csv is there), and offered is 0 of 0 (no value).
    expect(find(records, 'kpi.mental_health.need')).toMatchObject({ numerator: 0, denominator: 5, value: 0 });
    expect(find(records, 'kpi.mental_health.offered')).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it('is [x] for all three KPIs when needs.csv has no records', async () => {
    const records = await withNeeds([], ['C1']);
    for (const id of ['kpi.send.plan', 'kpi.mental_health.need', 'kpi.substance_misuse.attended']) {
      expect(find(records, id)).toMatchObject({ status: 'not_available', value: null });
    }
  });
});
