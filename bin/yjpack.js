#!/usr/bin/env node
// The yjpack command: runs the compiled CLI in dist/ (built from pipeline/ by
// `npm ci`, through the prepare script, or by `npm run build`). If a source
// under pipeline/ is newer than the build (after a git pull or an edit), it
// rebuilds first, so nobody ever runs yesterday's code by accident: the check
// is a few file dates, the rebuild (rare) takes seconds. See README "Install".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'pipeline', 'cli', 'main.js');

/** The newest modification time of the build's inputs (pipeline/**\/*.ts and the two tsconfig files), or 0 if none ship. */
function newestSource() {
  const sources = join(root, 'pipeline');
  if (!existsSync(sources)) return 0;
  const files = readdirSync(sources, { recursive: true }).filter((f) => String(f).endsWith('.ts')).map((f) => join(sources, String(f)));
  files.push(join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json'));
  return Math.max(...files.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs));
}

function rebuild() {
  let tsc;
  try {
    tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  } catch {
    // No compiler (an install without devDependencies): run the build there is, if any.
    if (existsSync(entry)) return;
    process.stderr.write('yjpack: dist/ is missing and TypeScript is not installed to build it. Run `npm ci` in the yjpack folder.\n');
    process.exit(1);
  }
  process.stderr.write('yjpack: pipeline/ changed since the last build; building dist/ (npm run build)…\n');
  // The compiler's output goes to stderr: stdout is the command's (e.g. `indicators --csv > file`).
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write('yjpack: the build failed (errors above). Fix them, or `git stash` your edits, and run again.\n');
    process.exit(1);
  }
}

if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource()) rebuild();
const { runAsProcess } = await import(pathToFileURL(entry).href);
await runAsProcess();
