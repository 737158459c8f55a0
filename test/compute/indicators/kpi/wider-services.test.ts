/** KPI 7, links to wider services: a status counts when its episode overlaps the order [S, E]. */
import { afterEach, describe, expect, it } from 'vitest';
import { child, closeStore, find, kpis, order } from './kpi-fixture.js';

afterEach(closeStore);

// Every order runs 1 March 2024 (S) to 15 August 2024 (E).
describe('KPI 7: care status at any time during the order', () => {
  it('counts an episode ending on S or starting on E, not one ending the day before S or starting the day after E', async () => {
    const kids = ['ENDS_ON_S', 'ENDS_BEFORE', 'STARTS_ON_E', 'STARTS_AFTER', 'OPEN', 'TWO'];
    const records = await kpis({
      children: kids.map((c) => child(c)),
      interventions: kids.map((c, i) => order(`I${i}`, c)),
      care_status: [
        { child_id: 'ENDS_ON_S', status: 'CIN', start_date: '2023-01-01', end_date: '2024-03-01' },
        { child_id: 'ENDS_BEFORE', status: 'CIN', start_date: '2023-01-01', end_date: '2024-02-29' },
        { child_id: 'STARTS_ON_E', status: 'CPP', start_date: '2024-08-15' },
        { child_id: 'STARTS_AFTER', status: 'LAC', start_date: '2024-08-16' },
        { child_id: 'OPEN', status: 'LAC', start_date: '2020-01-01' },
        { child_id: 'TWO', status: 'LAC', start_date: '2024-04-01', end_date: '2024-05-01' },
        { child_id: 'TWO', status: 'EARLY_HELP', start_date: '2024-06-01' },
      ],
    });
    expect(find(records, 'kpi.wider_services.any')).toMatchObject({ numerator: 4, denominator: 6 });
    expect(find(records, 'kpi.wider_services.lac')).toMatchObject({ numerator: 2, denominator: 6 });
    expect(find(records, 'kpi.wider_services.cpp')).toMatchObject({ numerator: 1, denominator: 6 });
    expect(find(records, 'kpi.wider_services.cin')).toMatchObject({ numerator: 1, denominator: 6 });
    expect(find(records, 'kpi.wider_services.early_help')).toMatchObject({ numerator: 1, denominator: 6 });
  });
});
