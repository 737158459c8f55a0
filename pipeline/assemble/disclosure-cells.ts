/**
 * The public pack as cells and relations (indicators.md, "Disclosure
 * control"): every count a public output prints, once, under one key however
 * many tables, records and sentences print it, and the relations a reader
 * can use to work one count out from others.
 *
 * - A record's numerator and denominator are cells. Records built on the same
 *   children share the cell: a group's count at a disproportionality stage is
 *   the numerator of its rate, its RRI and its share, and the White count is
 *   the denominator of every RRI of the stage; a cohort's reoffenders are the
 *   numerator of its rate and the base of reoffences per reoffender.
 * - A count beside its base (every percentage) has a complement cell, base −
 *   count, never printed but read off the two.
 * - Totals: the parts of a reoffending cohort by sex, age band, ethnic group
 *   and index type add up to the cohort (children, reoffenders, reoffences);
 *   school-age and above-school-age ETE add up to all children; each YJB KPI's
 *   parts along one breakdown key add up to its headline count and base; a
 *   disproportionality stage's groups add up to its known total, and with the
 *   children whose ethnicity is not known to everyone at the stage; each
 *   profile table adds up to the children with an outcome.
 * - Figures published twice: the first time entrants of the year (Table 1 and
 *   the disproportionality stage), the children with an outcome by ethnic group
 *   (profile) and the diversion stage's bases, the children with a remand
 *   decision, the population.
 *
 * Every relation is checked against the true figures before it is used: one
 * that does not hold exactly is used as "parts ≤ total" where that holds, or
 * not at all, so a relation can only ever make the pack hide more.
 */
import type { LinearRelation, TableCell } from '../compute/statistics.js';
import { complementRelation, totalRelation } from '../compute/statistics.js';
import { CATALOGUE, underDisclosureControl } from '../compute/catalogue.js';
import type { IndicatorRecord } from '../compute/record.js';
import type { ProfileTable, YdaRemandYear } from '../compute/profile.js';

export interface RecordCells {
  numerator: string | null;
  denominator: string | null;
}

export interface PackCells {
  cells: TableCell[];
  relations: LinearRelation[];
  /** The cells each record prints, in the records' order. */
  records: RecordCells[];
}

export const REFERENCE_GROUP = 'White';
export const NOT_KNOWN = 'Not known';
const POPULATION_STAGE = 'population';
/** Hiding one of these blanks a headline (a summary tile, a whole series): the last resort of secondary suppression. */
const HEADLINE_COST = 1000;
const HEADLINE_IDS: ReadonlySet<string> = new Set([
  'fte.count', 'fte.offences', 'fte.rate', 'custody.count', 'custody.children', 'custody.rate',
  'reoffending.binary', 'reoffending.per_reoffender', 'reoffending.per_offender', 'ete.overall',
]);

export function profileCellKey(period: string, dimension: string, category: string): string {
  return `profile|${period}|${dimension}|${category}`;
}
export function profileTotalKey(period: string): string {
  return `profile|${period}|total`;
}
export type RemandField = 'decisions' | 'children' | 'childrenWithDecision';
export function remandCellKey(period: string, field: RemandField): string {
  return `remands|${period}|${field}`;
}

export function packCells(records: readonly IndicatorRecord[], tables: { profile?: readonly ProfileTable[]; remands?: readonly YdaRemandYear[] } = {}): PackCells {
  const builder = new CellBuilder();
  const recordCells = records.map((r) => recordCellsOf(r, builder));
  reoffendingTotals(records, recordCells, builder);
  eteTotals(records, builder);
  kpiTotals(records, builder);
  disproTotals(records, builder);
  for (const t of tables.profile ?? []) {
    const total = builder.cell(profileTotalKey(t.period), t.total, 2 + HEADLINE_COST);
    const parts = t.rows.map((row) => builder.cell(profileCellKey(t.period, t.dimension, row.category), row.children, 2));
    builder.total(parts, total);
    // The profile's ethnic groups are the diversion stage's bases (children with a proven outcome), printed twice.
    if (t.dimension === 'ethnic_group') {
      for (const row of t.rows) {
        const stageKey = row.category === NOT_KNOWN ? disproKey(t.period, 'diversion', NOT_KNOWN) : `${disproKey(t.period, 'diversion', row.category)}|base`;
        builder.sameIfEqual(profileCellKey(t.period, t.dimension, row.category), stageKey);
      }
      builder.sameIfEqual(total, `${disproStageKey(t.period, 'diversion')}|all`);
    }
  }
  for (const y of tables.remands ?? []) {
    const decisions = builder.cell(remandCellKey(y.period, 'decisions'), y.decisions, 1);
    const children = builder.cell(remandCellKey(y.period, 'children'), y.children, 1);
    const withDecision = builder.cell(remandCellKey(y.period, 'childrenWithDecision'), y.childrenWithDecision, 1);
    builder.complement(children, withDecision);
    builder.total([children], decisions);
    builder.sameIfEqual(withDecision, `${disproStageKey(y.period, 'remand_yda')}|all`);
    builder.total(disproGroupKeys(records, y.period, 'remand_yda'), children);
  }
  for (const period of new Set(records.filter((r) => r.id === 'custody.children').map((r) => r.period))) {
    builder.total(disproGroupKeys(records, period, 'custody'), `custody|${period}|children`);
  }
  return { cells: builder.cells(), relations: builder.relations, records: recordCells };
}

