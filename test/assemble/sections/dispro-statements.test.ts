import { describe, expect, it } from 'vitest';
import { NO_HIDDEN_REASONS, type HiddenReasonOf } from '../../../pipeline/assemble/hidden-reasons.js';
import { rriRows, stagesShown } from '../../../pipeline/assemble/dispro-figures.js';
import {
  chanceSentence, countsPhrase, fewSentence, hiddenSentence, largestRobust, significantSentence, tallyComparisons,
} from '../../../pipeline/assemble/sections/dispro-statements.js';
import type { IndicatorRecord } from '../../../pipeline/compute/record.js';
import { parsePeriod } from '../../../pipeline/period.js';

const P = '2024-25-Q3';
const GROUPS = ['Asian', 'Black', 'Mixed', 'Other'];
/** An RRI at the FTE stage: `a` children of the group; significant when the interval lies above 1. */
function rri(group: string, a: number, significant: boolean, suppressed = false): IndicatorRecord {
  return {
    id: 'dispro.rri', period: P, breakdown: { stage: 'fte', group }, numerator: suppressed ? null : a, denominator: suppressed ? null : 45,
    value: suppressed ? null : 2, lower: suppressed ? null : significant ? 1.2 : 0.8, upper: suppressed ? null : 3.3, unit: 'ratio',
    significant: !suppressed && significant, direction: significant ? 'higher' : null, suppressed,
  };
}
function tally(records: IndicatorRecord[], reason: HiddenReasonOf = NO_HIDDEN_REASONS, minCount = 10) {
  return tallyComparisons(rriRows(records, stagesShown(records, parsePeriod(P))), minCount, reason);
}
/** The first `n` groups significant with `a` children each, the rest not. */
const stage = (n: number, a = 20) => GROUPS.map((g, i) => rri(g, a, i < n));

describe('significantSentence: 0, 1 and many', () => {
  it('words each count', () => {
    expect(significantSentence(tally(stage(0)))).toBe('None of the 4 comparisons with White children differs significantly.');
    expect(significantSentence(tally(stage(1)))).toBe('1 of the 4 comparisons with White children differs significantly.');
    expect(significantSentence(tally(stage(3)))).toBe('3 of the 4 comparisons with White children differ significantly.');
    expect(significantSentence(tally([rri('Black', 20, false)]))).toBe('The 1 comparison with White children does not differ significantly.');
    expect(significantSentence(tally([rri('Black', 20, true)]))).toBe('The 1 comparison with White children differs significantly.');
    expect(significantSentence(tally([]))).toBe('No comparison with White children could be made.');
  });

  it('counts only the comparisons a public pack shows', () => {
    const records = [rri('Asian', 3, false, true), rri('Black', 20, true), rri('Mixed', 20, false), rri('Other', 2, false, true)];
    expect(significantSentence(tally(records))).toBe('1 of the 2 comparisons with White children that can be shown differs significantly.');
    const allHidden = GROUPS.map((g) => rri(g, 2, false, true));
    expect(significantSentence(tally(allHidden))).toBe('None of the 4 comparisons with White children can be shown.');
  });
});

describe('hiddenSentence: the true reason for each hidden comparison', () => {
  const smallOr = (protecting: string[]): HiddenReasonOf => (r) => (r.suppressed ? (protecting.includes(r.breakdown.group ?? '') ? 'protects another' : 'small count') : null);
  const hide = (groups: string[]) => GROUPS.map((g) => rri(g, 20, false, groups.includes(g)));

  it('says nothing when nothing is hidden', () => {
    expect(hiddenSentence(tally(stage(1)))).toBeNull();
  });

  it('words one and many, small counts and protecting cells', () => {
    expect(hiddenSentence(tally(hide(['Asian']), smallOr([])))).toBe('1 comparison is hidden to protect children\'s identities: it is built on a small count.');
    expect(hiddenSentence(tally(hide(['Asian', 'Other']), smallOr([])))).toBe('2 comparisons are hidden to protect children\'s identities: each is built on a small count.');
    expect(hiddenSentence(tally(hide(['Mixed']), smallOr(['Mixed']))))
      .toBe('1 comparison is hidden to protect children\'s identities: it is hidden so that another hidden figure cannot be worked out from it.');
    expect(hiddenSentence(tally(hide(['Asian', 'Mixed', 'Other']), smallOr(['Asian', 'Mixed']))))
      .toBe('3 comparisons are hidden to protect children\'s identities: 1 is built on a small count, and 2 are hidden so that another hidden figure cannot be worked out from them.');
  });

  it('claims no reason it was not given', () => {
    expect(hiddenSentence(tally(hide(['Asian', 'Other'])))).toBe('2 comparisons are hidden to protect children\'s identities.');
  });
});

