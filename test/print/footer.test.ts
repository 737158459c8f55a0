import { describe, expect, it } from 'vitest';
import { footerTemplate } from '../../pipeline/print/footer.js';

describe('footerTemplate', () => {
  it('reads "Page n of N · period · marking" with the numbers Chromium fills in', () => {
    const html = footerTemplate('October to December 2024', 'OFFICIAL');
    const text = html.replace('<span class="pageNumber"></span>', '3').replace('<span class="totalPages"></span>', '7').replace(/<[^>]+>/g, '');
    expect(text).toBe('Page 3 of 7 · October to December 2024 · OFFICIAL');
  });

  it('styles itself inline (the page\'s CSS does not reach the footer) and escapes its text', () => {
    const html = footerTemplate('<b>', 'A & B');
    expect(html).toMatch(/^<div style="[^"]*font-size:8pt[^"]*">/);
    expect(html).toContain('&lt;b&gt;');
    expect(html).toContain('A &amp; B');
  });
});
