/**
 * Compute notes in words, written here, after disclosure control: a note
 * carries a catalogue message id and typed parameters (compute/context.ts),
 * and only here do they become text. A count of children from 1 to the
 * threshold (or one whose rest is that small) reaches the catalogue's
 * template as "[c]", and so does a percentage built on it, so no rewording
 * of a message can carry a small count into a public pack. Quarters, years
 * and days are written in the pack's words.
 */
import type { ComputeNote, NoteMessageId, NoteParam } from '../compute/context.js';
import { listOf } from '../words.js';
import { isSmallCount } from '../compute/statistics.js';
import { messages, type MessageParams } from '../messages.js';
import { parsePeriod } from '../period.js';
import { unitMultiplier } from '../compute/catalogue.js';
import { SYMBOL, formatCount, formatDate, formatValue, quarterLabel, yearToLabel } from './format.js';

/** The note as the audience reads it: `threshold` null for the board (nothing withheld). */
export function noteText(note: ComputeNote, threshold: number | null): string {
  const params: MessageParams = {};
  for (const [name, value] of Object.entries(note.params)) params[name] = paramText(value, threshold);
  return messages[note.message].text(params);
}

/** Whether a note was written from one of the messages. */
export function isNoteFrom(note: ComputeNote, ids: readonly NoteMessageId[]): boolean {
  return ids.includes(note.message);
}

function paramText(p: NoteParam, threshold: number | null): string | number {
  if (typeof p === 'string' || typeof p === 'number') return p;
  const small = (n: number) => threshold !== null && isSmallCount(n, threshold);
  switch (p.kind) {
    case 'count':
      return small(p.value) || (p.of !== undefined && small(p.of - p.value)) ? SYMBOL.confidential : formatCount(p.value);
    case 'percent':
      if (small(p.numerator) || small(p.denominator) || small(p.denominator - p.numerator)) return SYMBOL.confidential;
      return p.denominator === 0 ? SYMBOL.notApplicable : formatValue(p.numerator / p.denominator * unitMultiplier('%'), '%');
    case 'periods':
      return periodsText(p.codes, p.as);
    case 'yearRange': {
      const [from, to] = [p.from, p.to].map((c) => yearToLabel(parsePeriod(c)).replace(/^year to /, ''));
      return p.from === p.to ? `year to ${from}` : `years to each quarter from ${from} to ${to}`;
    }
    case 'window': {
      const year = yearToLabel(parsePeriod(p.code));
      return p.years === 1 ? year : year.replace(/^year to/, 'three years to');
    }
    case 'date':
      return formatDate(p.iso);
  }
}

/** "July to September 2024 and …", or "year to June 2024" / "years to June 2024 and September 2024". */
function periodsText(codes: readonly string[], as: 'quarters' | 'years'): string {
  const periods = codes.map((c) => parsePeriod(c));
  if (as === 'quarters') return listOf(periods.map(quarterLabel));
  const ends = periods.map((p) => yearToLabel(p).replace(/^year to /, ''));
  return `${ends.length === 1 ? 'year' : 'years'} to ${listOf(ends)}`;
}
