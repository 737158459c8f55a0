/**
 * The sample's pack laid out by a real Chromium at a small phone (320px), a
 * common phone (390px) and a laptop (1280px): the page never scrolls
 * sideways; a table or chart wider than the column scrolls inside its own
 * focusable region, labelled by its caption or title, with the caption kept
 * in view; no cell is cut off; chart text is drawn at 11px or more; at
 * 1280px nothing needs to scroll and no cell reaches past the main column;
 * a figure's count and base sits whole on its own line under the figure;
 * and axe-core finds no violation at any of the widths.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findBrowser, launchBrowser } from '../../pipeline/print/index.js';
import { runSample } from '../golden/sample-run.js';
import { axeViolations } from '../helpers/axe.js';

/** Chart text smaller than this is hard to read on a phone (issue 9: 4–5px before). */
const MIN_CHART_TEXT_PX = 11;
const PHONE_WIDTHS = [320, 390] as const;
const LAPTOP_WIDTH = 1280;

let browser: Browser;
let boardHtml: string;
let publicHtml: string;

/** The file of that name anywhere under the run's period folder (board and public files may sit in subfolders). */
async function fileIn(run: Awaited<ReturnType<typeof runSample>>, name: string): Promise<string> {
  const entries = await readdir(run.dir, { recursive: true });
  const path = entries.find((e) => e === name || e.endsWith(`/${name}`));
  if (!path) throw new Error(`${name} not found under ${run.dir}: ${entries.join(', ')}`);
  return run.text(path);
}

