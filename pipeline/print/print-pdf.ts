/**
 * The scrutiny PDF: the public pack printed by Chromium (playwright-core), A4
 * portrait, tagged (accessible) with a bookmark outline from the headings,
 * page numbers, period and marking in the footer. The page may not fetch
 * anything: the HTML's own CSP forbids it, the context is offline, and every
 * request is aborted here as well.
 */
import type { Browser } from 'playwright-core';
import { YjpackError } from '../errors.js';
import { onStop, stopError, stopRequested, throwIfStopped } from '../interrupt.js';
import { periodLabel, type Period } from '../period.js';
import type { BrowserChoice } from './find-browser.js';
import { EMPTY_HEADER, footerTemplate } from './footer.js';

/** Flags that stop Chromium phoning home or doing work a print job does not need. */
export const LAUNCH_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--metrics-recording-only',
  '--no-pings',
];

const LAUNCH_TIMEOUT_MS = 60_000;

/** The page margins, millimetres: the pack's text keeps within them (the footer sits in the bottom one). */
export const PAGE_MARGINS_MM = { top: 12, bottom: 16, left: 13, right: 13 } as const;

export interface PrintOptions {
  browser: BrowserChoice;
  period: Period;
  /** The protective marking in the footer ('OFFICIAL'). */
  marking: string;
}

/**
 * Starts the browser. playwright's own signal handlers are off: on SIGTERM
 * they close the browser under a starting launch, which then looked like "no
 * browser" and wrote the pack without its PDF. yjpack owns the signals
 * (pipeline/interrupt.ts): a stop closes the browser and fails the run as
 * stopped, never as a missing browser.
 */
export async function launchBrowser(choice: BrowserChoice): Promise<Browser> {
  throwIfStopped();
  let browser: Browser;
  // Imported here, not at the top: playwright-core is large, and only printing needs it.
  const { chromium } = await import('playwright-core');
  try {
    browser = await chromium.launch({
      executablePath: choice.executablePath,
      args: [...new Set([...choice.args, ...LAUNCH_FLAGS])],
      timeout: LAUNCH_TIMEOUT_MS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (e) {
    throwIfStopped();
    throw new YjpackError('browserMissing', { reason: `${choice.executablePath} did not start: ${firstLine(e)}` }, { cause: e });
  }
  if (stopRequested()) {
    await browser.close().catch(() => undefined);
    throwIfStopped();
  }
  return browser;
}

export async function printPdf(html: string, options: PrintOptions): Promise<Uint8Array> {
  const browser = await launchBrowser(options.browser);
  const closeOnStop = onStop(() => { void browser.close().catch(() => undefined); });
  try {
    const context = await browser.newContext({ offline: true, javaScriptEnabled: false, serviceWorkers: 'block' });
    const page = await context.newPage();
    // setContent itself makes no request; anything the page asks for afterwards is refused.
    await page.route('**/*', (route) => route.abort('blockedbyclient'));
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: EMPTY_HEADER,
      footerTemplate: footerTemplate(periodLabel(options.period), options.marking),
      margin: {
        top: `${PAGE_MARGINS_MM.top}mm`, bottom: `${PAGE_MARGINS_MM.bottom}mm`,
        left: `${PAGE_MARGINS_MM.left}mm`, right: `${PAGE_MARGINS_MM.right}mm`,
      },
      tagged: true,
      outline: true,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } catch (e) {
    const signal = stopRequested();
    if (signal) throw stopError(signal);
    if (e instanceof YjpackError) throw e;
    throw new YjpackError('printFailed', { browser: options.browser.executablePath, reason: firstLine(e) }, { cause: e });
  } finally {
    closeOnStop();
    await browser.close().catch(() => undefined);
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}
