import { afterEach, describe, expect, it } from 'vitest';
import { computeDispro } from '../../../pipeline/compute/indicators/dispro.js';
import { computeFte } from '../../../pipeline/compute/indicators/fte.js';
import { DEFAULT_SETTINGS, type ComputeContext, type ComputeNote } from '../../../pipeline/compute/context.js';
import type { IndicatorRecord } from '../../../pipeline/compute/record.js';
import { RATE_RATIO_UNDEFINED } from '../../../pipeline/compute/statistics.js';
import { messages } from '../../../pipeline/messages.js';
import { parsePeriod } from '../../../pipeline/period.js';
import type { Store } from '../../../pipeline/store/db.js';
import { noteText } from '../../../pipeline/assemble/notes.js';
import {
  fixtureStore, type ChildFixture, type OffenceFixture, type PopulationFixture,
} from '../../helpers/fixture-store.js';

// P = October–December 2024; the year to P is 1 Jan 2024 – 31 Dec 2024 (mid-year 2024).
const P = '2024-25-Q3';
const ctx: ComputeContext = { period: parsePeriod(P), settings: DEFAULT_SETTINGS };
const Z = 1.959963984540054;

// ---- independent arithmetic for the expected intervals -------------------------------------

function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = r * (n - k + i) / i;
  return r;
}
function binomialPmf(k: number, n: number, p: number): number {
  return choose(n, k) * p ** k * (1 - p) ** (n - k);
}
function atLeast(a: number, n: number, p: number): number {
  let s = 0;
  for (let k = a; k <= n; k++) s += binomialPmf(k, n, p);
  return s;
}
function atMost(a: number, n: number, p: number): number {
  let s = 0;
  for (let k = 0; k <= a; k++) s += binomialPmf(k, n, p);
  return s;
}
/** Root of an increasing function on [0, 1] by plain bisection. */
function bisect(f: (p: number) => number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}
/** Clopper–Pearson 95% limits for a successes in n trials: P(X ≥ a; pL) = 0.025, P(X ≤ a; pU) = 0.025. */
function clopperPearson(a: number, n: number): { pL: number; pU: number } {
  const pL = a === 0 ? 0 : bisect((p) => atLeast(a, n, p) - 0.025);
  const pU = a === n ? 1 : bisect((p) => 0.025 - atMost(a, n, p));
  return { pL, pU };
}
/** Exact conditional RRI limits: CP limits for a of a + c, mapped by RRI = p / (1 − p) · n2 / n1. */
function exactRri(a: number, n1: number, c: number, n2: number): { lower: number; upper: number } {
  const { pL, pU } = clopperPearson(a, a + c);
  return { lower: pL / (1 - pL) * n2 / n1, upper: pU / (1 - pU) * n2 / n1 };
}
/** Katz: exp(ln RRI ± z·SE), SE = √(1/a − 1/n1 + 1/c − 1/n2). */
function katz(a: number, n1: number, c: number, n2: number): { value: number; lower: number; upper: number } {
  const value = (a / n1) / (c / n2);
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2);
  return { value, lower: value * Math.exp(-Z * se), upper: value * Math.exp(Z * se) };
}
/** Wilson score interval ×100. */
function wilson(x: number, n: number): { lower: number; upper: number } {
  const spread = Z * Math.sqrt(Z * Z + 4 * x * (1 - x / n));
  const scale = 2 * (n + Z * Z);
  return { lower: (2 * x + Z * Z - spread) / scale * 100, upper: (2 * x + Z * Z + spread) / scale * 100 };
}

// ---- fixtures ------------------------------------------------------------------------------

const DOB = '2008-05-01'; // 15–16 in 2024

function child(child_id: string, ethnicity: string | null, date_of_birth = DOB): ChildFixture {
  return { child_id, date_of_birth, ethnicity };
}
let offenceSeq = 0;
function outcome(child_id: string, outcome_date: string, code: string, offence_date = outcome_date): OffenceFixture {
  offenceSeq += 1;
  return { offence_id: `o${offenceSeq}`, child_id, offence_date, outcome_date, outcome: code };
}
function population(year: number, byGroup: Record<string, number>): PopulationFixture[] {
  return Object.entries(byGroup).map(([ethnic_group, n]) => ({ year, ethnic_group, population: n }));
}
const POP_2024 = population(2024, { White: 4000, Black: 1000, Asian: 2000, Mixed: 500, Other: 250 });

function find(records: IndicatorRecord[], id: string, stage: string, group: string, period = P): IndicatorRecord {
  const found = records.filter((r) => r.id === id && r.period === period && r.breakdown.stage === stage && r.breakdown.group === group);
  expect(found, `${id} ${stage} ${group} ${period}`).toHaveLength(1);
  return found[0] as IndicatorRecord;
}
function stagesOf(records: IndicatorRecord[]): Set<string> {
  return new Set(records.map((r) => r.breakdown.stage as string));
}
/** The notes whose board wording contains the text (assemble writes a note's words from its message and parameters). */
function notesMatching(notes: ComputeNote[], text: string): ComputeNote[] {
  return notes.filter((n) => noteText(n, null).includes(text));
}