beforeAll(async () => {
  browser = await launchBrowser(await findBrowser({ env: process.env }));
  boardHtml = await fileIn(await runSample({ pdf: false }), 'board-pack.html');
  publicHtml = await fileIn(await runSample({ pdf: false, htmlAudience: 'public' }), 'board-pack.html');
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

interface Layout {
  scrollWidth: number;
  /** Every text drawn in a chart, with its size on the screen (font size times the SVG's scale). */
  chartTexts: { text: string; px: number }[];
  /** Table cells and charts cut off: past the edge of an ancestor that hides overflow, or beyond what a scroll region (or the page) can show. */
  clipped: string[];
  /** Regions wider inside than they show, so the reader must scroll them. */
  scrolling: string[];
  /** Table cells whose right edge is past the right edge of <main>. */
  beyondMain: string[];
  /** Tables whose caption is not wholly inside the region's visible box, at the start or scrolled to the far end. */
  captionsOutOfView: string[];
  /** Regions that are not focusable, not role=region, or not named by a visible caption or title. */
  badRegions: string[];
  /** A figure's count and base ("(12 of 27)") split over lines, or not on a line of its own under the figure. */
  basesOutOfPlace: string[];
}

/** Lays the page out at the width and measures it; no script of the page runs (it has none), only this. */
async function layoutAt(html: string, width: number): Promise<Layout> {
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  try {
    const page: Page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.evaluate(() => {
      const name = (el: Element) => el.id || el.closest('[id]')?.id || el.textContent?.slice(0, 40) || el.tagName;
      const regions = [...document.querySelectorAll<HTMLElement>('.table-scroll, .chart-scroll')];
      const regionName = (r: HTMLElement) => r.querySelector('table')?.id || r.closest('figure')?.id || name(r);
      const root = document.documentElement;
      // scrollWidth and scrollLeft are whole pixels, boxes are not: allow one pixel of rounding.
      const SUBPIXEL = 1;

      const chartTexts = [...document.querySelectorAll<SVGTextElement>('svg text')]
        .filter((t) => (t.textContent ?? '').trim() !== '')
        .map((t) => {
          const m = t.getScreenCTM();
          // The scale of the text's own coordinates on the screen; sqrt(a² + b²) holds for rotated text too (axis titles).
          const scale = m ? Math.hypot(m.a, m.b) : 0;
          return { text: t.textContent ?? '', px: parseFloat(getComputedStyle(t).fontSize) * scale };
        });

      // Cut off: past the edge of an ancestor that hides overflow, or past what a scrolling ancestor (or the page) can scroll to.
      const clipped = [...document.querySelectorAll<HTMLElement>('td, th, svg.chart')].filter((el) => {
        const right = el.getBoundingClientRect().right;
        for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
          const overflow = getComputedStyle(a).overflowX;
          const box = a.getBoundingClientRect();
          if ((overflow === 'hidden' || overflow === 'clip') && right > box.right + SUBPIXEL) return true;
          // Within a scroller, what matters is what it can scroll to; the scroller's own box is its ancestors' business.
          if (overflow === 'auto' || overflow === 'scroll') return right - box.left - a.clientLeft + a.scrollLeft > a.scrollWidth + SUBPIXEL;
        }
        return right > root.scrollWidth + SUBPIXEL;
      }).map(name);

      const scrolling = regions.filter((r) => r.scrollWidth > r.clientWidth).map(regionName);
      const main = document.querySelector('main')!.getBoundingClientRect();
      const beyondMain = [...document.querySelectorAll('td, th')].filter((c) => c.getBoundingClientRect().right > main.right + SUBPIXEL).map(name);

      const captionsOutOfView: string[] = [];
      for (const region of regions.filter((r) => r.classList.contains('table-scroll'))) {
        const caption = region.querySelector('caption');
        if (!caption) continue;
        for (const at of [0, region.scrollWidth]) {
          region.scrollLeft = at;
          const r = region.getBoundingClientRect();
          const c = caption.getBoundingClientRect();
          if (c.left < r.left - SUBPIXEL || c.right > r.right + SUBPIXEL) captionsOutOfView.push(`${regionName(region)} at scrollLeft ${at}`);
        }
        region.scrollLeft = 0;
      }

      const badRegions = regions.filter((r) => {
        const label = document.getElementById(r.getAttribute('aria-labelledby') ?? '');
        return r.getAttribute('role') !== 'region' || r.tabIndex !== 0 || !label || !r.contains(label) && !r.parentElement?.contains(label)
          || (label.textContent ?? '').trim() === '' || label.getBoundingClientRect().width === 0;
      }).map(regionName);

      // One line box, wholly below the figure's line: the basis is neither split nor run on after the figure.
      const basesOutOfPlace = [...document.querySelectorAll<HTMLElement>('.basis')].filter((b) => {
        const lines = b.getClientRects();
        const figure = document.createRange();
        figure.selectNodeContents(b.parentElement!.firstChild!);
        const style = getComputedStyle(b);
        // line-height "normal" has no number: about 1.2 times the font size.
        const oneLine = (parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2) * 1.5;
        return lines.length !== 1 || lines[0]!.height > oneLine || lines[0]!.top < figure.getBoundingClientRect().bottom - SUBPIXEL;
      }).map((b) => `${name(b)}: ${b.textContent}`);

      return { scrollWidth: root.scrollWidth, chartTexts, clipped, scrolling, beyondMain, captionsOutOfView, badRegions, basesOutOfPlace };
    });
  } finally {
    await context.close();
  }
}

const smallest = (texts: { text: string; px: number }[]) => texts.reduce((a, b) => (b.px < a.px ? b : a));

describe('the measurements notice a page that is not laid out for a phone', () => {
  it('flags sideways scroll, shrunken chart text, a clipped cell, a scrolling table, a lost caption, an unnamed region, and a count and base split or run on', async () => {
    const bad = `<!DOCTYPE html><html lang="en"><title>t</title><body style="margin:0">
      <svg width="700" height="100" viewBox="0 0 700 100" style="display:block;width:100%;height:auto"><text x="0" y="50" font-size="11">Axis</text></svg>
      <div style="width:500px">A line wider than the phone</div>
      <main>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="cap" style="overflow-x:auto">
        <table id="t1"><caption id="cap">A caption long enough to run past the right edge of a narrow phone screen</caption>
        <tr><th>Quarter</th><td style="min-width:600px">wide</td></tr>
        <tr><th>Split</th><td>44.4% <span class="basis" style="display:block;width:3em">(12 of 27)</span></td></tr>
        <tr><th>Run on</th><td>44.4% <span class="basis">(12 of 27)</span></td></tr></table></div>
      <div class="table-scroll" style="overflow:clip;width:200px"><table id="t2"><tr><td style="min-width:300px">cut</td></tr></table></div>
    </main></body></html>`;
    const layout = await layoutAt(bad, 390);
    expect(layout.scrollWidth).toBeGreaterThan(390);
    expect(smallest(layout.chartTexts).px).toBeLessThan(MIN_CHART_TEXT_PX);
    expect(layout.clipped).toContain('t2');
    expect(layout.scrolling).toContain('t1');
    expect(layout.captionsOutOfView.length).toBeGreaterThan(0);
    expect(layout.badRegions).toEqual(['t2']);
    expect(layout.basesOutOfPlace).toEqual(['t1: (12 of 27)', 't1: (12 of 27)']);
  });
});

describe('the sample board pack on a phone', () => {
  for (const width of PHONE_WIDTHS) {
    describe(`${width}px wide`, () => {
      let layout: Layout;
      beforeAll(async () => { layout = await layoutAt(boardHtml, width); }, 60_000);

      it('never scrolls the page sideways', () => {
        expect(layout.scrollWidth).toBeLessThanOrEqual(width);
      });

      it(`draws every chart text at ${MIN_CHART_TEXT_PX}px or more`, () => {
        expect(layout.chartTexts.length).toBeGreaterThan(100);
        expect(smallest(layout.chartTexts).px).toBeGreaterThanOrEqual(MIN_CHART_TEXT_PX - 0.01);
      });

      it('lets a wide table or chart scroll inside its own named region, its caption in view, no cell cut off', () => {
        // Some tables and charts are wider than a phone: the check below is about them.
        expect(layout.scrolling.length).toBeGreaterThan(0);
        expect(layout.clipped).toEqual([]);
        expect(layout.captionsOutOfView).toEqual([]);
        expect(layout.badRegions).toEqual([]);
      });

      it('sets each figure\'s count and base whole on its own line under the figure', () => {
        expect(layout.basesOutOfPlace).toEqual([]);
      });
    });
  }

  it('lays out the public pack the same way at 390px', async () => {
    const layout = await layoutAt(publicHtml, 390);
    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    expect(smallest(layout.chartTexts).px).toBeGreaterThanOrEqual(MIN_CHART_TEXT_PX - 0.01);
    expect(layout.clipped).toEqual([]);
    expect(layout.captionsOutOfView).toEqual([]);
  });
});

describe(`the sample board pack on a laptop (${LAPTOP_WIDTH}px)`, () => {
  let layout: Layout;
  beforeAll(async () => { layout = await layoutAt(boardHtml, LAPTOP_WIDTH); }, 60_000);

  it('fits every table and chart in the main column: nothing scrolls, nothing is cut off', () => {
    expect(layout.scrollWidth).toBeLessThanOrEqual(LAPTOP_WIDTH);
    expect(layout.scrolling).toEqual([]);
    expect(layout.beyondMain).toEqual([]);
    expect(layout.clipped).toEqual([]);
    expect(layout.basesOutOfPlace).toEqual([]);
    expect(smallest(layout.chartTexts).px).toBeGreaterThanOrEqual(MIN_CHART_TEXT_PX - 0.01);
  });
});

describe('axe-core at each width', () => {
  for (const width of [...PHONE_WIDTHS, LAPTOP_WIDTH]) {
    it(`finds no violation in the sample board pack at ${width}px`, async () => {
      expect(await axeViolations(browser, boardHtml, { width, height: 800 })).toEqual([]);
    });
  }

  it('finds no violation in the sample public pack at 390px', async () => {
    expect(await axeViolations(browser, publicHtml, { width: 390, height: 800 })).toEqual([]);
  });
});
