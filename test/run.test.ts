/**
 * The quarterly job's output layout and audience options (RunOptions.htmlAudience
 * and pdfAudience, the CLI's --html-audience and --pdf-audience): board files
 * under board/, files fit to publish under public/, manifest.json at the top
 * saying which is which and logging what was hidden.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSample, PERIOD_CODE } from './golden/sample-run.js';
import { KPI_VERSION } from '../pipeline/compute/indicators/kpi/index.js';
import type { IndicatorRecord } from '../pipeline/compute/record.js';
import { kpiReturnCsv } from '../pipeline/output/kpi-return.js';

type Manifest = { audiences: Record<string, string>; folders: Record<string, string>; outputs: string[]; suppressions: { reason: string }[] };

describe('runQuarterlyJob: output layout and audiences', () => {
  it('puts the board files under board/ and the public data file under public/, and the manifest says which is which', async () => {
    const run = await runSample({ pdf: false });
    expect((await readdir(run.dir)).sort()).toEqual(['board', 'manifest.json', 'public']);
    expect((await readdir(join(run.dir, 'board'))).sort()).toEqual(['board-pack.html', 'indicators.csv', 'indicators.json', 'kpi-return.csv']);
    expect(await readdir(join(run.dir, 'public'))).toEqual(['indicators.csv']);
    const manifest = JSON.parse(await run.text('manifest.json')) as Manifest;
    expect(manifest.audiences).toEqual({
      'board/board-pack.html': 'board', 'board/indicators.json': 'board', 'board/indicators.csv': 'board', 'public/indicators.csv': 'public',
      'board/kpi-return.csv': 'board',
    });
    expect(manifest.outputs).toEqual(['board/board-pack.html', 'board/indicators.json', 'board/indicators.csv', 'public/indicators.csv',
      'board/kpi-return.csv', 'manifest.json']);
    expect(manifest.folders['board/']).toMatch(/Not for publication/);
    expect(manifest.folders['public/']).toMatch(/For publication/);
    // The public CSV is always written, so its suppressions are always logged.
    expect(manifest.suppressions.some((s) => s.reason === 'primary')).toBe(true);
  }, 120_000);

  it('writes the public CSV with the same records as the board\'s, [c] where a figure is hidden', async () => {
    const run = await runSample({ pdf: false });
    const board = (await run.text('board/indicators.csv')).trim().split('\r\n');
    const pub = (await run.text('public/indicators.csv')).trim().split('\r\n');
    expect(pub).toHaveLength(board.length);
    expect(pub[0]).toBe(board[0]);
    const head = pub[0]!.split(',');
    const rows = pub.slice(1).map((l) => l.split(','));
    const suppressed = rows.filter((r) => r[head.indexOf('suppressed')] === 'true');
    expect(suppressed.length).toBeGreaterThan(0);
    // Every hidden record shows [c] for its value and interval; no shown record does.
    for (const r of suppressed) expect([r[head.indexOf('value')], r[head.indexOf('lower')], r[head.indexOf('upper')]]).toEqual(['[c]', '[c]', '[c]']);
    expect(rows.filter((r) => r[head.indexOf('suppressed')] === 'false').some((r) => r.includes('[c]'))).toBe(false);
    // Same record, row by row: id, period and breakdown columns agree.
    const keyOf = (r: string[]) => r.slice(0, 9).join(',');
    expect(rows.map(keyOf)).toEqual(board.slice(1).map((l) => keyOf(l.split(','))));
  }, 120_000);

  it('writes a public HTML pack under public/ when asked, with the suppression log in the manifest', async () => {
    const run = await runSample({ pdf: false, htmlAudience: 'public' });
    const html = await run.text('public/board-pack.html');
    expect(html).toContain('Public: published with disclosure control');
    expect(html).toContain('[c]');
    const manifest = JSON.parse(await run.text('manifest.json')) as Manifest;
    expect(manifest.audiences['public/board-pack.html']).toBe('public');
    expect(manifest.audiences).not.toHaveProperty('board/board-pack.html');
  }, 120_000);

  it('removes the files of the earlier one-folder layout from the period folder it writes', async () => {
    const first = await runSample({ pdf: false });
    for (const f of ['indicators.csv', 'indicators.json', 'board-pack.html', 'scrutiny-pack.pdf']) await writeFile(join(first.dir, f), 'old');
    const again = await runSample({ pdf: false, outDir: join(first.dir, '..') });
    expect((await readdir(again.dir)).sort()).toEqual(['board', 'manifest.json', 'public']);
  }, 120_000);

  it('writes the KPI return beside the board pack, from the same records, and records the KPI version in the manifest', async () => {
    const run = await runSample({ pdf: false });
    const records = JSON.parse(await run.text('board/indicators.json')) as IndicatorRecord[];
    const written = await run.text('board/kpi-return.csv');
    // The example config's service name and YJB code.
    expect(written).toBe(kpiReturnCsv(records, PERIOD_CODE, { yjbCode: 'YJS000', serviceName: 'Example Youth Justice Service', kpiVersion: KPI_VERSION }));
    // The sample has every KPI file: accommodation and ETE are computed, none is x.
    expect(written).toMatch(/kpi\.accommodation\.end,All,All,\d+,\d+,/);
    expect(written).not.toMatch(/,x,/);
    expect(written).toMatch(/ete\.overall,All,All,\d+,\d+,/);
    const manifest = JSON.parse(await run.text('manifest.json')) as { kpi_version: string; outputs: string[] };
    expect(manifest.kpi_version).toBe(KPI_VERSION);
    expect(manifest.outputs).toContain('board/kpi-return.csv');
  }, 120_000);
});
