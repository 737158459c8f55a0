/**
 * axe-core's WCAG 2.0/2.1/2.2 A and AA rules run on a page in a real
 * Chromium, at a given viewport width (a layout can fail at one width only).
 */
import axe from 'axe-core';
import type { Browser } from 'playwright-core';

export type AxeViolation = { id: string; impact: string | null; nodes: { target: unknown }[] };

export async function axeViolations(browser: Browser, html: string, viewport = { width: 1280, height: 900 }): Promise<AxeViolation[]> {
  // The pack's own CSP forbids every script, axe's too: this context alone lets the injected checker run.
  const context = await browser.newContext({ bypassCSP: true, viewport });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ content: axe.source });
    return await page.evaluate(async () => {
      const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: AxeViolation[] }> } };
      const result = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    });
  } finally {
    await context.close();
  }
}
