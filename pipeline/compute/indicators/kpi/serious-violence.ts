/**
 * KPI 9, serious violence, per quarter of the outcome date:
 * `kpi.serious_violence.offences` (count), `.children` (distinct children,
 * count) and `.rate` (children per 10,000 aged 10–17, exact Poisson interval
 * below 10 children and Byar's from 10, on the population of the year to the
 * quarter as for every rate). Offences as serious-violence.sql.ts selects.
 *
 * Choices where the spec is silent: an offence counts only when the child
 * was 10 to 17 on the offence date (as for first time entrants); counts are
 * split by sex, ethnic group and age band (a child by their first such
 * offence in the quarter); the rate has no breakdown.
 */
import { ETHNIC_GROUPS, NOT_KNOWN } from '../../../contract/codes.js';
import { ageOn, formatPeriod, parsePeriod, periodOf } from '../../../period.js';
import type { Store } from '../../../store/db.js';
import { multiplierOf } from '../../catalogue.js';
import { populationFor } from '../../population.js';
import { record, type IndicatorRecord } from '../../record.js';
import { rateCI } from '../../statistics.js';
import type { IndicatorResult } from '../result.js';
import { firstDate, type KpiInputs } from './inputs.js';
import { ageBand, isKpiAge, type Dimension } from './population.js';
import { countRecords, notAvailable, reportedQuarters, sumRecords } from './records.js';
import { OFFENCES_FIRST_SQL, SERIOUS_VIOLENCE_SQL } from './serious-violence.sql.js';
import { reasonNote, reasonText, type KpiReason } from './unavailable.js';

export const PER = multiplierOf('kpi.serious_violence.rate');
const KPI = 'KPI 9 (serious violence)';
const NO_POPULATION: KpiReason = { message: 'noteKpiNoPopulation', params: { kpi: KPI } };

export interface SeriousOffence {
  offence_id: string;
  child_id: string;
  offence_date: string;
  outcome_date: string;
  date_of_birth: string;
  sex: string;
  ethnic_group: string;
}

export async function computeSeriousViolence(store: Store, inputs: KpiInputs): Promise<IndicatorResult> {
  const first = await firstDate(store, OFFENCES_FIRST_SQL, inputs.params.period_end);
  const rows = await store.query<SeriousOffence & Record<string, string>>(SERIOUS_VIOLENCE_SQL, inputs.params);
  // offences.csv is required, so no offence by P's end is a true 0 for P (not [x]).
  const quarters = reportedQuarters(inputs.period, [first ?? inputs.params.period_end]).map(formatPeriod);
  const populations = new Map<string, number | null>();
  for (const q of quarters) populations.set(q, (await populationFor(store, parsePeriod(q)))?.population ?? null);
  const records = seriousViolenceRecords(rows, quarters, populations);
  const period = formatPeriod(inputs.period);
  const rateMissing = records.some((r) => r.period === period && r.id === 'kpi.serious_violence.rate' && r.status === 'not_available');
  return {
    records,
    notes: rateMissing ? [reasonNote('kpi.serious_violence', NO_POPULATION, period)] : [],
  };
}

interface Counted { child: string; offences: number; sex: string; ethnicGroup: string; age: number }

const DIMENSIONS: readonly Dimension<Counted>[] = [
  { key: 'ethnic_group', values: [...ETHNIC_GROUPS, NOT_KNOWN], of: (c) => c.ethnicGroup },
  { key: 'sex', values: ['M', 'F', 'U'], of: (c) => c.sex },
  { key: 'age_band', values: ['10-14', '15-17'], of: (c) => ageBand(c.age) },
];

/** KPI 9 for each quarter (pure); populations maps a quarter to the 10–17 population of the year to it. */
export function seriousViolenceRecords(
  offences: readonly SeriousOffence[], quarters: readonly string[], populations: ReadonlyMap<string, number | null>,
): IndicatorRecord[] {
  return quarters.flatMap((q) => {
    const byChild = new Map<string, Counted>();
    const sorted = offences
      .filter((o) => formatPeriod(periodOf(o.outcome_date)) === q && isKpiAge(ageOn(o.date_of_birth, o.offence_date)))
      .sort((a, b) => (a.offence_date < b.offence_date ? -1 : a.offence_date > b.offence_date ? 1 : 0));
    for (const o of sorted) {
      const held = byChild.get(o.child_id);
      if (held) held.offences += 1;
      else byChild.set(o.child_id, { child: o.child_id, offences: 1, sex: o.sex, ethnicGroup: o.ethnic_group, age: ageOn(o.date_of_birth, o.offence_date) });
    }
    const children = [...byChild.values()];
    const offenceRecords = sumRecords('kpi.serious_violence.offences', q, children, DIMENSIONS, (c) => c.offences);
    const population = populations.get(q) ?? null;
    const rate = population === null || population === 0
      ? notAvailable('kpi.serious_violence.rate', q, reasonText(NO_POPULATION, q))
      : (() => {
        const ci = rateCI(children.length, population, PER);
        return record({
          id: 'kpi.serious_violence.rate', period: q, breakdown: {}, numerator: children.length, denominator: population,
          value: ci.value, lower: ci.lower, upper: ci.upper,
        });
      })();
    return [...offenceRecords, ...countRecords('kpi.serious_violence.children', q, children, DIMENSIONS, () => true), rate];
  });
}
