/**
 * The PDF page footer: "Page n of N · October to December 2024 · OFFICIAL".
 * Chromium prints header and footer templates outside the page's styles, so
 * every style is inline, and it fills pageNumber and totalPages itself.
 */
import Handlebars from 'handlebars';

export function footerTemplate(periodLabel: string, marking: string): string {
  const text = (s: string) => Handlebars.escapeExpression(s);
  const style = [
    'width:100%', 'margin:0 15mm', 'font-family:Arial,Helvetica,sans-serif', 'font-size:8pt',
    'color:#0b0c0c', 'text-align:center',
  ].join(';');
  return `<div style="${style}">Page <span class="pageNumber"></span> of <span class="totalPages"></span>`
    + ` · ${text(periodLabel)} · <strong>${text(marking)}</strong></div>`;
}

/** Chromium prints a default header (date, title) unless given one: an empty one keeps the page clean. */
export const EMPTY_HEADER = '<span></span>';