describe('chanceSentence and fewSentence', () => {
  it('gives the number expected by chance (5% of the comparisons), from 2 comparisons', () => {
    expect(chanceSentence(tally([rri('Black', 20, true)]))).toBeNull();
    // 4 × 0.05 = 0.2.
    expect(chanceSentence(tally(stage(1)))).toMatch(/^With 4 comparisons, about 0\.2 would be expected to look significant by chance alone/);
  });

  it('says how many significant results rest on few children: 0, 1 and many', () => {
    expect(fewSentence(tally(stage(2)))).toBeNull();
    expect(fewSentence(tally(stage(1, 9)))).toBe('1 significant result rests on fewer than 10 children in the group at the stage, so it is based on few children and not used as a headline.');
    expect(fewSentence(tally(stage(3, 2)))).toBe('3 significant results rest on fewer than 10 children in the group at the stage, so they are based on few children and not used as a headline.');
  });
});

describe('largestRobust: the headline rests on at least headline_min_count children', () => {
  it('takes a group of 10 and leaves one of 9, however far from parity', () => {
    const far = (group: string, a: number, value: number): IndicatorRecord => ({ ...rri(group, a, true), value, lower: value / 2, upper: value * 2 });
    const records = [far('Other', 9, 7.33), far('Black', 10, 1.5)];
    expect(largestRobust(tally(records))?.group).toBe('Black');
    expect(largestRobust(tally([far('Other', 10, 7.33), far('Black', 10, 1.5)]))?.group).toBe('Other');
    expect(largestRobust(tally([far('Other', 9, 7.33)]))).toBeNull();
    // A setting of 1 lets any significant comparison lead.
    expect(largestRobust(tally(records, NO_HIDDEN_REASONS, 1))?.group).toBe('Other');
  });
});

describe('countsPhrase: the counts behind a comparison, for 1 and many', () => {
  const rate = (stage: string, group: string, n: number, d: number, unit: '%' | 'per 1,000'): IndicatorRecord => ({
    id: 'dispro.rate', period: P, breakdown: { stage, group }, numerator: n, denominator: d, value: n / d, lower: null, upper: null, unit, suppressed: false,
  });
  const viewOf = (stage: string) => stagesShown([rri('Black', 1, false), { ...rri('Black', 1, false), breakdown: { stage, group: 'Black' } }], parsePeriod(P))
    .find((s) => s.key === stage)!;

  it('names the events of a population stage, singular for 1', () => {
    const fte = viewOf('fte');
    expect(countsPhrase(fte, rate('fte', 'Black', 1, 3344, 'per 1,000'), rate('fte', 'White', 45, 13877, 'per 1,000'), 'Black'))
      .toBe('1 first time entrant among 3,344 Black children, against 45 among 13,877 White children');
    expect(countsPhrase(fte, rate('fte', 'Other', 26, 1174, 'per 1,000'), rate('fte', 'White', 45, 13877, 'per 1,000'), 'Other'))
      .toBe('26 first time entrants among 1,174 children from the Other ethnic group, against 45 among 13,877 White children');
  });

  it('gives "n of d" for a stage compared with the children fed in, as in the issue\'s "2 of 2"', () => {
    const custody = viewOf('custody');
    expect(countsPhrase(custody, rate('custody', 'Other', 2, 2, '%'), rate('custody', 'White', 30, 220, '%'), 'Other'))
      .toBe('2 of 2 children from the Other ethnic group, against 30 of 220 White children');
  });

  it('gives nothing when either rate is hidden', () => {
    const hidden = { ...rate('fte', 'Black', 3, 3344, 'per 1,000'), suppressed: true };
    expect(countsPhrase(viewOf('fte'), hidden, rate('fte', 'White', 45, 13877, 'per 1,000'), 'Black')).toBeNull();
  });
});
