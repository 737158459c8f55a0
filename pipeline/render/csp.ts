/**
 * The page's Content-Security-Policy (the pack makes no network request of
 * any kind). Everything the pack needs is inline: styles, and SVG charts in
 * the markup. Images are allowed only as data: URLs (a logo, later). No
 * script may run, so nothing can depend on one. A constant with no double
 * quote, so the layout inserts it unescaped (its quotes stay readable).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "font-src 'none'",
  "script-src 'none'",
  "connect-src 'none'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