/**
 * What a public output shows, cell by cell, read back from its records and count tables (a hidden figure is
 * null there): the cells' published values, and the cells shown as [c]. For the audit of a public pack:
 * it sees only these, with the relations of packCells.
 */
export function publishedCells(records: readonly IndicatorRecord[], tables: {
  profile?: readonly { period: string; dimension: string; rows: readonly { category: string; children: number | null }[]; total: number | null }[];
  remands?: readonly { period: string; values: Partial<Record<RemandField, number | null>> }[];
} = {}): { shown: Map<string, number>; confidential: Set<string>; shownAndHidden: string[] } {
  const shown = new Map<string, number>();
  const confidential = new Set<string>();
  const see = (key: string, value: number | null) => {
    if (value === null) { confidential.add(key); return; }
    const before = shown.get(key);
    if (before !== undefined && before !== value) throw new Error(`published twice with different values: ${key} (${before}, ${value})`);
    shown.set(key, value);
  };
  for (const r of records) {
    // Name the cells from a copy whose counts are all present, so a hidden count still names its cell; a null
    // in a record that is not suppressed is a figure that does not exist (no population), not a hidden one.
    const present = { ...r, numerator: r.numerator ?? 0, denominator: r.denominator ?? (r.suppressed && r.unit !== 'count' ? 0 : null) };
    const named = recordCellsOf(present, new CellBuilder());
    if (named.numerator !== null && (r.numerator !== null || r.suppressed)) see(named.numerator, r.numerator);
    if (named.denominator !== null && (r.denominator !== null || r.suppressed)) see(named.denominator, r.denominator);
  }
  for (const t of tables.profile ?? []) {
    see(profileTotalKey(t.period), t.total);
    for (const row of t.rows) see(profileCellKey(t.period, t.dimension, row.category), row.children);
  }
  for (const y of tables.remands ?? []) {
    for (const [field, value] of Object.entries(y.values)) see(remandCellKey(y.period, field as RemandField), value ?? null);
  }
  const shownAndHidden = [...confidential].filter((k) => shown.has(k));
  for (const k of shownAndHidden) confidential.delete(k);
  return { shown, confidential, shownAndHidden };
}

function disproStageKey(period: string, stage: string): string {
  return `dispro|${period}|${stage}`;
}
function disproKey(period: string, stage: string, group: string): string {
  return `${disproStageKey(period, stage)}|${group}`;
}
function disproGroupKeys(records: readonly IndicatorRecord[], period: string, stage: string): string[] {
  return records
    .filter((r) => r.id === 'dispro.rate' && r.period === period && r.breakdown.stage === stage)
    .map((r) => disproKey(period, stage, r.breakdown.group ?? ''));
}

function reoffendingBase(r: IndicatorRecord): string {
  const split = Object.entries(r.breakdown).filter(([k]) => k !== 'cohort').map(([k, v]) => `${k}=${v}`).join(',');
  return `reoffending|${r.period}|${r.breakdown.cohort ?? ''}|${split || 'all'}`;
}

/** `|order_type=RO` for a record split along a breakdown key; empty for a headline. */
function splitOf(r: IndicatorRecord): string {
  const split = Object.entries(r.breakdown).map(([k, v]) => `${k}=${v}`).join(',');
  return split ? `|${split}` : '';
}

