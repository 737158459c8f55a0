import { describe, expect, it } from 'vitest';
import { shownProfileCounts, shownRemandCounts } from '../../pipeline/assemble/count-disclosure.js';
import type { ProfileTable } from '../../pipeline/compute/profile.js';

const P = '2024-25-Q3';
const t = (dimension: ProfileTable['dimension'], rows: [string, number][]): ProfileTable => ({
  dimension, period: P, total: rows.reduce((n, [, c]) => n + c, 0), rows: rows.map(([label, children]) => ({ category: label, label, children })),
});
// 20 children with a proven outcome in the year to December 2024.
const profile: ProfileTable[] = [
  t('sex', [['Male', 14], ['Female', 4], ['Unknown', 2]]),
  t('age', [['14', 0], ['15', 8], ['16', 9], ['17', 3]]),
];

describe('shownProfileCounts and shownRemandCounts', () => {
  it('show every count to the board', () => {
    expect(shownProfileCounts(profile[0]!, null)).toEqual({ rows: [14, 4, 2], total: 20 });
    expect(shownRemandCounts({ period: P, decisions: 1, children: 1, childrenWithDecision: 2 }, null)).toEqual([1, 1, 2]);
  });

  it('disclose a table given on its own, and read a table disclosed with the pack as it was disclosed', () => {
    // Age: 17 (3) is small and 15 (8) protects it (20 − 0 − 8 − 9 = 3 otherwise).
    expect(shownProfileCounts(profile[1]!, 5)).toEqual({ rows: [0, null, 9, null], total: 20 });
    // The same table disclosed with the pack, where a figure printed elsewhere hid 16 instead: the marks are kept.
    const marked = { ...profile[1]!, hidden: { rows: [null, null, 'secondary' as const, 'primary' as const], total: null } };
    expect(shownProfileCounts(marked, 5)).toEqual({ rows: [0, 8, null, null], total: 20 });
  });

  it('hide a small remand count, and the children remanded when the children with a decision less them are few', () => {
    // 9 of 12 children with a decision remanded to youth detention, so 3 were not: the 9 goes (10 decisions stay:
    // the 9 can be anything from 0 to 10). With 2 decisions instead, the 2 is small and goes too.
    expect(shownRemandCounts({ period: P, decisions: 10, children: 9, childrenWithDecision: 12 }, 5)).toEqual([10, null, 12]);
    expect(shownRemandCounts({ period: P, decisions: 2, children: 2, childrenWithDecision: 12 }, 5)).toEqual([null, null, 12]);
  });
});
