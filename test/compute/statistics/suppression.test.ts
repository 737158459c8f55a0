import { describe, expect, it } from 'vitest';
import { suppressRecords } from '../../../pipeline/compute/statistics.js';
import type { IndicatorRecord } from '../../../pipeline/compute/record.js';

function rec(id: IndicatorRecord['id'], breakdown: IndicatorRecord['breakdown'], numerator: number, denominator: number | null): IndicatorRecord {
  const value = denominator ? (numerator / denominator) * 100 : numerator;
  return { id, period: '2024-25-Q3', breakdown, numerator, denominator, value, lower: value / 2, upper: value * 2, unit: '%', suppressed: false };
}

describe('disclosure control', () => {
  it('hides counts from 1 to the threshold and everything built on them, but keeps true zeros', () => {
    const { records, log } = suppressRecords([
      rec('fte.count', {}, 5, null), rec('fte.count', {}, 6, null), rec('fte.count', {}, 0, null), rec('fte.count', {}, 1, null),
    ], 5);
    expect(records.map((r) => r.suppressed)).toEqual([true, false, false, true]);
    expect(records[0]).toMatchObject({ numerator: null, value: null, lower: null, upper: null });
    expect(records[2]!.value).toBe(0);
    expect(log.filter((l) => l.reason === 'primary')).toHaveLength(2);
  });

  it('hides a rate whose base is a small count (6 reoffences among 3 reoffenders)', () => {
    const { records } = suppressRecords([rec('reoffending.per_reoffender', { cohort: '2023-24-Q1' }, 6, 3)], 5);
    expect(records[0]!.suppressed).toBe(true);
  });

  it('hides the next smallest cell of a row with exactly one suppressed cell, so the total cannot reveal it', () => {
    // Reoffenders by sex in one cohort: M 12 of 31, F 3 of 9, U 0 of 0, headline 15 of 40.
    // F (3) is primary; U is a true zero and reveals nothing; so M (12) must go too, or 15 − 12 = 3 gives F away.
    const cohort = '2023-24-Q1';
    const { records, log } = suppressRecords([
      rec('reoffending.binary', { cohort }, 15, 40),
      rec('reoffending.binary', { cohort, sex: 'M' }, 12, 31),
      rec('reoffending.binary', { cohort, sex: 'F' }, 3, 9),
      rec('reoffending.binary', { cohort, sex: 'U' }, 0, 0),
    ], 5);
    expect(records.map((r) => r.suppressed)).toEqual([false, true, true, false]);
    expect(log.find((l) => l.reason === 'secondary')?.breakdown).toEqual({ cohort, sex: 'M' });
  });

  it('adds nothing when two cells of a row are already hidden', () => {
    const cohort = '2023-24-Q1';
    const { log } = suppressRecords([
      rec('reoffending.binary', { cohort, age_band: '10-14' }, 2, 8),
      rec('reoffending.binary', { cohort, age_band: '15-17' }, 4, 30),
    ], 5);
    expect(log.map((l) => l.reason)).toEqual(['primary', 'primary']);
  });

  it('treats each cohort as its own table', () => {
    const { log } = suppressRecords([
      rec('reoffending.binary', { cohort: 'A', sex: 'M' }, 2, 20),
      rec('reoffending.binary', { cohort: 'B', sex: 'F' }, 9, 20),
      rec('reoffending.binary', { cohort: 'B', sex: 'M' }, 10, 20),
    ], 5);
    expect(log).toHaveLength(1);
  });
});
