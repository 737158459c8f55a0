/**
 * Small two-way tables for testing the disclosure audit and cell suppression against brute force: with the
 * grand total known, every cell lies in [0, grand total], so trying every whole value of the hidden inner
 * cells (the margins follow from them) finds each hidden cell's true range.
 */
import { totalRelation, type LinearRelation } from '../../../pipeline/compute/statistics.js';

export interface SmallTable {
  cells: { key: string; value: number }[];
  relations: LinearRelation[];
  /** The keys of the inner cells a b / c d, then of r1 r2 c1 c2 G. */
  keys: { inner: string[]; all: string[] };
}

/** Inner cells a b / c d, row margins r1 r2, column margins c1 c2, grand total G (keys prefixed with `name`). */
export function twoByTwo(name: string, inner: readonly number[]): SmallTable {
  const all = ['a', 'b', 'c', 'd', 'r1', 'r2', 'c1', 'c2', 'G'].map((x) => `${name}${x}`);
  const k = (x: string) => `${name}${x}`;
  return {
    cells: derive(inner).map((value, i) => ({ key: all[i]!, value })),
    relations: [
      totalRelation([k('a'), k('b')], k('r1')), totalRelation([k('c'), k('d')], k('r2')),
      totalRelation([k('a'), k('c')], k('c1')), totalRelation([k('b'), k('d')], k('c2')),
      totalRelation([k('r1'), k('r2')], k('G')), totalRelation([k('c1'), k('c2')], k('G')),
    ],
    keys: { inner: all.slice(0, 4), all },
  };
}

/** Every cell's value from the inner four, in the order of `keys.all`. */
function derive([a, b, c, d]: readonly number[]): number[] {
  return [a!, b!, c!, d!, a! + b!, c! + d!, a! + c!, b! + d!, a! + b! + c! + d!];
}

/**
 * Each hidden cell's least and greatest whole value over every table whose shown cells are as they are.
 * Tries hidden inner cells up to `bound` (by default the true grand total, enough while it is shown).
 */
export function bruteForceRanges(t: SmallTable, hidden: ReadonlySet<string>, bound = t.cells[8]!.value): Map<string, [number, number]> {
  const truth = t.cells.map((c) => c.value);
  const isHidden = t.keys.all.map((k) => hidden.has(k));
  const out = new Map<string, [number, number]>();
  const inner = truth.slice(0, 4);
  const visit = (i: number): void => {
    if (i < 4) {
      if (!isHidden[i]) { visit(i + 1); return; }
      for (let v = 0; v <= bound; v++) { inner[i] = v; visit(i + 1); }
      inner[i] = truth[i]!;
      return;
    }
    const values = derive(inner);
    if (values.some((v, j) => !isHidden[j] && v !== truth[j])) return;
    values.forEach((v, j) => {
      if (!isHidden[j]) return;
      const [lo, hi] = out.get(t.keys.all[j]!) ?? [Infinity, -Infinity];
      out.set(t.keys.all[j]!, [Math.min(lo, v), Math.max(hi, v)]);
    });
  };
  visit(0);
  return out;
}

/** Up to `most` of `from`, drawn without replacement. */
export function pick<T>(rng: () => number, from: readonly T[], most: number): T[] {
  const n = Math.floor(rng() * (most + 1));
  const pool = [...from];
  return Array.from({ length: Math.min(n, pool.length) }, () => pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
}

/** A small seeded generator of numbers in [0, 1), so the tables are the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
