/**
 * The disclosure audit: given only what a public output shows, how far can
 * a reader narrow each figure it does not show?
 *
 * A published table is a set of cells (counts of children, populations, the
 * complement `base − count` of a count shown beside its base…), some shown
 * with their value and some not, and the linear relations a reader knows
 * between them: row and column totals, a count plus its complement is its
 * base, a percentage shown to one decimal place with its base, a figure
 * published twice. Every cell is a count, so it is ≥ 0.
 *
 * Each cell not shown gets its feasible range by linear programming: the
 * smallest and largest value it can take with every shown cell fixed and
 * every relation holding (small dense simplex, simplex.ts, run on each
 * connected group of relations). The range is of real values (the LP
 * relaxation), narrowed to the whole numbers inside it; for tables of sums
 * with unit coefficients (totals, complements, linked figures) the LP's ends
 * are whole numbers, so the range is exact. A range holding one whole number
 * is a disclosure: the reader can work the cell out.
 *
 * A cell that was hidden ([c]) must never be pinned; a cell that is never
 * shown (a complement, a count the pack does not print) must not be pinned to
 * a value from 1 to the threshold.
 */
import { feasibleSystem, minimise } from './simplex.js';

export interface AuditCell {
  key: string;
  /** The value shown, or null where the cell is hidden ([c]) or not printed at all. */
  value: number | null;
  /** True where the output shows [c] for this cell (it was suppressed), false where it is simply not printed. */
  suppressed?: boolean;
}

export interface LinearRelation {
  /** Σ coef × cell (=, ≤) rhs. */
  terms: readonly { key: string; coef: number }[];
  kind: 'eq' | 'le';
  rhs?: number;
  /** What the relation is, for messages ("row total of …"). */
  label?: string;
}

export interface CellRange {
  key: string;
  /** Whole-number range: lower and upper possible values (upper Infinity when unbounded). */
  lower: number;
  upper: number;
  suppressed: boolean;
}

export interface AuditResult {
  ranges: CellRange[];
  /** Suppressed cells a reader can work out exactly, and unprinted cells pinned to a value from 1 to the threshold. */
  leaks: CellRange[];
}

const TOLERANCE = 1e-6;

/** Ranges of every cell not shown; leaks as defined above. `only` limits the work to some cells (their groups only). */
export function auditPublished(cells: readonly AuditCell[], relations: readonly LinearRelation[], threshold: number,
  only?: ReadonlySet<string>): AuditResult {
  const known = new Map<string, number>();
  const suppressed = new Set<string>();
  for (const c of cells) {
    if (c.value !== null) known.set(c.key, c.value);
    else if (c.suppressed) suppressed.add(c.key);
  }
  const ranges: CellRange[] = [];
  for (const group of groupsOfUnknowns(cells, relations, known)) {
    const targets = group.unknowns.filter((k) => !only || only.has(k));
    if (targets.length === 0) continue;
    ranges.push(...rangesOf(group.unknowns, group.relations, known, targets).map((r) => ({ ...r, suppressed: suppressed.has(r.key) })));
  }
  const leaks = ranges.filter((r) => r.lower === r.upper && (r.suppressed || (r.lower >= 1 && r.lower <= threshold)));
  return { ranges, leaks };
}

interface Group { unknowns: string[]; relations: LinearRelation[] }

/** Unknown cells joined by the relations they share; each group is one small LP. */
function groupsOfUnknowns(cells: readonly AuditCell[], relations: readonly LinearRelation[], known: ReadonlyMap<string, number>): Group[] {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  for (const c of cells) if (!known.has(c.key)) parent.set(c.key, c.key);
  for (const r of relations) {
    for (const t of r.terms) if (!known.has(t.key) && !parent.has(t.key)) parent.set(t.key, t.key);
    const unknown = r.terms.filter((t) => !known.has(t.key)).map((t) => t.key);
    for (const k of unknown.slice(1)) parent.set(find(k), find(unknown[0]!));
  }
  const groups = new Map<string, Group>();
  for (const k of parent.keys()) {
    const root = find(k);
    const g = groups.get(root) ?? { unknowns: [], relations: [] };
    g.unknowns.push(k);
    groups.set(root, g);
  }
  for (const r of relations) {
    const first = r.terms.find((t) => !known.has(t.key));
    if (first) groups.get(find(first.key))!.relations.push(r);
  }
  return [...groups.values()];
}

