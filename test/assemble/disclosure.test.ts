import { describe, expect, it } from 'vitest';
import { applyDisclosureControl, discloseRecords, recordsFor } from '../../pipeline/assemble/disclosure.js';
import type { Breakdown, IndicatorId, IndicatorRecord, Unit } from '../../pipeline/compute/record.js';

const P = '2024-25-Q3';
const base = { period: P, breakdown: {}, lower: null, upper: null, suppressed: false } as const;
const count = (value: number, period = P): IndicatorRecord => ({ ...base, period, id: 'fte.count', numerator: value, denominator: null, value, unit: 'count' });

function rec(id: IndicatorId, breakdown: Breakdown, numerator: number, denominator: number, unit: Unit): IndicatorRecord {
  const value = numerator / denominator * (unit === '%' ? 100 : unit === 'per 1,000' ? 1000 : 1);
  return { id, period: P, breakdown, numerator, denominator, value, lower: value / 2, upper: value * 2, unit, suppressed: false };
}
const shown = (records: IndicatorRecord[]) => records.filter((r) => !r.suppressed).map((r) => `${r.id} ${r.breakdown.group ?? ''}`.trim());

describe('applyDisclosureControl (threshold 5)', () => {
  it('hides counts from 1 to 5 and keeps true zeros and counts above the threshold', () => {
    // One record per quarter, so no two share a count.
    const out = applyDisclosureControl([count(0, '2024-25-Q1'), count(1, '2024-25-Q2'), count(5, '2024-25-Q3'), count(6, '2024-25-Q4')], 5);
    expect(out.map((r) => [r.value, r.suppressed])).toEqual([[0, false], [null, true], [null, true], [6, false]]);
  });

  it('hides a rate and its interval built on a small count, but keeps the population denominator', () => {
    // 3 first time entrants among 20,000: rate 15.0 per 100,000 must not be shown (3 = 15 × 20,000 / 100,000).
    const rate: IndicatorRecord = { ...base, id: 'fte.rate', numerator: 3, denominator: 20_000, value: 15, lower: 3.015, upper: 43.827, unit: 'per 100,000' };
    const [out] = applyDisclosureControl([rate], 5);
    expect(out).toMatchObject({ numerator: null, denominator: 20_000, value: null, lower: null, upper: null, suppressed: true });
  });

  it('hides a percentage on a small denominator even when the numerator is 0 ("0 of 3" reveals 3 children)', () => {
    const pct: IndicatorRecord = { ...base, id: 'ete.overall', numerator: 0, denominator: 3, value: 0, lower: 0, upper: 56.1, unit: '%' };
    const [out] = applyDisclosureControl([pct], 5);
    expect(out).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
  });

  it('leaves records alone when nothing is small', () => {
    const rate: IndicatorRecord = { ...base, id: 'fte.rate', numerator: 30, denominator: 20_000, value: 150, lower: 101.184, upper: 214.143, unit: 'per 100,000' };
    expect(applyDisclosureControl([rate], 5)).toEqual([rate]);
  });
});

