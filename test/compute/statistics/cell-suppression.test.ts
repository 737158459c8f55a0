import { describe, expect, it } from 'vitest';
import {
  auditPublished, complementRelation, suppressCells, totalRelation, type LinearRelation, type TableCell,
} from '../../../pipeline/compute/statistics.js';
import { bruteForceRanges, mulberry32, twoByTwo } from './small-tables.js';

const cell = (key: string, value: number, cost = 1): TableCell => ({ key, value, printed: true, cost });
const complement = (key: string, value: number, of: string): TableCell => ({ key, value, printed: false, cost: 0, complementOf: of });

/** What the output would show after suppression, audited as a reader would. */
function audit(cells: readonly TableCell[], relations: readonly LinearRelation[], hidden: ReadonlyMap<string, unknown>) {
  return auditPublished(cells.map((c) => ({
    key: c.key, value: c.printed && !hidden.has(c.key) ? c.value : null, suppressed: hidden.has(c.key),
  })), relations, 5);
}

describe('suppressCells (threshold 5)', () => {
  it('hides small counts and keeps true zeros and a table with no relation needs nothing more', () => {
    const cells = [cell('a', 0), cell('b', 1), cell('c', 5), cell('d', 6)];
    expect([...suppressCells(cells, [], 5)]).toEqual([['b', 'primary'], ['c', 'primary']]);
  });

  it('a row with a shown total: the smallest other non-zero cell protects the hidden one, never a zero', () => {
    // M 12, F 3, U 0, total 15: F is primary; U = 0 would not help (F would still be 15 − 12), so M goes.
    const cells = [cell('M', 12), cell('F', 3), cell('U', 0), cell('total', 15, 10)];
    const relations = [totalRelation(['M', 'F', 'U'], 'total')];
    const hidden = suppressCells(cells, relations, 5);
    expect([...hidden]).toEqual([['F', 'primary'], ['M', 'secondary']]);
    expect(audit(cells, relations, hidden).leaks).toEqual([]);
  });

  it('prefers the smallest of several cells that would protect the hidden one', () => {
    const cells = [cell('A', 40), cell('B', 2), cell('C', 17), cell('D', 19), cell('total', 78, 10)];
    const hidden = suppressCells(cells, [totalRelation(['A', 'B', 'C', 'D'], 'total')], 5);
    expect([...hidden]).toEqual([['B', 'primary'], ['C', 'secondary']]);
  });

  it('a small complement ("80.0% (20 of 25)") hides the count beside its base, and its partner in the total', () => {
    // School age 16 of 34, above school age 20 of 25 (5 not met), all children 36 of 59.
    const cells = [
      cell('school met', 16), cell('school measured', 34), complement('school not met', 18, 'school met'),
      cell('over met', 20), cell('over measured', 25), complement('over not met', 5, 'over met'),
      cell('all met', 36, 5), cell('all measured', 59, 5), complement('all not met', 23, 'all met'),
    ];
    const relations = [
      complementRelation('school met', 'school not met', 'school measured'),
      complementRelation('over met', 'over not met', 'over measured'),
      complementRelation('all met', 'all not met', 'all measured'),
      totalRelation(['school met', 'over met'], 'all met'), totalRelation(['school measured', 'over measured'], 'all measured'),
    ];
    const hidden = suppressCells(cells, relations, 5);
    // 20 hides for its complement of 5; then 36 − 16 would give it back, so the cheaper 16 goes (not the headline 36).
    expect([...hidden]).toEqual([['over met', 'complement'], ['school met', 'secondary']]);
    expect(audit(cells, relations, hidden).leaks).toEqual([]);
  });

  it('a two-way table with margins: hides a rectangle of four, not a whole row or column', () => {
    // Rows r1..r3, columns c1..c3, inner cells and margins all shown; r1c1 = 2 is primary.
    const inner = [[2, 10, 12], [9, 11, 20], [14, 8, 30]];
    const cells: TableCell[] = [];
    const relations: LinearRelation[] = [];
    inner.forEach((row, i) => row.forEach((v, j) => cells.push(cell(`r${i + 1}c${j + 1}`, v))));
    inner.forEach((row, i) => {
      cells.push(cell(`r${i + 1}`, row.reduce((a, b) => a + b, 0), 10));
      relations.push(totalRelation(row.map((_, j) => `r${i + 1}c${j + 1}`), `r${i + 1}`));
    });
    [0, 1, 2].forEach((j) => {
      cells.push(cell(`c${j + 1}`, inner.reduce((s, row) => s + row[j]!, 0), 10));
      relations.push(totalRelation(inner.map((_, i) => `r${i + 1}c${j + 1}`), `c${j + 1}`));
    });
    const hidden = suppressCells(cells, relations, 5);
    expect(audit(cells, relations, hidden).leaks).toEqual([]);
    expect(hidden.get('r1c1')).toBe('primary');
    expect(hidden.size).toBe(4);
    // No margin hidden: they cost more than the inner cells.
    expect([...hidden.keys()].every((k) => k.length === 4)).toBe(true);
  });
});

describe('suppressCells: what it leaves shown passes a brute-force audit', () => {
  // 30 two-way tables with margins and a grand total (a headline), inner cells from 0 to 7, threshold 3. After
  // suppression, trying every whole value of the hidden inner cells finds no hidden cell with only one possible
  // value, and every small printed cell is hidden as primary.
  const rng = mulberry32(7);
  for (let n = 0; n < 30; n++) {
    const table = twoByTwo('t', Array.from({ length: 4 }, () => Math.floor(rng() * 8)));
    const values = table.cells.map((c) => c.value);
    it(`table ${n + 1}: ${values.slice(0, 4).join(' ')}`, () => {
      const cells = table.cells.map((c, i): TableCell => (i === 8 ? { ...cell(c.key, c.value, 1000), lastResort: true } : cell(c.key, c.value, i < 4 ? 1 : 2)));
      const hidden = suppressCells(cells, table.relations, 3);
      for (const c of cells) if (c.value >= 1 && c.value <= 3) expect(hidden.get(c.key)).toBe('primary');
      // With the grand total hidden too, any inner cell can exceed it; two more than it is enough to see a range.
      const bound = values[8]! + (hidden.has('tG') ? 2 : 0);
      const ranges = bruteForceRanges(table, new Set(hidden.keys()), bound);
      expect([...hidden.keys()].filter((k) => ranges.get(k)![0] === ranges.get(k)![1])).toEqual([]);
    });
  }
});
