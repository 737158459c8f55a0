import { describe, expect, it } from 'vitest';
import { unknownEthnicityNote, undefinedRatioNotes } from '../../../../pipeline/compute/indicators/dispro/notes.js';
import type { StageFigures } from '../../../../pipeline/compute/indicators/dispro/figures.js';
import { STAGES } from '../../../../pipeline/compute/indicators/dispro/stages.js';
import { noteText } from '../../../../pipeline/assemble/notes.js';

const WINDOW = { kind: 'window', years: 1, code: '2024-25-Q3' } as const;
const custody = STAGES.find((s) => s.stage === 'custody')!;
const zero = { events: 0, base: 0 };
function figures(count: number, total: number): StageFigures {
  return {
    stage: 'custody', base: 'proportion', period: '2024-25-Q3',
    groups: { Asian: zero, Black: zero, Mixed: zero, Other: zero, White: zero }, unknown: { count, total },
  };
}

describe('unknownEthnicityNote', () => {
  it('is info at exactly 10% and a warning above it', () => {
    // 2 of 20 = 10.0%; 3 of 20 = 15.0%
    expect(unknownEthnicityNote(custody, figures(2, 20), WINDOW)).toMatchObject([{ severity: 'info' }]);
    const high = unknownEthnicityNote(custody, figures(3, 20), WINDOW);
    expect(high).toMatchObject([{ severity: 'warning', indicator: 'dispro' }]);
    // The counts are typed, so a public pack can withhold them (assemble/notes.ts).
    expect(high[0]).toMatchObject({ message: 'noteDisproUnknownEthnicityHigh', params: {
      unknown: { kind: 'count', value: 3, of: 20 }, total: { kind: 'count', value: 20 }, percent: { kind: 'percent', numerator: 3, denominator: 20 },
      counted: 'children sentenced at court', window: WINDOW,
    } });
    expect(noteText(high[0]!, null)).toContain('3 of 20 children sentenced at court in the year to December 2024 (15.0%)');
  });

  it('says nothing when every ethnicity is known or the stage is empty', () => {
    expect(unknownEthnicityNote(custody, figures(0, 20), WINDOW)).toEqual([]);
    expect(unknownEthnicityNote(custody, figures(0, 0), WINDOW)).toEqual([]);
  });
});

describe('undefinedRatioNotes', () => {
  it('gives one note per reason, naming its groups', () => {
    const notes = undefinedRatioNotes(custody, [
      { group: 'Asian', reason: 'reason one.' }, { group: 'Mixed', reason: 'reason two.' }, { group: 'Other', reason: 'reason one.' },
    ], WINDOW);
    expect(notes).toHaveLength(2);
    expect(notes.map((n) => n.params.groups)).toEqual(['Asian and Other', 'Mixed']);
    expect(noteText(notes[0]!, null)).toBe('Custody stage, year to December 2024, Asian and Other: reason one.');
    expect(noteText(notes[1]!, null)).toBe('Custody stage, year to December 2024, Mixed: reason two.');
  });
});
