/**
 * A small dense two-phase simplex: minimise c·x subject to A x = b, x ≥ 0.
 * Exact enough for the disclosure audit, whose systems have tens of
 * variables with coefficients near ±1; Bland's rule (lowest index enters and
 * leaves) so it cannot cycle. Pure; no dependency.
 */

const EPS = 1e-9;

export type LpResult = { status: 'optimal'; value: number } | { status: 'unbounded' } | { status: 'infeasible' };

/** A feasible basis of A x = b, found once and reused for many objectives. */
export interface FeasibleSystem {
  /** m rows of n + 1 numbers (the last is the right-hand side), in canonical form for `basis`. */
  tableau: number[][];
  basis: number[];
  columns: number;
}

/** Phase 1: a feasible basis, or null when A x = b, x ≥ 0 has no solution. */
export function feasibleSystem(A: readonly (readonly number[])[], b: readonly number[], columns = A[0]?.length ?? 0): FeasibleSystem | null {
  const m = A.length;
  const n = columns;
  // Columns: n originals, m artificials, then the right-hand side.
  const tableau = A.map((row, i) => {
    const sign = b[i]! < 0 ? -1 : 1;
    const artificial = Array.from({ length: m }, (_, k) => (k === i ? 1 : 0));
    return [...row.map((v) => v * sign), ...artificial, b[i]! * sign];
  });
  const basis = Array.from({ length: m }, (_, i) => n + i);
  const phaseOne = [...Array<number>(n).fill(0), ...Array<number>(m).fill(1)];
  runSimplex(tableau, basis, phaseOne, n + m);
  const infeasibility = basis.reduce((s, j, i) => s + (j >= n ? tableau[i]![n + m]! : 0), 0);
  if (infeasibility > 1e-7 * Math.max(1, ...b.map(Math.abs))) return null;
  // Drive artificials out of the basis; a row with no original column left is redundant and dropped.
  const keep: number[] = [];
  for (let i = 0; i < m; i++) {
    if (basis[i]! < n) { keep.push(i); continue; }
    const j = tableau[i]!.slice(0, n).findIndex((v) => Math.abs(v) > EPS);
    if (j < 0) continue;
    pivot(tableau, i, j);
    basis[i] = j;
    keep.push(i);
  }
  return {
    tableau: keep.map((i) => [...tableau[i]!.slice(0, n), tableau[i]![n + m]!]),
    basis: keep.map((i) => basis[i]!),
    columns: n,
  };
}

/** Phase 2: minimise c·x from a feasible basis (the system is copied, so it can be reused). */
export function minimise(system: FeasibleSystem, c: readonly number[]): LpResult {
  const tableau = system.tableau.map((row) => [...row]);
  const basis = [...system.basis];
  if (runSimplex(tableau, basis, c, system.columns) === 'unbounded') return { status: 'unbounded' };
  const value = basis.reduce((s, j, i) => s + c[j]! * tableau[i]![system.columns]!, 0);
  return { status: 'optimal', value };
}

function runSimplex(tableau: number[][], basis: number[], c: readonly number[], columns: number): 'optimal' | 'unbounded' {
  const rhs = tableau[0] ? tableau[0].length - 1 : columns;
  const inBasis = new Uint8Array(Math.max(columns, ...basis.map((j) => j + 1)));
  for (const j of basis) inBasis[j] = 1;
  const basisCost = basis.map((j) => c[j] ?? 0);
  for (let iteration = 0; iteration < 50_000; iteration++) {
    let enter = -1;
    for (let j = 0; j < columns && enter < 0; j++) {
      if (inBasis[j]) continue;
      let reduced = c[j]!;
      for (let i = 0; i < basis.length; i++) if (basisCost[i] !== 0) reduced -= basisCost[i]! * tableau[i]![j]!;
      if (reduced < -EPS) enter = j;
    }
    if (enter < 0) return 'optimal';
    let leave = -1;
    let best = Infinity;
    for (let i = 0; i < basis.length; i++) {
      const a = tableau[i]![enter]!;
      if (a <= EPS) continue;
      const ratio = tableau[i]![rhs]! / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i]! < basis[leave]!)) {
        best = ratio;
        leave = i;
      }
    }
    if (leave < 0) return 'unbounded';
    pivot(tableau, leave, enter);
    inBasis[basis[leave]!] = 0;
    inBasis[enter] = 1;
    basis[leave] = enter;
    basisCost[leave] = c[enter]!;
  }
  throw new Error('simplex: iteration limit reached');
}

function pivot(tableau: number[][], row: number, column: number): void {
  const p = tableau[row]!;
  const scale = p[column]!;
  for (let j = 0; j < p.length; j++) p[j]! /= scale;
  for (let i = 0; i < tableau.length; i++) {
    if (i === row) continue;
    const r = tableau[i]!;
    const f = r[column]!;
    if (Math.abs(f) <= 0) continue;
    for (let j = 0; j < r.length; j++) r[j]! -= f * p[j]!;
  }
}
