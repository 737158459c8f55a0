import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath, projectRoot, search, toolVersion } from '../pipeline/project-root.js';
import { tempDir } from './support/temp-dir.js';

/** A folder laid out like a clone with a build: package.json named yjpack, pipeline/cli/ and dist/pipeline/cli/. */
async function fakeClone(): Promise<string> {
  const root = await tempDir('yjpack-root-');
  await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'yjpack', version: '9.8.7' }));
  await mkdir(join(root, 'pipeline', 'cli'), { recursive: true });
  await mkdir(join(root, 'dist', 'pipeline', 'cli'), { recursive: true });
  return root;
}

describe('the project root', () => {
  it('is found from the source layout (pipeline/cli) and from the build (dist/pipeline/cli)', async () => {
    const root = await fakeClone();
    expect(search(join(root, 'pipeline', 'cli'))).toEqual({ root, version: '9.8.7' });
    expect(search(join(root, 'dist', 'pipeline', 'cli'))).toEqual({ root, version: '9.8.7' });
  });

  it('passes over a package.json that is not yjpack\'s (a build folder or a dependency of its own)', async () => {
    const root = await fakeClone();
    await writeFile(join(root, 'dist', 'package.json'), JSON.stringify({ type: 'module' }));
    await mkdir(join(root, 'dist', 'vendor', 'other'), { recursive: true });
    await writeFile(join(root, 'dist', 'vendor', 'other', 'package.json'), JSON.stringify({ name: 'other', version: '1.0.0' }));
    expect(search(join(root, 'dist', 'vendor', 'other')).root).toBe(root);
    expect(search(join(root, 'dist', 'pipeline', 'cli')).root).toBe(root);
  });

  it('of this checkout holds package.json, templates/ and reference/, and its version is package.json\'s', () => {
    const manifest = JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { name: string; version: string };
    expect(manifest.name).toBe('yjpack');
    expect(toolVersion()).toBe(manifest.version);
    expect(existsSync(join(projectRoot(), 'templates'))).toBe(true);
    expect(existsSync(projectPath('reference', 'comparators.csv'))).toBe(true);
  });
});
