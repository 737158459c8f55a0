/**
 * The common population of the KPIs: the most serious type and its tie rules,
 * 10 to 17 at the intervention's start, out-of-area children, and which
 * interventions end in the quarter. Measured through KPI 7 (every child in
 * the population is in its denominator) and its order_type breakdown, and
 * through the pure choice function.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { kpiPopulation, type Candidate } from '../../../../pipeline/compute/indicators/kpi/population.js';
import { P, child, closeStore, find, kpis, order } from './kpi-fixture.js';

afterEach(closeStore);

const candidate = (id: string, type: string, start: string, end: string, dob = '2010-01-01'): Candidate => ({
  intervention_id: id, child_id: 'C1', type, start_date: start, end_date: end, completed: null, date_of_birth: dob, sex: 'M', ethnic_group: 'White',
});

describe('kpiPopulation: the most serious type decides', () => {
  it('orders CUSTODY > YRO > RO > YCC > YC > OOCD, whatever the dates', () => {
    const types = ['OOCD', 'YC', 'YCC', 'RO', 'YRO', 'CUSTODY'];
    for (let k = 1; k < types.length; k++) {
      // The less serious one ends later and started later: it still loses.
      const chosen = kpiPopulation([
        candidate('A', types[k - 1]!, '2024-06-01', '2024-09-30'), candidate('B', types[k]!, '2024-01-01', '2024-07-01'),
      ]);
      expect(chosen.map((m) => [m.orderType, m.start, m.end])).toEqual([[types[k], '2024-01-01', '2024-07-01']]);
    }
  });

  it('among several of that type takes the one ending last, then the one starting last, then the higher id', () => {
    expect(kpiPopulation([candidate('A', 'RO', '2024-01-01', '2024-08-01'), candidate('B', 'RO', '2023-01-01', '2024-08-02')])
      .map((m) => m.interventionId)).toEqual(['B']);
    expect(kpiPopulation([candidate('A', 'RO', '2024-02-01', '2024-08-01'), candidate('B', 'RO', '2024-01-01', '2024-08-01')])
      .map((m) => m.interventionId)).toEqual(['A']);
    expect(kpiPopulation([candidate('B', 'RO', '2024-01-01', '2024-08-01'), candidate('A', 'RO', '2024-01-01', '2024-08-01')])
      .map((m) => m.interventionId)).toEqual(['B']);
  });

  it('keeps one row per child per quarter: two quarters give two rows', () => {
    const members = kpiPopulation([candidate('A', 'YC', '2024-01-01', '2024-06-30'), candidate('B', 'RO', '2024-01-01', '2024-07-01')]);
    expect(members.map((m) => [m.quarter, m.orderType])).toEqual([['2024-25-Q1', 'YC'], [P, 'RO']]);
  });

  it('counts an intervention only when the child was 10 to 17 at its start, before choosing the type', () => {
    // Born 1 March 2006: 17 on a start of 28 February 2024, 18 on 1 March 2024.
    expect(kpiPopulation([candidate('A', 'RO', '2024-02-29', '2024-08-01', '2006-03-01')])).toHaveLength(1);
    expect(kpiPopulation([candidate('A', 'RO', '2024-03-01', '2024-08-01', '2006-03-01')])).toHaveLength(0);
    // Born 1 March 2014: 10 on 1 March 2024 (counts), 9 the day before (does not).
    expect(kpiPopulation([candidate('A', 'OOCD', '2024-03-01', '2024-08-01', '2014-03-01')])).toHaveLength(1);
    expect(kpiPopulation([candidate('A', 'OOCD', '2024-02-29', '2024-08-01', '2014-03-01')])).toHaveLength(0);
    // A YC started at 17 and a YRO started at 18, both ending in the quarter: the child is in, as YC.
    expect(kpiPopulation([
      candidate('A', 'YC', '2024-02-01', '2024-08-01', '2006-03-01'), candidate('B', 'YRO', '2024-03-05', '2024-08-01', '2006-03-01'),
    ]).map((m) => [m.orderType, m.age])).toEqual([['YC', 17]]);
  });
});

describe('the population in the store', () => {
  it('leaves out children recorded as living outside the area (blank counts as resident) and interventions ending after P or open', async () => {
    const records = await kpis({
      children: [child('IN'), child('BLANK', { resident_in_area: null }), child('OUT', { resident_in_area: false }), child('LATE'), child('OPEN')],
      interventions: [
        order('I1', 'IN', { type: 'YRO' }), order('I2', 'BLANK'), order('I3', 'OUT'),
        // Ends on 1 October 2024, after P: not ended in P (and not in the window's past quarters either).
        order('I4', 'LATE', { end_date: '2024-10-01' }),
        order('I5', 'OPEN', { end_date: null }),
      ],
      care_status: [{ child_id: 'IN', status: 'LAC', start_date: '2024-01-01' }],
    });
    expect(find(records, 'kpi.wider_services.any')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(find(records, 'kpi.wider_services.any', { order_type: 'YRO' })).toMatchObject({ numerator: 1, denominator: 1 });
    expect(find(records, 'kpi.wider_services.any', { order_type: 'RO' })).toMatchObject({ numerator: 0, denominator: 1 });
    expect(find(records, 'kpi.wider_services.any', { age_band: '10-14' })).toMatchObject({ denominator: 2 });
    expect(find(records, 'kpi.wider_services.any', { ethnic_group: 'Not known' })).toMatchObject({ denominator: 2 });
  });
});
