/**
 * Where yjpack's own files are: the folder holding its package.json, with
 * templates/ and reference/ beside it. Modules sit two levels below it when
 * run from source (pipeline/cli/, through tsx or vitest) and three when run
 * from the build (dist/pipeline/cli/), so the root is found by walking up to
 * the package.json named yjpack rather than by a fixed number of '..'.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'yjpack';

let cached: { root: string; version: string } | undefined;

/** The project root; falls back to the folder above pipeline/ (the source layout) if no yjpack package.json is found above. */
export function projectRoot(): string {
  return found().root;
}

/** A path inside the project root, e.g. projectPath('templates'). */
export function projectPath(...parts: string[]): string {
  return join(projectRoot(), ...parts);
}

/** The version in package.json, stamped into the manifest and printed by --version. */
export function toolVersion(): string {
  return found().version;
}

function found(): { root: string; version: string } {
  cached ??= search(dirname(fileURLToPath(import.meta.url)));
  return cached;
}

/** Exported for tests: the nearest folder at or above `start` whose package.json is yjpack's. */
export function search(start: string): { root: string; version: string } {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = readPackage(join(dir, 'package.json'));
    if (manifest?.name === PACKAGE_NAME) return { root: dir, version: manifest.version ?? '0.0.0' };
    if (dirname(dir) === dir) return { root: join(start, '..'), version: '0.0.0' };
  }
}

function readPackage(path: string): { name?: string; version?: string } | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
  } catch {
    return null;
  }
}