describe('discloseRecords: a whole pack', () => {
  // First time entrant stage of disproportionality: 17 Asian, 26 Black, 45 White and 3 with no recorded ethnicity.
  const stage = { stage: 'fte' };
  const fteStage = [
    rec('dispro.rate', { ...stage, group: 'Asian' }, 17, 6553, 'per 1,000'),
    rec('dispro.rate', { ...stage, group: 'Black' }, 26, 3344, 'per 1,000'),
    rec('dispro.rate', { ...stage, group: 'White' }, 45, 13877, 'per 1,000'),
    rec('dispro.rri', { ...stage, group: 'Asian' }, 17, 45, 'ratio'),
    rec('dispro.rri', { ...stage, group: 'Black' }, 26, 45, 'ratio'),
    rec('dispro.share', { ...stage, group: 'Asian' }, 17, 88, '%'),
    rec('dispro.share', { ...stage, group: 'Black' }, 26, 88, '%'),
    rec('dispro.share', { ...stage, group: 'White' }, 45, 88, '%'),
    rec('dispro.share', { ...stage, group: 'Not known' }, 3, 91, '%'),
  ];

  it('hides a count in every record that holds it, and protects each row it lands in, until nothing moves', () => {
    const { records, log } = discloseRecords(fteStage, 5);
    // Not known (3) is primary. Its share row (Asian 17, Black 26, White 45, Not known) then needs one more hidden: the
    // smallest, Asian (secondary). Asian's rate and RRI hold the same 17 children (linked); each of those rows now has one
    // hidden cell, so the next smallest, Black 26, goes from each (secondary), and Black's share with it (linked).
    // The remaining White share would tell the stage's known total, 88, so the stage's shares all go (base).
    expect(shown(records)).toEqual(['dispro.rate White']);
    const reasons = (id: string, group: string) => log.filter((l) => l.id === id && l.breakdown.group === group).map((l) => l.reason);
    expect(reasons('dispro.share', 'Not known')).toEqual(['primary']);
    expect(reasons('dispro.share', 'Asian')).toEqual(['secondary']);
    expect(reasons('dispro.rate', 'Asian')).toEqual(['linked']);
    expect(reasons('dispro.rri', 'Asian')).toEqual(['linked']);
    expect(reasons('dispro.rate', 'Black')).toEqual(['secondary']);
    expect(reasons('dispro.share', 'Black')).toEqual(['linked']);
    expect(reasons('dispro.share', 'White')).toEqual(['base']);
  });

  it('logs each hidden record once', () => {
    const { records, log } = discloseRecords(fteStage, 5);
    const keys = log.map((l) => `${l.id}|${JSON.stringify(l.breakdown)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(records.filter((r) => r.suppressed).length);
  });

  it('keeps the population of a hidden rate per 1,000, which is published anyway', () => {
    const { records } = discloseRecords(fteStage, 5);
    expect(records.find((r) => r.id === 'dispro.rate' && r.breakdown.group === 'Asian')).toMatchObject({ numerator: null, denominator: 6553, value: null });
  });

  it('keeps the stage total behind the unknown-ethnicity share, but not the known total behind the others', () => {
    // 91 children at the stage is a total the pack shows anyway; 88 with a known group would tell 91 − 88 = 3.
    const { records } = discloseRecords(fteStage, 5);
    const shareOf = (group: string) => records.find((r) => r.id === 'dispro.share' && r.breakdown.group === group);
    expect(shareOf('Not known')).toMatchObject({ numerator: null, denominator: 91, value: null, suppressed: true });
    expect(shareOf('White')).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
  });

  it('keeps the cohort size of a hidden headline rate, but not the base of a breakdown cell or a count of the event', () => {
    const cohort = '2023-24-Q1';
    const { records } = discloseRecords([
      rec('reoffending.binary', { cohort }, 3, 30, '%'),
      rec('reoffending.per_reoffender', { cohort }, 4, 3, 'per child'),
      rec('reoffending.binary', { cohort, sex: 'F' }, 2, 12, '%'),
      rec('reoffending.binary', { cohort, sex: 'M' }, 1, 18, '%'),
    ], 5);
    // "[c] of 30": the cohort is not the children who reoffended. The 12 girls would give the boys away (30 − 12 = 18),
    // and the per-reoffender base is the 3 reoffenders themselves.
    expect(records.map((r) => [r.suppressed, r.denominator])).toEqual([[true, 30], [true, null], [true, null], [true, null]]);
  });

  it('keeps true zeros and large counts where no row needs them hidden', () => {
    const { records, log } = discloseRecords([count(0), rec('ete.overall', {}, 20, 40, '%')], 5);
    expect(records.map((r) => r.suppressed)).toEqual([false, false]);
    expect(log).toEqual([]);
  });

  it('leaves the board its records untouched', () => {
    expect(recordsFor('board', fteStage, 5)).toEqual(fteStage);
    expect(recordsFor('public', fteStage, 5)).toEqual(discloseRecords(fteStage, 5).records);
  });
});