let store: Store | null = null;
afterEach(() => { store?.close(); store = null; });

// ---- stages --------------------------------------------------------------------------------

describe('outcome stage (population base)', () => {
  async function run() {
    store = await fixtureStore({
      children: [
        child('W1', 'WBRI'), child('W2', 'WIRI'), child('W3', 'WBRI'), child('W4', 'WBRI'), child('W5', 'WBRI'),
        ...['B1', 'B2', 'B3', 'B4', 'B5', 'B6'].map((id) => child(id, 'BCRB')),
        child('M1', 'MWBC'), child('U1', null),
      ],
      offences: [
        outcome('W1', '2024-03-10', 'YC'), outcome('W1', '2024-09-01', 'RO'), // one child, counted once
        outcome('W2', '2024-11-01', 'RO'),
        outcome('W3', '2024-05-01', 'CR'), // not substantive
        outcome('W4', '2023-11-01', 'YC'), // before the year
        outcome('W5', '2024-06-01', 'NFA'), // not proven
        ...['B1', 'B2', 'B3'].map((id) => outcome(id, '2024-04-01', 'YC')),
        ...['B4', 'B5', 'B6'].map((id) => outcome(id, '2024-12-31', 'RO')), // last day of the year counts
        outcome('M1', '2024-07-01', 'YRO'),
        outcome('U1', '2024-08-01', 'YC'),
      ],
      population: POP_2024,
    });
    return computeDispro(store, ctx);
  }

  it('gives each group children per 1,000 aged 10–17, with the exact Poisson interval at zero', async () => {
    const { records } = await run();
    const rate = (g: string) => find(records, 'dispro.rate', 'outcome', g);
    // White: W1, W2 = 2 of 4,000 → 0.5 per 1,000; Black 6 of 1,000 → 6.0; Mixed 1 of 500 → 2.0
    expect(rate('White')).toMatchObject({ numerator: 2, denominator: 4000, unit: 'per 1,000' });
    expect(rate('White').value).toBeCloseTo(0.5, 12);
    expect(rate('Black').value).toBeCloseTo(6, 12);
    expect(rate('Mixed').value).toBeCloseTo(2, 12);
    // Asian 0 of 2,000: exact upper limit for 0 events is −ln(0.025) = 3.688879; /2,000 × 1,000 = 1.844440
    expect(rate('Asian')).toMatchObject({ numerator: 0, value: 0, lower: 0 });
    expect(rate('Asian').upper).toBeCloseTo(-Math.log(0.025) / 2, 9);
  });

  it('gives the RRI against White with the exact conditional interval', async () => {
    const { records } = await run();
    const rri = (g: string) => find(records, 'dispro.rri', 'outcome', g);
    // Black: (6 / 1,000) / (2 / 4,000) = 12; CP limits for 6 of 8, × 4,000 / 1,000
    const black = exactRri(6, 1000, 2, 4000);
    expect(rri('Black')).toMatchObject({ numerator: 6, denominator: 2, unit: 'ratio', significant: true, direction: 'higher' });
    expect(rri('Black').value).toBeCloseTo(12, 12);
    expect(rri('Black').lower).toBeCloseTo(black.lower, 8);
    expect(rri('Black').upper).toBeCloseTo(black.upper, 8);
    expect(black.lower).toBeGreaterThan(1);
    // Mixed: (1 / 500) / (2 / 4,000) = 4; CP for 1 of 3, × 4,000 / 500
    const mixed = exactRri(1, 500, 2, 4000);
    expect(rri('Mixed').value).toBeCloseTo(4, 12);
    expect(rri('Mixed').lower).toBeCloseTo(mixed.lower, 8);
    expect(rri('Mixed').upper).toBeCloseTo(mixed.upper, 8);
    expect(rri('Mixed')).toMatchObject({ significant: false, direction: null });
  });

  it('gives a group with no events RRI 0 with lower limit 0 and a finite upper limit', async () => {
    const { records } = await run();
    const asian = find(records, 'dispro.rri', 'outcome', 'Asian');
    // a = 0 of a + c = 2: pU = 1 − 0.025^(1/2) = 0.841886; RRI_U = 0.841886 / 0.158114 × 4,000 / 2,000 = 10.6491
    const pU = 1 - 0.025 ** (1 / 2);
    expect(asian).toMatchObject({ value: 0, lower: 0, significant: false, direction: null });
    expect(asian.upper).toBeCloseTo(pU / (1 - pU) * 4000 / 2000, 8);
    expect(find(records, 'dispro.rri', 'outcome', 'Other').upper).toBeCloseTo(pU / (1 - pU) * 4000 / 250, 8);
  });

  it('gives shares of known-ethnicity events, the unknown share, and shares of the population', async () => {
    const { records, notes } = await run();
    // known events 2 + 6 + 0 + 1 + 0 = 9; Black 6 of 9 = 66.667%
    const black = find(records, 'dispro.share', 'outcome', 'Black');
    expect(black).toMatchObject({ numerator: 6, denominator: 9, unit: '%' });
    expect(black.value).toBeCloseTo(600 / 9, 10);
    expect(black.lower).toBeCloseTo(wilson(6, 9).lower, 10);
    // Not known: U1, 1 of all 10 children = 10%: not above 10%, so info
    const unknown = find(records, 'dispro.share', 'outcome', 'Not known');
    expect(unknown).toMatchObject({ numerator: 1, denominator: 10 });
    expect(unknown.value).toBeCloseTo(10, 10);
    const outcomeNotes = notesMatching(notes, 'outcome stage');
    expect(outcomeNotes.filter((n) => noteText(n, null).includes('10.0%'))).toMatchObject([{ severity: 'info', indicator: 'dispro' }]);
    // population: White 4,000 of 4,000 + 1,000 + 2,000 + 500 + 250 = 7,750 → 51.613%
    const white = find(records, 'dispro.share', 'population', 'White');
    expect(white).toMatchObject({ numerator: 4000, denominator: 7750, lower: null, upper: null });
    expect(white.value).toBeCloseTo(4000 / 7750 * 100, 10);
  });

  it('puts breakdown { stage, group } on every record and period P on the headline', async () => {
    const { records } = await run();
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(Object.keys(r.breakdown).sort()).toEqual(['group', 'stage']);
      expect(r.period).toBe(P);
    }
    // 5 rates + 4 RRIs + 6 shares for each stage run, + 5 population shares
    expect(records.filter((r) => r.breakdown.stage === 'outcome')).toHaveLength(15);
    expect(records.filter((r) => r.id === 'dispro.rri').every((r) => r.breakdown.group !== 'White')).toBe(true);
  });
});

