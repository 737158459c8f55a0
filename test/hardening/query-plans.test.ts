/**
 * Scale guard, without timing anything: no SQL of the compute phase may be
 * planned as a nested-loop join, which compares every pair of rows. One such
 * join (an OR in the ETE join condition) made the indicators take 55 s at
 * national volume instead of under 1 s. DuckDB plans the same on an empty
 * store as on a national one, so EXPLAIN on an empty store is enough.
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../pipeline/store/db.js';
import * as comparators from '../../pipeline/compute/comparators.js';
import * as population from '../../pipeline/compute/population.js';
import * as profile from '../../pipeline/compute/profile.sql.js';
import * as custody from '../../pipeline/compute/indicators/custody.sql.js';
import * as dispro from '../../pipeline/compute/indicators/dispro.sql.js';
import * as ete from '../../pipeline/compute/indicators/ete.sql.js';
import * as fte from '../../pipeline/compute/indicators/fte.sql.js';
import * as reoffending from '../../pipeline/compute/indicators/reoffending.sql.js';
import * as rollingYear from '../../pipeline/compute/indicators/rolling-year.js';
import * as kpiPopulation from '../../pipeline/compute/indicators/kpi/population.sql.js';
import * as kpiAccommodation from '../../pipeline/compute/indicators/kpi/accommodation.sql.js';
import * as kpiNeeds from '../../pipeline/compute/indicators/kpi/needs.sql.js';
import * as kpiOocd from '../../pipeline/compute/indicators/kpi/oocd.sql.js';
import * as kpiWiderServices from '../../pipeline/compute/indicators/kpi/wider-services.sql.js';
import * as kpiBoard from '../../pipeline/compute/indicators/kpi/board-attendance.sql.js';
import * as kpiSeriousViolence from '../../pipeline/compute/indicators/kpi/serious-violence.sql.js';
import * as kpiVictims from '../../pipeline/compute/indicators/kpi/victims.sql.js';
import * as notProven from '../../pipeline/store/not-proven.js';
import * as summary from '../../pipeline/store/summary.js';

const MODULES: Record<string, Record<string, unknown>> = {
  comparators, population, profile, custody, dispro, ete, fte, reoffending, rollingYear, notProven, summary,
  kpiPopulation, kpiAccommodation, kpiNeeds, kpiOocd, kpiWiderServices, kpiBoard, kpiSeriousViolence, kpiVictims,
};

/** A plausible value for each named parameter the queries use. */
const PARAMS: Record<string, string | number | boolean> = {
  period_start: '2026-07-01', period_end: '2026-09-30', window_start: '2023-10-01', year_start: '2025-10-01', from: '2023-10-01', to: '2026-09-30',
  include_non_substantive: false, year: 2025,
};

const queries = Object.entries(MODULES).flatMap(([module, exports]) => Object.entries(exports)
  .filter((e): e is [string, string] => e[0].endsWith('_SQL') && typeof e[1] === 'string')
  .map(([name, sql]) => [`${module}.${name}`, sql] as const));

describe('compute SQL plans', () => {
  it('finds the queries to check (the list above is not stale)', () => {
    expect(queries.map(([name]) => name)).toContain('ete.ETE_AT_DATES_SQL');
    expect(queries.map(([name]) => name)).toContain('kpiAccommodation.ACCOMMODATION_AT_DATES_SQL');
    expect(queries.length).toBeGreaterThanOrEqual(15);
  });

  it.each(queries)('%s has no nested-loop join', async (_name, sql) => {
    const store = await openStore(null);
    try {
      const used = [...new Set([...sql.matchAll(/\$([a-z_]+)/g)].map((m) => m[1]!))];
      const rows = await store.query(`EXPLAIN ${sql}`, Object.fromEntries(used.map((p) => [p, PARAMS[p]!])));
      const plan = rows.map((r) => String(r.explain_value)).join('\n');
      expect(plan).toMatch(/[A-Z_]{4,}/); // a rendered plan, not an empty answer
      expect(plan).not.toMatch(/NL_JOIN|NESTED_LOOP/);
    } finally {
      store.close();
    }
  });
});
