import { describe, expect, it } from 'vitest';
import {
  auditPublished, complementRelation, percentageRelations, totalRelation, type AuditCell,
} from '../../../pipeline/compute/statistics.js';
import { feasibleSystem, minimise } from '../../../pipeline/compute/statistics/simplex.js';
import { auditView, indexTable, type AuditCache, type AuditView } from '../../../pipeline/compute/statistics/disclosure-audit.js';
import { bruteForceRanges, mulberry32, pick, twoByTwo } from './small-tables.js';

const shown = (key: string, value: number): AuditCell => ({ key, value });
const hidden = (key: string): AuditCell => ({ key, value: null, suppressed: true });
const unprinted = (key: string): AuditCell => ({ key, value: null });
const rangeOf = (r: ReturnType<typeof auditPublished>, key: string) => r.ranges.find((x) => x.key === key);

describe('simplex', () => {
  it('minimises and maximises a variable of x + y = 10, x ≤ 4 (slack s): x in [0, 4]', () => {
    const system = feasibleSystem([[1, 1, 0], [1, 0, 1]], [10, 4])!;
    expect(minimise(system, [1, 0, 0])).toEqual({ status: 'optimal', value: 0 });
    expect(minimise(system, [-1, 0, 0])).toMatchObject({ status: 'optimal', value: -4 });
  });

  it('finds no solution to x + y = −1 with x, y ≥ 0, and no bound on max x for x − y = 0', () => {
    expect(feasibleSystem([[1, 1]], [-1])).toBeNull();
    expect(minimise(feasibleSystem([[1, -1]], [0])!, [-1, 0])).toEqual({ status: 'unbounded' });
  });
});

describe('auditPublished: leaks from the issue fail', () => {
  it('"80.0% (20 of 25)": the complement 25 − 20 = 5 is read off the count and its base', () => {
    const r = auditPublished([shown('met', 20), shown('measured', 25), unprinted('not met')],
      [complementRelation('met', 'not met', 'measured')], 5);
    expect(r.leaks).toEqual([{ key: 'not met', lower: 5, upper: 5, suppressed: false }]);
  });

  it('a diversion percentage of 75.0% beside the 8 children of the group tells that 2 had court outcomes', () => {
    // Only the percentage and the group's children (another table) are shown; the count diverted is not printed.
    const r = auditPublished([shown('children', 8), unprinted('diverted'), unprinted('court')],
      [...percentageRelations('diverted', 'children', 75.0), complementRelation('diverted', 'court', 'children')], 5);
    // 75.0% of 8 lies between 5.996 and 6.004 children: 6 diverted, so 8 − 6 = 2 went to court.
    expect(rangeOf(r, 'diverted')).toMatchObject({ lower: 6, upper: 6 });
    expect(r.leaks.map((l) => [l.key, l.lower])).toEqual([['court', 2]]);
  });

  it('a row total minus the cells shown gives the hidden one away', () => {
    // Male 12, Female [c] (3), Unknown 0, total 15: 15 − 12 − 0 = 3.
    const r = auditPublished([shown('M', 12), hidden('F'), shown('U', 0), shown('total', 15)],
      [totalRelation(['M', 'F', 'U'], 'total')], 5);
    expect(r.leaks).toEqual([{ key: 'F', lower: 3, upper: 3, suppressed: true }]);
  });

  it('shares of a known total give the hidden count away', () => {
    // 107 children at a stage (shown elsewhere); shares 42.1%, 24.3%, 17.8% shown, the fourth group's share hidden.
    // 42.1% of 107 pins 45, 24.3% pins 26, 17.8% pins 19, so the hidden group is 107 − 90 = 17.
    const r = auditPublished([shown('total', 107), unprinted('White'), unprinted('Black'), unprinted('Mixed'), hidden('Asian')], [
      ...percentageRelations('White', 'total', 42.1), ...percentageRelations('Black', 'total', 24.3),
      ...percentageRelations('Mixed', 'total', 17.8), totalRelation(['White', 'Black', 'Mixed', 'Asian'], 'total'),
    ], 5);
    expect(r.leaks.find((l) => l.key === 'Asian')).toMatchObject({ lower: 17, upper: 17 });
  });

  it('a figure published twice: hidden in one table, shown in another', () => {
    const r = auditPublished([hidden('custody children (table 2)'), shown('custody children (table 9)', 4)],
      [{ kind: 'eq', terms: [{ key: 'custody children (table 2)', coef: 1 }, { key: 'custody children (table 9)', coef: -1 }] }], 5);
    expect(r.leaks.map((l) => l.key)).toEqual(['custody children (table 2)']);
  });
});

