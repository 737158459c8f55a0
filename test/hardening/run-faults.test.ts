/**
 * Nothing lost: a run that fails in any phase (load, compute, assemble,
 * render, print, output) leaves the previous pack in reports/<period>/ byte
 * for byte, with no temporary files beside it. Each phase module is wrapped
 * so that, when told to, it does its work and then throws.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CLEAN } from './corpus.js';
import { NOW, cliAt, snapshot, tempDir } from './cli.js';

type Phase = 'load' | 'compute' | 'assemble' | 'render' | 'print' | 'output-rename' | 'output-write';
const fault = vi.hoisted(() => ({ phase: null as string | null }));
function failIf(phase: Phase): void {
  if (fault.phase === phase) throw new Error(`injected fault in the ${phase} phase`);
}

vi.mock('../../pipeline/load/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../pipeline/load/index.js')>();
  return { ...real, loadExtract: async (...a: Parameters<typeof real.loadExtract>) => { const r = await real.loadExtract(...a); failIf('load'); return r; } };
});
vi.mock('../../pipeline/compute/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../pipeline/compute/index.js')>();
  return { ...real, computeQuarter: async (...a: Parameters<typeof real.computeQuarter>) => { const r = await real.computeQuarter(...a); failIf('compute'); return r; } };
});
vi.mock('../../pipeline/assemble/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../pipeline/assemble/index.js')>();
  return { ...real, assembleQuarter: (...a: Parameters<typeof real.assembleQuarter>) => { const r = real.assembleQuarter(...a); failIf('assemble'); return r; } };
});
vi.mock('../../pipeline/render/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../pipeline/render/index.js')>();
  return { ...real, renderBoardPack: async (...a: Parameters<typeof real.renderBoardPack>) => { const r = await real.renderBoardPack(...a); failIf('render'); return r; } };
});
vi.mock('../../pipeline/print/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../pipeline/print/index.js')>();
  return { ...real, printPdf: async (...a: Parameters<typeof real.printPdf>) => { const r = await real.printPdf(...a); failIf('print'); return r; } };
});
// The output phase fails inside the file system: the third file's rename (board/indicators.csv, after two are swapped in), or a write (disk full).
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (fault.phase === 'output-rename' && to.endsWith('indicators.csv') && from.endsWith('.tmp')) {
        throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      }
      return real.rename(from, to);
    },
    writeFile: async (...a: Parameters<typeof real.writeFile>) => {
      if (fault.phase === 'output-write' && String(a[0]).includes('manifest.json')) {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      return real.writeFile(...a);
    },
  };
});

const LATER = new Date(NOW.getTime() + 86_400_000);
let out: string;
let before: Record<string, Buffer>;

beforeAll(async () => {
  out = await tempDir('yj-reports-');
  const first = await cliAt(NOW, 'run', '--data', CLEAN, '--out', out, '--period', '2024-25-Q2');
  expect(first.code, first.err).toBe(0);
  before = await snapshot(out);
}, 120_000);

describe('a failed run leaves the previous pack intact', () => {
  it('the previous pack is complete, and a successful run a day later would change it', async () => {
    expect(Object.keys(before).sort()).toEqual([
      '2024-25-Q2/board/board-pack.html', '2024-25-Q2/board/indicators.csv', '2024-25-Q2/board/indicators.json',
      '2024-25-Q2/board/kpi-return.csv', '2024-25-Q2/manifest.json', '2024-25-Q2/public/indicators.csv', '2024-25-Q2/public/scrutiny-pack.pdf',
    ]);
    // The comparisons below could fail: a later run stamps a different production time.
    const probe = await tempDir('yj-probe-');
    expect((await cliAt(LATER, 'run', '--data', CLEAN, '--out', probe, '--period', '2024-25-Q2', '--no-pdf')).code).toBe(0);
    const later = await snapshot(probe);
    expect(later['2024-25-Q2/manifest.json']!.equals(before['2024-25-Q2/manifest.json']!)).toBe(false);
    expect(later['2024-25-Q2/board/board-pack.html']!.equals(before['2024-25-Q2/board/board-pack.html']!)).toBe(false);
  }, 60_000);

  it.each<[Phase, number]>([
    ['load', 1], ['compute', 1], ['assemble', 1], ['render', 1], ['print', 1], ['output-rename', 73], ['output-write', 73],
  ])('fault in the %s phase: exit %i, every file byte-identical, no temporaries', async (phase, exit) => {
    fault.phase = phase;
    try {
      const run = await cliAt(LATER, 'run', '--data', CLEAN, '--out', out, '--period', '2024-25-Q2');
      expect(run.code, run.err).toBe(exit);
      if (exit === 1) expect(run.err).toContain(`injected fault in the ${phase} phase`);
    } finally {
      fault.phase = null;
    }
    const after = await snapshot(out);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const [name, bytes] of Object.entries(before)) expect(after[name]!.equals(bytes), name).toBe(true);
  }, 60_000);

  it('with no browser the board still gets its HTML (issue 2), and the older PDF is removed so it cannot sit beside it', async () => {
    const run = await cliAt(LATER, 'run', '--data', CLEAN, '--out', out, '--period', '2024-25-Q2', '--browser', join(out, 'no-such-browser'));
    expect(run.code).toBe(66);
    expect(run.err).toContain('--no-pdf');
    expect(run.err).toContain('HTML pack');
    const after = await snapshot(out);
    expect(Object.keys(after).sort()).toEqual([
      '2024-25-Q2/board/board-pack.html', '2024-25-Q2/board/indicators.csv', '2024-25-Q2/board/indicators.json',
      '2024-25-Q2/board/kpi-return.csv', '2024-25-Q2/manifest.json', '2024-25-Q2/public/indicators.csv',
    ]);
    expect(after['2024-25-Q2/board/board-pack.html']!.equals(before['2024-25-Q2/board/board-pack.html']!)).toBe(false);
    expect(JSON.parse(after['2024-25-Q2/manifest.json']!.toString('utf8')).outputs).not.toContain('public/scrutiny-pack.pdf');
  }, 60_000);
});
