/**
 * The quarterly job's audience options (RunOptions.htmlAudience and
 * pdfAudience, the CLI's --html-audience and --pdf-audience): the HTML can
 * be made public, and the manifest says which file is for whom and logs
 * what was hidden.
 */
import { describe, expect, it } from 'vitest';
import { runSample } from './golden/sample-run.js';

describe('runQuarterlyJob: audiences', () => {
  it('writes a public HTML pack when asked, with the suppression log in the manifest', async () => {
    const run = await runSample({ pdf: false, htmlAudience: 'public' });
    const html = await run.text('board-pack.html');
    expect(html).toContain('Public: published with disclosure control');
    expect(html).toContain('[c]');
    const manifest = JSON.parse(await run.text('manifest.json')) as { audiences: object; suppressions: { reason: string }[] };
    expect(manifest.audiences).toEqual({ 'board-pack.html': 'public' });
    expect(manifest.suppressions.length).toBeGreaterThan(0);
    expect(manifest.suppressions.some((s) => s.reason === 'primary')).toBe(true);
  }, 120_000);

  it('logs no suppression when no file is public', async () => {
    const run = await runSample({ pdf: false });
    const manifest = JSON.parse(await run.text('manifest.json')) as { audiences: object; suppressions: unknown[] };
    expect(manifest.audiences).toEqual({ 'board-pack.html': 'board' });
    expect(manifest.suppressions).toEqual([]);
  }, 120_000);
});
