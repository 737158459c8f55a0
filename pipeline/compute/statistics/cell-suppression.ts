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
 *   it, then the smallest value), else the cheapest and the audit runs again.
 *   Greedy, so not always the fewest possible, but never fewer than enough:
 *   it stops only when the audit passes.
 */
import { auditPublished, type AuditCell, type LinearRelation } from './disclosure-audit.js';

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
}

/** primary: a count from 1 to the threshold; complement: base − count is; secondary: hidden to protect another cell. */
export type CellReason = 'primary' | 'complement' | 'secondary';

export function suppressCells(cells: readonly TableCell[], relations: readonly LinearRelation[], threshold: number): Map<string, CellReason> {
  const byKey = new Map(cells.map((c) => [c.key, c]));
  const hidden = new Map<string, CellReason>();
  const small = (c: TableCell) => c.value >= 1 && c.value <= threshold;
  for (const c of cells) if (c.printed && small(c)) hidden.set(c.key, 'primary');
  for (const c of cells) {
    if (c.printed || !small(c) || c.complementOf === undefined) continue;
    if (!hidden.has(c.complementOf) && byKey.get(c.complementOf)?.printed) hidden.set(c.complementOf, 'complement');
  }
  const view = (extra?: string): AuditCell[] => cells.map((c) => {
    const isHidden = hidden.has(c.key) || c.key === extra;
    return { key: c.key, value: c.printed && !isHidden ? c.value : null, suppressed: isHidden };
  });
  const touching = relationIndex(relations);

  for (;;) {
    const leak = auditPublished(view(), relations, threshold).leaks[0];
    if (!leak) return hidden;
    const candidates = neighbours(leak.key, touching, (k) => byKey.get(k)?.printed === true && !hidden.has(k))
      .map((k) => byKey.get(k)!)
      // Hide a true zero only when nothing else is left: a zero shown tells nobody anything.
      .sort((a, b) => Number(a.value === 0) - Number(b.value === 0) || a.cost - b.cost || a.value - b.value);
    if (candidates.length === 0) throw new Error(`cell suppression: nothing left to hide around ${leak.key}`);
    const only = new Set([leak.key]);
    const freeing = candidates.find((c) => {
      const r = auditPublished(view(c.key), relations, threshold, only).ranges.find((x) => x.key === leak.key);
      return r !== undefined && r.lower !== r.upper;
    });
    hidden.set((freeing ?? candidates[0]!).key, 'secondary');
  }
}

function relationIndex(relations: readonly LinearRelation[]): Map<string, LinearRelation[]> {
  const index = new Map<string, LinearRelation[]>();
  for (const r of relations) {
    for (const t of r.terms) {
      const list = index.get(t.key) ?? [];
      list.push(r);
      index.set(t.key, list);
    }
  }
  return index;
}

/**
 * Printed cells that share a relation with `start` or with any cell not shown that is joined to it: the
 * cells whose hiding can change what a reader can work out about `start`, nearest first.
 */
function neighbours(start: string, touching: ReadonlyMap<string, LinearRelation[]>, isCandidate: (k: string) => boolean): string[] {
  const seen = new Set([start]);
  const out: string[] = [];
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const k of frontier) {
      for (const r of touching.get(k) ?? []) {
        for (const t of r.terms) {
          if (seen.has(t.key)) continue;
          seen.add(t.key);
          if (isCandidate(t.key)) out.push(t.key);
          else next.push(t.key);
        }
      }
    }
    frontier = next;
  }
  return out;
}
