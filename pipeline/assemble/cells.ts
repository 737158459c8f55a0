/**
 * Table cells from records, with the GSS symbols where a figure is hidden
 * ([c]) or missing ([x]), and the key to the symbols a table uses.
 */
import type { IndicatorRecord } from '../compute/record.js';
import { formatCount, formatInterval, formatValue, placesForEstimate, SYMBOL } from './format.js';
import type { Cell, TableModel } from './model.js';

export function textCell(text: string): Cell {
  return { text, numeric: false };
}

/** A short label that must not break across lines (a status with its symbol, a yes/no with its direction). */
export function labelCell(text: string): Cell {
  return { text, numeric: false, nowrap: true };
}

export function numberCell(text: string): Cell {
  return { text, numeric: true };
}

/** A figure with what it is built on ("44.4%" over "(12 of 27)"); a figure with no known basis is a plain number cell. */
export function figureWithBasisCell(figure: string, basis: string | null): Cell {
  return basis === null ? numberCell(figure) : { text: figure, numeric: true, basis };
}

/** A cell as it reads aloud and in a text copy: the figure, then its basis ("44.4% (12 of 27)"). */
export function cellReading(cell: Cell): string {
  return cell.basis === undefined ? cell.text : `${cell.text} ${cell.basis}`;
}

/** "(12 of 27)": the count a rate or percentage is built on and its base, where the record has both. */
export function countOfBase(r: IndicatorRecord): string | null {
  return r.numerator !== null && r.denominator !== null ? `(${formatCount(r.numerator)} of ${formatCount(r.denominator)})` : null;
}

type Shown = IndicatorRecord & { value: number };

/** A record with a figure to show: present, not suppressed, not null. */
export function isShown(r: IndicatorRecord | undefined): r is Shown {
  return r !== undefined && !r.suppressed && r.value !== null;
}

/** The symbol standing in for a record that cannot be shown. */
export function symbolFor(r: IndicatorRecord | undefined): string {
  return r?.suppressed ? SYMBOL.confidential : SYMBOL.notAvailable;
}

export function countCell(r: IndicatorRecord | undefined): Cell {
  return numberCell(isShown(r) ? formatCount(r.value) : symbolFor(r));
}

/** A figure to the places that tell it from its interval ends (format.ts placesForEstimate), or to `places` for a column. */
export function valueCell(r: IndicatorRecord | undefined, places?: number): Cell {
  return numberCell(isShown(r) ? formatValue(r.value, r.unit, places ?? placesForEstimate(r, r.unit)) : symbolFor(r));
}

/** "67.0" over "(182 of 2,716)": a rate or percentage with the count it is built on and its base, where both are shown. */
export function valueWithCountsCell(r: IndicatorRecord | undefined, places?: number): Cell {
  if (!isShown(r)) return numberCell(symbolFor(r));
  return figureWithBasisCell(formatValue(r.value, r.unit, places ?? placesForEstimate(r, r.unit)), countOfBase(r));
}

export function intervalCell(r: IndicatorRecord | undefined, places?: number): Cell {
  if (!isShown(r)) return numberCell(symbolFor(r));
  if (r.lower === null || r.upper === null) return numberCell(SYMBOL.notAvailable);
  return numberCell(formatInterval(r.lower, r.upper, r.unit, places ?? placesForEstimate(r, r.unit)));
}

/** A count held in a record's numerator or denominator ([c] when the record is hidden, [x] when absent). */
export function countCellOf(r: IndicatorRecord | undefined, field: 'numerator' | 'denominator'): Cell {
  const n = r?.[field];
  return numberCell(n === null || n === undefined ? symbolFor(r) : formatCount(n));
}

/** The denominator of a record as a count ([x] when the record has none). */
export function denominatorCell(r: IndicatorRecord | undefined, suffix = ''): Cell {
  if (r === undefined || r.denominator === null) return numberCell(r?.suppressed ? SYMBOL.confidential : SYMBOL.notAvailable);
  return numberCell(`${formatCount(r.denominator)}${suffix}`);
}

/** The key to the symbols used in a table's cells (GSS guidance: explained under each table). */
export function symbolKey(rows: readonly Cell[][], threshold: number | null): string[] {
  const used = new Set(rows.flat().map((c) => c.text));
  const key: string[] = [];
  if (used.has(SYMBOL.confidential)) {
    key.push(threshold === null
      ? `${SYMBOL.confidential} confidential: hidden to protect children's identities.`
      : `${SYMBOL.confidential} confidential: a count from 1 to ${threshold}, or a figure built on one, is hidden to protect children's identities; so is a figure from which a hidden one could be worked out.`);
  }
  if (used.has(SYMBOL.notAvailable)) key.push(`${SYMBOL.notAvailable} not available: the data needed for this figure is missing (see the notes and the data quality section).`);
  if (used.has(SYMBOL.notApplicable)) key.push(`${SYMBOL.notApplicable} not applicable.`);
  return key;
}

/** A table whose notes start with the key to its symbols (a note of the table's own that opens with a symbol explains it instead). */
export function table(fields: Omit<TableModel, 'notes'> & { notes?: string[] }, threshold: number | null): TableModel {
  const own = fields.notes ?? [];
  const key = symbolKey(fields.rows, threshold).filter((k) => !own.some((n) => n.startsWith(k.slice(0, k.indexOf(']') + 1))));
  return { ...fields, notes: [...key, ...own] };
}
