/**
 * Builds an in-memory store straight from tiny inline fixtures, bypassing
 * load and validation, so indicator tests state exactly the rows they need.
 * Values are given already normalised (canonical codes, ISO dates).
 */
import { openStore, type Store } from '../../pipeline/store/db.js';
import { OUTCOMES, ETHNICITY, NOT_KNOWN } from '../../pipeline/contract/codes.js';

export interface ChildFixture {
  child_id: string; date_of_birth: string; sex?: string; ethnicity?: string | null;
  looked_after?: boolean | null; send?: boolean | null; ehcp?: boolean | null; resident_in_area?: boolean | null;
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

export interface AccommodationFixture { child_id: string; start_date: string; end_date?: string | null; type?: string; suitable: boolean }
export interface NeedFixture {
  child_id: string; need: string; identified_date: string; plan?: boolean | null; offered_date?: string | null; attended?: boolean | null;
}
export interface CareStatusFixture { child_id: string; status: string; start_date: string; end_date?: string | null }
export interface VictimFixture {
  victim_id: string; child_id: string; identified_date: string; consented_contact?: boolean | null; contacted?: boolean | null;
  engaged_rj?: boolean | null; views_considered?: boolean | null;
}
export interface BoardFixture { meeting_date: string; sector: string; attended: boolean; senior?: boolean | null; data_shared?: boolean | null }

export interface Fixture {
  children?: ChildFixture[]; offences?: OffenceFixture[]; interventions?: InterventionFixture[]; ete?: EteFixture[];
  remands?: RemandFixture[]; arrests?: ArrestFixture[]; population?: PopulationFixture[]; comparators?: ComparatorFixture[];
  accommodation?: AccommodationFixture[]; needs?: NeedFixture[]; care_status?: CareStatusFixture[]; victims?: VictimFixture[];
  board_attendance?: BoardFixture[];
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
    ethnic_group: groupOf(c.ethnicity ?? null), looked_after: c.looked_after ?? null, send: c.send ?? null, ehcp: c.ehcp ?? null,
    resident_in_area: c.resident_in_area ?? null, load_id: 1,
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
  await insert(store, 'accommodation', (f.accommodation ?? []).map((a) => ({ end_date: null, type: 'FAMILY', ...a, load_id: 1 })));
  await insert(store, 'needs', (f.needs ?? []).map((n) => ({ plan: null, offered_date: null, attended: null, ...n, load_id: 1 })));
  await insert(store, 'care_status', (f.care_status ?? []).map((c) => ({ end_date: null, ...c, load_id: 1 })));
  await insert(store, 'victims', (f.victims ?? []).map((v) => ({
    consented_contact: null, contacted: null, engaged_rj: null, views_considered: null, ...v, load_id: 1,
  })));
  await insert(store, 'board_attendance', (f.board_attendance ?? []).map((b) => ({ senior: null, data_shared: null, ...b, load_id: 1 })));
  return store;
}
