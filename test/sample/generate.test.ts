/**
 * The sample extract: deterministic, in the contract's format and codes,
 * internally consistent, and at the default size about what a service of
 * ~26,000 children aged 10–17 reports.
 */
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOMMODATION_TYPES, BOARD_SECTORS, CARE_STATUSES, ETE_PROVISION, ETE_SUITABILITY, ETHNIC_GROUPS, ETHNICITY,
  INTERVENTION_TYPES, NEED_TYPES, OFFENCE_CATEGORIES, OUTCOMES, REMAND_TYPES, SEX, SUBSTANTIVE_TIERS,
} from '../../pipeline/contract/codes.js';
import { FILES } from '../../pipeline/contract/files.js';
import { YjpackError } from '../../pipeline/errors.js';
import { addDays, addMonths, ageOn, parsePeriod } from '../../pipeline/period.js';
import { generateSample, type SampleSummary } from '../../pipeline/sample/index.js';
import { countBy, financialYear, readTable, type Table } from './read-extract.js';
import { tempDir } from '../support/temp-dir.js';

const TO = parsePeriod('2026-27-Q2');
const KPI_FILES = ['accommodation.csv', 'needs.csv', 'care_status.csv', 'victims.csv', 'board_attendance.csv'];
const CASE_FILES = ['children.csv', 'offences.csv', 'interventions.csv', 'ete.csv', 'remands.csv', 'arrests.csv', ...KPI_FILES];
const ALL_FILES = [...CASE_FILES, 'population.csv'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

let root: string;
let dir: string; // the default sample: default size, seed 20261123, to 2026-27-Q2 (as committed in data-samples/)
let summary: SampleSummary;
const t: Record<string, Table> = {};

beforeAll(async () => {
  root = await tempDir('yjpack-sample-');
  dir = join(root, 'default');
  summary = await generateSample({ outDir: dir, seed: 20261123, to: TO });
  for (const f of ALL_FILES) t[f.replace('.csv', '')] = readTable(dir, f);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const isSubstantive = (outcome: string) => SUBSTANTIVE_TIERS.includes(OUTCOMES[outcome]![1]);
const tierOf = (outcome: string) => OUTCOMES[outcome]![1];

describe('determinism', () => {
  it('writes identical bytes for the same seed and different ones for another seed', async () => {
    const run = async (name: string, seed: number) => {
      const out = join(root, name);
      await generateSample({ outDir: out, seed, to: TO, children: 150 });
      return Object.fromEntries(ALL_FILES.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    };
    const a = await run('a', 7);
    const b = await run('b', 7);
    const c = await run('c', 8);
    expect(b).toEqual(a);
    for (const f of CASE_FILES) expect(c[f], f).not.toBe(a[f]);
  });

  it('is what is committed in data-samples/ (regenerate it when the generator changes)', () => {
    const committed = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'data-samples');
    for (const f of [...ALL_FILES, 'population.csv.README.txt']) {
      expect(readFileSync(join(committed, f), 'utf8') === readFileSync(join(dir, f), 'utf8'), f).toBe(true);
    }
  });
});

describe('format', () => {
  it('writes every column of the contract, in its order, in each file', () => {
    for (const spec of FILES.filter((f) => f.name !== 'comparators')) {
      expect(t[spec.name]!.header, spec.fileName).toEqual(spec.columns.map((c) => c.name));
    }
  });

  it('reports the rows it wrote and the history it covers', () => {
    for (const f of summary.files) expect(f.rows, f.name).toBe(t[f.name.replace('.csv', '')]!.rows.length);
    expect(summary.files.map((f) => f.name).sort()).toEqual([...ALL_FILES].sort());
    // six years ending September 2026: October 2020 to September 2026
    expect([summary.from, summary.to]).toEqual(['2020-10-01', '2026-09-30']);
  });

  it('uses only the contract codes', () => {
    const ethnicityOk = (v: string) => v === '' || v in ETHNICITY;
    for (const c of t.children!.rows) {
      expect(c.child_id).toMatch(/^C\d{6}$/);
      expect(c.sex! in SEX && ethnicityOk(c.ethnicity!), c.child_id).toBe(true);
      for (const flag of [c.looked_after, c.send, c.ehcp, c.resident_in_area]) expect(['Y', 'N']).toContain(flag);
    }
    for (const o of t.offences!.rows) {
      expect(o.outcome! in OUTCOMES && o.offence_category! in OFFENCE_CATEGORIES, o.offence_id).toBe(true);
      expect(Number(o.gravity)).toBeGreaterThanOrEqual(1);
      expect(Number(o.gravity)).toBeLessThanOrEqual(8);
      expect(Number.isInteger(Number(o.gravity))).toBe(true);
    }
    for (const i of t.interventions!.rows) {
      expect(i.type! in INTERVENTION_TYPES, i.intervention_id).toBe(true);
      expect(['Y', 'N', '']).toContain(i.completed);
    }
    for (const e of t.ete!.rows) {
      expect(e.provision! in ETE_PROVISION && e.suitability! in ETE_SUITABILITY, e.child_id).toBe(true);
      expect(Number(e.hours_attended)).toBeLessThanOrEqual(Number(e.hours_offered));
    }
    for (const r of t.remands!.rows) expect(r.remand_type! in REMAND_TYPES, r.remand_id).toBe(true);
    for (const a of t.arrests!.rows) {
      expect(a.sex! in SEX && ethnicityOk(a.ethnicity!), a.arrest_id).toBe(true);
      expect(Number(a.age)).toBeGreaterThanOrEqual(10);
      expect(Number(a.age)).toBeLessThanOrEqual(17);
    }
    for (const p of t.population!.rows) expect(['', ...ETHNIC_GROUPS]).toContain(p.ethnic_group);
    const yesNo = ['Y', 'N'];
    for (const a of t.accommodation!.rows) {
      expect(a.type! in ACCOMMODATION_TYPES && yesNo.includes(a.suitable!), a.child_id).toBe(true);
    }
    for (const n of t.needs!.rows) {
      expect(n.need! in NEED_TYPES, n.child_id).toBe(true);
      // A plan only for SEND; attendance only for an offer (blank when not offered).
      expect(n.plan, n.child_id).toBe(n.need === 'SEND' ? n.plan : '');
      if (n.need === 'SEND') expect(yesNo).toContain(n.plan);
      expect(n.attended === '', n.child_id).toBe(n.offered_date === '');
    }
    for (const c of t.care_status!.rows) expect(c.status! in CARE_STATUSES, c.child_id).toBe(true);
    for (const v of t.victims!.rows) {
      for (const flag of [v.consented_contact, v.contacted, v.engaged_rj, v.views_considered]) expect(yesNo).toContain(flag);
    }
    for (const b of t.board_attendance!.rows) {
      expect(b.sector! in BOARD_SECTORS, b.meeting_date).toBe(true);
      for (const flag of [b.attended, b.senior, b.data_shared]) expect(yesNo).toContain(flag);
    }
  });

  it('writes every date as an ISO date', () => {
    const dateColumns: Record<string, string[]> = {
      children: ['date_of_birth'], offences: ['offence_date', 'outcome_date'], interventions: ['start_date', 'end_date'],
      ete: ['start_date', 'end_date'], remands: ['decision_date', 'end_date'], arrests: ['arrest_date'],
      accommodation: ['start_date', 'end_date'], needs: ['identified_date', 'offered_date'], care_status: ['start_date', 'end_date'],
      victims: ['identified_date'], board_attendance: ['meeting_date'],
    };
    for (const [file, columns] of Object.entries(dateColumns)) {
      for (const row of t[file]!.rows) {
        for (const col of columns) {
          const v = row[col]!;
          if (v !== '' || !(col.startsWith('end') || col === 'offered_date')) expect(v, `${file}.${col}`).toMatch(ISO);
          if (v !== '') expect(v <= '2026-09-30', `${file}.${col} ${v} after the extract`).toBe(true);
        }
      }
    }
  });

  it('has unique ids and only refers to children in children.csv', () => {
    const ids = (file: string, col: string) => t[file]!.rows.map((r) => r[col]!);
    for (const [file, col] of [['children', 'child_id'], ['offences', 'offence_id'], ['interventions', 'intervention_id'], ['remands', 'remand_id'], ['arrests', 'arrest_id'], ['victims', 'victim_id']] as const) {
      expect(new Set(ids(file, col)).size, file).toBe(t[file]!.rows.length);
    }
    // Files without an id: the contract's key is unique.
    for (const spec of FILES.filter((f) => ['ete', ...KPI_FILES.map((k) => k.replace('.csv', ''))].includes(f.name) && f.name !== 'victims')) {
      const keys = t[spec.name]!.rows.map((r) => spec.key.map((k) => r[k]).join('|'));
      expect(new Set(keys).size, spec.name).toBe(keys.length);
    }
    const children = new Set(ids('children', 'child_id'));
    for (const file of ['offences', 'interventions', 'ete', 'remands', 'accommodation', 'needs', 'care_status', 'victims']) {
      expect(t[file]!.rows.every((r) => children.has(r.child_id!)), file).toBe(true);
    }
  });
});

describe('consistency', () => {
  it('dates each outcome 0–6 months after the offence, inside the history', () => {
    for (const o of t.offences!.rows) {
      expect(o.outcome_date! >= o.offence_date!, o.offence_id).toBe(true);
      expect(o.outcome_date! <= addMonths(o.offence_date!, 6), o.offence_id).toBe(true);
      expect(o.outcome_date! >= '2020-10-01' && o.outcome_date! <= '2026-09-30', o.offence_id).toBe(true);
    }
  });

  it('has children aged 10–17 at every offence', () => {
    const dob = new Map(t.children!.rows.map((c) => [c.child_id!, c.date_of_birth!]));
    for (const o of t.offences!.rows) {
      const age = ageOn(dob.get(o.child_id!)!, o.offence_date!);
      expect(age >= 10 && age <= 17, `${o.offence_id} aged ${age}`).toBe(true);
    }
  });

  it('ends interventions, placements and remands on or after they start', () => {
    for (const i of t.interventions!.rows) if (i.end_date) expect(i.end_date >= i.start_date!, i.intervention_id).toBe(true);
    for (const e of t.ete!.rows) if (e.end_date) expect(e.end_date >= e.start_date!, e.child_id).toBe(true);
    for (const r of t.remands!.rows) expect(r.end_date! >= r.decision_date!, r.remand_id).toBe(true);
  });

  it('starts each custody intervention on the day of a custodial sentence and leaves open ones blank', () => {
    const sentenced = new Set(t.offences!.rows.filter((o) => tierOf(o.outcome!) === 'custody').map((o) => `${o.child_id}|${o.outcome_date}`));
    const custody = t.interventions!.rows.filter((i) => i.type === 'CUSTODY');
    expect(custody.length).toBeGreaterThan(0);
    for (const i of custody) expect(sentenced.has(`${i.child_id}|${i.start_date}`), i.intervention_id).toBe(true);
    expect(t.interventions!.rows.filter((i) => !i.end_date).every((i) => i.completed === '')).toBe(true);
  });

  it('records about 3% of children with ethnicity not known', () => {
    const notKnown = t.children!.rows.filter((c) => c.ethnicity === '' || c.ethnicity === 'REFU' || c.ethnicity === 'NOBT').length;
    expect(notKnown / t.children!.rows.length).toBeGreaterThan(0.01);
    expect(notKnown / t.children!.rows.length).toBeLessThan(0.06);
  });
});

describe('the KPI files agree with the rest of the extract', () => {
  const byChild = (file: string) => {
    const m = new Map<string, Record<string, string>[]>();
    for (const r of t[file]!.rows) m.set(r.child_id!, [...(m.get(r.child_id!) ?? []), r]);
    return m;
  };
  const child = () => new Map(t.children!.rows.map((c) => [c.child_id!, c]));

  it('gives each child one place at a time, in date order, and secure accommodation through each custodial sentence', () => {
    for (const [id, places] of byChild('accommodation')) {
      for (let k = 1; k < places.length; k++) {
        expect(places[k - 1]!.end_date !== '' && places[k - 1]!.end_date! < places[k]!.start_date!, id).toBe(true);
      }
    }
    const placesOf = byChild('accommodation');
    const custody = t.interventions!.rows.filter((i) => i.type === 'CUSTODY');
    for (const i of custody) {
      // Sentence day to the day before release (the day of release is spent at the new address).
      const last = i.end_date ? addDays(i.end_date, -1) : '9999-12-31';
      const secure = (placesOf.get(i.child_id!) ?? []).find((a) => a.type === 'SECURE' && a.start_date! <= i.start_date!
        && (a.end_date === '' || a.end_date! >= last));
      expect(secure, i.intervention_id).toBeDefined();
    }
    // Bed and breakfast and no fixed abode are never judged suitable (that would be a load warning).
    expect(t.accommodation!.rows.filter((a) => ['BED_AND_BREAKFAST', 'NO_FIXED_ABODE'].includes(a.type!) && a.suitable === 'Y')).toEqual([]);
  });

  it('has a care episode for exactly the children flagged looked after, and in-care places only in it', () => {
    const care = new Map(t.care_status!.rows.filter((s) => s.status === 'LAC').map((s) => [s.child_id!, s]));
    expect(t.care_status!.rows.filter((s) => s.status === 'LAC').length).toBe(care.size);
    for (const c of t.children!.rows) expect(care.has(c.child_id!), c.child_id).toBe(c.looked_after === 'Y');
    const inCare = ['FOSTER', 'CHILDRENS_HOME'];
    for (const a of t.accommodation!.rows.filter((r) => inCare.includes(r.type!))) {
      const episode = care.get(a.child_id!);
      expect(episode !== undefined && episode.start_date! <= a.start_date! && (episode.end_date === '' || a.start_date! <= episode.end_date!),
        `${a.child_id} ${a.type} from ${a.start_date}`).toBe(true);
    }
  });

  it('records SEND only for children with SEND, a plan exactly when they have an EHCP, and offers on or after identification', () => {
    const children = child();
    for (const n of t.needs!.rows) {
      const c = children.get(n.child_id!)!;
      if (n.need === 'SEND') {
        expect(c.send, n.child_id).toBe('Y');
        expect(n.plan, n.child_id).toBe(c.ehcp);
      }
      if (n.offered_date) expect(n.offered_date >= n.identified_date!, n.child_id).toBe(true);
    }
  });

  it('records contact and restorative justice only with consent, and victims only for children with an intervention', () => {
    for (const v of t.victims!.rows) {
      if (v.consented_contact === 'N') expect([v.contacted, v.engaged_rj], v.victim_id).toEqual(['N', 'N']);
      if (v.engaged_rj === 'Y') expect(v.contacted, v.victim_id).toBe('Y');
    }
    const withIntervention = new Set(t.interventions!.rows.map((i) => i.child_id!));
    expect(t.victims!.rows.every((v) => withIntervention.has(v.child_id!))).toBe(true);
  });

  it('has board meetings on Tuesdays, each with all five sectors, senior and data shared only when attended', () => {
    const meetings = countBy(t.board_attendance!.rows, (b) => b.meeting_date!);
    for (const [day, sectors] of meetings) {
      expect(new Date(`${day}T00:00:00Z`).getUTCDay(), String(day)).toBe(2);
      expect(sectors, String(day)).toBe(5);
    }
    // Two a quarter over 24 quarters, a few cancelled.
    expect(meetings.size).toBeGreaterThan(40);
    expect(meetings.size).toBeLessThanOrEqual(48);
    for (const b of t.board_attendance!.rows.filter((r) => r.attended === 'N')) expect([b.senior, b.data_shared]).toEqual(['N', 'N']);
  });

  it('records a few children as living outside the area', () => {
    const out = t.children!.rows.filter((c) => c.resident_in_area === 'N').length;
    expect(out).toBeGreaterThan(0);
    expect(out / t.children!.rows.length).toBeLessThan(0.04);
  });
});

describe('volumes at the default size', () => {
  // The history runs October 2020 to September 2026: whole financial years 2021-22 to 2025-26.
  const FULL_YEARS = [2021, 2022, 2023, 2024, 2025];

  it('has 80–130 first time entrants a year (first substantive outcome per child)', () => {
    const first = new Map<string, string>();
    for (const o of t.offences!.rows) {
      if (!isSubstantive(o.outcome!)) continue;
      const seen = first.get(o.child_id!);
      if (!seen || o.outcome_date! < seen) first.set(o.child_id!, o.outcome_date!);
    }
    const perYear = countBy([...first.values()], financialYear);
    for (const y of FULL_YEARS) {
      expect(perYear.get(y), `FTE ${y}`).toBeGreaterThanOrEqual(80);
      expect(perYear.get(y), `FTE ${y}`).toBeLessThanOrEqual(130);
    }
  });

  it('has 5–15 custodial sentences a year once the history has built up (after its first year)', () => {
    const sentences = new Set(t.offences!.rows.filter((o) => tierOf(o.outcome!) === 'custody').map((o) => `${o.child_id}|${o.outcome_date}`));
    const perYear = countBy([...sentences], (k) => financialYear(k.split('|')[1]!));
    for (const y of FULL_YEARS.slice(1)) {
      expect(perYear.get(y), `custody ${y}`).toBeGreaterThanOrEqual(5);
      expect(perYear.get(y), `custody ${y}`).toBeLessThanOrEqual(15);
    }
  });

  it('has quarterly reoffending cohorts of 30–60 on average, 20–40% reoffending within 12 months', () => {
    // Index events: YC, YCC, non-custodial sentences (outcome date) and custody releases; first per child per quarter.
    const index: { child: string; day: string }[] = t.offences!.rows
      .filter((o) => isSubstantive(o.outcome!) && tierOf(o.outcome!) !== 'custody')
      .map((o) => ({ child: o.child_id!, day: o.outcome_date! }));
    for (const i of t.interventions!.rows) if (i.type === 'CUSTODY' && i.end_date) index.push({ child: i.child_id!, day: i.end_date });
    const quarterOf = (d: string) => `${d.slice(0, 4)}-${Math.floor((Number(d.slice(5, 7)) - 1) / 3)}`;
    const cohorts = new Map<string, Map<string, string>>();
    for (const e of index) {
      if (e.day < '2021-01-01' || e.day > '2024-12-31') continue; // whole quarters with 18 months' follow-up inside the data
      const cohort = cohorts.get(quarterOf(e.day)) ?? new Map<string, string>();
      cohorts.set(quarterOf(e.day), cohort);
      if (!cohort.has(e.child) || e.day < cohort.get(e.child)!) cohort.set(e.child, e.day);
    }
    const offencesOf = new Map<string, Record<string, string>[]>();
    for (const o of t.offences!.rows) offencesOf.set(o.child_id!, [...(offencesOf.get(o.child_id!) ?? []), o]);
    let members = 0;
    let reoffenders = 0;
    for (const cohort of cohorts.values()) {
      for (const [child, day] of cohort) {
        members++;
        const proven = (offencesOf.get(child) ?? []).some((o) => o.offence_date! >= addDays(day, 1) && o.offence_date! <= addMonths(day, 12)
          && isSubstantive(o.outcome!) && o.outcome_date! <= addMonths(day, 18));
        if (proven) reoffenders++;
      }
    }
    expect(cohorts.size).toBe(16);
    expect(members / cohorts.size).toBeGreaterThanOrEqual(30);
    expect(members / cohorts.size).toBeLessThanOrEqual(60);
    expect(reoffenders / members).toBeGreaterThanOrEqual(0.2);
    expect(reoffenders / members).toBeLessThanOrEqual(0.4);
  });

  it('has police arrests of 3–5% of the area’s children a year', () => {
    const population = Number(t.population!.rows.find((p) => p.year === '2021' && p.age === '10-17')!.population);
    const perYear = countBy(t.arrests!.rows.map((a) => a.arrest_date!), financialYear);
    for (const y of FULL_YEARS) {
      expect(perYear.get(y)! / population, `arrests ${y}`).toBeGreaterThanOrEqual(0.03);
      expect(perYear.get(y)! / population, `arrests ${y}`).toBeLessThanOrEqual(0.05);
    }
  });

  it('gives the real population estimates of Wolverhampton only: mid-2018 to mid-2021, no later year invented', () => {
    const totals = new Map(t.population!.rows.filter((p) => p.age === '10-17').map((p) => [p.year, Number(p.population)]));
    // mid-2018 24,959 and mid-2021 27,974 (YJB), mid-2019 25,624 and mid-2020 26,657 (ONS); none later is shipped.
    expect([...totals]).toEqual([['2018', 24_959], ['2019', 25_624], ['2020', 26_657], ['2021', 27_974]]);
    const notes = readFileSync(join(dir, 'population.csv.README.txt'), 'utf8');
    expect(notes).not.toMatch(/hold the mid-/i);
    expect(notes).toContain('Contains public sector information licensed under the Open Government Licence v3.0.');
  });
});

describe('disproportionality', () => {
  it('over-represents Black and Mixed children more at custody than at arrest, Asian children near parity', async () => {
    // A bigger sample so that custody counts are large enough to show the built-in pattern, not noise.
    const out = join(root, 'big');
    await generateSample({ outDir: out, seed: 3, to: TO, children: 16_000 });
    const population = readTable(out, 'population.csv').rows.filter((p) => p.year === '2021' && p.ethnic_group !== '');
    const popOf = (g: string) => population.filter((p) => p.ethnic_group === g).reduce((s, p) => s + Number(p.population), 0);
    const groupOfCode = (code: string) => (code === '' ? null : ETHNICITY[code]![1]);
    const rri = (events: readonly (string | null)[]) => {
      const n = countBy(events.filter((g): g is string => g !== null), (g) => g);
      const white = n.get('White')! / popOf('White');
      return (g: string) => n.get(g)! / popOf(g) / white;
    };
    const arrests = rri(readTable(out, 'arrests.csv').rows.map((a) => groupOfCode(a.ethnicity!)));
    const children = readTable(out, 'children.csv').rows;
    const group = new Map(children.map((c) => [c.child_id!, groupOfCode(c.ethnicity!)]));
    const custodyChildren = new Set(readTable(out, 'offences.csv').rows.filter((o) => tierOf(o.outcome!) === 'custody').map((o) => o.child_id!));
    const custody = rri([...custodyChildren].map((c) => group.get(c)!));
    for (const g of ['Black', 'Mixed']) {
      expect(arrests(g), `arrest ${g}`).toBeGreaterThanOrEqual(2);
      expect(custody(g), `custody ${g}`).toBeGreaterThan(arrests(g));
      expect(custody(g), `custody ${g}`).toBeLessThanOrEqual(5);
    }
    expect(arrests('Asian')).toBeLessThan(1.1);
    expect(custody('Asian')).toBeLessThan(1.3);
  });
});

describe('refusals', () => {
  it('refuses an unknown area before writing anything', async () => {
    const out = join(root, 'unknown-area');
    const error = await generateSample({ outDir: out, to: TO, area: 'E99999999', children: 10 }).catch((e: unknown) => e);
    expect((error as YjpackError).messageId).toBe('unknownArea');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a size that is not a whole number above 0', async () => {
    const error = await generateSample({ outDir: join(root, 'zero'), to: TO, children: 0 }).catch((e: unknown) => e);
    expect((error as YjpackError).messageId).toBe('badOption');
  });
});
