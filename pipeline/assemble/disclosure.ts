/**
 * Disclosure control for public outputs (indicators.md, "Disclosure
 * control"), applied to the records and count tables before anything is
 * formatted, so no table, tile, chart, sentence or public CSV row can show a
 * hidden figure.
 *
 * The pack is modelled as cells and the relations a reader can use between
 * them (disclosure-cells.ts: totals, a count beside its base, figures
 * published twice); compute/statistics' suppressCells hides small cells and
 * small complements, then the fewest further cells until its audit finds no
 * hidden cell a reader could work out. A record then shows a figure only
 * where every cell it is built on is shown: a hidden count hides its rate,
 * index, share and interval, and a record whose count is hidden keeps its
 * base where that base is shown ("[c] of 30").
 */
import { suppressCells, type CellReason, type LinearRelation, type TableCell } from '../compute/statistics.js';
import type { IndicatorRecord } from '../compute/record.js';
import type { ProfileTable, YdaRemandYear } from '../compute/profile.js';
import type { Audience } from './model.js';
import { packCells, profileCellKey, profileTotalKey, remandCellKey, type RemandField } from './disclosure-cells.js';

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/**
 * Why a figure is hidden:
 * - primary: its own count (or base) is from 1 to the threshold;
 * - complement: its base minus its count is from 1 to the threshold (80.0% of 25 would tell that 5 were not);
 * - secondary: hidden to protect another hidden figure, which could otherwise be worked out from totals;
 * - linked: its own count is shown, but a count it is built on (the White count of an index, a stage's
 *   known total) is hidden to protect another figure.
 * A record with several hidden cells gives the first of primary, complement, secondary that applies.
 */
export type DisclosureReason = CellReason | 'linked';

export interface DisclosureEntry {
  id: string;
  period: string;
  breakdown: Record<string, string>;
  reason: DisclosureReason;
}

/** A count hidden in a table that is not an indicator record (cohort profile, remands). */
export interface CountSuppression {
  table: string;
  period: string;
  category: string;
  reason: CellReason;
}

/** A profile table or remand year as a public pack shows it: which counts are hidden, and why. */
export type DisclosedProfileTable = ProfileTable & { hidden: { rows: (CellReason | null)[]; total: CellReason | null } };
export type DisclosedRemandYear = YdaRemandYear & { hidden: Partial<Record<RemandField, CellReason>> };

export interface Disclosed {
  records: IndicatorRecord[];
  /** Every record hidden, once, in the records' order (for manifest.json). */
  log: DisclosureEntry[];
  profile: DisclosedProfileTable[];
  remands: DisclosedRemandYear[];
  /** Counts hidden in the profile and remand tables, for manifest.json beside the records' log. */
  countLog: CountSuppression[];
  /** What the public sees, as the audit reads it: every cell with its value or null, and the relations. */
  published: { cells: { key: string; value: number | null; suppressed: boolean }[]; relations: LinearRelation[] };
}

export interface CountTables {
  profile?: readonly ProfileTable[];
  remands?: readonly YdaRemandYear[];
}

/** Run once per run (assemble/index.ts assembleQuarter): the public pack, the public CSV and the manifest share it. */
export function discloseRecords(records: readonly IndicatorRecord[], threshold: number, tables: CountTables = {}): Disclosed {
  const model = packCells(records, tables);
  const hidden = suppressCells(model.cells, model.relations, threshold);
  const log: DisclosureEntry[] = [];
  const out = records.map((r, i) => {
    const { numerator: n, denominator: d } = model.records[i]!;
    const nHidden = n !== null && hidden.has(n);
    const dHidden = d !== null && hidden.has(d);
    if (!nHidden && !dHidden) return r;
    const reason = reasonFor(nHidden ? hidden.get(n!)! : null, dHidden ? hidden.get(d!)! : null);
    log.push({ id: r.id, period: r.period, breakdown: { ...r.breakdown } as Record<string, string>, reason });
    const { significant: _s, direction: _d, ...rest } = r;
    return {
      ...rest,
      numerator: nHidden ? null : r.numerator,
      denominator: dHidden ? null : r.denominator,
      value: null, lower: null, upper: null, suppressed: true,
    };
  });
  const profile = (tables.profile ?? []).map((t) => ({
    ...t,
    hidden: {
      rows: t.rows.map((row) => hidden.get(profileCellKey(t.period, t.dimension, row.category)) ?? null),
      total: hidden.get(profileTotalKey(t.period)) ?? null,
    },
  }));
  const remandFields: readonly RemandField[] = ['decisions', 'children', 'childrenWithDecision'];
  const remands = (tables.remands ?? []).map((y) => ({
    ...y,
    hidden: Object.fromEntries(remandFields.flatMap((f) => {
      const reason = hidden.get(remandCellKey(y.period, f));
      return reason ? [[f, reason]] : [];
    })) as Partial<Record<RemandField, CellReason>>,
  }));
  return {
    records: out, log, profile, remands, countLog: countLog(profile, remands),
    published: {
      cells: model.cells.map((c: TableCell) => ({ key: c.key, value: c.printed && !hidden.has(c.key) ? c.value : null, suppressed: hidden.has(c.key) })),
      relations: model.relations,
    },
  };
}

const STRENGTH: readonly CellReason[] = ['primary', 'complement', 'secondary'];

/** A record's reason: the strongest of its hidden cells', except that a base hidden only to protect another is 'linked'. */
function reasonFor(numerator: CellReason | null, denominator: CellReason | null): DisclosureReason {
  if (denominator === null || (numerator !== null && STRENGTH.indexOf(numerator) <= STRENGTH.indexOf(denominator))) return numerator!;
  return denominator === 'secondary' && numerator === null ? 'linked' : denominator;
}

function countLog(profile: readonly DisclosedProfileTable[], remands: readonly DisclosedRemandYear[]): CountSuppression[] {
  const out: CountSuppression[] = [];
  for (const t of profile) {
    t.rows.forEach((row, i) => {
      const reason = t.hidden.rows[i];
      if (reason) out.push({ table: `profile.${t.dimension}`, period: t.period, category: row.category, reason });
    });
    if (t.hidden.total) out.push({ table: `profile.${t.dimension}`, period: t.period, category: 'total', reason: t.hidden.total });
  }
  for (const y of remands) {
    for (const [field, reason] of Object.entries(y.hidden)) {
      out.push({ table: 'remands.yda', period: y.period, category: field === 'childrenWithDecision' ? 'children_with_decision' : field, reason });
    }
  }
  return out;
}

/** The records an audience may see: the board sees everything, the public the disclosed set. */
export function recordsFor(audience: Audience, records: readonly IndicatorRecord[], threshold: number): IndicatorRecord[] {
  return audience === 'public' ? discloseRecords(records, threshold).records : [...records];
}

/** The public records alone (the shape assemble has always used). */
export function applyDisclosureControl(records: readonly IndicatorRecord[], threshold: number): IndicatorRecord[] {
  return discloseRecords(records, threshold).records;
}
