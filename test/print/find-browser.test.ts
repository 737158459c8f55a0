import { describe, expect, it } from 'vitest';
import { bundledChromium, findBrowser, systemCandidates } from '../../pipeline/print/find-browser.js';
import { YjpackError } from '../../pipeline/errors.js';

/** A fake file system in which only the named paths are executables. */
const only = (...paths: string[]) => async (p: string) => paths.includes(p);
const bundled = async () => ({ executablePath: '/tmp/chromium', args: ['--no-zygote', '--disable-web-security', '--single-process', '--allow-running-insecure-content', '--use-gl=angle'] });
const noBundled = async (): Promise<never> => { throw new Error('Unsupported platform: darwin'); };

describe('findBrowser: --browser, then YJPACK_BROWSER, then a system browser, then the bundled Chromium', () => {
  it('uses the explicit path first, even when the environment names another', async () => {
    const choice = await findBrowser({
      explicit: '/opt/chrome', env: { YJPACK_BROWSER: '/opt/edge', PATH: '/usr/bin' },
      platform: 'linux', isExecutable: only('/opt/chrome', '/opt/edge', '/usr/bin/chromium'), bundled,
    });
    expect(choice).toEqual({ executablePath: '/opt/chrome', args: [], source: 'explicit' });
  });

  it('uses YJPACK_BROWSER before a system browser', async () => {
    const choice = await findBrowser({
      env: { YJPACK_BROWSER: '/opt/edge', PATH: '/usr/bin' }, platform: 'linux', isExecutable: only('/opt/edge', '/usr/bin/chromium'), bundled,
    });
    expect(choice.source).toBe('env');
    expect(choice.executablePath).toBe('/opt/edge');
  });

  it('refuses an explicit path that is not an executable, rather than printing with something else', async () => {
    const error = await findBrowser({ explicit: '/nowhere/chrome', env: {}, platform: 'linux', isExecutable: only(), bundled }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YjpackError);
    expect((error as YjpackError).messageId).toBe('browserMissing');
    expect((error as YjpackError).message).toContain("--browser names '/nowhere/chrome'");
  });

  it('finds a browser on PATH before the usual install paths, in the order of the names', async () => {
    const choice = await findBrowser({
      env: { PATH: '/home/me/bin:/usr/bin' }, platform: 'linux',
      isExecutable: only('/usr/bin/google-chrome', '/home/me/bin/chromium', '/opt/google/chrome/chrome'), bundled,
    });
    // PATH directories in order; /home/me/bin comes first and holds chromium.
    expect(choice).toEqual({ executablePath: '/home/me/bin/chromium', args: [], source: 'system' });
  });

  it('falls back to the bundled Chromium without the flags that weaken isolation or share one process', async () => {
    const choice = await findBrowser({ env: { PATH: '/usr/bin' }, platform: 'linux', isExecutable: only(), bundled });
    expect(choice).toEqual({ executablePath: '/tmp/chromium', args: ['--no-zygote', '--use-gl=angle'], source: 'bundled' });
  });

  it('reports browserMissing with the reason when nothing is usable', async () => {
    const error = await findBrowser({ env: {}, platform: 'darwin', isExecutable: only(), bundled: noBundled }).catch((e: unknown) => e);
    expect((error as YjpackError).messageId).toBe('browserMissing');
    expect((error as YjpackError).message).toContain('Unsupported platform: darwin');
  });

  it('reports browserMissing, naming the package, where the optional bundled Chromium was not installed', async () => {
    // npm skips an optional dependency it cannot install (or --omit=optional): the same code path as here.
    const absent = '@yjpack-test/no-such-chromium';
    const error = await findBrowser({ env: {}, platform: 'linux', isExecutable: only(), bundled: () => bundledChromium(absent) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YjpackError);
    expect((error as YjpackError).messageId).toBe('browserMissing');
    expect((error as YjpackError).message).toContain(absent);
  });
});

describe('systemCandidates', () => {
  it('checks the usual macOS application paths', () => {
    expect(systemCandidates('darwin', {})).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(systemCandidates('darwin', {})).toContain('/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
  });

  it('checks Windows program folders and .exe names on PATH', () => {
    const c = systemCandidates('win32', { Path: 'C:\\Tools', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' });
    expect(c).toContain('C:\\Tools\\msedge.exe');
    expect(c).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(c).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
  });

  it('checks every PATH name the brief lists on Linux', () => {
    const c = systemCandidates('linux', { PATH: '/usr/local/bin' });
    expect(c.slice(0, 6)).toEqual(['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser', 'microsoft-edge', 'msedge']
      .map((n) => `/usr/local/bin/${n}`));
  });
});
