import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../pipeline/config.js';
import { buildManifest } from '../../pipeline/output/manifest.js';
import { parsePeriod } from '../../pipeline/period.js';

const base = {
  toolVersion: '0.1.0', producedAt: '2025-01-14T09:30:00.000Z', period: parsePeriod('2024-25-Q3'),
  inputs: [{ file: 'children.csv', sha256: 'ab'.repeat(32), rows: 10, bytes: 300 }],
  source: { kind: 'data' as const, name: 'extract' }, settings: DEFAULT_CONFIG, outputs: ['board/board-pack.html', 'public/scrutiny-pack.pdf'],
};

describe('buildManifest', () => {
  it('records the audience of each pack file, the threshold and every suppression', () => {
    const m = JSON.parse(buildManifest({
      ...base,
      audiences: { 'board/board-pack.html': 'board', 'public/scrutiny-pack.pdf': 'public' },
      suppressions: [
        { id: 'reoffending.binary', period: '2024-25-Q3', breakdown: { cohort: '2023-24-Q1', sex: 'F' }, reason: 'primary' },
        { id: 'reoffending.binary', period: '2024-25-Q3', breakdown: { cohort: '2023-24-Q1', sex: 'M' }, reason: 'secondary' },
      ],
    })) as Record<string, unknown>;
    expect(m.period).toBe('2024-25-Q3');
    expect(m.audiences).toEqual({ 'board/board-pack.html': 'board', 'public/scrutiny-pack.pdf': 'public' });
    // Which folder is for whom, in words, so nobody publishes the board's files.
    expect(m.folders).toEqual({
      'board/': 'For the management board only: every count, no disclosure control. Not for publication.',
      'public/': 'For publication: disclosure control applied (counts from 1 to the threshold and the figures that would reveal them are [c]).',
    });
    expect(m.suppression_threshold).toBe(5);
    expect(m.suppressions).toEqual([
      { id: 'reoffending.binary', period: '2024-25-Q3', breakdown: { cohort: '2023-24-Q1', sex: 'F' }, reason: 'primary' },
      { id: 'reoffending.binary', period: '2024-25-Q3', breakdown: { cohort: '2023-24-Q1', sex: 'M' }, reason: 'secondary' },
    ]);
  });

  it('logs hidden table counts (cohort profile, remands) after the records', () => {
    const m = JSON.parse(buildManifest({
      ...base,
      suppressions: [{ id: 'fte.count', period: '2024-25-Q3', breakdown: {}, reason: 'primary' }],
      countSuppressions: [{ table: 'profile.sex', period: '2024-25-Q3', category: 'F', reason: 'primary' }],
    })) as { suppressions: object[] };
    expect(m.suppressions).toEqual([
      { id: 'fte.count', period: '2024-25-Q3', breakdown: {}, reason: 'primary' },
      { table: 'profile.sex', period: '2024-25-Q3', category: 'F', reason: 'primary' },
    ]);
  });

  it('has an empty suppression log when nothing is public, and ends with a newline', () => {
    const text = buildManifest(base);
    expect((JSON.parse(text) as { suppressions: unknown[] }).suppressions).toEqual([]);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