/** Which cells a record prints; the cells are created (with their cost) as they are met. */
function recordCellsOf(r: IndicatorRecord, b: CellBuilder): RecordCells {
  const p = r.period;
  const entry = CATALOGUE[r.id];
  const keys = ((): [string | null, string | null] => {
    // Counts of the statutory partner organisations at the board, not of people: no cells (the catalogue's reason).
    if (!underDisclosureControl(r.id)) return [null, null];
    // A rolling-year topic's figures of the same children (or sentences) share the cell; its rate's base is the population.
    if (entry.rollingYear) return [`${entry.topic}|${p}|${entry.counts}`, entry.kind === 'rate' ? `population|${p}` : null];
    switch (r.id) {
      case 'reoffending.binary': return [`${reoffendingBase(r)}|reoffenders`, `${reoffendingBase(r)}|cohort`];
      case 'reoffending.per_reoffender': return [`${reoffendingBase(r)}|reoffences`, `${reoffendingBase(r)}|reoffenders`];
      case 'reoffending.per_offender': return [`${reoffendingBase(r)}|reoffences`, `${reoffendingBase(r)}|cohort`];
      case 'ete.school_age': case 'ete.over_school_age': case 'ete.overall': case 'ete.suitable_end':
        // A breakdown (order type, ethnic group…) is its own cell; the headline keeps the key eteTotals relates.
        return [`ete|${p}|${r.id}${splitOf(r)}|met`, `ete|${p}|${r.id}${splitOf(r)}|measured`];
      case 'dispro.rate': {
        const stage = r.breakdown.stage ?? '';
        const group = r.breakdown.group ?? '';
        const base = r.unit === '%' ? `${disproKey(p, stage, group)}|base` : disproKey(p, POPULATION_STAGE, group);
        return [disproKey(p, stage, group), base];
      }
      case 'dispro.rri': {
        const stage = r.breakdown.stage ?? '';
        return [disproKey(p, stage, r.breakdown.group ?? ''), disproKey(p, stage, REFERENCE_GROUP)];
      }
      case 'dispro.share': {
        const stage = r.breakdown.stage ?? '';
        const group = r.breakdown.group ?? '';
        if (group === NOT_KNOWN) return [disproKey(p, stage, NOT_KNOWN), `${disproStageKey(p, stage)}|all`];
        return [disproKey(p, stage, group), `${disproStageKey(p, stage)}|known`];
      }
      default:
        // The YJB KPIs and ETE at the start (not in the pack's tables yet): each record's count and base are cells.
        return [`${r.id}|${p}${splitOf(r)}|count`, r.denominator === null ? null : `${r.id}|${p}${splitOf(r)}|base`];
    }
  })();
  // A KPI's headline is a row of the board's KPI table: its breakdowns are hidden before it is.
  const headline = (HEADLINE_IDS.has(r.id) || r.id.startsWith('kpi.')) && Object.keys(r.breakdown).every((k) => k === 'cohort');
  const weight = (key: string) => (headline || key.startsWith('population|') || key.includes(`|${POPULATION_STAGE}|`) ? HEADLINE_COST : 0);
  const n = keys[0] !== null && r.numerator !== null ? b.cell(keys[0], r.numerator, 1 + weight(keys[0])) : null;
  const d = keys[1] !== null && r.denominator !== null ? b.cell(keys[1], r.denominator, 1 + weight(keys[1])) : null;
  // A percentage's count is part of its base: the rest (base − count) is a cell a reader can read off.
  if (n !== null && d !== null && r.unit === '%' && r.id !== 'dispro.share') b.complement(n, d);
  if (n !== null && d !== null && r.id === 'reoffending.per_reoffender') b.total([d], n);
  return { numerator: n, denominator: d };
}

function reoffendingTotals(records: readonly IndicatorRecord[], cells: readonly RecordCells[], b: CellBuilder): void {
  // Parts of each cohort along one breakdown key: cohort|key → measure → part keys.
  const parts = new Map<string, string[]>();
  records.forEach((r, i) => {
    if (!r.id.startsWith('reoffending.')) return;
    const splits = Object.keys(r.breakdown).filter((k) => k !== 'cohort');
    if (splits.length > 1) return;
    for (const key of [cells[i]!.numerator, cells[i]!.denominator]) {
      if (key === null) continue;
      const measure = key.slice(key.lastIndexOf('|') + 1);
      const whole = `reoffending|${r.period}|${r.breakdown.cohort ?? ''}|all|${measure}`;
      const group = splits.length === 0 ? `${whole}#total` : `${whole}#${splits[0]}`;
      const list = parts.get(group) ?? [];
      if (!list.includes(key)) list.push(key);
      parts.set(group, list);
    }
  });
  for (const [group, keys] of parts) {
    if (group.endsWith('#total')) continue;
    const whole = group.slice(0, group.indexOf('#'));
    if (b.has(whole)) b.total(keys, whole);
  }
}

function eteTotals(records: readonly IndicatorRecord[], b: CellBuilder): void {
  for (const period of new Set(records.filter((r) => r.id.startsWith('ete.')).map((r) => r.period))) {
    for (const field of ['met', 'measured']) {
      const key = (id: string) => `ete|${period}|${id}|${field}`;
      b.total([key('ete.school_age'), key('ete.over_school_age')].filter((k) => b.has(k)), key('ete.overall'));
    }
    b.sameIfEqual(`ete|${period}|ete.suitable_end|measured`, `ete|${period}|ete.overall|measured`);
  }
}