describe('auditPublished: a protected table passes', () => {
  it('a 2 × 2 table with its margins shown and all four inner cells hidden', () => {
    // Reoffended / not, by out of court / court: 3 | 12 (15), 7 | 8 (15), margins 10 and 20. Each inner cell can be
    // anything that keeps the margins: top-left from max(0, 15 − 20) = 0 to min(15, 10) = 10.
    const cells = [hidden('a'), hidden('b'), hidden('c'), hidden('d'), shown('row1', 15), shown('row2', 15), shown('col1', 10), shown('col2', 20)];
    const r = auditPublished(cells, [
      totalRelation(['a', 'b'], 'row1'), totalRelation(['c', 'd'], 'row2'), totalRelation(['a', 'c'], 'col1'), totalRelation(['b', 'd'], 'col2'),
    ], 5);
    expect(r.leaks).toEqual([]);
    expect(rangeOf(r, 'a')).toMatchObject({ lower: 0, upper: 10 });
    expect(rangeOf(r, 'b')).toMatchObject({ lower: 5, upper: 15 });
  });

  it('a row with two cells hidden: each lies between 0 and their sum', () => {
    const r = auditPublished([shown('M', 30), hidden('F'), hidden('U'), shown('total', 38)], [totalRelation(['M', 'F', 'U'], 'total')], 5);
    expect(r.leaks).toEqual([]);
    expect(rangeOf(r, 'F')).toMatchObject({ lower: 0, upper: 8 });
  });

  it('a hidden count with its base kept ("[c] of 25"): the count and complement range over 0 to 25', () => {
    const r = auditPublished([hidden('met'), shown('measured', 25), unprinted('not met')], [complementRelation('met', 'not met', 'measured')], 5);
    expect(r.leaks).toEqual([]);
    expect(rangeOf(r, 'not met')).toMatchObject({ lower: 0, upper: 25 });
  });

  it('a large complement that can be worked out is no leak (20 of 60 shows 40 did not)', () => {
    const r = auditPublished([shown('met', 20), shown('measured', 60), unprinted('not met')], [complementRelation('met', 'not met', 'measured')], 5);
    expect(rangeOf(r, 'not met')).toMatchObject({ lower: 40, upper: 40 });
    expect(r.leaks).toEqual([]);
  });

  it('a hidden cell with no relation at all is unbounded above', () => {
    const r = auditPublished([hidden('x')], [], 5);
    expect(rangeOf(r, 'x')).toMatchObject({ lower: 0, upper: Infinity });
  });

  it('refuses relations the shown figures contradict (a relation stated wrongly)', () => {
    expect(() => auditPublished([shown('a', 5), hidden('b'), shown('t', 3)], [totalRelation(['a', 'b'], 't')], 5)).toThrow(/no solution/);
  });
});

