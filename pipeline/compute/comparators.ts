/**
 * Published figures to compare the service against (indicators.md: a
 * difference is significant only when the comparator lies outside the
 * indicator's 95% interval).
 *
 * Two sources, merged: the set shipped in reference/comparators.csv (see
 * reference/comparators.SOURCES.md) and the user's own comparators.csv (the
 * store's comparators table); a user row replaces a shipped one with the
 * same indicator, period and area (area compared case-insensitively).
 *
 * How a comparator row finds the local records it compares with:
 * - `reoffending.binary`: `period` names the cohort quarter; it matches the
 *   headline record of that cohort (breakdown exactly { cohort }).
 * - `outcome.children_rate` (children cautioned or sentenced per 1,000 aged
 *   10–17, an id of ours: indicators.md has no all-children id for it): the
 *   all-children `dispro.rate` record of stage `outcome`, same period.
 * - any other id: the headline record (breakdown {}) with that id and period.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { errorText, YjpackError } from '../errors.js';
import { projectPath } from '../project-root.js';
import { addQuarters, comparePeriods, formatPeriod, parsePeriod } from '../period.js';
import type { Store } from '../store/db.js';
import type { Breakdown, IndicatorId, IndicatorRecord, Unit } from './record.js';
import { significantAgainst } from './statistics.js';

export interface Comparator {
  indicator: string;
  /** The quarter the figure describes (for reoffending: the cohort quarter). */
  period: string;
  area: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  origin: 'shipped' | 'user';
}

export interface Comparison {
  /** The local record compared. */
  id: IndicatorId;
  period: string;
  breakdown: Breakdown;
  /** The local count the figure rests on, so a public pack can withhold a comparison built on a small one. */
  numerator?: number | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  unit: Unit;
  /** The comparator it is compared with. */
  comparator: string;
  comparatorPeriod: string;
  area: string;
  comparatorValue: number;
  source: string | null;
  origin: Comparator['origin'];
  significant: boolean;
  /** The local figure relative to the comparator, when significant. */
  direction: 'higher' | 'lower' | null;
}

export interface ComparisonOptions {
  /**
   * Areas to compare with (config `comparators`), matched case-insensitively.
   * Empty: every area of the user's own comparators.csv and none of the
   * shipped set (which holds over 150 areas).
   */
  areas: readonly string[];
  /**
   * When no comparator has the record's own period, the latest one up to this
   * many quarters earlier stands in (e.g. 1: the year to December against a
   * year to March). Default 0: same period only. Never for reoffending cohorts.
   */
  lagQuarters?: number;
}

export const COMPARATOR_FILE = 'comparators.csv';

export const USER_COMPARATORS_SQL = `
SELECT indicator, period, area, CAST(value AS DOUBLE) AS value,
       CAST(numerator AS DOUBLE) AS numerator, CAST(denominator AS DOUBLE) AS denominator, source
FROM comparators
ORDER BY indicator, area, period`;

/** The shipped comparators, read from the project's reference/ folder found from this module's location. */
export async function loadShippedComparators(path: string = shippedComparatorsPath()): Promise<Comparator[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new YjpackError('comparatorsMissing', { path, detail: errorText(e) }, { cause: e });
  }
  try {
    return parseComparatorsCsv(text, 'shipped');
  } catch (e) {
    throw new YjpackError('comparatorsMissing', { path, detail: errorText(e) }, { cause: e });
  }
}

/** reference/comparators.csv of the project this module belongs to (run from source or a build). */
export function shippedComparatorsPath(): string {
  return projectPath('reference', COMPARATOR_FILE);
}

/** Rows of a comparators CSV (indicator, period, area, value, numerator?, denominator?, source?). */
export function parseComparatorsCsv(text: string, origin: Comparator['origin']): Comparator[] {
  const rows = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  return rows.map((r, i) => {
    const value = Number(r.value);
    if (!r.indicator || !r.period || !r.area || r.value === undefined || r.value === '' || !Number.isFinite(value)) {
      throw new Error(`line ${i + 2}: expected indicator, period, area and a numeric value`);
    }
    return {
      indicator: r.indicator, period: r.period, area: r.area, value,
      numerator: optionalNumber(r.numerator, 'numerator', i + 2), denominator: optionalNumber(r.denominator, 'denominator', i + 2),
      source: r.source ? r.source : null, origin,
    };
  });
}

/** The user's comparators (the store's comparators table). */
export async function userComparators(store: Store): Promise<Comparator[]> {
  const rows = await store.query<{
    indicator: string; period: string; area: string; value: number;
    numerator: number | null; denominator: number | null; source: string | null;
  }>(USER_COMPARATORS_SQL);
  return rows.map((r) => ({ ...r, origin: 'user' as const }));
}

