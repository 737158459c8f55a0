import { describe, expect, it } from 'vitest';
import { unknownEthnicityNote, undefinedRatioNotes } from '../../../../pipeline/compute/indicators/dispro/notes.js';
import type { StageFigures } from '../../../../pipeline/compute/indicators/dispro/figures.js';
import { STAGES } from '../../../../pipeline/compute/indicators/dispro/stages.js';

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
    expect(unknownEthnicityNote(custody, figures(2, 20), 'year to 2024-25-Q3')).toMatchObject([{ severity: 'info' }]);
    const high = unknownEthnicityNote(custody, figures(3, 20), 'year to 2024-25-Q3');
    expect(high).toMatchObject([{ severity: 'warning', indicator: 'dispro' }]);
    expect(high[0]?.text).toContain('3 of 20 children sentenced at court');
    expect(high[0]?.text).toContain('15.0%');
  });

  it('says nothing when every ethnicity is known or the stage is empty', () => {
    expect(unknownEthnicityNote(custody, figures(0, 20), 'year to 2024-25-Q3')).toEqual([]);
    expect(unknownEthnicityNote(custody, figures(0, 0), 'year to 2024-25-Q3')).toEqual([]);
  });
});

describe('undefinedRatioNotes', () => {
  it('gives one note per reason, naming its groups', () => {
    const notes = undefinedRatioNotes(custody, [
      { group: 'Asian', reason: 'reason one.' }, { group: 'Mixed', reason: 'reason two.' }, { group: 'Other', reason: 'reason one.' },
    ], 'year to 2024-25-Q3');
    expect(notes).toHaveLength(2);
    expect(notes[0]?.text).toContain('Asian and Other: reason one.');
    expect(notes[1]?.text).toContain('Mixed: reason two.');
  });
});
