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
 *
 * An audit of some cells only solves their groups, found by walking the
 * relations out from them; the ranges are those of the whole audit, in its
 * order. Audits repeated on one table (cell-suppression.ts tries many choices
 * of cells to hide) index it once (indexTable, auditView) and reuse the
 * groups already solved.
 */
import { feasibleSystem, minimise, type FeasibleSystem } from './simplex.js';

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
  const table = indexTable(cells.map((c) => c.key), relations);
  const known: (number | undefined)[] = Array(table.keys.length).fill(undefined);
  const suppressed = new Uint8Array(table.keys.length);
  for (const c of cells) {
    const place = table.position.get(c.key)!;
    if (c.value !== null) known[place] = c.value;
    else if (c.suppressed) suppressed[place] = 1;
  }
  return auditView(table, { value: (p) => known[p], suppressed: (p) => suppressed[p] === 1 }, threshold, only);
}

/**
 * A table's cells and relations, indexed once for many audits of it (cell-suppression.ts audits one table
 * under many choices of what to hide): each key's place in the order ranges are listed in (the cells' order,
 * then keys met only in relations), each relation's terms by place, and the relations each place is in.
 */
export interface AuditTable {
  relations: readonly LinearRelation[];
  position: ReadonlyMap<string, number>;
  /** The keys by place. */
  keys: readonly string[];
  /** The places of each relation's terms, term by term. */
  terms: readonly (readonly number[])[];
  /** By place: the numbers (into `relations`, ascending) of the relations the key is a term of. */
  touching: readonly (readonly number[])[];
}

export function indexTable(keys: readonly string[], relations: readonly LinearRelation[]): AuditTable {
  const position = new Map<string, number>();
  const touching: number[][] = [];
  const place = (k: string) => {
    const known = position.get(k);
    if (known !== undefined) return known;
    position.set(k, touching.length);
    touching.push([]);
    return touching.length - 1;
  };
  for (const k of keys) place(k);
  const terms = relations.map((r, i) => r.terms.map((t) => {
    const p = place(t.key);
    const list = touching[p]!;
    if (list[list.length - 1] !== i) list.push(i);
    return p;
  }));
  return { relations, position, keys: [...position.keys()], terms, touching };
}

/** What an output shows of a table, cell by place: its value, undefined where it is not shown; whether it shows [c]. */
export interface AuditView {
  value(place: number): number | undefined;
  suppressed(place: number): boolean;
}

/**
 * Groups already solved, for audits of one table whose shown cells always show the same values (as when
 * only the choice of cells hidden changes): a group's LP depends only on which cells are in it then.
 */
export type AuditCache = Map<string, GroupSolution>;

interface GroupSolution { system: FeasibleSystem; ranges: Map<number, Omit<CellRange, 'suppressed'>> }

/** auditPublished on an indexed table, as `view` shows it; `cache` as above. */
export function auditView(table: AuditTable, view: AuditView, threshold: number, only?: Iterable<string>, cache?: AuditCache): AuditResult {
  const wanted = only === undefined ? undefined : placesOf(table, only);
  const ranges: CellRange[] = [];
  for (const group of groupsOfUnknowns(table, view, wanted ?? table.keys.keys())) {
    const targets = wanted ? group.places.filter((p) => wanted.has(p)) : group.places;
    for (const [p, r] of solveGroup(table, group, view, targets, cache)) ranges.push({ ...r, suppressed: view.suppressed(p) });
  }
  const leaks = ranges.filter((r) => r.lower === r.upper && (r.suppressed || (r.lower >= 1 && r.lower <= threshold)));
  return { ranges, leaks };
}

function placesOf(table: AuditTable, keys: Iterable<string>): Set<number> {
  const places = new Set<number>();
  for (const k of keys) {
    const p = table.position.get(k);
    if (p !== undefined) places.add(p);
  }
  return places;
}

/** A group's unknowns by place, in the table's order, and the numbers of its relations, ascending. */
interface Group { places: number[]; relations: number[] }