describe('auditPublished: `only` audits the groups of the cells named, as the whole audit would', () => {
  // Two tables that share no relation. A chain: a1 + a2 = 10, a2 + a3 = 7, a3 + a4 = 4, and a1 ≤ 4 (a1 + s = 4):
  // a1 in [3, 4] (a2 = 10 − a1 ≤ 7), so a2 in [6, 7], a3 = 7 − a2 in [0, 1], a4 = 4 − a3 in [3, 4]; a4's range
  // comes from the far end of the chain. A row: b1 + b2 = 9, both hidden, each in [0, 9].
  const cells = [
    hidden('b1'), hidden('a4'), hidden('a3'), hidden('a2'), hidden('a1'), unprinted('s'), hidden('b2'),
    shown('t12', 10), shown('t23', 7), shown('t34', 4), shown('cap', 4), shown('tb', 9),
  ];
  const relations = [
    totalRelation(['a1', 'a2'], 't12'), totalRelation(['a2', 'a3'], 't23'), totalRelation(['a3', 'a4'], 't34'),
    totalRelation(['a1', 's'], 'cap'), totalRelation(['b1', 'b2'], 'tb'),
  ];
  const all = auditPublished(cells, relations, 5);

  it('the whole audit: the chain and the row worked by hand, in the order of the cells', () => {
    expect(all.ranges.map((r) => [r.key, r.lower, r.upper])).toEqual([
      ['b1', 0, 9], ['b2', 0, 9], ['a4', 3, 4], ['a3', 0, 1], ['a2', 6, 7], ['a1', 3, 4], ['s', 0, 1],
    ]);
  });

  it('one cell at the end of the chain: the range the whole chain gives, not its own relation alone ([0, 4])', () => {
    expect(auditPublished(cells, relations, 5, new Set(['a4'])).ranges).toEqual([{ key: 'a4', lower: 3, upper: 4, suppressed: true }]);
  });

  it('cells of both groups, named in any order: the whole audit\'s ranges of those cells, in its order', () => {
    for (const only of [['a1', 'b2'], ['b2', 'a1'], ['s', 'a3', 'b1'], ['a4', 'a3', 'a2', 'a1', 's', 'b1', 'b2']]) {
      const some = auditPublished(cells, relations, 5, new Set(only));
      expect(some.ranges).toEqual(all.ranges.filter((r) => only.includes(r.key)));
    }
  });

  it('a shown cell or a key in no table gives no range', () => {
    expect(auditPublished(cells, relations, 5, new Set(['t12', 'nowhere'])).ranges).toEqual([]);
  });
});

describe('auditView: restricted, cached audits of one table under many hiding choices agree with brute force', () => {
  // Two 2 × 2 tables with their margins and grand total, no relation between them; each view hides up to three
  // cells of each other than the grand totals. Unit sums, so the LP's ends are whole and match brute force.
  const rng = mulberry32(20261206);
  const tables = ['x', 'y'].map((name) => twoByTwo(name, Array.from({ length: 4 }, () => Math.floor(rng() * 6))));
  const cells = tables.flatMap((t) => t.cells);
  const relations = tables.flatMap((t) => t.relations);
  const truth = new Map(cells.map((c) => [c.key, c.value]));
  const table = indexTable(cells.map((c) => c.key), relations);
  const cache: AuditCache = new Map();

  it('over 40 views sharing one cache, for the cells named and only those', () => {
    for (let round = 0; round < 40; round++) {
      const hiddenKeys = new Set(tables.flatMap((t) => pick(rng, t.cells.filter((c) => !c.key.endsWith('G')).map((c) => c.key), 3)));
      const isHidden = (p: number) => hiddenKeys.has(table.keys[p]!);
      const view: AuditView = { value: (p) => (isHidden(p) ? undefined : truth.get(table.keys[p]!)), suppressed: isHidden };
      const only = pick(rng, [...hiddenKeys, 'xG'], 2);
      const got = auditView(table, view, 5, only, cache).ranges;
      const expected = new Map(tables.flatMap((t) => [...bruteForceRanges(t, hiddenKeys)]));
      expect(Object.fromEntries(got.map((r) => [r.key, [r.lower, r.upper]])))
        .toEqual(Object.fromEntries(only.filter((k) => hiddenKeys.has(k)).map((k) => [k, expected.get(k)])));
    }
    expect(cache.size).toBeGreaterThan(0);
  });
});
