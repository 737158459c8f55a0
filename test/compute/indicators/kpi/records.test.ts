/**
 * The KPI record builders: one tally over the members gives the headline and
 * every category of every dimension; each test sees a member with its
 * position in the list (so a measure's facts are read once per list); the
 * categories of a list are worked out once and kept apart per dimension list.
 */
import { describe, expect, it } from 'vitest';
import { byQuarter, countRecords, proportionRecords, sumRecords } from '../../../../pipeline/compute/indicators/kpi/records.js';
import type { Dimension } from '../../../../pipeline/compute/indicators/kpi/population.js';

interface Kid { quarter: string; sex: string; band: string }

const SEX: Dimension<Kid> = { key: 'sex', values: ['M', 'F'], of: (k) => k.sex };
const BAND: Dimension<Kid> = { key: 'age_band', values: ['10-14', '15-17'], of: (k) => k.band };

// Five children: the third has sex 'U', which SEX does not list.
const KIDS: Kid[] = [
  { quarter: '2024-25-Q1', sex: 'M', band: '10-14' },
  { quarter: '2024-25-Q1', sex: 'F', band: '15-17' },
  { quarter: '2024-25-Q1', sex: 'U', band: '15-17' },
  { quarter: '2024-25-Q1', sex: 'M', band: '15-17' },
  { quarter: '2024-25-Q1', sex: 'F', band: '10-14' },
];
// Facts read once per list, by position: children 0, 2 and 3 met the measure.
const MET = [true, false, true, true, false];

const cell = (records: ReturnType<typeof proportionRecords>, breakdown: object) =>
  records.find((r) => JSON.stringify(r.breakdown) === JSON.stringify(breakdown));

describe('proportionRecords', () => {
  it('counts the headline and each listed category, reading facts by position', () => {
    const records = proportionRecords('kpi.accommodation.end', '2024-25-Q1', KIDS, [SEX, BAND], () => true, (_, i) => MET[i]!);
    // Headline 3 of 5; M: children 0 and 3, both met → 2 of 2; F: children 1 and 4, neither → 0 of 2.
    expect(cell(records, {})).toMatchObject({ numerator: 3, denominator: 5 });
    expect(cell(records, { sex: 'M' })).toMatchObject({ numerator: 2, denominator: 2 });
    expect(cell(records, { sex: 'F' })).toMatchObject({ numerator: 0, denominator: 2 });
    // The 'U' child counts only in the headline and its age band: 15-17 is children 1, 2, 3 → 2 of 3; 10-14 is 0 and 4 → 1 of 2.
    expect(cell(records, { age_band: '15-17' })).toMatchObject({ numerator: 2, denominator: 3 });
    expect(cell(records, { age_band: '10-14' })).toMatchObject({ numerator: 1, denominator: 2 });
    expect(records).toHaveLength(1 + 2 + 2);
  });

  it('passes the base test the same position, so the base and the hits line up', () => {
    const seen: number[] = [];
    const records = proportionRecords('kpi.accommodation.end', '2024-25-Q1', KIDS, [SEX],
      (k, i) => { seen.push(i); expect(k).toBe(KIDS[i]); return i !== 0; }, (_, i) => MET[i]!);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    // Child 0 left out of the base: 2 of 4 (children 2 and 3); M is child 3 alone → 1 of 1.
    expect(cell(records, {})).toMatchObject({ numerator: 2, denominator: 4 });
    expect(cell(records, { sex: 'M' })).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('keeps the categories of one list apart for each dimension list it is tallied by', () => {
    const bySex = proportionRecords('kpi.accommodation.end', '2024-25-Q1', KIDS, [SEX], () => true, (_, i) => MET[i]!);
    const byBand = proportionRecords('kpi.accommodation.end', '2024-25-Q1', KIDS, [BAND], () => true, (_, i) => MET[i]!);
    expect(bySex.map((r) => r.breakdown)).toEqual([{}, { sex: 'M' }, { sex: 'F' }]);
    expect(byBand.map((r) => r.breakdown)).toEqual([{}, { age_band: '10-14' }, { age_band: '15-17' }]);
    expect(cell(byBand, { age_band: '10-14' })).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('gives an empty category 0 of 0 with no value', () => {
    const records = proportionRecords('kpi.accommodation.end', '2024-25-Q1', KIDS.slice(0, 1), [SEX], () => true, () => true);
    expect(cell(records, { sex: 'F' })).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });
});

describe('countRecords', () => {
  it('counts the members meeting the test, by position', () => {
    const records = countRecords('kpi.accommodation.not_recorded', '2024-25-Q1', KIDS, [SEX], (_, i) => !MET[i]!);
    // Not met: children 1 and 4 → 2, both F; no M.
    expect(records.map((r) => r.value)).toEqual([2, 0, 2]);
  });
});

describe('sumRecords', () => {
  it('adds an amount over the headline and each listed category', () => {
    const offences = [2, 1, 5, 3, 0];
    const records = sumRecords('kpi.serious_violence.offences', '2024-25-Q1', KIDS, [SEX], (k) => offences[KIDS.indexOf(k)]!);
    // All 11; M is children 0 and 3 → 5; F is 1 and 4 → 1; the 'U' child's 5 only in the headline.
    expect(records.map((r) => r.value)).toEqual([11, 5, 1]);
  });
});

describe('a list tallied again after it has grown', () => {
  it('counts the members it has now', () => {
    // The same list and the same dimension list both times, as a run shares them.
    const kids = KIDS.slice(0, 2);
    const bySex = [SEX];
    expect(countRecords('kpi.accommodation.not_recorded', '2024-25-Q1', kids, bySex, () => true).map((r) => r.value)).toEqual([2, 1, 1]);
    kids.push(KIDS[3]!);
    expect(countRecords('kpi.accommodation.not_recorded', '2024-25-Q1', kids, bySex, () => true).map((r) => r.value)).toEqual([3, 2, 1]);
  });
});

describe('byQuarter', () => {
  it('groups members by quarter and hands every caller the same list for a quarter', () => {
    const members = [...KIDS, { quarter: '2024-25-Q2', sex: 'M', band: '10-14' }];
    const first = byQuarter(members);
    const again = byQuarter(members);
    expect(first('2024-25-Q1')).toHaveLength(5);
    expect(first('2024-25-Q2')).toEqual([members[5]]);
    expect(first('2023-24-Q4')).toEqual([]);
    expect(again('2024-25-Q1')).toBe(first('2024-25-Q1'));
  });
});
