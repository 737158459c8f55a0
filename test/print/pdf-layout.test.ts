/**
 * The sample's scrutiny PDF, read with pdfjs-dist (no poppler needed): the
 * first page carries the title and every summary tile (the key messages);
 * sections flow on without forced page breaks, so no page before the last
 * is left mostly empty; methods are a compact appendix.
 *
 * The tiles' headings and values are read from the public HTML of the same
 * run, which the PDF is printed from.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSample } from '../golden/sample-run.js';

/** A page before the last filled less than this (from the top of the page) shows a forced break or a lost block. */
const MIN_PAGE_FILL = 1 / 3;
/** Methods and sources: at most this many pages (they took 4 to 5 of 19 to 20 when each section began a page). */
const MAX_METHODS_PAGES = 3;
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
  methodsHeading = decode(/<h2 id="methods-heading">([^<]+)<\/h2>/.exec(html)?.[1] ?? '');
  pages = await readPdf(new Uint8Array(await readFile(find('scrutiny-pack.pdf'))));
}, 180_000);

describe('the scrutiny PDF of the sample: layout', () => {
  it('has the title and every summary tile, heading and figure, on page 1', () => {
    expect(tiles.length).toBeGreaterThanOrEqual(4);
    expect(title).not.toBe('');
    const first = squash(pages[0]!.text);
    expect(first).toContain(squash(title));
    for (const tile of tiles) {
      expect(first, `tile "${tile.heading}"`).toContain(squash(tile.heading));
      expect(first, `value of tile "${tile.heading}"`).toContain(squash(tile.value));
    }
  });

  it('leaves no page before the last mostly empty: sections flow on with no forced page break', () => {
    expect(pages.length).toBeGreaterThan(2);
    const fill = pages.map((p) => (p.height - p.lowestText) / p.height);
    const sparse = fill.slice(0, -1).map((f, i) => ({ page: i + 1, fill: Number(f.toFixed(2)) })).filter((p) => p.fill < MIN_PAGE_FILL);
    expect(sparse).toEqual([]);
  });

  it(`sets methods and sources as a compact appendix of at most ${MAX_METHODS_PAGES} pages at the end`, () => {
    expect(methodsHeading).not.toBe('');
    // The heading's last page: page 1 may name the section too (the summary's "see Methods and sources").
    const start = pages.map((p) => squash(p.text).includes(squash(methodsHeading))).lastIndexOf(true);
    expect(start).toBeGreaterThan(0);
    expect(pages.length - start).toBeLessThanOrEqual(MAX_METHODS_PAGES);
  });
});
