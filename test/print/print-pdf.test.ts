/**
 * Prints the public pack with a real Chromium. Text checks use poppler's
 * pdftotext and pdfinfo when they are on PATH (CI installs poppler-utils).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemblePack } from '../../pipeline/assemble/index.js';
import { YjpackError } from '../../pipeline/errors.js';
import { loadTemplates } from '../../pipeline/load/templates.js';
import { findBrowser, printPdf, type BrowserChoice } from '../../pipeline/print/index.js';
import { renderBoardPack } from '../../pipeline/render/index.js';
import { PERIOD, packInput } from '../assemble/pack-fixture.js';

const hasTool = (tool: string) => spawnSync(tool, ['-v']).error === undefined;

let pdfPath: string;
let pdf: Uint8Array;

beforeAll(async () => {
  const html = await renderBoardPack(assemblePack(packInput({ audience: 'public' })), await loadTemplates());
  pdf = await printPdf(html, { browser: await findBrowser({ env: process.env }), period: PERIOD, marking: 'OFFICIAL' });
  pdfPath = join(await mkdtemp(join(tmpdir(), 'yjpack-print-')), 'scrutiny-pack.pdf');
  await writeFile(pdfPath, pdf);
}, 120_000);

describe('printPdf', () => {
  it('produces a PDF', () => {
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });

  it.runIf(hasTool('pdftotext'))('prints the footer "Page n of N · period · OFFICIAL" and the pack text', () => {
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('Page 1 of');
    expect(text).toMatch(/Page 1 of \d+ · October to December 2024 · OFFICIAL/);
    expect(text).toContain('Public: published with disclosure control');
    expect(text).toContain('Table 1: First time entrants');
  });

  it.runIf(hasTool('pdfinfo'))('is a tagged A4 PDF titled after the pack', () => {
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 842\.\d+ pts \(A4\)$/m);
    expect(info).toMatch(/^Title:\s+Wolverhampton Youth Justice Service: youth justice performance, October to December 2024$/m);
  });

  it('reports browserMissing when the browser cannot start', async () => {
    const broken: BrowserChoice = { executablePath: '/bin/false', args: [], source: 'explicit' };
    const error = await printPdf('<!DOCTYPE html><title>x</title>', { browser: broken, period: PERIOD, marking: 'OFFICIAL' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YjpackError);
    expect((error as YjpackError).messageId).toBe('browserMissing');
  });
});
