/**
 * Cell suppression for published tables (indicators.md, "Disclosure
 * control"). Pure: cells with their true values and the relations a reader
 * knows between them in, the cells to hide with their reasons out.
 *
 * - Primary: a printed cell from 1 to the threshold is hidden ('primary').
 *   A complement (base − count) from 1 to the threshold is never printed but
 *   would be read off the count and its base, so the count beside it is
 *   hidden ('complement'). True zeros stay.
 * - Secondary: while the audit (disclosure-audit.ts) can work a hidden cell
 *   out exactly from what is still shown, or pin a small complement, one more
 *   cell of the relations around it is hidden ('secondary'): the one whose
 *   hiding frees the pinned cell and costs least (fewest figures blanked with
 *   it, then the smallest value), or failing one such cell the cheapest pair
 *   or triple that frees it with none of them pinned in turn; the audit then
 *   runs again.
 *   Headlines (lastResort) are candidates only when no other cell is left.
 *   Greedy, so not always the fewest possible, but never fewer than enough:
 *   it stops only when the audit passes.
 */
import { auditView, indexTable, type AuditCache, type AuditTable, type AuditView, type LinearRelation } from './disclosure-audit.js';

export interface TableCell {
  key: string;
  /** The true value. */
  value: number;
  /** False for cells the output never prints (a complement; a count only its parts are shown of). */
  printed: boolean;
  /** What hiding it costs: the figures shown with it (a count behind a rate, its index and its share costs 3). */
  cost: number;
  /** For a complement: the printed count to hide when the complement is small. */
  complementOf?: string;
  /** A headline (a summary figure, a population): hidden to protect another cell only when nothing else can. */
  lastResort?: boolean;
}

/** primary: a count from 1 to the threshold; complement: base − count is; secondary: hidden to protect another cell. */
export type CellReason = 'primary' | 'complement' | 'secondary';

export function suppressCells(cells: readonly TableCell[], relations: readonly LinearRelation[], threshold: number): Map<string, CellReason> {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  // The table is indexed once and each audit reads it through a view, cell by place: a cell is shown where it
  // is printed and hidden neither already nor in the set being tried. Shown cells always show their true value,
  // so a group of unknowns solved once is solved for every later audit it turns up in (the cache).
  const table = indexTable(cells.map((c) => c.key), relations);
  const cache: AuditCache = new Map();
  const cellAt = table.keys.map((k) => byKey.get(k));
  const hidden = new Map<string, CellReason>();
  const hiddenAt = new Uint8Array(table.keys.length);
  const hide = (key: string, reason: CellReason) => {
    hidden.set(key, reason);
    hiddenAt[table.position.get(key)!] = 1;
  };
  const small = (c: TableCell) => c.value >= 1 && c.value <= threshold;
  for (const c of cells) if (c.printed && small(c)) hide(c.key, 'primary');
  for (const c of cells) {
    if (c.printed || !small(c) || c.complementOf === undefined) continue;
    if (!hidden.has(c.complementOf) && byKey.get(c.complementOf)?.printed) hide(c.complementOf, 'complement');
  }
  const view = (extra: readonly string[] = []) => shownWith(cellAt, hiddenAt, new Set(extra.map((k) => table.position.get(k)!)));
  const audit = (shown: AuditView, only: Iterable<string>) => auditView(table, shown, threshold, only, cache);

  // Only these can leak: hidden cells, and unprinted ones (complements) from 1 to the threshold. Hiding more
  // only widens what a reader can infer, so a cell found free stays free: each round re-audits only the cells
  // still pinned and those just hidden.
  let pending = new Set(cells.filter((c) => hidden.has(c.key) || (!c.printed && small(c))).map((c) => c.key));
  for (;;) {
    const leaks = audit(view(), pending).leaks.filter((l) => pending.has(l.key));
    const leak = leaks[0];
    if (!leak) return hidden;
    const near = neighbours(leak.key, table, (k) => byKey.get(k)?.printed === true && !hidden.has(k));
    const candidates = [...near.keys()]
      .map((k) => ({ ...byKey.get(k)!, steps: near.get(k)! }))
      // Cells in the pinned cell's own relations first; a true zero only when nothing else is left (a zero shown
      // tells nobody anything); then the fewest figures blanked, then the smallest.
      .sort((a, b) => a.steps - b.steps || Number(a.value === 0) - Number(b.value === 0) || a.cost - b.cost || a.value - b.value);
    const ordinary = candidates.filter((c) => !c.lastResort);
    const pool = ordinary.length > 0 ? ordinary : candidates;
    if (pool.length === 0) throw new Error(`cell suppression: nothing left to hide around ${leak.key}`);
    const set = cheapestProtection(pool, (extra) => {
      const shown = view(extra.map((c) => c.key));
      const free = (keys: readonly string[]) => {
        const ranges = audit(shown, keys).ranges;
        return keys.every((k) => ranges.some((x) => x.key === k && x.lower !== x.upper));
      };
      // Most sets tried fail on the pinned cell itself: check it alone first, the set's own cells only then.
      return free([leak.key]) && free(extra.map((c) => c.key));
    });
    const added = set ?? [pool[0]!];
    for (const c of added) hide(c.key, 'secondary');
    pending = new Set([...leaks.map((l) => l.key), ...added.map((c) => c.key)]);
  }
}