describe('first time entrant stage', () => {
  it('counts first substantive outcomes in the whole history at ages 10–17, as fte.count does', async () => {
    store = await fixtureStore({
      children: [
        child('W1', 'WBRI', '2008-01-01'), child('W2', 'WBRI'), child('W3', 'WBRI', '2005-03-01'),
        child('B1', 'BCRB', '2010-06-01'), child('B2', 'BAFR'), child('A1', 'AIND'),
      ],
      offences: [
        outcome('W1', '2023-05-01', 'CR'), outcome('W1', '2024-04-01', 'YC', '2024-03-15'), // CR does not count: FTE in 2024
        outcome('W2', '2022-06-01', 'YC'), outcome('W2', '2024-05-01', 'RO'), // entered in 2022
        outcome('W3', '2024-02-01', 'RO', '2023-12-01'), // 18 at the offence
        outcome('B1', '2024-10-01', 'YCC', '2024-09-01'), // 14
        outcome('B2', '2024-12-31', 'RO'),
        outcome('A1', '2025-01-01', 'YC'), // after P
      ],
      population: POP_2024,
    });
    const { records } = await computeDispro(store, ctx);
    // White: W1 = 1 of 4,000 → 0.25; Black: B1, B2 = 2 of 1,000 → 2.0; Asian 0
    expect(find(records, 'dispro.rate', 'fte', 'White')).toMatchObject({ numerator: 1, denominator: 4000 });
    expect(find(records, 'dispro.rate', 'fte', 'White').value).toBeCloseTo(0.25, 12);
    expect(find(records, 'dispro.rate', 'fte', 'Black')).toMatchObject({ numerator: 2, denominator: 1000 });
    expect(find(records, 'dispro.rate', 'fte', 'Asian')).toMatchObject({ numerator: 0, value: 0 });
    // RRI Black (2 / 1,000) / (1 / 4,000) = 8; CP for 2 of 3
    const rri = find(records, 'dispro.rri', 'fte', 'Black');
    expect(rri.value).toBeCloseTo(8, 12);
    expect(rri.lower).toBeCloseTo(exactRri(2, 1000, 1, 4000).lower, 8);
    expect(rri.upper).toBeCloseTo(exactRri(2, 1000, 1, 4000).upper, 8);

    const fte = await computeFte(store, ctx);
    const count = fte.records.find((r) => r.id === 'fte.count' && r.period === P);
    expect(count?.value).toBe(3); // W1 + B1 + B2, the same children
  });
});

