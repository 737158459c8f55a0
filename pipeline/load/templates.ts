/**
 * Reads the board pack templates (templates/pack.hbs, templates/pack.css,
 * templates/partials/*.hbs). The default is the templates/ folder of the
 * project this module belongs to, found from the module's own location so
 * the CLI works from any current directory.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { YjpackError } from '../errors.js';
import { projectPath } from '../project-root.js';
import type { Templates } from '../render/templates.js';

const LAYOUT = 'pack.hbs';
const CSS = 'pack.css';
const PARTIALS = 'partials';

export async function loadTemplates(dir: string = defaultTemplatesDir()): Promise<Templates> {
  try {
    const partialsDir = join(dir, PARTIALS);
    // Sorted so that registration order, and any error, is the same on every file system.
    const names = (await readdir(partialsDir)).filter((f) => f.endsWith('.hbs')).sort();
    const partials: Record<string, string> = {};
    for (const name of names) partials[name.slice(0, -'.hbs'.length)] = await readFile(join(partialsDir, name), 'utf8');
    return {
      layout: await readFile(join(dir, LAYOUT), 'utf8'),
      css: await readFile(join(dir, CSS), 'utf8'),
      partials,
    };
  } catch (e) {
    throw new YjpackError('templatesMissing', { path: dir, detail: (e as Error).message }, { cause: e });
  }
}

/** templates/ of the project this module belongs to (run from source or from a build). */
export function defaultTemplatesDir(): string {
  return projectPath('templates');
}
