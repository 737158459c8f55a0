/**
 * Builds an in-memory store straight from tiny inline fixtures, bypassing
 * load and validation, so indicator tests state exactly the rows they need.
 * Values are given already normalised (canonical codes, ISO dates).
 */
import { openStore, type Store } from '../../pipeline/store/db.js';
import { OUTCOMES, ETHNICITY, NOT_KNOWN } from '../../pipeline/contract/codes.js';

export interface ChildFixture {
  child_id: string; date_of_birth: string; sex?: string; ethnicity?: string | null;
  looked_after?: boolean | null; send?: boolean | null; ehcp?: boolean | null;
}
export interface OffenceFixture {
  offence_id: string; child_id: string; offence_date: string; outcome_date: string; outcome: string;
  offence_category?: string | null; gravity?: number | null;
}
export interface InterventionFixture {
  intervention_id: string; child_id: string; type: string; start_date: string; end_date?: string | null; completed?: boolean | null;
}
export interface EteFixture {
  child_id: string; start_date: string; end_date?: string | null; provision?: string; suitability?: string;
  hours_offered?: number | null; hours_attended?: number | null;
}
export interface RemandFixture { remand_id: string; child_id: string; decision_date: string; end_date?: string | null; remand_type: string }
export interface ArrestFixture { arrest_id: string; arrest_date: string; age: number; sex?: string; ethnicity?: string | null }
export interface PopulationFixture { year: number; age_from?: number; age_to?: number; sex?: string | null; ethnic_group?: string | null; population: number }
export interface ComparatorFixture { indicator: string; period: string; area: string; value: number; numerator?: number | null; denominator?: number | null; source?: string | null }

export interface Fixture {
  children?: ChildFixture[]; offences?: OffenceFixture[]; interventions?: InterventionFixture[]; ete?: EteFixture[];
  remands?: RemandFixture[]; arrests?: ArrestFixture[]; population?: PopulationFixture[]; comparators?: ComparatorFixture[];
}

function groupOf(code: string | null | undefined): string {
  if (!code) return NOT_KNOWN;
  const e = ETHNICITY[code];
  if (!e) throw new Error(`fixture: unknown ethnicity code ${code}`);
  return e[1];
}

async function insert(store: Store, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (const row of rows) {
    const cols = Object.keys(row);
    const params: Record<string, string | number | boolean | null> = {};
    cols.forEach((c) => { params[c] = (row[c] ?? null) as string | number | boolean | null; });
    await store.run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `$${c}`).join(', ')})`, params);
  }
}

export async function fixtureStore(f: Fixture): Promise<Store> {
  const store = await openStore(null);
  await insert(store, 'children', (f.children ?? []).map((c) => ({
    child_id: c.child_id, date_of_birth: c.date_of_birth, sex: c.sex ?? 'M', ethnicity: c.ethnicity ?? null,
    ethnic_group: groupOf(c.ethnicity ?? null), looked_after: c.looked_after ?? null, send: c.send ?? null, ehcp: c.ehcp ?? null, load_id: 1,
  })));
  await insert(store, 'offences', (f.offences ?? []).map((o) => {
    const outcome = OUTCOMES[o.outcome];
    if (!outcome) throw new Error(`fixture: unknown outcome ${o.outcome}`);
    return { ...o, offence_category: o.offence_category ?? 'THEFT_AND_HANDLING', gravity: o.gravity ?? 3, outcome_tier: outcome[1], load_id: 1 };
  }));
  await insert(store, 'interventions', (f.interventions ?? []).map((i) => ({ end_date: null, completed: null, ...i, load_id: 1 })));
  await insert(store, 'ete', (f.ete ?? []).map((e) => ({
    end_date: null, provision: 'SCHOOL_FULL_TIME', suitability: 'SUITABLE', hours_offered: null, hours_attended: null, ...e, load_id: 1,
  })));
  await insert(store, 'remands', (f.remands ?? []).map((r) => ({ end_date: null, ...r, load_id: 1 })));
  await insert(store, 'arrests', (f.arrests ?? []).map((a) => ({
    arrest_id: a.arrest_id, arrest_date: a.arrest_date, age: a.age, sex: a.sex ?? 'M', ethnicity: a.ethnicity ?? null,
    ethnic_group: groupOf(a.ethnicity ?? null), load_id: 1,
  })));
  await insert(store, 'population', (f.population ?? []).map((p) => ({
    year: p.year, age_from: p.age_from ?? 10, age_to: p.age_to ?? 17, sex: p.sex ?? null, ethnic_group: p.ethnic_group ?? null,
    population: p.population, load_id: 1,
  })));
  await insert(store, 'comparators', (f.comparators ?? []).map((c) => ({
    numerator: null, denominator: null, source: null, ...c, load_id: 1,
  })));
  return store;
}