describe('diversion stage (proportion base, Katz)', () => {
  async function run() {
    store = await fixtureStore({
      children: [
        child('W1', 'WBRI'), child('W2', 'WBRI'), child('W3', 'WOTH'), child('W4', 'WBRI'), child('W5', 'WBRI'), child('W6', 'WBRI'),
        child('B1', 'BCRB'), child('B2', 'BCRB'), child('B3', 'BAFR'), child('B4', 'BOTH'),
        child('A1', 'APKN'), child('A2', 'ABAN'),
      ],
      offences: [
        outcome('W1', '2024-02-01', 'CR'), outcome('W2', '2024-03-01', 'YC'),
        outcome('W3', '2024-04-01', 'CR'), outcome('W3', '2024-06-01', 'YCC'), // all out of court
        outcome('W4', '2024-05-01', 'RO'),
        outcome('W5', '2024-05-01', 'NFA'), // not proven: not in the base
        outcome('W6', '2023-12-01', 'OUTCOME_20_21'), // before the year
        outcome('B1', '2024-02-01', 'OUTCOME_22'),
        outcome('B2', '2024-03-01', 'YC'), outcome('B2', '2024-07-01', 'YRO'), // not all out of court
        outcome('B3', '2024-04-01', 'RO'), outcome('B4', '2024-05-01', 'DTO'),
        outcome('A1', '2024-06-01', 'RO'), outcome('A2', '2024-06-01', 'FINE'),
      ],
      population: POP_2024,
    });
    return computeDispro(store, ctx);
  }

  it('gives the % of children with a proven outcome dealt with out of court, with Wilson intervals', async () => {
    const { records } = await run();
    // White: W1, W2, W3 of W1–W4 = 3 of 4 = 75%; Black: B1 of B1–B4 = 1 of 4 = 25%
    const white = find(records, 'dispro.rate', 'diversion', 'White');
    expect(white).toMatchObject({ numerator: 3, denominator: 4, value: 75, unit: '%' });
    // Wilson 3 of 4: (6 + 3.8415 ∓ 1.96·√(3.8415 + 3)) / (2·7.8415) = 30.06% – 95.44%
    expect(white.lower).toBeCloseTo(wilson(3, 4).lower, 10);
    expect(white.upper).toBeCloseTo(wilson(3, 4).upper, 10);
    expect(find(records, 'dispro.rate', 'diversion', 'Black')).toMatchObject({ numerator: 1, denominator: 4, value: 25 });
  });

  it('gives the RRI with the Katz interval', async () => {
    const { records } = await run();
    // (1/4) / (3/4) = 1/3; SE = √(1/1 − 1/4 + 1/3 − 1/4) = √0.8333 = 0.91287; limits 0.3333·e^∓1.78919 = 0.0557, 1.9948
    const rri = find(records, 'dispro.rri', 'diversion', 'Black');
    const k = katz(1, 4, 3, 4);
    expect(rri.value).toBeCloseTo(1 / 3, 12);
    expect(rri.lower).toBeCloseTo(k.lower, 10);
    expect(rri.upper).toBeCloseTo(k.upper, 10);
    expect(rri).toMatchObject({ significant: false, direction: null });
  });

  it('leaves the Katz interval undefined for a group with no events, and says why', async () => {
    const { records, notes } = await run();
    // Asian: 0 of 2 → rate 0, RRI 0; ln 0 has no interval
    expect(find(records, 'dispro.rate', 'diversion', 'Asian')).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    expect(find(records, 'dispro.rri', 'diversion', 'Asian'))
      .toMatchObject({ value: 0, lower: null, upper: null, significant: false, direction: null });
    const why = notesMatching(notes, RATE_RATIO_UNDEFINED.noGroupEvents);
    expect(why).toHaveLength(1);
    expect(noteText(why[0]!, null)).toContain('Diversion stage');
    expect(noteText(why[0]!, null)).toContain('Asian');
  });
});

