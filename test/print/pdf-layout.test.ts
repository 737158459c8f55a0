/**
 * The sample's scrutiny PDF, read with pdfjs-dist (no poppler needed): the
 * first page carries the title and the summary, whose tiles (the key
 * messages) all come before anything else, on the first two pages;
 * sections flow on without forced page breaks, so no page before the last
 * is left mostly empty, and no page ends on a heading; methods are a
 * compact appendix.
 *
 * The tiles' headings and values are read from the public HTML of the same
 * run, which the PDF is printed from.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../pipeline/period.js';
import { findBrowser, printPdf } from '../../pipeline/print/index.js';
import { runSample } from '../golden/sample-run.js';

/** A page before the last filled less than this (from the top of the page) shows a forced break or a lost block. */
const MIN_PAGE_FILL = 1 / 3;
/**
 * Methods and sources: at most this many pages, counting the page its heading is on. They took 4 to 5 of 19 to 20
 * when each section began a page, and 2 to 3 while every page was shrunk to 6–7pt text; in two columns at 9pt they
 * fill three pages and the foot of the page before.
 */
const MAX_METHODS_PAGES = 4;
/** Text lower than this on the page (points from its foot) is the footer ("Page n of N · …"), not the pack. */
const FOOTER_TOP_PT = 40;

interface PdfPage {
  text: string;
  /** Height of the page, points. */
  height: number;
  /** Height of the lowest line of the pack's text above the footer, points from the foot of the page. */
  lowestText: number;
}

let pages: PdfPage[];
let tiles: { heading: string; value: string }[];
let title: string;
let methodsHeading: string;
/** The heading of the first section after the summary. */
let nextSectionHeading: string;
/** Every section, subsection, chart and block heading (h2, h3) of the pack. */
let headings: string[];

/** Strips every space, so text pdfjs splits at ligatures ("Reo ff ending") still matches. */
const squash = (s: string) => s.replace(/\s+/g, '');
const decode = (s: string) => s.replace(/&#x27;/g, "'").replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: bytes }).promise;
  const out: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const items = (await page.getTextContent()).items.filter((i): i is typeof i & { str: string; transform: number[] } => 'str' in i);
    const body = items.filter((i) => i.str.trim() !== '' && (i.transform[5] ?? 0) > FOOTER_TOP_PT);
    out.push({
      text: body.map((i) => i.str).join(' '),
      height: page.view[3] ?? 0,
      lowestText: Math.min(...body.map((i) => i.transform[5] ?? 0)),
    });
  }
  await doc.destroy();
  return out;
}

/** Pages before the last whose text ends less than MIN_PAGE_FILL of the way down. */
function sparsePages(all: readonly PdfPage[]): { page: number; fill: number }[] {
  return all.slice(0, -1).map((p, i) => ({ page: i + 1, fill: Number(((p.height - p.lowestText) / p.height).toFixed(2)) }))
    .filter((p) => p.fill < MIN_PAGE_FILL);
}

/** Headings that are the last text of a page before the last (what follows them went to the next page). */
function strandedHeadings(all: readonly PdfPage[], names: readonly string[]): string[] {
  return all.slice(0, -1).flatMap((p, i) => names.filter((h) => squash(p.text).endsWith(squash(h))).map((h) => `page ${i + 1}: ${h}`));
}

