/**
 * Disclosure control for public outputs (indicators.md, "Disclosure
 * control"; GSS guidance on symbols). Pure: records in, records and a log out.
 *
 * Primary: a record whose numerator or denominator is a count from 1 to the
 * threshold is suppressed, with every figure built on it (value, interval,
 * the counts themselves). True zeros stay. The denominator is checked too
 * because a small base (3 reoffenders) discloses as much as a small count.
 *
 * Secondary: records that split one total along one breakdown key (sex, age
 * band, ethnic group, index type, group) form a row. If exactly one cell of
 * a row is suppressed, the smallest other non-zero cell is suppressed too,
 * so the hidden count cannot be recovered by subtraction from a total shown
 * elsewhere. Every row is treated as having a published total (the headline
 * figure, or another indicator such as fte.count), which errs on the safe side.
 */
import { BREAKDOWN_KEYS, type BreakdownKey, type IndicatorRecord } from '../record.js';

export interface SuppressionEntry {
  id: string;
  period: string;
  breakdown: Record<string, string>;
  reason: 'primary' | 'secondary';
}

/** Keys that name the table a record belongs to rather than its cell. */
const TABLE_KEYS: readonly BreakdownKey[] = ['cohort', 'stage'];

export function isSmallCount(n: number | null, threshold: number): boolean {
  return n !== null && n >= 1 && n <= threshold;
}

export function suppressRecords(records: readonly IndicatorRecord[], threshold: number):
  { records: IndicatorRecord[]; log: SuppressionEntry[] } {
  const log: SuppressionEntry[] = [];
  const out = records.map((r) => {
    if (!isSmallCount(r.numerator, threshold) && !isSmallCount(r.denominator, threshold)) return r;
    log.push(entry(r, 'primary'));
    return hide(r);
  });

  for (const row of rows(out)) {
    const hidden = row.filter((i) => out[i]!.suppressed);
    if (hidden.length !== 1) continue;
    const candidates = row
      .filter((i) => !out[i]!.suppressed && (out[i]!.numerator ?? 0) > 0)
      .sort((a, b) => (out[a]!.numerator ?? 0) - (out[b]!.numerator ?? 0) || a - b);
    const next = candidates[0];
    if (next === undefined) continue;
    log.push(entry(out[next]!, 'secondary'));
    out[next] = hide(out[next]!);
  }
  return { records: out, log };
}

function hide(r: IndicatorRecord): IndicatorRecord {
  return { ...r, numerator: null, denominator: null, value: null, lower: null, upper: null, suppressed: true };
}

function entry(r: IndicatorRecord, reason: SuppressionEntry['reason']): SuppressionEntry {
  return { id: r.id, period: r.period, breakdown: { ...r.breakdown } as Record<string, string>, reason };
}

/** Indexes of records grouped into rows: same id, period and table keys, split along exactly one other key. */
function rows(records: readonly IndicatorRecord[]): number[][] {
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    const split = BREAKDOWN_KEYS.filter((k) => !TABLE_KEYS.includes(k) && r.breakdown[k] !== undefined);
    if (split.length !== 1) return;
    const table = TABLE_KEYS.map((k) => r.breakdown[k] ?? '').join('|');
    const key = `${r.id}|${r.period}|${table}|${split[0]}`;
    const list = groups.get(key) ?? [];
    list.push(i);
    groups.set(key, list);
  });
  return [...groups.values()];
}
