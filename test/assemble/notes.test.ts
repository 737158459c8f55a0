import { describe, expect, it } from 'vitest';
import { isNoteFrom, noteText } from '../../pipeline/assemble/notes.js';
import type { ComputeNote } from '../../pipeline/compute/context.js';
import { messages } from '../../pipeline/messages.js';

const P = '2026-27-Q2';
/** n of total first time entrants with no recorded ethnicity in the year to September 2026. */
function unknownNote(n: number, total: number): ComputeNote {
  return {
    indicator: 'dispro', severity: 'warning', message: 'noteDisproUnknownEthnicityHigh', params: {
      unknown: { kind: 'count', value: n, of: total }, total: { kind: 'count', value: total },
      percent: { kind: 'percent', numerator: n, denominator: total },
      counted: 'first time entrants', window: { kind: 'window', years: 1, code: P }, stage: 'first time entrant',
    },
  };
}
const words = (unknown: string, total: string, percent: string) => messages.noteDisproUnknownEthnicityHigh.text({
  unknown, total, percent, counted: 'first time entrants', window: 'year to September 2026', stage: 'first time entrant',
});

describe('noteText: a note written after disclosure control', () => {
  it('gives the board every count, with the percentage worked out from them', () => {
    // 3 of 20 = 15.0%.
    expect(noteText(unknownNote(3, 20), null)).toBe(words('3', '20', '15.0%'));
  });

  it('withholds a small count and the percentage built on it in a public pack, whatever the wording', () => {
    expect(noteText(unknownNote(3, 20), 5)).toBe(words('[c]', '20', '[c]'));
    // The threshold's edge: 5 is withheld, 6 is not (6 of 20 = 30.0%).
    expect(noteText(unknownNote(5, 20), 5)).toBe(words('[c]', '20', '[c]'));
    expect(noteText(unknownNote(6, 20), 5)).toBe(words('6', '20', '30.0%'));
  });

  it('withholds a count whose rest is small, so "17 of 20" cannot tell that 3 were not', () => {
    expect(noteText(unknownNote(17, 20), 5)).toBe(words('[c]', '20', '[c]'));
    expect(noteText(unknownNote(14, 20), 5)).toBe(words('14', '20', '70.0%'));
  });

  it('withholds a small total, and keeps 0 (a true zero discloses no one)', () => {
    expect(noteText(unknownNote(2, 4), 5)).toBe(words('[c]', '[c]', '[c]'));
    const zero = unknownNote(0, 20);
    expect(noteText(zero, 5)).toBe(words('0', '20', '0.0%'));
  });

  it('writes quarters, years, three-year windows and days in words', () => {
    const note: ComputeNote = {
      indicator: 'dispro', severity: 'info', message: 'noteDisproPooled', params: {
        stage: 'custody', stageKey: 'custody', pooledStage: 'custody_pooled', from: 'October 2023', to: 'September 2026',
        window: { kind: 'window', years: 3, code: P }, periods: { kind: 'periods', codes: ['2024-25-Q2', '2025-26-Q2'], as: 'years' },
      },
    };
    const text = noteText(note, 5);
    expect(text).toContain('pooled over the three years to September 2026 (October 2023 to September 2026)');
    expect(text).toContain('for the years to September 2024 and September 2025.');
    const history: ComputeNote = { indicator: 'fte', severity: 'warning', message: 'noteShortHistory', params: {
      first: { kind: 'date', iso: '2024-02-15' }, period: { kind: 'periods', codes: [P], as: 'quarters' },
    } };
    expect(noteText(history, null)).toBe(messages.noteShortHistory.text({ first: '15 February 2024', period: 'July to September 2026' }));
  });

  it('tells notes apart by their message id, not their words', () => {
    expect(isNoteFrom(unknownNote(3, 20), ['noteDisproUnknownEthnicity', 'noteDisproUnknownEthnicityHigh'])).toBe(true);
    expect(isNoteFrom(unknownNote(3, 20), ['noteShortHistory'])).toBe(false);
  });
});
