import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discloseRecords } from '../../pipeline/assemble/disclosure.js';
import { DEFAULT_CONFIG } from '../../pipeline/config.js';
import { packFiles } from '../../pipeline/output/pack-files.js';
import { FILES, quarterComputed } from '../assemble/quarter-fixture.js';

const run = { toolVersion: '9.9.9', producedAt: '2025-01-14T09:30:00.000Z', source: { kind: 'data' as const, path: '/x/extracts/q3' }, files: FILES, config: DEFAULT_CONFIG };
const computed = quarterComputed();
const disclosed = discloseRecords(computed.records, 5);
const pdfBytes = new Uint8Array([37, 80, 68, 70]);

function manifestOf(files: ReturnType<typeof packFiles>) {
  const m = files.outputs.find((o) => o.path.endsWith('manifest.json'));
  return JSON.parse(String(m?.data)) as { outputs: string[]; audiences: Record<string, string>; inputs: { file: string }[]; source: unknown; suppressions: { id: string }[] };
}

describe('packFiles: every file of the period folder, and the manifest naming them', () => {
  it('puts the board files under board/, the disclosed CSV and the PDF under public/, and logs the hidden records', () => {
    const files = packFiles('/out', computed, disclosed, {
      html: { audience: 'board', data: '<html>' }, pdf: { audience: 'public', data: pdfBytes, failed: false },
    }, run);
    expect(files.dir).toBe(join('/out', '2024-25-Q3'));
    const m = manifestOf(files);
    expect(m.outputs).toEqual(['board/board-pack.html', 'board/indicators.json', 'board/indicators.csv', 'public/indicators.csv',
      'board/kpi-return.csv', 'public/scrutiny-pack.pdf', 'manifest.json']);
    expect(files.outputs.map((o) => o.path)).toEqual(m.outputs.map((name) => join('/out', '2024-25-Q3', ...name.split('/'))));
    expect(m.audiences['public/scrutiny-pack.pdf']).toBe('public');
    // Absent files are no input; the source is named by its folder, not its full path.
    expect(m.inputs.map((i) => i.file)).toEqual(['children.csv']);
    expect(m.source).toEqual({ kind: 'data', name: 'q3' });
    // The 3 first-time entrants, their 4 offences and the rate are hidden in the public CSV and logged.
    expect(m.suppressions.map((s) => s.id).sort()).toEqual(['fte.count', 'fte.offences', 'fte.rate']);
    const publicCsv = String(files.outputs.find((o) => o.path.endsWith(join('public', 'indicators.csv')))?.data);
    expect(publicCsv).toContain('[c]');
    // Only the earlier one-folder layout is stale when the PDF was printed.
    expect(files.stale).toEqual(['board-pack.html', 'scrutiny-pack.pdf', 'indicators.json', 'indicators.csv'].map((f) => join('/out', '2024-25-Q3', f)));
  });

  it('writes no PDF when none was printed, and marks the old one stale only when printing failed', () => {
    const notAsked = packFiles('/out', computed, disclosed, {
      html: { audience: 'board', data: '<html>' }, pdf: { audience: 'public', data: null, failed: false },
    }, run);
    expect(manifestOf(notAsked).outputs).not.toContain('public/scrutiny-pack.pdf');
    expect(notAsked.stale).not.toContain(join('/out', '2024-25-Q3', 'public', 'scrutiny-pack.pdf'));
    const failed = packFiles('/out', computed, disclosed, {
      html: { audience: 'board', data: '<html>' }, pdf: { audience: 'public', data: null, failed: true },
    }, run);
    expect(failed.stale).toContain(join('/out', '2024-25-Q3', 'public', 'scrutiny-pack.pdf'));
  });
});
