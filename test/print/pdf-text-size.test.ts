/**
 * Text in the printed packs is big enough to read on paper and none is cut
 * off at the page's edge: the sample's public (scrutiny) PDF and its board
 * PDF, read with pdfjs-dist.
 *
 * - Every run of text in a table (caption, headings, cells) is at least
 *   9 pt; every run anywhere, headings, notes, sources, the footer and the
 *   charts' axis labels included, at least 8 pt. A size is the font's em
 *   after every transform, so a page Chromium shrank to fit a table too wide
 *   for it counts as the smaller text it is.
 * - Every run lies within the page's left and right margins.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Audience } from '../../pipeline/assemble/model.js';
import { PACK_PDF } from '../../pipeline/output/layout.js';
import { parsePeriod } from '../../pipeline/period.js';
import { findBrowser, PAGE_MARGINS_MM, printPdf } from '../../pipeline/print/index.js';
import { runSample } from '../golden/sample-run.js';
import { textRuns, type TextRun } from '../support/pdf.js';

const MIN_TABLE_PT = 9;
const MIN_TEXT_PT = 8;
/** Rounding: pdfjs gives sizes such as 8.999 for 12px. */
const SIZE_SLACK_PT = 0.01;
const PT_PER_MM = 72 / 25.4;
/**
 * Chromium lays the page out in whole CSS pixels: the 13 mm side margin
 * (49.1px) comes out as 48px (36 pt), so text may start or end up to
 * 0.85 pt beyond the margin as given; pdfjs's advance widths add a little.
 */
const EDGE_SLACK_PT = 1.5;

const describeRun = (r: TextRun) => `page ${r.page}: "${r.str}" ${r.size.toFixed(2)}pt at ${r.left.toFixed(1)}–${r.right.toFixed(1)}`;

function tooSmallInTables(runs: readonly TextRun[]): string[] {
  return runs.filter((r) => r.inTable && r.size < MIN_TABLE_PT - SIZE_SLACK_PT).map(describeRun);
}

function tooSmall(runs: readonly TextRun[]): string[] {
  return runs.filter((r) => r.size < MIN_TEXT_PT - SIZE_SLACK_PT).map(describeRun);
}

function outsideMargins(runs: readonly TextRun[]): string[] {
  const left = PAGE_MARGINS_MM.left * PT_PER_MM - EDGE_SLACK_PT;
  return runs.filter((r) => r.left < left || r.right > r.pageWidth - PAGE_MARGINS_MM.right * PT_PER_MM + EDGE_SLACK_PT).map(describeRun);
}

const audiences: Audience[] = ['public', 'board'];
const runs = new Map<Audience, TextRun[]>();

beforeAll(async () => {
  for (const audience of audiences) {
    const run = await runSample({ pdf: true, htmlAudience: audience, pdfAudience: audience });
    if (run.result.pdfError) throw run.result.pdfError;
    runs.set(audience, await textRuns(new Uint8Array(await readFile(join(run.dir, audience, PACK_PDF)))));
  }
}, 360_000);

describe.each(audiences)('the sample\'s %s PDF', (audience) => {
  it(`sets every table's text at ${MIN_TABLE_PT}pt or more`, () => {
    const all = runs.get(audience)!;
    // The tags find the tables: many runs, including a caption and a cell of the KPI table.
    const tabled = all.filter((r) => r.inTable);
    expect(tabled.length).toBeGreaterThan(500);
    expect(tabled.map((r) => r.str)).toEqual(expect.arrayContaining([expect.stringMatching(/^Table 1: /)]));
    expect(tooSmallInTables(all)).toEqual([]);
  });

  it(`sets all its text, footer and chart labels included, at ${MIN_TEXT_PT}pt or more`, () => {
    expect(tooSmall(runs.get(audience)!)).toEqual([]);
  });

  it('keeps every line of text within the left and right margins', () => {
    expect(outsideMargins(runs.get(audience)!)).toEqual([]);
  });
});

describe('the text checks notice text too small or cut off', () => {
  it('flag a table so wide that Chromium shrinks the page, small print, and a line clipped at the margin', async () => {
    // A 12pt table that cannot wrap and is about twice the column's width: Chromium shrinks the page as far as it
    // will (to two thirds), so the table's text comes out at 8pt and 11pt text at 7.3pt; the rest of the table is cut off.
    const cells = Array.from({ length: 12 }, (_, i) => `<td>Figure ${i} (1,234 of 5,678)</td>`).join('');
    const html = '<!DOCTYPE html><html lang="en"><title>t</title><body style="margin:0;font:11pt Arial">'
      + '<p>A line at 11pt.</p>'
      + `<table style="white-space:nowrap;font-size:12pt"><caption>Wide table</caption><tr>${cells}</tr></table>`
      + '<p style="break-before:page">Page two.</p>'
      + '<div style="overflow:hidden;width:100%"><p style="white-space:nowrap;margin:0">'
      + 'A line much too long for the page, cut off by its box at the right margin, '.repeat(3) + '</p></div></body></html>';
    const pdf = await printPdf(html, { browser: await findBrowser({ env: process.env }), period: parsePeriod('2024-25-Q3'), marking: 'OFFICIAL' });
    const bad = await textRuns(pdf);
    expect(tooSmallInTables(bad).join('\n')).toContain('Figure 0 (1,234 of 5,678)');
    expect(tooSmall(bad).join('\n')).toContain('A line at 11pt.');
    // Exactly 8pt (12pt at two thirds) is not too small.
    expect(tooSmall(bad).join('\n')).not.toContain('Figure 0');
    // The table's last cell on page 1, cut at the margin, and the clipped line on page 2.
    expect(outsideMargins(bad).join('\n')).toMatch(/page 1: "Figu/);
    expect(outsideMargins(bad).join('\n')).toMatch(/page 2: .*right margin/);
    // The footer, 8pt and outside the shrunk page, is not flagged.
    expect(tooSmall(bad).join('\n')).not.toContain('OFFICIAL');
  }, 120_000);
});