/**
 * The table as a reader sees it with the cells at the places marked in `hiddenAt` or in `extra` shown as [c]:
 * every other printed cell (`cellAt`, by place) shows its value.
 */
function shownWith(cellAt: readonly (TableCell | undefined)[], hiddenAt: Uint8Array, extra: ReadonlySet<number>): AuditView {
  const isHidden = (p: number) => hiddenAt[p] === 1 || extra.has(p);
  return {
    value: (p) => {
      const c = cellAt[p];
      return c !== undefined && c.printed && !isHidden(p) ? c.value : undefined;
    },
    suppressed: (p) => cellAt[p] !== undefined && isHidden(p),
  };
}

/**
 * The cheapest set of one, two or three candidates whose hiding frees the pinned cell with none of them
 * pinned in turn (a cell equal to one still shown can never be protected, so hiding it alone would only
 * move the leak); null when there is none, and the caller hides the cheapest and looks again.
 */
function cheapestProtection(pool: readonly Candidate[], frees: (set: readonly Candidate[]) => boolean): Candidate[] | null {
  // A set with no cell in the pinned cell's own relations leaves those relations as they were, so cannot free it.
  const near = (set: readonly Candidate[]) => set.some((c) => c.steps === 0);
  const sets: Candidate[][] = pool.filter((c) => c.steps === 0).map((c) => [c]);
  const pairs = pool.slice(0, 10);
  pairs.forEach((a, i) => pairs.slice(i + 1).forEach((b) => { if (near([a, b])) sets.push([a, b]); }));
  const triples = pool.slice(0, 7);
  triples.forEach((a, i) => triples.slice(i + 1).forEach((b, j) => triples.slice(i + j + 2).forEach((c) => { if (near([a, b, c])) sets.push([a, b, c]); })));
  const cost = (set: readonly Candidate[]) => set.reduce((s, c) => s + c.cost, 0);
  const size = (set: readonly Candidate[]) => set.reduce((s, c) => s + c.value, 0);
  const far = (set: readonly Candidate[]) => set.filter((c) => c.steps > 0).length;
  // A true zero is hidden only where no set without one will do (a zero shown tells nobody anything);
  // stable sort, so equal sets keep the order above (fewer cells first).
  const zeros = (set: readonly Candidate[]) => Number(set.some((c) => c.value === 0));
  sets.sort((a, b) => zeros(a) - zeros(b) || cost(a) - cost(b) || far(a) - far(b) || size(a) - size(b));
  // Bounded, so a pack of many small counts stays quick; past it the cheapest cell is hidden and the audit looks again.
  return sets.slice(0, MAX_SETS_TRIED).find(frees) ?? null;
}

const MAX_SETS_TRIED = 40;

/** A cell that could be hidden, with how far it is from the pinned cell (0: in one of its relations). */
type Candidate = TableCell & { steps: number };

/**
 * Printed cells that share a relation with `start` or with any cell not shown that is joined to it, and
 * the cells one relation beyond those: the cells whose hiding can change what a reader can work out
 * about `start` (two steps are enough for a total and its parts to be protected together).
 */
function neighbours(start: string, table: AuditTable, isCandidate: (k: string) => boolean): Map<string, number> {
  const seen = new Set([start]);
  const out = new Map<string, number>();
  let frontier: { key: string; steps: number }[] = [{ key: start, steps: 0 }];
  while (frontier.length > 0) {
    const next: { key: string; steps: number }[] = [];
    for (const { key, steps } of frontier) {
      for (const r of table.touching[table.position.get(key)!] ?? []) {
        for (const k of table.terms[r]!.map((p) => table.keys[p]!)) {
          if (seen.has(k)) continue;
          seen.add(k);
          if (!isCandidate(k)) next.push({ key: k, steps });
          else {
            out.set(k, steps);
            if (steps < 1) next.push({ key: k, steps: steps + 1 });
          }
        }
      }
    }
    frontier = next;
  }
  return out;
}
