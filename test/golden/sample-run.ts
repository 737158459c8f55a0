/**
 * The whole quarterly job run in-process on data-samples/ with the shipped
 * example config and a frozen clock, as `yjpack run` would run it on
 * 23 November 2026: the pack for July to September 2026 (2026-27-Q2).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Audience } from '../../pipeline/assemble/model.js';
import { parseConfig } from '../../pipeline/config.js';
import type { Effects } from '../../pipeline/effects.js';
import type { Progress } from '../../pipeline/progress.js';
import { runQuarterlyJob, type RunResult } from '../../pipeline/run.js';
import { tempDir } from '../support/temp-dir.js';

export const SAMPLE_DIR = 'data-samples';
export const CONFIG_FILE = 'data-samples/yjpack.example.yaml';
/** The run's only clock reading: the timestamp the pack states. */
export const FROZEN_NOW = new Date('2026-11-23T09:30:00.000Z');
export const PERIOD_CODE = '2026-27-Q2';
export const PERIOD_LABEL = 'July to September 2026';

const silent: Progress = {
  step: () => ({ update: () => undefined, done: () => undefined, fail: () => undefined }),
  info: () => undefined,
};

export interface SampleRun {
  result: RunResult;
  dir: string;
  text(file: string): Promise<string>;
  bytes(file: string): Promise<Buffer>;
}

export async function runSample(options: { pdf: boolean; htmlAudience?: Audience; pdfAudience?: Audience; outDir?: string }): Promise<SampleRun> {
  const outDir = options.outDir ?? await tempDir('yjpack-golden-');
  const effects: Effects = { now: () => FROZEN_NOW, env: process.env, progress: silent };
  const result = await runQuarterlyJob({
    source: { kind: 'data', dir: SAMPLE_DIR },
    period: null,
    outDir,
    config: parseConfig(readFileSync(CONFIG_FILE, 'utf8'), CONFIG_FILE),
    pdf: options.pdf,
    browser: null,
    toolVersion: '0.0.0-golden',
    ...(options.htmlAudience ? { htmlAudience: options.htmlAudience } : {}),
    ...(options.pdfAudience ? { pdfAudience: options.pdfAudience } : {}),
  }, effects);
  const dir = join(outDir, PERIOD_CODE);
  return { result, dir, text: (f) => readFile(join(dir, f), 'utf8'), bytes: (f) => readFile(join(dir, f)) };
}
