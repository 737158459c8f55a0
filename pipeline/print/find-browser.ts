/**
 * Which Chromium-family browser prints the PDF, in order: --browser PATH,
 * $YJPACK_BROWSER, a system Chrome, Edge or Chromium (PATH names, then the
 * usual install paths of Linux, macOS and Windows), else the Chromium build
 * shipped in the @sparticuz/chromium npm package (Linux only).
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join, win32 } from 'node:path';
import { YjpackError } from '../errors.js';

export interface BrowserChoice {
  executablePath: string;
  /** Extra launch flags the browser build needs (the bundled build brings its own). */
  args: string[];
  /** Where it was found, for progress messages and errors. */
  source: 'explicit' | 'env' | 'system' | 'bundled';
}

export interface FindBrowserOptions {
  explicit?: string;
  env: NodeJS.ProcessEnv;
  /** Defaults to this machine's; tests name another. */
  platform?: NodeJS.Platform;
  /** Defaults to an executable-file check; tests pass a fake file system. */
  isExecutable?: (path: string) => Promise<boolean>;
  /** Defaults to @sparticuz/chromium; tests pass a stand-in. */
  bundled?: () => Promise<{ executablePath: string; args: string[] }>;
}

export const PATH_NAMES = ['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser', 'microsoft-edge', 'msedge'];

/**
 * Flags of the bundled build (made for AWS Lambda) that the pack does not
 * want: two weaken the page's isolation, and a single-process browser dies
 * when any of its contexts closes.
 */
const UNSAFE_BUNDLED_FLAGS = ['--disable-web-security', '--allow-running-insecure-content', '--single-process'];

export async function findBrowser(options: FindBrowserOptions): Promise<BrowserChoice> {
  const isExecutable = options.isExecutable ?? executableFile;
  const platform = options.platform ?? process.platform;
  if (options.explicit !== undefined) return named(options.explicit, 'explicit', '--browser', isExecutable);
  const fromEnv = options.env.YJPACK_BROWSER;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return named(fromEnv.trim(), 'env', 'YJPACK_BROWSER', isExecutable);

  for (const path of systemCandidates(platform, options.env)) {
    if (await isExecutable(path)) return { executablePath: path, args: [], source: 'system' };
  }
  try {
    const bundled = await (options.bundled ?? bundledChromium)();
    return {
      executablePath: bundled.executablePath,
      args: bundled.args.filter((a) => !UNSAFE_BUNDLED_FLAGS.includes(a)),
      source: 'bundled',
    };
  } catch (e) {
    throw new YjpackError('browserMissing', {
      reason: `no Chrome, Edge or Chromium found on this system, and the bundled Chromium is not usable here: ${firstLine(e)}`,
    }, { cause: e });
  }
}

async function named(path: string, source: 'explicit' | 'env', origin: string, isExecutable: (p: string) => Promise<boolean>): Promise<BrowserChoice> {
  if (!(await isExecutable(path))) {
    throw new YjpackError('browserMissing', { reason: `${origin} names '${path}', which is not an executable file` });
  }
  return { executablePath: path, args: [], source };
}

/** PATH names first (the user's own choice of install), then the usual install locations. */
export function systemCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  const windows = platform === 'win32';
  const pathJoin = windows ? win32.join : join;
  const dirs = (env.PATH ?? env.Path ?? '').split(windows ? ';' : delimiter).filter((d) => d !== '');
  const names = windows ? PATH_NAMES.map((n) => `${n}.exe`).concat(['chrome.exe']) : PATH_NAMES;
  const onPath = dirs.flatMap((d) => names.map((n) => pathJoin(d, n)));
  return [...onPath, ...installPaths(platform, env)];
}

function installPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  switch (platform) {
    case 'darwin':
      return [
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      ];
    case 'win32': {
      const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
      return roots.flatMap((r) => [
        win32.join(r, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        win32.join(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        win32.join(r, 'Chromium', 'Application', 'chrome.exe'),
      ]);
    }
    default:
      return [
        '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome',
        '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium',
        '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable', '/opt/microsoft/msedge/msedge',
      ];
  }
}

async function executableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The npm package with a Chromium build for Linux: an optional dependency, absent where npm skipped it. */
export const BUNDLED_CHROMIUM_PACKAGE = '@sparticuz/chromium';

interface BundledChromiumModule {
  default: { executablePath(): Promise<string>; args: readonly string[] };
}

/**
 * The Chromium inside the npm package, unpacked on first use (to the system
 * temp folder). The package name is a variable so that the build compiles
 * where the optional package is not installed; a missing package rejects
 * here and findBrowser reports browserMissing.
 */
export async function bundledChromium(packageName: string = BUNDLED_CHROMIUM_PACKAGE): Promise<{ executablePath: string; args: string[] }> {
  const { default: chromium } = (await import(packageName)) as BundledChromiumModule;
  return { executablePath: await chromium.executablePath(), args: [...chromium.args] };
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}