/** Shipped and user comparators together, a user row replacing the shipped row for the same indicator, period and area. */
export function mergeComparators(shipped: readonly Comparator[], user: readonly Comparator[]): Comparator[] {
  const key = (c: Comparator) => `${c.indicator}\u0000${c.period}\u0000${c.area.toLowerCase()}`;
  const taken = new Set(user.map(key));
  return [...shipped.filter((c) => !taken.has(key(c))), ...user];
}

/** Every comparator a run can use: shipped merged with the store's. */
export async function comparatorSet(store: Store, shipped?: readonly Comparator[]): Promise<Comparator[]> {
  return mergeComparators(shipped ?? await loadShippedComparators(), await userComparators(store));
}

/**
 * Each record compared with each matching comparator of the chosen areas,
 * in record order then area order. Significant only when the comparator lies
 * outside the record's interval; a record without limits (a count, or a
 * suppressed figure) is never significantly different.
 */
export function comparatorsFor(records: readonly IndicatorRecord[], comparators: readonly Comparator[],
  options: ComparisonOptions): Comparison[] {
  const chosen = chooseAreas(comparators, options.areas);
  const out: Comparison[] = [];
  for (const rec of records) {
    const candidates = chosen.filter((c) => targets(c, rec));
    const byArea = new Map<string, Comparator[]>();
    for (const c of candidates) byArea.set(c.area.toLowerCase(), [...(byArea.get(c.area.toLowerCase()) ?? []), c]);
    for (const list of byArea.values()) {
      const match = bestPeriod(rec, list, options.lagQuarters ?? 0);
      if (match) out.push(compare(rec, match));
    }
  }
  return out;
}

function chooseAreas(comparators: readonly Comparator[], areas: readonly string[]): Comparator[] {
  if (areas.length === 0) return comparators.filter((c) => c.origin === 'user');
  const wanted = areas.map((a) => a.trim().toLowerCase());
  return [...comparators]
    .filter((c) => wanted.includes(c.area.toLowerCase()))
    .sort((a, b) => wanted.indexOf(a.area.toLowerCase()) - wanted.indexOf(b.area.toLowerCase()));
}

/** Whether a comparator row is about this record's measure and breakdown (period aside). */
function targets(c: Comparator, rec: IndicatorRecord): boolean {
  const keys = Object.keys(rec.breakdown);
  if (c.indicator === 'reoffending.binary') {
    return rec.id === 'reoffending.binary' && keys.length === 1 && rec.breakdown.cohort === c.period;
  }
  if (c.indicator === 'outcome.children_rate') {
    return rec.id === 'dispro.rate' && rec.breakdown.stage === 'outcome' && keys.every((k) => k === 'stage');
  }
  return rec.id === c.indicator && keys.length === 0;
}

/** The comparator of the record's own period, else the latest within the lag; cohorts match exactly. */
function bestPeriod(rec: IndicatorRecord, list: readonly Comparator[], lag: number): Comparator | null {
  if (list.some((c) => c.indicator === 'reoffending.binary')) return list[0] ?? null;
  const exact = list.find((c) => c.period === rec.period);
  if (exact || lag <= 0) return exact ?? null;
  const recPeriod = parsePeriod(rec.period);
  const earliest = addQuarters(recPeriod, -lag);
  const earlier = list
    .filter((c) => isPeriod(c.period))
    .filter((c) => comparePeriods(parsePeriod(c.period), recPeriod) < 0 && comparePeriods(parsePeriod(c.period), earliest) >= 0)
    .sort((a, b) => comparePeriods(parsePeriod(b.period), parsePeriod(a.period)));
  return earlier[0] ?? null;
}

function compare(rec: IndicatorRecord, c: Comparator): Comparison {
  const { significant, direction } = rec.value === null
    ? { significant: false, direction: null }
    : significantAgainst({ lower: rec.lower, upper: rec.upper }, c.value);
  return {
    id: rec.id, period: rec.period, breakdown: rec.breakdown, numerator: rec.numerator,
    value: rec.value, lower: rec.lower, upper: rec.upper, unit: rec.unit,
    comparator: c.indicator, comparatorPeriod: c.period, area: c.area, comparatorValue: c.value, source: c.source, origin: c.origin,
    significant, direction,
  };
}

function isPeriod(text: string): boolean {
  try {
    return formatPeriod(parsePeriod(text)) === text;
  } catch {
    return false;
  }
}

/** Blank is none; anything else must be a finite number (hundreds of digits read as Infinity). */
function optionalNumber(text: string | undefined, column: string, line: number): number | null {
  if (text === undefined || text === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`line ${line}: ${column} '${text.slice(0, 40)}' is not a finite number`);
  return n;
}
