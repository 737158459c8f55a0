/**
 * The configured logo and accent colour in the rendered pack, and in a real
 * Chromium: an SVG logo carrying a script and a remote image runs nothing and
 * fetches nothing (it is an <img src="data:…">), and the page still passes axe.
 */
import axe from 'axe-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemblePack } from '../../pipeline/assemble/index.js';
import { loadTemplates } from '../../pipeline/load/templates.js';
import { findBrowser, launchBrowser } from '../../pipeline/print/index.js';
import { renderBoardPack } from '../../pipeline/render/index.js';
import { packInput } from '../assemble/pack-fixture.js';

const HOSTILE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="40" height="40" fill="#801650"/>'
  + '<image href="http://example.invalid/tracker.png" width="10" height="10"/><script>document.title = "script ran"</script></svg>';

let browser: Browser;
let html: string;

beforeAll(async () => {
  html = await renderBoardPack(assemblePack(packInput({
    logo: { mediaType: 'image/svg+xml', bytes: new TextEncoder().encode(HOSTILE_SVG) },
    accentColour: '#801650',
  })), await loadTemplates());
  browser = await launchBrowser(await findBrowser({ env: process.env }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('logo and accent colour in the pack', () => {
  it('inlines the logo as an <img> data: URI with its alternative text, and sets the accent', () => {
    const base64 = Buffer.from(HOSTILE_SVG).toString('base64');
    // Handlebars escapes "=" in attributes as &#x3D;, which the browser reads back as "=".
    expect(html).toContain(`<img src="data:image/svg+xml;base64,${base64.replace(/=/g, '&#x3D;')}" alt="Wolverhampton Youth Justice Service logo">`);
    expect(html).toContain('<style>:root { --accent: #801650; }</style>');
    expect(html).not.toContain('<script');
  });

  it('runs no script and makes no request in Chromium, even with JavaScript on', async () => {
    const context = await browser.newContext({ javaScriptEnabled: true });
    try {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => { if (!r.url().startsWith('data:')) requests.push(r.url()); });
      await page.route('**/*', (route) => route.abort());
      await page.setContent(html, { waitUntil: 'load' });
      await page.waitForTimeout(200);
      expect(await page.title()).toBe('Wolverhampton Youth Justice Service: youth justice performance, October to December 2024');
      expect(requests).toEqual([]);
      // The image did load (as an image): it has a size.
      expect(await page.locator('.cover-logo img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
      const accent = await page.locator('h1').evaluate((h) => getComputedStyle(h).color);
      expect(accent).toBe('rgb(128, 22, 80)');
    } finally {
      await context.close();
    }
  });

  it('passes axe-core with the logo and accent', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string }[] }> } };
        const result = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
        return result.violations.map((v) => v.id);
      });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