describe('custody stage with no White events', () => {
  it('leaves every RRI undefined and says why once for the stage', async () => {
    store = await fixtureStore({
      children: [child('W1', 'WBRI'), child('W2', 'WBRI'), child('W3', 'WBRI'), child('B1', 'BCRB'), child('B2', 'BCRB'), child('A1', 'AIND')],
      offences: [
        outcome('W1', '2024-02-01', 'RO'), outcome('W2', '2024-03-01', 'YRO'),
        outcome('W3', '2024-03-01', 'YC'), // not sentenced at court
        outcome('B1', '2024-04-01', 'DTO'), outcome('B2', '2024-05-01', 'FINE'),
        outcome('A1', '2024-06-01', 'S250'),
      ],
      population: POP_2024,
    });
    const { records, notes } = await computeDispro(store, ctx);
    // White 0 of 2 = 0%; Black 1 of 2 = 50%; Asian 1 of 1 = 100%
    expect(find(records, 'dispro.rate', 'custody', 'White')).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    expect(find(records, 'dispro.rate', 'custody', 'Black')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    for (const g of ['Black', 'Asian']) {
      expect(find(records, 'dispro.rri', 'custody', g))
        .toMatchObject({ value: null, lower: null, upper: null, denominator: 0, significant: false, direction: null });
    }
    const why = notesMatching(notes, RATE_RATIO_UNDEFINED.noReferenceEvents);
    expect(why).toHaveLength(1);
    expect(noteText(why[0]!, null)).toContain('Custody stage');
    expect(noteText(why[0]!, null)).toContain('Asian and Black');
  });
});

describe('remand to YDA stage', () => {
  const children = [child('W1', 'WBRI'), child('W2', 'WBRI'), child('W3', 'WBRI'), child('B1', 'BCRB'), child('B2', 'BAFR')];

  it('gives children remanded to YDA of children with any remand decision', async () => {
    store = await fixtureStore({
      children,
      remands: [
        { remand_id: 'r1', child_id: 'W1', decision_date: '2024-03-01', remand_type: 'CONDITIONAL_BAIL' },
        { remand_id: 'r2', child_id: 'W1', decision_date: '2024-04-01', remand_type: 'YDA' },
        { remand_id: 'r3', child_id: 'W2', decision_date: '2024-05-01', remand_type: 'RLAA' },
        { remand_id: 'r4', child_id: 'W3', decision_date: '2023-10-01', remand_type: 'YDA' }, // before the year
        { remand_id: 'r5', child_id: 'B1', decision_date: '2024-06-01', remand_type: 'YDA' },
        { remand_id: 'r6', child_id: 'B2', decision_date: '2024-07-01', remand_type: 'BSS' },
        { remand_id: 'r7', child_id: 'B2', decision_date: '2024-08-01', remand_type: 'YDA' },
      ],
      population: POP_2024,
    });
    const { records } = await computeDispro(store, ctx);
    // White: W1 of W1, W2 = 1 of 2 = 50%; Black: B1, B2 of 2 = 100%
    expect(find(records, 'dispro.rate', 'remand_yda', 'White')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect(find(records, 'dispro.rate', 'remand_yda', 'Black')).toMatchObject({ numerator: 2, denominator: 2, value: 100 });
    // RRI 1 / 0.5 = 2; SE = √(1/2 − 1/2 + 1/1 − 1/2) = √0.5; limits 2·e^∓1.3859 = 0.500, 7.997
    const rri = find(records, 'dispro.rri', 'remand_yda', 'Black');
    expect(rri.value).toBeCloseTo(2, 12);
    expect(rri.lower).toBeCloseTo(katz(2, 2, 1, 2).lower, 10);
    expect(rri.upper).toBeCloseTo(katz(2, 2, 1, 2).upper, 10);
  });

  it('is not run when remands.csv has no rows', async () => {
    store = await fixtureStore({ children, offences: [outcome('W1', '2024-03-01', 'RO')], population: POP_2024 });
    const { records } = await computeDispro(store, ctx);
    expect(stagesOf(records).has('outcome')).toBe(true);
    expect(stagesOf(records).has('remand_yda')).toBe(false);
  });
});

describe('arrest stage', () => {
  it('counts arrests (not children) on the population, and says so', async () => {
    store = await fixtureStore({
      arrests: [
        { arrest_id: 'a1', arrest_date: '2024-01-05', age: 15, ethnicity: 'WBRI' },
        { arrest_id: 'a2', arrest_date: '2024-02-05', age: 16, ethnicity: 'WBRI' },
        { arrest_id: 'a3', arrest_date: '2024-12-31', age: 17, ethnicity: 'WIRT' },
        { arrest_id: 'a4', arrest_date: '2023-12-31', age: 15, ethnicity: 'WBRI' }, // before the year
        { arrest_id: 'a5', arrest_date: '2024-03-05', age: 14, ethnicity: 'BCRB' },
        { arrest_id: 'a6', arrest_date: '2024-04-05', age: 14, ethnicity: 'BCRB' },
        { arrest_id: 'a7', arrest_date: '2024-05-05', age: 13, ethnicity: null },
      ],
      population: POP_2024,
    });
    const { records, notes } = await computeDispro(store, ctx);
    // White 3 of 4,000 → 0.75 per 1,000; Black 2 of 1,000 → 2.0; RRI = 2 / 0.75 = 2.6667 (CP for 2 of 5)
    expect(find(records, 'dispro.rate', 'arrest', 'White')).toMatchObject({ numerator: 3, denominator: 4000, unit: 'per 1,000' });
    expect(find(records, 'dispro.rate', 'arrest', 'White').value).toBeCloseTo(0.75, 12);
    const rri = find(records, 'dispro.rri', 'arrest', 'Black');
    expect(rri.value).toBeCloseTo(8 / 3, 12);
    expect(rri.lower).toBeCloseTo(exactRri(2, 1000, 3, 4000).lower, 8);
    // not known: 1 of 6 arrests = 16.7%, above 10%: a warning
    expect(find(records, 'dispro.share', 'arrest', 'Not known')).toMatchObject({ numerator: 1, denominator: 6 });
    expect(notesMatching(notes, 'arrest stage').filter((n) => noteText(n, null).includes('16.7%'))).toMatchObject([{ severity: 'warning' }]);
    expect(notesMatching(notes, 'counts arrests, not children')).toHaveLength(1);
  });

  it('is not run when arrests.csv stops before P, and a warning says so (issue 9)', async () => {
    // P = 2024-25-Q3 (October to December 2024); the police file's last arrest is on 30 September 2024.
    store = await fixtureStore({
      children: [child('W1', 'WBRI')], offences: [outcome('W1', '2024-03-01', 'RO')], population: POP_2024,
      arrests: [
        { arrest_id: 'a1', arrest_date: '2024-01-05', age: 15, ethnicity: 'WBRI' },
        { arrest_id: 'a2', arrest_date: '2024-09-30', age: 16, ethnicity: 'BCRB' },
      ],
    });
    const { records, notes } = await computeDispro(store, ctx);
    expect(stagesOf(records).has('arrest')).toBe(false);
    expect(notes).toContainEqual({
      indicator: 'dispro', severity: 'warning', message: 'noteDisproArrestsEndBefore', params: { period: '2024-25-Q3', last: { kind: 'date', iso: '2024-09-30' } },
    });
    // One arrest on the last day of P is enough: the file reaches P.
    store.close();
    store = await fixtureStore({
      children: [child('W1', 'WBRI')], offences: [outcome('W1', '2024-03-01', 'RO')], population: POP_2024,
      arrests: [{ arrest_id: 'a1', arrest_date: '2024-12-31', age: 15, ethnicity: 'WBRI' }],
    });
    const reaching = await computeDispro(store, ctx);
    expect(stagesOf(reaching.records).has('arrest')).toBe(true);
    expect(reaching.notes.map((n) => n.message)).not.toContain('noteDisproArrestsEndBefore');
  });

  it('is not run when arrests.csv has no rows', async () => {
    store = await fixtureStore({ children: [child('W1', 'WBRI')], offences: [outcome('W1', '2024-03-01', 'RO')], population: POP_2024 });
    const { records, notes } = await computeDispro(store, ctx);
    expect(stagesOf(records).has('arrest')).toBe(false);
    expect(notesMatching(notes, 'counts arrests, not children')).toHaveLength(0);
  });
});

describe('reoffending stage', () => {
  it('pools the latest four complete cohorts and compares reoffenders of each cohort', async () => {
    // Complete at P (≥ 18 months): cohort quarters up to 2023-24-Q1; the latest four are
    // 2022-23-Q2 (Jul–Sep 2022), Q3, Q4 and 2023-24-Q1 (Apr–Jun 2023).
    store = await fixtureStore({
      children: [
        child('W1', 'WBRI', '2008-01-01'), child('W2', 'WBRI', '2008-01-01'), child('W3', 'WBRI', '2008-01-01'),
        child('W4', 'WBRI', '2008-01-01'), child('B1', 'BCRB', '2008-01-01'), child('B2', 'BAFR', '2008-01-01'),
        child('X1', null, '2008-01-01'),
      ],
      offences: [
        // W1: index YC 10 Aug 2022 (2022-23-Q2); reoffence committed 1 Oct 2022, YC 1 Nov 2022: a reoffender.
        // That YC is also W1's index in 2022-23-Q3, with no reoffence after it: a second, non-reoffending member.
        outcome('W1', '2022-08-10', 'YC', '2022-08-01'), outcome('W1', '2022-11-01', 'YC', '2022-10-01'),
        outcome('W2', '2023-05-01', 'RO', '2023-04-01'), // 2023-24-Q1, no reoffence
        outcome('W3', '2022-06-01', 'YC'), // 2022-23-Q1: complete but older than the latest four
        outcome('W4', '2023-07-15', 'YC'), // 2023-24-Q2: not complete
        // B1: index 1 Dec 2022 (Q3); a later CR is not a proven reoffence
        outcome('B1', '2022-12-01', 'YC'), outcome('B1', '2023-03-01', 'CR', '2023-02-01'),
        // B2: index RO 1 Feb 2023 (Q4); offence 1 Jun 2023 sentenced 1 Aug 2023: a reoffender
        outcome('B2', '2023-02-01', 'RO'), outcome('B2', '2023-08-01', 'YRO', '2023-06-01'),
        outcome('X1', '2023-01-10', 'YC'), // Q4, not known ethnicity
      ],
      population: POP_2024,
    });
    const { records, notes } = await computeDispro(store, ctx);
    // White: W1 (Q2, reoffended), W1 (Q3), W2 (Q1) = 1 of 3; Black: B1, B2 = 1 of 2
    expect(find(records, 'dispro.rate', 'reoffending', 'White')).toMatchObject({ numerator: 1, denominator: 3 });
    expect(find(records, 'dispro.rate', 'reoffending', 'Black')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    // RRI (1/2) / (1/3) = 1.5; SE = √(1 − 1/2 + 1 − 1/3) = √1.1667 = 1.0801
    const rri = find(records, 'dispro.rri', 'reoffending', 'Black');
    expect(rri.value).toBeCloseTo(1.5, 12);
    expect(rri.lower).toBeCloseTo(katz(1, 2, 1, 3).lower, 10);
    expect(rri.upper).toBeCloseTo(katz(1, 2, 1, 3).upper, 10);
    // not known: X1, 1 of the 6 cohort members = 16.7%: a warning
    expect(find(records, 'dispro.share', 'reoffending', 'Not known')).toMatchObject({ numerator: 1, denominator: 6 });
    expect(notesMatching(notes, 'reoffending stage').some((n) => n.severity === 'warning' && noteText(n, null).includes('16.7%'))).toBe(true);
    expect(notesMatching(notes, 'July to September 2022, October to December 2022, January to March 2023 and April to June 2023')).toHaveLength(1);
  });

  it('is not shown while no complete cohort has children', async () => {
    store = await fixtureStore({ children: [child('W1', 'WBRI')], offences: [outcome('W1', '2024-03-01', 'RO')], population: POP_2024 });
    const { records, notes } = await computeDispro(store, ctx);
    expect(stagesOf(records).has('reoffending')).toBe(false);
    expect(notesMatching(notes, 'reoffending stage of disproportionality is not shown')).toHaveLength(1);
  });
});

describe('pooling over three years', () => {
  const pooledCtx: ComputeContext = { period: parsePeriod(P), settings: { ...DEFAULT_SETTINGS, poolStages: ['custody', 'outcome'] } };
  const others = { Asian: 2000, Mixed: 500, Other: 250 };

  async function run() {
    store = await fixtureStore({
      children: ['W1', 'W2', 'W3', 'W4'].map((id) => child(id, 'WBRI')).concat(['B1', 'B2', 'B3'].map((id) => child(id, 'BCRB'))),
      offences: [
        // year to P (2024): White W1 custody, W2 not; Black B1 custody
        outcome('W1', '2024-03-01', 'DTO'), outcome('W2', '2024-04-01', 'RO'), outcome('B1', '2024-05-01', 'DTO'),
        // year to P−4 (2023): White W3 not; Black B1 (YRO then DTO) and B2 custody
        outcome('W3', '2023-06-01', 'FINE'), outcome('B1', '2023-02-01', 'YRO'), outcome('B1', '2023-08-01', 'DTO'),
        outcome('B2', '2023-09-01', 'DTO'),
        // year to P−8 (2022): White W4 custody; Black B3 not
        outcome('W4', '2022-07-01', 'S250'), outcome('B3', '2022-03-01', 'RO'),
      ],
      population: [
        ...population(2022, { White: 3000, Black: 900, ...others }),
        ...population(2023, { White: 3500, Black: 950, ...others }),
        ...POP_2024,
      ],
    });
    return computeDispro(store, pooledCtx);
  }

  it('keeps the single year to P under the stage and adds the earlier single years at their own periods', async () => {
    const { records } = await run();
    // 2024: White 1 of 2, Black 1 of 1 → RRI 2
    expect(find(records, 'dispro.rate', 'custody', 'White')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(find(records, 'dispro.rri', 'custody', 'Black').value).toBeCloseTo(2, 12);
    // 2023 (period 2023-24-Q3): White 0 of 1 → no White events, RRI undefined; Black 2 of 2
    expect(find(records, 'dispro.rate', 'custody', 'Black', '2023-24-Q3')).toMatchObject({ numerator: 2, denominator: 2 });
    expect(find(records, 'dispro.rri', 'custody', 'Black', '2023-24-Q3')).toMatchObject({ value: null });
    // 2022 (period 2022-23-Q3): White 1 of 1, Black 0 of 1 → RRI 0
    expect(find(records, 'dispro.rri', 'custody', 'Black', '2022-23-Q3')).toMatchObject({ value: 0 });
  });

  it('sums events and bases of the three years under <stage>_pooled at period P (proportion base)', async () => {
    const { records, notes } = await run();
    // White 1 + 0 + 1 = 2 of 2 + 1 + 1 = 4 (50%); Black 1 + 2 + 0 = 3 of 1 + 2 + 1 = 4 (75%); B1 counts in two years
    expect(find(records, 'dispro.rate', 'custody_pooled', 'White')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    expect(find(records, 'dispro.rate', 'custody_pooled', 'Black')).toMatchObject({ numerator: 3, denominator: 4, value: 75 });
    // RRI 0.75 / 0.5 = 1.5; SE = √(1/3 − 1/4 + 1/2 − 1/4) = √(1/3)
    const rri = find(records, 'dispro.rri', 'custody_pooled', 'Black');
    expect(rri.value).toBeCloseTo(1.5, 12);
    expect(rri.lower).toBeCloseTo(katz(3, 4, 2, 4).lower, 10);
    expect(rri.upper).toBeCloseTo(katz(3, 4, 2, 4).upper, 10);
    const pooledNotes = notesMatching(notes, "stage 'custody_pooled'");
    expect(pooledNotes).toHaveLength(1);
    expect(noteText(pooledNotes[0]!, null)).toContain('January 2022 to December 2024');
  });

  it('sums the three years\' populations for a population base', async () => {
    const { records } = await run();
    // outcome: White 2 (2024) + 1 (2023) + 1 (2022) = 4 of 4,000 + 3,500 + 3,000 = 10,500 → 0.380952 per 1,000
    // Black 1 + 2 + 1 = 4 of 1,000 + 950 + 900 = 2,850 → 1.403509 per 1,000; RRI 10,500 / 2,850 = 3.684211
    const white = find(records, 'dispro.rate', 'outcome_pooled', 'White');
    expect(white).toMatchObject({ numerator: 4, denominator: 10500 });
    expect(white.value).toBeCloseTo(4 / 10500 * 1000, 12);
    const rri = find(records, 'dispro.rri', 'outcome_pooled', 'Black');
    expect(rri.value).toBeCloseTo(10500 / 2850, 12);
    expect(rri.lower).toBeCloseTo(exactRri(4, 2850, 4, 10500).lower, 8);
    expect(rri.upper).toBeCloseTo(exactRri(4, 2850, 4, 10500).upper, 8);
    // the single year 2023 uses the mid-2023 population
    expect(find(records, 'dispro.rate', 'outcome', 'Black', '2023-24-Q3')).toMatchObject({ numerator: 2, denominator: 950 });
  });

  it('does not pool stages that are not named', async () => {
    await run();
    const { records } = await computeDispro(store as Store, ctx);
    expect([...stagesOf(records)].some((s) => s.endsWith('_pooled'))).toBe(false);
    expect(records.every((r) => r.period === P)).toBe(true);
  });
});

describe('population', () => {
  it('uses a combined area\'s rows by sex and age band for a service covering two authorities', async () => {
    // White, authority A + B: M 10–11 100 + 60, 12–14 150 + 80, 15–17 160 + 90; F 90 + 50, 140 + 75, 150 + 85
    //   = M 160, 230, 250; F 140, 215, 235 → 1,230
    // Black: M 20 + 10, 30 + 12, 35 + 15; F 18 + 9, 28 + 11, 33 + 14 = M 30, 42, 50; F 27, 39, 47 → 235
    const bands = (group: string, m: number[], f: number[]): PopulationFixture[] => [[10, 11], [12, 14], [15, 17]]
      .flatMap(([from, to], i) => [
        { year: 2024, age_from: from, age_to: to, sex: 'M', ethnic_group: group, population: m[i] as number },
        { year: 2024, age_from: from, age_to: to, sex: 'F', ethnic_group: group, population: f[i] as number },
      ]);
    store = await fixtureStore({
      children: [child('W1', 'WBRI'), child('W2', 'WBRI'), child('B1', 'BCRB')],
      offences: [outcome('W1', '2024-03-01', 'RO'), outcome('W2', '2024-04-01', 'YC'), outcome('B1', '2024-05-01', 'YC')],
      population: [
        ...bands('White', [160, 230, 250], [140, 215, 235]),
        ...bands('Black', [30, 42, 50], [27, 39, 47]),
        ...population(2024, { Asian: 100, Mixed: 100, Other: 100 }),
        { year: 2024, population: 1765 }, // the all-groups total row is not a group's population
      ],
    });
    const { records } = await computeDispro(store, ctx);
    expect(find(records, 'dispro.rate', 'outcome', 'White')).toMatchObject({ numerator: 2, denominator: 1230 });
    expect(find(records, 'dispro.rate', 'outcome', 'Black')).toMatchObject({ numerator: 1, denominator: 235 });
    // RRI (1 / 235) / (2 / 1,230) = 1,230 / 470 = 2.617021
    expect(find(records, 'dispro.rri', 'outcome', 'Black').value).toBeCloseTo(1230 / 470, 12);
    // White share of the population: 1,230 of 1,230 + 235 + 300 = 1,765 → 69.688%
    expect(find(records, 'dispro.share', 'population', 'White').value).toBeCloseTo(1230 / 1765 * 100, 10);
  });

  it('uses the latest earlier estimate when the mid-year inside the year is missing, and says so', async () => {
    store = await fixtureStore({
      children: [child('W1', 'WBRI'), child('B1', 'BCRB')],
      offences: [outcome('W1', '2024-03-01', 'RO'), outcome('B1', '2024-05-01', 'YC')],
      population: population(2023, { White: 3500, Black: 950, Asian: 2000, Mixed: 500, Other: 250 }),
    });
    const { records, notes } = await computeDispro(store, ctx);
    expect(find(records, 'dispro.rate', 'outcome', 'Black')).toMatchObject({ numerator: 1, denominator: 950 });
    const fallback = notes.filter((n) => noteText(n, null).includes('mid-2024') && noteText(n, null).includes('mid-2023'));
    expect(fallback).toMatchObject([{ severity: 'info', indicator: 'dispro' }]);
  });

  it('without an ethnic split, leaves population-based rates undefined and warns, but keeps proportion stages', async () => {
    store = await fixtureStore({
      children: [child('W1', 'WBRI'), child('W2', 'WBRI'), child('B1', 'BCRB')],
      offences: [outcome('W1', '2024-03-01', 'CR'), outcome('W2', '2024-04-01', 'RO'), outcome('B1', '2024-05-01', 'YC')],
      population: [{ year: 2024, population: 5000 }],
    });
    const { records, notes } = await computeDispro(store, ctx);
    // outcome: White W2 = 1, no population
    expect(find(records, 'dispro.rate', 'outcome', 'White')).toMatchObject({ numerator: 1, denominator: null, value: null });
    expect(find(records, 'dispro.rri', 'outcome', 'Black')).toMatchObject({ value: null, significant: false });
    expect(records.filter((r) => r.breakdown.stage === 'population')).toHaveLength(0);
    const warning = notes.filter((n) => n.severity === 'warning' && noteText(n, null).includes('No population aged 10–17'));
    expect(warning).toHaveLength(1);
    expect(noteText(warning[0]!, null)).toContain('Asian, Black, Mixed, Other and White');
    // diversion: White W1 (CR) of W1, W2 = 50%
    expect(find(records, 'dispro.rate', 'diversion', 'White')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
  });
});
