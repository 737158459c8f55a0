/**
 * Prints the public pack with a real Chromium and reads the PDF back with
 * pdfjs-dist (test/support/pdf.ts): text, page size, title, tags, outline.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { assemblePack } from '../../pipeline/assemble/index.js';
import { YjpackError } from '../../pipeline/errors.js';
import { loadTemplates } from '../../pipeline/load/templates.js';
import { findBrowser, printPdf, type BrowserChoice } from '../../pipeline/print/index.js';
import { renderBoardPack } from '../../pipeline/render/index.js';
import { PERIOD, packInput } from '../assemble/pack-fixture.js';
import { readPdf, rolesIn, type PdfContents } from '../support/pdf.js';

let pdf: Uint8Array;
let contents: PdfContents;

beforeAll(async () => {
  const html = await renderBoardPack(assemblePack(packInput({ audience: 'public' })), await loadTemplates());
  pdf = await printPdf(html, { browser: await findBrowser({ env: process.env }), period: PERIOD, marking: 'OFFICIAL' });
  contents = await readPdf(pdf);
}, 120_000);

describe('printPdf', () => {
  it('produces a PDF', () => {
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(pdf.byteLength).toBeGreaterThan(10_000);
  });

  it('prints the footer "Page n of N · period · OFFICIAL" on every page, and the pack text', () => {
    expect(contents.pages).toBeGreaterThan(1);
    contents.pageTexts.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} of ${contents.pages} · October to December 2024 · OFFICIAL`);
    });
    expect(contents.text).toContain('Public: published with disclosure control');
    expect(contents.text).toContain('Table 1: First time entrants');
  });

  it('is a tagged A4 PDF titled after the pack', () => {
    expect(contents.tagged).toBe(true);
    for (const size of contents.pageSizes) {
      // A4 is 595.28 × 841.89 pt; Chromium rounds its page box up to whole pixels.
      expect(size.width).toBeGreaterThanOrEqual(595);
      expect(size.width).toBeLessThan(596);
      expect(size.height).toBeGreaterThanOrEqual(841.8);
      expect(size.height).toBeLessThan(843);
    }
    expect(contents.title).toBe('Wolverhampton Youth Justice Service: youth justice performance, October to December 2024');
  });

  it('tags headings, lists, figures and tables, and has an outline of its sections', () => {
    const roles = new Set(contents.structTrees.flatMap(rolesIn));
    for (const role of ['H1', 'H2', 'L', 'LI', 'Figure', 'Table', 'TR', 'TH', 'TD']) expect(roles, role).toContain(role);
    expect(contents.outline).toEqual(expect.arrayContaining(['Summary', 'First time entrants', 'Data quality', 'Methods and sources']));
  });

  it('reports browserMissing when the browser cannot start', async () => {
    const broken: BrowserChoice = { executablePath: '/bin/false', args: [], source: 'explicit' };
    const error = await printPdf('<!DOCTYPE html><title>x</title>', { browser: broken, period: PERIOD, marking: 'OFFICIAL' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YjpackError);
    expect((error as YjpackError).messageId).toBe('browserMissing');
  });
});
