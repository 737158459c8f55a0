/**
 * The indicator records as JSON and CSV (indicators.md, Output record). Keys
 * come out in one fixed order so that output is byte-identical run to run.
 */
import { BREAKDOWN_KEYS, type IndicatorRecord } from '../compute/record.js';
import { csvCell } from './csv.js';

const TOP_KEYS = ['id', 'period', 'breakdown', 'numerator', 'denominator', 'value', 'lower', 'upper', 'unit',
  'status', 'reason', 'months_elapsed', 'significant', 'direction', 'suppressed'] as const;

function canonical(r: IndicatorRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of TOP_KEYS) {
    if (key === 'breakdown') {
      const b: Record<string, string> = {};
      for (const k of BREAKDOWN_KEYS) if (r.breakdown[k] !== undefined) b[k] = r.breakdown[k]!;
      out.breakdown = b;
    } else if (r[key] !== undefined) {
      out[key] = r[key];
    }
  }
  return out;
}

export function recordsToJson(records: readonly IndicatorRecord[]): string {
  return `${JSON.stringify(records.map(canonical), null, 2)}\n`;
}

const CSV_COLUMNS = ['id', 'period', ...BREAKDOWN_KEYS, 'numerator', 'denominator', 'value', 'lower', 'upper', 'unit',
  'status', 'reason', 'months_elapsed', 'significant', 'direction', 'suppressed'] as const;

/** Columns holding a figure: in a public file, `[c]` where disclosure control hid it. */
const VALUE_COLUMNS: ReadonlySet<string> = new Set(['numerator', 'denominator', 'value', 'lower', 'upper']);
const CONFIDENTIAL = '[c]';

/**
 * Flat CSV, breakdown keys as columns; safe to open in Excel. With `confidential`, for a public file, a hidden
 * figure of a suppressed record reads `[c]` (GSS symbol), not blank, so a reader cannot take it for missing data.
 */
export function recordsToCsv(records: readonly IndicatorRecord[], options: { confidential?: boolean } = {}): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of records) {
    const flat: Record<string, unknown> = { ...r, ...r.breakdown };
    lines.push(CSV_COLUMNS.map((c) => {
      const hidden = options.confidential === true && r.suppressed && VALUE_COLUMNS.has(c) && (flat[c] === null || flat[c] === undefined);
      return csvCell(hidden ? CONFIDENTIAL : flat[c]);
    }).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