/** Each KPI breakdown (order type, ethnic group, sex, age band) adds up to the headline's count and base. */
function kpiTotals(records: readonly IndicatorRecord[], b: CellBuilder): void {
  const parts = new Map<string, string[]>();
  for (const r of records) {
    const keys = Object.keys(r.breakdown);
    if (!r.id.startsWith('kpi.') || keys.length !== 1) continue;
    for (const field of ['count', 'base']) {
      const group = `${r.id}|${r.period}|${field}#${keys[0]}`;
      const list = parts.get(group) ?? [];
      list.push(`${r.id}|${r.period}${splitOf(r)}|${field}`);
      parts.set(group, list);
    }
  }
  for (const [group, keys] of parts) {
    const whole = group.slice(0, group.indexOf('#'));
    // A part with no count of its own (no record) drops out, and the relation becomes parts ≤ whole.
    if (b.has(whole)) b.total(keys.filter((k) => b.has(k)), whole);
  }
}

function disproTotals(records: readonly IndicatorRecord[], b: CellBuilder): void {
  const stages = new Map<string, { period: string; stage: string; groups: Set<string>; proportion: boolean }>();
  for (const r of records) {
    if (!r.id.startsWith('dispro.') || r.breakdown.group === NOT_KNOWN) continue;
    const stage = r.breakdown.stage ?? '';
    const key = `${r.period}|${stage}`;
    const entry = stages.get(key) ?? { period: r.period, stage, groups: new Set<string>(), proportion: false };
    entry.groups.add(r.breakdown.group ?? '');
    if (r.id === 'dispro.rate' && r.unit === '%') entry.proportion = true;
    stages.set(key, entry);
  }
  for (const { period, stage, groups, proportion } of stages.values()) {
    const counts = [...groups].map((g) => disproKey(period, stage, g));
    const all = `${disproStageKey(period, stage)}|all`;
    const notKnown = disproKey(period, stage, NOT_KNOWN);
    if (stage === POPULATION_STAGE) {
      b.total(counts.filter((k) => b.has(k)), `${disproStageKey(period, stage)}|known`);
      b.sameIfEqual(`${disproStageKey(period, stage)}|known`, `population|${period}`);
      continue;
    }
    b.total(counts.filter((k) => b.has(k)), `${disproStageKey(period, stage)}|known`);
    // Count stages: the known total and the not known make everyone at the stage; proportion stages: the bases do.
    if (proportion) b.total([...[...groups].map((g) => `${disproKey(period, stage, g)}|base`), notKnown].filter((k) => b.has(k)), all);
    else b.total([`${disproStageKey(period, stage)}|known`, notKnown].filter((k) => b.has(k)), all);
    if (stage === 'fte') b.sameIfEqual(all, `fte|${period}|children`);
  }
}

/** Cells met once each, relations kept only where the true figures satisfy them. */
class CellBuilder {
  private readonly byKey = new Map<string, TableCell>();
  readonly relations: LinearRelation[] = [];

  /** The cell's key; a second figure under the same key with another value gets its own cell (never merged wrongly). */
  cell(key: string, value: number, cost: number): string {
    const existing = this.byKey.get(key);
    if (existing === undefined) {
      this.byKey.set(key, { key, value, printed: true, cost, lastResort: cost >= HEADLINE_COST });
      return key;
    }
    if (existing.value === value) {
      existing.cost += cost;
      existing.lastResort = existing.cost >= HEADLINE_COST;
      return key;
    }
    return this.cell(`${key}'`, value, cost);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  complement(count: string, base: string): void {
    const c = this.byKey.get(count);
    const d = this.byKey.get(base);
    if (!c || !d || c.value > d.value) return;
    const key = `${count}~not of ${base}`;
    if (this.byKey.has(key)) return;
    this.byKey.set(key, { key, value: d.value - c.value, printed: false, cost: 0, complementOf: count });
    this.relations.push(complementRelation(count, key, base));
  }

  total(parts: readonly string[], total: string): void {
    const t = this.byKey.get(total);
    if (!t || parts.length === 0 || parts.some((k) => !this.byKey.has(k))) return;
    const sum = parts.reduce((s, k) => s + this.byKey.get(k)!.value, 0);
    if (sum === t.value) this.relations.push(totalRelation(parts, total));
    else if (sum < t.value) this.relations.push(totalRelation(parts, total, 'le'));
  }

  sameIfEqual(a: string, b: string): void {
    const x = this.byKey.get(a);
    const y = this.byKey.get(b);
    if (!x || !y || x.value !== y.value || a === b) return;
    this.relations.push({ kind: 'eq', terms: [{ key: a, coef: 1 }, { key: b, coef: -1 }], label: `${a} = ${b}` });
  }

  cells(): TableCell[] {
    return [...this.byKey.values()];
  }
}
