import { describe, expect, it } from 'vitest';
import { fileSpec, type FileSpec } from '../../pipeline/contract/files.js';
import { matchColumns } from '../../pipeline/validate/columns.js';
import { amountCaps, datePairs } from '../../pipeline/validate/plausibility.js';
import { rowChecks } from '../../pipeline/validate/rules.js';

describe('rules that reach files added to the contract later', () => {
  const spec = (name: string, columns: string[]): FileSpec => ({
    name: name as FileSpec['name'], fileName: `${name}.csv`, requiredFile: false, key: [], reference: false,
    columns: columns.map((c) => ({ name: c, type: c.endsWith('date') ? { kind: 'date' } : { kind: 'number' }, present: true, blankOk: true })),
  });

  it('datePairs: every …end_date after its …start_date, besides the named pairs', () => {
    expect(datePairs(fileSpec('interventions'))).toEqual([{ column: 'end_date', notBefore: 'start_date' }]);
    expect(datePairs(fileSpec('remands'))).toEqual([{ column: 'end_date', notBefore: 'decision_date' }]);
    expect(datePairs(spec('placements', ['start_date', 'end_date', 'review_start_date', 'review_end_date', 'plan_end_date'])))
      .toEqual([{ column: 'end_date', notBefore: 'start_date' }, { column: 'review_end_date', notBefore: 'review_start_date' }]);
  });

  it('amountCaps: every …_attended at most its …_offered', () => {
    expect(amountCaps(fileSpec('ete'))).toEqual([{ column: 'hours_attended', notAbove: 'hours_offered' }]);
    expect(amountCaps(spec('board', ['sessions_offered', 'sessions_attended', 'hours_attended']))).toEqual([{ column: 'sessions_attended', notAbove: 'sessions_offered' }]);
  });

  it('every date gets the 1990 and run-date checks; a planned date after the run is only a warning', () => {
    const s = spec('board', ['meeting_date', 'next_review_date', 'end_date']);
    const checks = rowChecks(s, matchColumns(s, ['meeting_date', 'next_review_date', 'end_date']), { childRefs: false, runDate: '2026-11-23', invisible: false });
    expect(checks.filter((c) => c.rule === 'future').map((c) => [c.column, c.severity]))
      .toEqual([['meeting_date', 'error'], ['next_review_date', 'warning'], ['end_date', 'warning']]);
    expect(checks.filter((c) => c.rule === 'early').map((c) => c.column)).toEqual(['meeting_date', 'next_review_date', 'end_date']);
  });
});
