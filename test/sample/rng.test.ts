import { describe, expect, it } from 'vitest';
import { createRng } from '../../pipeline/sample/rng.js';

const draws = (seed: number, stream = 0, index = 0, n = 5) => {
  const rng = createRng(seed, stream, index);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('repeats the same sequence for the same seed, stream and index', () => {
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42, 1, 7)).toEqual(draws(42, 1, 7));
  });

  it('gives different sequences for a different seed, stream or index', () => {
    expect(draws(42)).not.toEqual(draws(43));
    expect(draws(42, 1, 7)).not.toEqual(draws(42, 2, 7));
    expect(draws(42, 1, 7)).not.toEqual(draws(42, 1, 8));
  });

  it('stays in [0, 1) and int() in its bounds, reaching both ends', () => {
    const rng = createRng(1);
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      ints.add(rng.int(3, 6));
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws weighted keys in proportion to their weights', () => {
    const rng = createRng(9);
    let b = 0;
    for (let i = 0; i < 10_000; i++) if (rng.weighted({ a: 1, b: 3 }) === 'b') b++;
    // expected share 3 / 4 = 0.75; 10,000 draws put it within ±0.02 with near certainty (sd 0.0043)
    expect(b / 10_000).toBeGreaterThan(0.73);
    expect(b / 10_000).toBeLessThan(0.77);
  });
});
