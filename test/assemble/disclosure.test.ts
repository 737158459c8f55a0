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
  const reasons = (log: { id: string; breakdown: Record<string, string>; reason: string }[], id: string, group: string) =>
    log.filter((l) => l.id === id && l.breakdown.group === group).map((l) => l.reason);

  it('hides a small count, and of the cells that would give it away the one that costs least', () => {
    // Not known (3) is primary, but 91 at the stage less the 88 with a known group would tell it. The 91 is printed
    // only as the base of the not-known share, so hiding it (one figure) protects the 3; hiding the 88 would blank
    // every share of the stage, and would not be enough (17 + 26 + 45 = 88).
    const { records, log } = discloseRecords(fteStage, 5);
    expect(shown(records)).toEqual(fteStage.slice(0, 8).map((r) => `${r.id} ${r.breakdown.group}`));
    expect(records[8]).toMatchObject({ numerator: null, denominator: null, value: null, suppressed: true });
    expect(log).toEqual([{ id: 'dispro.share', period: P, breakdown: { stage: 'fte', group: 'Not known' }, reason: 'primary' }]);
  });

  it('where the stage total is printed twice (the year\'s first time entrants), protects the 3 with a group and the known total', () => {
    // fte.count 91 = everyone at the stage, so 91 cannot be hidden alone: 88 must go (every share of the stage with it,
    // 'linked'), and then one group's count, else 17 + 26 + 45 gives 88 back: the smallest, Asian (17, secondary).
    // Not known is then 91 − 45 − 26 − Asian: anything from 0 to 20. White's and Black's rates and index stay.
    const { records, log } = discloseRecords([...fteStage, count(91)], 5);
    expect(shown(records)).toEqual(['dispro.rate Black', 'dispro.rate White', 'dispro.rri Black', 'fte.count']);
    expect(reasons(log, 'dispro.share', 'Not known')).toEqual(['primary']);
    expect(reasons(log, 'dispro.rate', 'Asian')).toEqual(['secondary']);
    expect(reasons(log, 'dispro.rri', 'Asian')).toEqual(['secondary']);
    expect(reasons(log, 'dispro.share', 'White')).toEqual(['linked']);
    expect(reasons(log, 'dispro.share', 'Black')).toEqual(['linked']);
    // The White count behind every index stays: the shares are hidden for their base, not their count.
    expect(records.find((r) => r.id === 'dispro.share' && r.breakdown.group === 'White')).toMatchObject({ numerator: 45, denominator: null, value: null });
  });

  it('hides a count in every record that prints it (rate, index and share of one group)', () => {
    const { records, log } = discloseRecords([
      rec('dispro.rate', { stage: 'outcome', group: 'Other' }, 2, 1174, 'per 1,000'),
      rec('dispro.rri', { stage: 'outcome', group: 'Other' }, 2, 58, 'ratio'),
      rec('dispro.share', { stage: 'outcome', group: 'Other' }, 2, 136, '%'),
    ], 5);
    expect(records.every((r) => r.suppressed && r.numerator === null)).toBe(true);
    expect(log.map((l) => l.reason)).toEqual(['primary', 'primary', 'primary']);
  });

  it('hides a count whose base less the count is small ("80.0% (20 of 25)"), and the figure that would give it back', () => {
    // Above school age 20 of 25: 5 were not offered their hours. School age 16 of 34, all children 36 of 59:
    // 36 − 16 = 20 would give the 20 back, so the smaller 16 goes too; the headline 36 of 59 stays.
    const ete = [rec('ete.school_age', {}, 16, 34, '%'), rec('ete.over_school_age', {}, 20, 25, '%'), rec('ete.overall', {}, 36, 59, '%')];
    const { records, log } = discloseRecords(ete, 5);
    expect(records.map((r) => [r.numerator, r.denominator, r.suppressed])).toEqual([[null, 34, true], [null, 25, true], [36, 59, false]]);
    expect(log.map((l) => [l.id, l.reason])).toEqual([['ete.school_age', 'secondary'], ['ete.over_school_age', 'complement']]);
  });

  it('hides a diversion rate whose complement is small when the group\'s children are printed in the profile', () => {
    // 6 of the 8 Other children with an outcome were diverted: 2 went to court. Table 11 prints the 8.
    const profile = [{
      dimension: 'ethnic_group' as const, period: P, total: 30,
      rows: [{ category: 'Other', label: 'Other', children: 8 }, { category: 'White', label: 'White', children: 22 }],
    }];
    const { records, profile: shownProfile } = discloseRecords([
      rec('dispro.rate', { stage: 'diversion', group: 'Other' }, 6, 8, '%'),
      rec('dispro.rate', { stage: 'diversion', group: 'White' }, 18, 22, '%'),
    ], 5, { profile });
    // Other: complement 2; White: complement 4. Both counts hidden; the 8 and 22 children stay in the profile.
    expect(records.map((r) => [r.numerator, r.denominator])).toEqual([[null, 8], [null, 22]]);
    expect(shownProfile[0]!.hidden).toEqual({ rows: [null, null], total: null });
  });

  it('keeps the population of a hidden rate per 1,000, which is published anyway', () => {
    const { records } = discloseRecords([rec('dispro.rate', { stage: 'fte', group: 'Other' }, 2, 1174, 'per 1,000')], 5);
    expect(records[0]).toMatchObject({ numerator: null, denominator: 1174, value: null });
  });

  it('keeps a cohort\'s size and its parts\' sizes where they cannot give a hidden count away', () => {
    const cohort = '2023-24-Q1';
    const { records } = discloseRecords([
      rec('reoffending.binary', { cohort }, 3, 30, '%'),
      rec('reoffending.per_reoffender', { cohort }, 4, 3, 'per child'),
      rec('reoffending.binary', { cohort, sex: 'F' }, 2, 12, '%'),
      rec('reoffending.binary', { cohort, sex: 'M' }, 1, 18, '%'),
    ], 5);
    // "[c] of 30", "[c] of 12", "[c] of 18": the reoffenders (3, 2, 1) and reoffences (4) are all hidden, and each can
    // be anything from 0 to its base. The per-reoffender base is the 3 reoffenders themselves.
    expect(records.map((r) => [r.suppressed, r.numerator, r.denominator])).toEqual([[true, null, 30], [true, null, null], [true, null, 12], [true, null, 18]]);
  });

  it('keeps true zeros and large counts where nothing needs them hidden', () => {
    const { records, log } = discloseRecords([count(0), rec('ete.overall', {}, 20, 40, '%')], 5);
    expect(records.map((r) => r.suppressed)).toEqual([false, false]);
    expect(log).toEqual([]);
  });

  it('drops significance and direction from a hidden index, which would tell which side of 1 it lies', () => {
    const rri = { ...rec('dispro.rri', { stage: 'custody', group: 'Other' }, 2, 3, 'ratio'), significant: true, direction: 'higher' as const };
    const [out] = discloseRecords([rri], 5).records;
    expect(out).not.toHaveProperty('significant');
    expect(out).not.toHaveProperty('direction');
  });

  it('logs each hidden record once', () => {
    const { records, log } = discloseRecords([...fteStage, count(91)], 5);
    const keys = log.map((l) => `${l.id}|${JSON.stringify(l.breakdown)}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(records.filter((r) => r.suppressed).length);
  });

  it('discloses the remand table with the records: a small count and the complement of a small count', () => {
    const { remands, countLog } = discloseRecords([], 5, { remands: [{ period: P, decisions: 9, children: 8, childrenWithDecision: 10 }] });
    // 10 children with a decision, 8 remanded to youth detention: 2 were not, so the 8 is hidden.
    expect(remands[0]!.hidden).toEqual({ children: 'complement' });
    expect(countLog).toEqual([{ table: 'remands.yda', period: P, category: 'children', reason: 'complement' }]);
  });

  it('leaves the board its records untouched', () => {
    expect(recordsFor('board', fteStage, 5)).toEqual(fteStage);
    expect(recordsFor('public', fteStage, 5)).toEqual(discloseRecords(fteStage, 5).records);
  });

  it('shows board attendance however small: it counts partner organisations (of 5), not children', () => {
    // 2 of 5 sectors attended, 1 of 5 shared data: small counts, but of organisations. A KPI on children beside
    // them (3 of 8 offered a mental-health intervention) is still hidden, so the exemption is by what is counted.
    const sectors = rec('kpi.board_attendance.sectors', {}, 2, 5, 'of 5');
    const shared = rec('kpi.board_attendance.data_shared', {}, 1, 5, 'of 5');
    const children = rec('kpi.mental_health.offered', {}, 3, 8, '%');
    const out = discloseRecords([sectors, shared, children], 5).records;
    expect(out.map((r) => [r.id, r.numerator, r.suppressed])).toEqual([
      ['kpi.board_attendance.sectors', 2, false], ['kpi.board_attendance.data_shared', 1, false], ['kpi.mental_health.offered', null, true],
    ]);
  });
});