function rangesOf(unknowns: readonly string[], relations: readonly LinearRelation[], known: ReadonlyMap<string, number>,
  targets: readonly string[]): Omit<CellRange, 'suppressed'>[] {
  const column = new Map(unknowns.map((k, i) => [k, i]));
  const inequalities = relations.filter((r) => r.kind === 'le').length;
  const width = unknowns.length + inequalities;
  const A: number[][] = [];
  const b: number[] = [];
  let slack = unknowns.length;
  for (const r of relations) {
    const row = Array<number>(width).fill(0);
    let rhs = r.rhs ?? 0;
    for (const t of r.terms) {
      const value = known.get(t.key);
      if (value !== undefined) rhs -= t.coef * value;
      else row[column.get(t.key)!]! += t.coef;
    }
    if (r.kind === 'le') row[slack++] = 1;
    A.push(row);
    b.push(rhs);
  }
  const system = feasibleSystem(A, b, width);
  if (system === null) {
    // The shown figures contradict the relations: a relation was stated wrongly. Fail loudly, never pass silently.
    throw new Error(`disclosure audit: the relations on ${unknowns.slice(0, 3).join(', ')}… have no solution`);
  }
  return targets.map((key) => {
    const objective = Array<number>(width).fill(0);
    objective[column.get(key)!] = 1;
    const low = minimise(system, objective);
    objective[column.get(key)!] = -1;
    const high = minimise(system, objective);
    const lowValue = low.status === 'optimal' ? low.value : 0;
    const highValue = high.status === 'optimal' ? -high.value : Infinity;
    return { key, lower: Math.max(0, Math.ceil(lowValue - TOLERANCE)), upper: highValue === Infinity ? Infinity : Math.floor(highValue + TOLERANCE) };
  });
}

/**
 * The relations a percentage shown to `decimals` places gives: count / base × 100 lies within half a unit of
 * the last place of the figure shown, so count − (p ± h)/100 × base is ≤ 0 one way and ≥ 0 the other.
 */
export function percentageRelations(countKey: string, baseKey: string, shown: number, decimals = 1): LinearRelation[] {
  const half = 0.5 * 10 ** -decimals;
  return [
    { kind: 'le', terms: [{ key: countKey, coef: 1 }, { key: baseKey, coef: -(shown + half) / 100 }], label: `${countKey} is ${shown}% of ${baseKey}` },
    { kind: 'le', terms: [{ key: countKey, coef: -1 }, { key: baseKey, coef: (shown - half) / 100 }], label: `${countKey} is ${shown}% of ${baseKey}` },
  ];
}

/** count + complement = base: a count shown beside its base shows the complement too. */
export function complementRelation(countKey: string, complementKey: string, baseKey: string): LinearRelation {
  return { kind: 'eq', terms: [{ key: countKey, coef: 1 }, { key: complementKey, coef: 1 }, { key: baseKey, coef: -1 }], label: `${countKey} + ${complementKey} = ${baseKey}` };
}

/** Σ parts = total (or ≤ total where the parts need not cover it). */
export function totalRelation(partKeys: readonly string[], totalKey: string, kind: 'eq' | 'le' = 'eq'): LinearRelation {
  return { kind, terms: [...partKeys.map((key) => ({ key, coef: 1 })), { key: totalKey, coef: -1 }], label: `${partKeys.join(' + ')} ${kind === 'eq' ? '=' : '≤'} ${totalKey}` };
}
