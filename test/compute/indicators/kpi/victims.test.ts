/** KPI 10, victims identified in the quarter: restorative justice and contact of those who consented, views considered of all. */
import { afterEach, describe, expect, it } from 'vitest';
import type { VictimFixture } from '../../../helpers/fixture-store.js';
import { child, closeStore, find, kpis } from './kpi-fixture.js';

afterEach(closeStore);

const victim = (id: string, fields: Partial<VictimFixture> = {}): VictimFixture =>
  ({ victim_id: id, child_id: 'C1', identified_date: '2024-08-01', ...fields });

describe('KPI 10: victims', () => {
  it('counts victims by the quarter they were identified in, with consent as the base of contact and restorative justice', async () => {
    const records = await kpis({
      children: [child('C1')],
      victims: [
        victim('V1', { consented_contact: true, contacted: true, engaged_rj: true, views_considered: true }),
        victim('V2', { consented_contact: true, contacted: true, engaged_rj: false }),
        victim('V3', { consented_contact: true }),
        // Engaged and contacted without recorded consent: outside both bases and numerators.
        victim('V4', { consented_contact: false, contacted: true, engaged_rj: true, views_considered: true }),
        victim('V5'),
        // Identified the day before P starts: in 2024-25-Q1.
        victim('V6', { identified_date: '2024-06-30', consented_contact: true, contacted: true }),
      ],
    });
    expect(find(records, 'kpi.victims.engaged_rj')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(find(records, 'kpi.victims.contacted')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(find(records, 'kpi.victims.views_considered')).toMatchObject({ numerator: 2, denominator: 5 });
    expect(find(records, 'kpi.victims.contacted', {}, '2024-25-Q1')).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('is [x] when victims.csv has no records', async () => {
    expect(find(await kpis({ children: [child('C1')] }), 'kpi.victims.engaged_rj')).toMatchObject({ status: 'not_available', value: null });
  });
});
