/**
 * The rendered pack in a real Chromium: axe-core finds no WCAG 2.2 AA
 * violation, and opening the page makes no network request. One browser is
 * shared by the file (launching costs about a second).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { assemblePack } from '../../pipeline/assemble/index.js';
import type { IndicatorRecord } from '../../pipeline/compute/record.js';
import { loadTemplates } from '../../pipeline/load/templates.js';
import { findBrowser, launchBrowser } from '../../pipeline/print/index.js';
import { renderBoardPack } from '../../pipeline/render/index.js';
import { FTE_ROWS, fteRecords, packInput } from '../assemble/pack-fixture.js';
import { axeViolations as axeViolationsIn } from '../helpers/axe.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser(await findBrowser({ env: process.env }));
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const axeViolations = (html: string) => axeViolationsIn(browser, html);

interface Traffic {
  /** Every request the page attempted (page.on('request')), data: URLs aside. */
  attempted: string[];
  /** Requests that got past the page's own policy to the network layer (where they are aborted). */
  reachedNetwork: string[];
  /** Why attempted requests failed ('csp' when the page's policy stopped them). */
  failures: string[];
}

async function traffic(html: string): Promise<Traffic> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const t: Traffic = { attempted: [], reachedNetwork: [], failures: [] };
    page.on('request', (r) => { if (!r.url().startsWith('data:')) t.attempted.push(r.url()); });
    page.on('requestfailed', (r) => { t.failures.push(r.failure()?.errorText ?? ''); });
    // Nothing may leave the machine even if the page asks: abort after counting.
    await page.route('**/*', (route) => { t.reachedNetwork.push(route.request().url()); return route.abort(); });
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForTimeout(200);
    return t;
  } finally {
    await context.close();
  }
}

describe('the rendered pack in Chromium', () => {
  it('passes axe-core (WCAG 2.0/2.1/2.2 A and AA) with no violations: board version', async () => {
    const html = await renderBoardPack(assemblePack(packInput({ audience: 'board' })), await loadTemplates());
    expect(await axeViolations(html)).toEqual([]);
  });

  it('passes axe-core with no violations: public version with hidden cells and a no-data section', async () => {
    const rows = FTE_ROWS.map((r): [string, number, number, number, number] =>
      r[0] === '2024-25-Q3' ? ['2024-25-Q3', 3, 4, 3.015, 43.827] : r);
    const records: IndicatorRecord[] = fteRecords(rows);
    const templates = await loadTemplates();
    const pub = await renderBoardPack(assemblePack(packInput({ audience: 'public', records })), templates);
    expect(await axeViolations(pub)).toEqual([]);
    const empty = await renderBoardPack(assemblePack(packInput({ records: [] })), templates);
    expect(await axeViolations(empty)).toEqual([]);
  });

  it('makes no network request when opened', async () => {
    const html = await renderBoardPack(assemblePack(packInput()), await loadTemplates());
    expect(await traffic(html)).toEqual({ attempted: [], reachedNetwork: [], failures: [] });
  });

  it('would notice a request: a page with a remote image and no CSP is caught by the same check', async () => {
    const t = await traffic('<!DOCTYPE html><html lang="en"><title>t</title><img src="http://example.invalid/x.png" alt="x"></html>');
    expect(t.attempted).toEqual(['http://example.invalid/x.png']);
    expect(t.reachedNetwork).toEqual(['http://example.invalid/x.png']);
  });

  it('has a CSP that stops, by itself, a request injected into the page', async () => {
    const html = await renderBoardPack(assemblePack(packInput()), await loadTemplates());
    const t = await traffic(html.replace('</main>', '<img src="http://example.invalid/x.png" alt="x"></main>'));
    expect(t.reachedNetwork).toEqual([]);
    expect(t.failures).toEqual(['csp']);
  });
});
