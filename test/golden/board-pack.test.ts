/**
 * Golden file: the board pack of the sample extract, byte for byte.
 *
 * The whole job runs in-process on data-samples/ with the example config and
 * a frozen clock (sample-run.ts), TZ=Europe/London (vitest.config.ts). The
 * only part of the HTML that may differ between runs is the stated run
 * timestamp; it is replaced by a placeholder before comparing.
 *
 * When a change to the pack is intended, rewrite the golden file and review
 * the diff before committing it:
 *
 *   UPDATE_GOLDEN=1 TZ=Europe/London npx vitest run test/golden/board-pack.test.ts
 *   git diff test/golden/sample-board-pack.html
 *
 * Also here: the job is deterministic (two runs give identical HTML, JSON,
 * CSV and manifest).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProducedAt } from '../../pipeline/assemble/format.js';
import { FROZEN_NOW, runSample, type SampleRun } from './sample-run.js';

const GOLDEN = 'test/golden/sample-board-pack.html';
const TIMESTAMP = '{{RUN TIMESTAMP}}';

/** The pack with its run timestamp (ISO and as worded for the reader) replaced by a placeholder. */
export function withoutTimestamp(html: string, iso: string): string {
  return html.split(iso).join(TIMESTAMP).split(formatProducedAt(iso)).join(TIMESTAMP);
}

/** The first line that differs, with its number, or null when the texts are the same. */
function firstDifference(actual: string, golden: string): { line: number; actual: string; golden: string } | null {
  const a = actual.split('\n');
  const g = golden.split('\n');
  for (let i = 0; i < Math.max(a.length, g.length); i++) {
    if (a[i] !== g[i]) return { line: i + 1, actual: a[i] ?? '(end of file)', golden: g[i] ?? '(end of file)' };
  }
  return null;
}

let first: SampleRun;
let second: SampleRun;

beforeAll(async () => {
  first = await runSample({ pdf: false });
  second = await runSample({ pdf: false });
}, 120_000);

describe('the sample board pack (golden file)', () => {
  it('states the run timestamp, and only that differs from the golden file', async () => {
    const html = await first.text('board/board-pack.html');
    // The frozen clock's 09:30 UTC on 23 November 2026 is 09:30 in London (GMT).
    expect(html).toContain('<time datetime="2026-11-23T09:30:00.000Z">23 November 2026 at 09:30 (UK time)</time>');
    const actual = withoutTimestamp(html, FROZEN_NOW.toISOString());
    expect(actual).not.toContain('2026-11-23T09:30');

    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      writeFileSync(GOLDEN, actual);
      if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`${GOLDEN} did not exist and has been written: review it and run again`);
    }
    const golden = readFileSync(GOLDEN, 'utf8');
    expect(firstDifference(actual, golden), `board-pack.html differs from ${GOLDEN}. If the change is intended: `
      + 'UPDATE_GOLDEN=1 TZ=Europe/London npx vitest run test/golden/board-pack.test.ts, then review git diff').toBeNull();
    expect(actual === golden).toBe(true);
  });

  it('is a board pack: every count shown, no [c] in any table or key', async () => {
    const html = await first.text('board/board-pack.html');
    expect(html).toContain('Board: OFFICIAL – not for publication');
    // The methods section may name the symbol (it explains what the public version hides); no figure may be one.
    expect(html).not.toMatch(/>\[c\]</);
    expect(html).not.toContain('[c] confidential:');
    expect(html).toContain('The public version (normally the scrutiny PDF');
  });
});

describe('determinism', () => {
  it.each(['board/board-pack.html', 'board/indicators.json', 'board/indicators.csv', 'public/indicators.csv', 'manifest.json'])('two runs write the same %s, byte for byte', async (file) => {
    const [a, b] = [await first.bytes(file), await second.bytes(file)];
    expect(a.length).toBeGreaterThan(0);
    expect(a.equals(b)).toBe(true);
  });
});
