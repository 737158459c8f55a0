/**
 * Children cautioned or sentenced per 1,000 aged 10–17 in the year to P, all
 * ethnic groups together: the measure of the shipped YJB 2021-22 comparator
 * (`outcome.children_rate`). Not an indicator of indicators.md, so it is not
 * emitted in indicators.json; it exists to be compared (compute/comparators.ts
 * matches it as an all-groups `dispro.rate` record of stage `outcome`).
 * Counted exactly as the disproportionality `outcome` stage, summed over groups
 * including ethnicity not known.
 */
import { formatPeriod, periodEnd, rollingYearStart } from '../period.js';
import type { Store } from '../store/db.js';
import type { ComputeContext } from './context.js';
import { OUTCOME_STAGE_SQL } from './indicators/dispro.sql.js';
import { populationFor } from './population.js';
import { multiplierOf, unitOf } from './catalogue.js';
import type { IndicatorRecord } from './record.js';
import { rateCI } from './statistics.js';

export async function computeOutcomeRate(store: Store, ctx: ComputeContext): Promise<IndicatorRecord | null> {
  const rows = await store.query<{ ethnic_group: string; events: number; base: number }>(OUTCOME_STAGE_SQL, {
    window_start: rollingYearStart(ctx.period), period_end: periodEnd(ctx.period),
  });
  const population = await populationFor(store, ctx.period, {});
  if (population === null) return null;
  const children = rows.reduce((n, r) => n + r.events, 0);
  const ci = rateCI(children, population.population, multiplierOf('dispro.rate'));
  return {
    id: 'dispro.rate', period: formatPeriod(ctx.period), breakdown: { stage: 'outcome' },
    numerator: children, denominator: population.population, value: ci.value, lower: ci.lower, upper: ci.upper,
    unit: unitOf('dispro.rate'), suppressed: false,
  };
}