beforeAll(async () => {
  const run = await runSample({ pdf: true, htmlAudience: 'public' });
  if (run.result.pdfError) throw run.result.pdfError;
  const files = await readdir(run.dir, { recursive: true });
  const find = (name: string) => {
    const f = files.find((e) => e === name || e.endsWith(`/${name}`));
    if (!f) throw new Error(`${name} not found under ${run.dir}`);
    return join(run.dir, f);
  };
  const html = await readFile(find('board-pack.html'), 'utf8');
  tiles = [...html.matchAll(/<h3 class="tile-heading">([^<]+)<\/h3>[\s\S]*?<span class="tile-value">([^<]+)<\/span>/g)]
    .map((m) => ({ heading: decode(m[1]!), value: decode(m[2]!) }));
  title = decode(/<h1>([^<]+)<span/.exec(html)?.[1] ?? '');
  headings = [...html.matchAll(/<h[23]\b[^>]*>([^<]+)</g)].map((m) => decode(m[1]!)).filter((h) => h.trim() !== '');
  methodsHeading = decode(/<h2 id="methods-heading">([^<]+)<\/h2>/.exec(html)?.[1] ?? '');
  nextSectionHeading = decode([...html.matchAll(/<h2 id="([^"]+)">([^<]+)<\/h2>/g)].find((m) => m[1] !== 'summary-heading' && m[1] !== 'contents-heading')?.[2] ?? '');
  pages = await readPdf(new Uint8Array(await readFile(find('scrutiny-pack.pdf'))));
}, 180_000);

describe('the scrutiny PDF of the sample: layout', () => {
  /*
   * All eight tiles fitted page 1 only while Chromium shrank every page to about 70% to fit tables wider than the
   * column, which set the text at 6–7pt. With text at 9pt or more (test/print/pdf-text-size.test.ts) the title,
   * the summary's key and the eight tiles take about one and a half pages of A4, so the tiles may run on to page 2;
   * they still come first, before the first section after the summary.
   */
  it(`has the title and the first summary tile on page 1, and every tile, heading and figure on pages 1 and 2 before the next section`, () => {
    expect(tiles.length).toBeGreaterThanOrEqual(4);
    expect(title).not.toBe('');
    const first = squash(pages[0]!.text);
    expect(first).toContain(squash(title));
    expect(first).toContain(squash(tiles[0]!.heading));
    // The text of pages 1 and 2 up to the heading of the section after the summary.
    const firstTwo = squash(`${pages[0]!.text} ${pages[1]!.text}`);
    const next = firstTwo.indexOf(squash(nextSectionHeading));
    expect(next, nextSectionHeading).toBeGreaterThan(0);
    const summary = firstTwo.slice(0, next);
    for (const tile of tiles) {
      expect(summary, `tile "${tile.heading}"`).toContain(squash(tile.heading));
      expect(summary, `value of tile "${tile.heading}"`).toContain(squash(tile.value));
    }
  });

  it('leaves no page before the last mostly empty: sections flow on with no forced page break', () => {
    expect(pages.length).toBeGreaterThan(2);
    expect(sparsePages(pages)).toEqual([]);
  });

  it('never ends a page on a heading: each heading is kept with what follows it', () => {
    expect(headings.length).toBeGreaterThan(10);
    expect(strandedHeadings(pages, headings)).toEqual([]);
  });

  it(`sets methods and sources as a compact appendix of at most ${MAX_METHODS_PAGES} pages at the end`, () => {
    expect(methodsHeading).not.toBe('');
    // The heading's last page: page 1 may name the section too (the summary's "see Methods and sources").
    const start = pages.map((p) => squash(p.text).includes(squash(methodsHeading))).lastIndexOf(true);
    expect(start).toBeGreaterThan(0);
    expect(pages.length - start).toBeLessThanOrEqual(MAX_METHODS_PAGES);
  });
});

describe('the page checks notice a bad layout', () => {
  it('flag a page left mostly empty by a forced break, and a heading stranded at the foot of a page', async () => {
    // Page 1: a line, then a forced break. Page 2: a tall block, then a heading with a forced break after it.
    const html = '<!DOCTYPE html><html lang="en"><title>t</title><body style="margin:0;font:10pt Arial">'
      + '<p>A first page with one line.</p><div style="break-before:page;height:640pt">Tall block</div>'
      + '<h2 style="margin:0;break-after:page">Stranded heading</h2><p>What the heading is about.</p><p>The end.</p></body></html>';
    const bad = await readPdf(await printPdf(html, { browser: await findBrowser({ env: process.env }), period: parsePeriod('2024-25-Q3'), marking: 'OFFICIAL' }));
    expect(bad.length).toBe(3);
    expect(sparsePages(bad).map((p) => p.page)).toEqual([1]);
    expect(strandedHeadings(bad, ['Stranded heading', 'Not in the document'])).toEqual(['page 2: Stranded heading']);
  });
});
