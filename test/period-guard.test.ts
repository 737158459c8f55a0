import { describe, expect, it } from 'vitest';
import { YjpackError } from '../pipeline/errors.js';
import { assertDataCovers, hasEnded, lastReportablePeriod, reportablePeriod, type DataCoverage } from '../pipeline/period-guard.js';
import { formatPeriod, parsePeriod } from '../pipeline/period.js';

/** The sample's span: first offence 17 Aug 2020, last records on 30 Sep 2026 (the end of 2026-27-Q2). */
const SAMPLE = { from: '2020-08-17', to: '2026-09-30' };
const RUN_DATE = '2026-11-23';

function refusal(fn: () => unknown): YjpackError {
  try {
    fn();
  } catch (e) {
    if (e instanceof YjpackError) return e;
    throw e;
  }
  throw new Error('expected a YjpackError');
}

const period = (asked: string | null, coverage: DataCoverage = SAMPLE, today = RUN_DATE) =>
  formatPeriod(reportablePeriod(asked === null ? null : parsePeriod(asked), coverage, today, 'data-samples'));

describe('a quarter has ended on the run date when its last day is before it', () => {
  it.each([
    ['2026-27-Q2', '2026-09-30', false], // its last day: still running
    ['2026-27-Q2', '2026-10-01', true],
    ['2026-27-Q3', '2026-11-23', false],
  ])('%s on %s: %s', (p, today, ended) => {
    expect(hasEnded(parsePeriod(p), today)).toBe(ended);
  });
});

describe('the last reportable quarter', () => {
  it('is the latest quarter ending on or before the data\'s last date and before the run date', () => {
    expect(formatPeriod(lastReportablePeriod(SAMPLE, RUN_DATE)!)).toBe('2026-27-Q2');
    // Data to 29 Sep: 2026-27-Q2 is not covered to its last day, so 2026-27-Q1 (ends 30 Jun).
    expect(formatPeriod(lastReportablePeriod({ from: SAMPLE.from, to: '2026-09-29' }, RUN_DATE)!)).toBe('2026-27-Q1');
    // Run on 30 Sep with data to 30 Sep: the quarter is not over yet.
    expect(formatPeriod(lastReportablePeriod(SAMPLE, '2026-09-30')!)).toBe('2026-27-Q1');
    expect(formatPeriod(lastReportablePeriod(SAMPLE, '2026-10-01')!)).toBe('2026-27-Q2');
  });

  it('is none when the data covers no whole quarter', () => {
    expect(lastReportablePeriod({ from: '2026-07-05', to: '2026-09-20' }, RUN_DATE)).toBeNull();
    expect(lastReportablePeriod({ from: null, to: null }, RUN_DATE)).toBeNull();
  });
});

describe('reportablePeriod: the default', () => {
  it('takes the last reportable quarter', () => {
    expect(period(null)).toBe('2026-27-Q2');
    expect(period(null, SAMPLE, '2026-09-30')).toBe('2026-27-Q1');
  });

  it('refuses data with no whole quarter that has ended (exit 65)', () => {
    const e = refusal(() => period(null, { from: '2026-07-05', to: '2026-09-20' }));
    expect([e.messageId, e.exitCode]).toEqual(['noCompletePeriod', 65]);
    expect(refusal(() => period(null, { from: null, to: null })).messageId).toBe('noCompletePeriod');
  });
});

describe('reportablePeriod: a period asked for', () => {
  it('is accepted when the data covers it to its last day and it has ended', () => {
    expect(period('2026-27-Q2')).toBe('2026-27-Q2');
    expect(period('2023-24-Q3')).toBe('2023-24-Q3');
  });

  it('is refused when it ends after the data\'s last date, naming the period, that date and the last reportable quarter', () => {
    // The quarter after the data (the case): ends 31 Dec 2026, data to 30 Sep 2026.
    const next = refusal(() => period('2026-27-Q3', SAMPLE, '2027-01-15'));
    expect([next.messageId, next.exitCode]).toEqual(['periodAfterData', 65]);
    expect(next.message).toContain('2026-27-Q3');
    expect(next.message).toContain('2026-09-30');
    expect(next.message).toContain('2026-27-Q2');
    // Far after the data: a pack of zeros, refused the same way.
    expect(refusal(() => period('2090-91-Q1')).messageId).toBe('periodAfterData');
    // One day short: data to 29 Sep does not cover 2026-27-Q2 (ends 30 Sep).
    const short = refusal(() => period('2026-27-Q2', { from: SAMPLE.from, to: '2026-09-29' }));
    expect(short.messageId).toBe('periodAfterData');
    expect(short.message).toContain('2026-27-Q1');
  });

  it('is refused when it has not ended on the run date, even if records are dated in it', () => {
    // Records dated up to 31 Dec 2026 (entered ahead), run on 23 Nov 2026: 2026-27-Q3 has not ended.
    const e = refusal(() => period('2026-27-Q3', { from: SAMPLE.from, to: '2026-12-31' }));
    expect([e.messageId, e.exitCode]).toEqual(['periodNotEnded', 65]);
    expect(e.message).toContain('2026-27-Q3');
    expect(e.message).toContain(RUN_DATE);
    expect(e.message).toContain('2026-27-Q2');
  });

  it('stays refused before the data (usage, exit 64)', () => {
    // 2020-21-Q1 ends 30 Jun 2020, before the first record on 17 Aug 2020.
    const e = refusal(() => period('2020-21-Q1'));
    expect([e.messageId, e.exitCode]).toEqual(['periodNotInData', 64]);
    // A quarter the data starts inside is not before the data (its figures carry a partial-year note).
    expect(period('2020-21-Q2')).toBe('2020-21-Q2');
  });

  it('names "none" as the last reportable quarter when there is none', () => {
    const e = refusal(() => period('2026-27-Q2', { from: '2026-07-05', to: '2026-09-20' }));
    expect(e.messageId).toBe('periodAfterData');
    expect(e.message).toContain('none');
  });
});

describe('assertDataCovers (compute as a library, no run date)', () => {
  it('passes a covered period and refuses one ending after the data', () => {
    expect(() => assertDataCovers(parsePeriod('2026-27-Q2'), SAMPLE)).not.toThrow();
    const e = refusal(() => assertDataCovers(parsePeriod('2090-91-Q1'), SAMPLE));
    expect([e.messageId, e.exitCode]).toEqual(['periodAfterData', 65]);
    expect(e.message).toContain('2026-27-Q2');
    expect(refusal(() => assertDataCovers(parsePeriod('2026-27-Q2'), { from: null, to: null })).messageId).toBe('noCompletePeriod');
  });
});