/**
 * Unknown cells joined by the relations they share, each group one small LP: the groups holding any of
 * `starts`, found by walking the relations out from them. Cells and relations come in the table's order,
 * groups in the order of their first cell, so the LPs and the ranges' order do not depend on `starts`.
 */
function groupsOfUnknowns(table: AuditTable, view: AuditView, starts: Iterable<number>): Group[] {
  const seen = new Set<number>();
  const groups: Group[] = [];
  for (const start of starts) {
    if (seen.has(start) || view.value(start) !== undefined) continue;
    groups.push(groupFrom(table, view, start, seen));
  }
  return groups.sort((a, b) => a.places[0]! - b.places[0]!);
}

/** The group of the unknown at `start` (its cells are added to `seen`). */
function groupFrom(table: AuditTable, view: AuditView, start: number, seen: Set<number>): Group {
  const places = [start];
  const relations = new Set<number>();
  seen.add(start);
  for (let i = 0; i < places.length; i++) {
    for (const r of table.touching[places[i]!]!) {
      if (relations.has(r)) continue;
      relations.add(r);
      for (const p of table.terms[r]!) {
        if (seen.has(p) || view.value(p) !== undefined) continue;
        seen.add(p);
        places.push(p);
      }
    }
  }
  return { places: places.sort((a, b) => a - b), relations: [...relations].sort((a, b) => a - b) };
}

/** The ranges of the unknowns at `targets` in one group, from the cache where this group has been solved before. */
function solveGroup(table: AuditTable, group: Group, view: AuditView, targets: readonly number[],
  cache?: AuditCache): [number, Omit<CellRange, 'suppressed'>][] {
  if (targets.length === 0) return [];
  const id = cache && group.places.join(',');
  const solved = id === undefined ? undefined : cache!.get(id);
  const solution = solved ?? { system: feasibleGroup(table, group, view), ranges: new Map() };
  if (id !== undefined && !solved) cache!.set(id, solution);
  return targets.map((p) => {
    const known = solution.ranges.get(p);
    if (known) return [p, known];
    const range = rangeOf(solution.system, group.places.indexOf(p), table.keys[p]!);
    solution.ranges.set(p, range);
    return [p, range];
  });
}

/** The group's relations as A x = b over its unknowns (and a slack for each inequality), in feasible form. */
function feasibleGroup(table: AuditTable, group: Group, view: AuditView): FeasibleSystem {
  const column = new Map(group.places.map((p, i) => [p, i]));
  const inequalities = group.relations.filter((i) => table.relations[i]!.kind === 'le').length;
  const width = group.places.length + inequalities;
  const A: number[][] = [];
  const b: number[] = [];
  let slack = group.places.length;
  for (const i of group.relations) {
    const r = table.relations[i]!;
    const row = Array<number>(width).fill(0);
    let rhs = r.rhs ?? 0;
    r.terms.forEach((t, j) => {
      const p = table.terms[i]![j]!;
      const value = view.value(p);
      if (value !== undefined) rhs -= t.coef * value;
      else row[column.get(p)!]! += t.coef;
    });
    if (r.kind === 'le') row[slack++] = 1;
    A.push(row);
    b.push(rhs);
  }
  const system = feasibleSystem(A, b, width);
  if (system === null) {
    // The shown figures contradict the relations: a relation was stated wrongly. Fail loudly, never pass silently.
    throw new Error(`disclosure audit: the relations on ${group.places.slice(0, 3).map((p) => table.keys[p]).join(', ')}… have no solution`);
  }
  return system;
}

/** The whole-number range of the unknown in column `j`: its least and greatest value over the system. */
function rangeOf(system: FeasibleSystem, j: number, key: string): Omit<CellRange, 'suppressed'> {
  const objective = Array<number>(system.columns).fill(0);
  objective[j] = 1;
  const low = minimise(system, objective);
  objective[j] = -1;
  const high = minimise(system, objective);
  const lowValue = low.status === 'optimal' ? low.value : 0;
  const highValue = high.status === 'optimal' ? -high.value : Infinity;
  return { key, lower: Math.max(0, Math.ceil(lowValue - TOLERANCE)), upper: highValue === Infinity ? Infinity : Math.floor(highValue + TOLERANCE) };
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
