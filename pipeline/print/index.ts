/** The print phase: find a Chromium-family browser and print the scrutiny PDF with it. */
export { findBrowser, type BrowserChoice, type FindBrowserOptions } from './find-browser.js';
export { printPdf, launchBrowser, LAUNCH_FLAGS, PAGE_MARGINS_MM, type PrintOptions } from './print-pdf.js';
