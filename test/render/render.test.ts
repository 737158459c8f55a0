import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { numberCell, textCell, valueWithCountsCell } from '../../pipeline/assemble/cells.js';
import { assemblePack } from '../../pipeline/assemble/index.js';
import { record } from '../../pipeline/compute/record.js';
import type { Block } from '../../pipeline/assemble/model.js';
import { YjpackError } from '../../pipeline/errors.js';
import { loadTemplates } from '../../pipeline/load/templates.js';
import { renderBoardPack, type Templates } from '../../pipeline/render/index.js';
import { packInput } from '../assemble/pack-fixture.js';
import { tempDir } from '../support/temp-dir.js';

let templates: Templates;
let board: string;
let publicHtml: string;

beforeAll(async () => {
  templates = await loadTemplates();
  board = await renderBoardPack(assemblePack(packInput({ audience: 'board' })), templates);
  publicHtml = await renderBoardPack(assemblePack(packInput({ audience: 'public' })), templates);
});

const tags = (html: string, name: string): string[] => html.match(new RegExp(`<${name}\\b[\\s\\S]*?</${name}>`, 'g')) ?? [];

describe('renderBoardPack: a self-contained page that makes no request', () => {
  it('declares English (UK) and a CSP that forbids every fetch', () => {
    expect(board).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(board)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain('img-src data:');
    expect(csp).toContain("script-src 'none'");
  });

  it('has no URL to fetch: src and href attributes are only in-page fragments, and no http(s) anywhere', () => {
    for (const html of [board, publicHtml]) {
      const refs = [...html.matchAll(/\s(?:src|href|xlink:href)\s*=\s*"([^"]*)"/g)].map((m) => m[1] ?? '');
      expect(refs.length).toBeGreaterThan(0);
      expect(refs.filter((r) => !r.startsWith('#'))).toEqual([]);
      expect(html).not.toMatch(/https?:/i);
      expect(html).not.toMatch(/<link\b|<script\b|@import|url\(/i);
    }
  });

  it('gives every table a caption and every header cell a scope', () => {
    const tables = tags(board, 'table');
    // The FTE counts table and the data-quality files table.
    expect(tables).toHaveLength(2);
    for (const t of tables) {
      expect(t).toMatch(/^<table[^>]*>\s*<caption id="[^"]+">[^<]+<\/caption>/);
      const ths = t.match(/<th\b[^>]*>/g) ?? [];
      expect(ths.length).toBeGreaterThan(0);
      expect(ths.filter((th) => !/scope="(col|row)"/.test(th))).toEqual([]);
    }
  });

  it('puts each table and each chart in a focusable region named by its caption or title, so it can scroll on its own', () => {
    const tableIds = [...board.matchAll(/<table class="data-table" id="([^"]+)">/g)].map((m) => m[1]);
    expect(tableIds.length).toBeGreaterThan(0);
    for (const id of tableIds) {
      expect(board).toContain(`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${id}-caption">\n<table class="data-table" id="${id}">\n<caption id="${id}-caption">`);
    }
    const chartIds = [...board.matchAll(/<figure class="chart-figure" id="([^"]+)"/g)].map((m) => m[1]);
    expect(chartIds.length).toBeGreaterThan(0);
    for (const id of chartIds) {
      expect(board).toMatch(new RegExp(`<div class="chart-scroll" role="region" tabindex="0" aria-labelledby="${id}-title">\\n<svg `));
      expect(board).toContain(`<h3 class="chart-title" id="${id}-title">`);
    }
  });

  it('sets a figure\'s count and base apart under the figure, one space between them so the cell reads "44.4% (12 of 27)"', async () => {
    const model = assemblePack(packInput({ audience: 'board' }));
    const cells = [textCell('July to September 2024'), valueWithCountsCell(record({
      id: 'ete.overall', period: '2024-25-Q2', breakdown: {}, numerator: 12, denominator: 27, value: 44.444, lower: 27.6, upper: 62.7, unit: '%',
    })), numberCell('27')];
    const withTable = { ...model, sections: [...model.sections, { id: 'basis-check', heading: 'Check', blocks: [
      { kind: 'table' as const, table: { id: 'basis-check-table', caption: 'Check', head: [textCell('Quarter'), numberCell('Offered'), numberCell('Children')], rows: [cells], notes: [] } },
    ] }] };
    const html = await renderBoardPack(withTable, templates);
    expect(html).toContain('<tr><th scope="row">July to September 2024</th><td class="num">44.4% <span class="basis">(12 of 27)</span></td><td class="num">27</td></tr>');
  });

  it('draws each chart as SVG with role="img" and its text alternative as aria-label', () => {
    const model = assemblePack(packInput());
    const chart = model.sections.flatMap((s) => s.blocks).find((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure')?.chart;
    const svgs = board.match(/<svg\b[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(1);
    expect(svgs[0]).toContain('role="img"');
    expect(svgs[0]).toContain(`aria-label="${chart?.description}"`);
    // The chart's data table follows it, and the figure has its headline title and subtitle.
    expect(board).toMatch(/<figcaption>\s*<h3 class="chart-title"[^>]*>The first time entrant rate was lower[^<]*<\/h3>\s*<p class="chart-subtitle">Rate per 100,000/);
    expect(board.indexOf('</figure>')).toBeLessThan(board.indexOf('Table 1: First time entrants'));
  });

  it('draws each panel of small multiples as its own labelled SVG, with its title (h4 under the block\'s h3) and its table under it', async () => {
    const panel = (n: number) => ({
      id: `chart-trend-${n}`, title: `Panel ${n}`, subtitle: 'Per cent, each quarter.', description: `Panel ${n} in words.`,
      spec: { width: 100, height: 50, data: { values: [{ q: 'A', v: n }] }, mark: 'point' as const,
        encoding: { x: { field: 'q', type: 'ordinal' as const }, y: { field: 'v', type: 'quantitative' as const } } },
      table: { id: `table-trend-${n}`, caption: `Panel ${n} by quarter`, head: [textCell('Quarter'), numberCell('Per cent')], rows: [[textCell('A'), numberCell(String(n))]], notes: [] },
    });
    const model = assemblePack(packInput());
    model.sections[0]!.blocks.push({ kind: 'multiples', heading: 'Quarter by quarter', paragraphs: ['Two panels.'], charts: [panel(1), panel(2)] });
    const html = await renderBoardPack(model, templates);
    const block = html.slice(html.indexOf('<div class="multiples">'));
    expect(block).toMatch(/^<div class="multiples">\n<h3>Quarter by quarter<\/h3>\n<p>Two panels.<\/p>/);
    for (const n of [1, 2]) {
      const svg = new RegExp(`<figure class="chart-figure" id="chart-trend-${n}"[\\s\\S]*?<h4 class="chart-title" id="chart-trend-${n}-title">Panel ${n}</h4>[\\s\\S]*?<svg class="chart"[^>]*role="img" aria-label="Panel ${n} in words."`);
      expect(block).toMatch(svg);
      expect(block.indexOf(`id="chart-trend-${n}"`)).toBeLessThan(block.indexOf(`<caption id="table-trend-${n}-caption">Panel ${n} by quarter</caption>`));
    }
  });

  it('keeps headings in order: one h1, then no level skipped', () => {
    const levels = [...board.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    levels.forEach((l, i) => { if (i > 0) expect(l - (levels[i - 1] as number)).toBeLessThanOrEqual(1); });
  });

  it('shows the audience marking and the run time, and nothing time-dependent besides', async () => {
    expect(board).toContain('Board: OFFICIAL – not for publication');
    expect(publicHtml).toContain('Public: published with disclosure control');
    expect(board).toContain('<time datetime="2025-01-14T09:30:00.000Z">14 January 2025 at 09:30 (UK time)</time>');
    const later = await renderBoardPack(assemblePack(packInput({ producedAt: '2025-02-01T10:00:00.000Z' })), templates);
    const differing = later.split('\n').filter((line, i) => line !== board.split('\n')[i]);
    expect(differing.length).toBeGreaterThan(0);
    expect(differing.every((line) => /2025-02-01|1 February 2025/.test(line))).toBe(true);
  });

  it('is byte-identical when rendered twice from the same input', async () => {
    const again = await renderBoardPack(assemblePack(packInput({ audience: 'board' })), await loadTemplates());
    expect(again).toBe(board);
  });

  it('escapes data values: a service name holding markup appears as text', async () => {
    const html = await renderBoardPack(assemblePack(packInput({ serviceName: '<script>alert(1)</script> & "Co"' })), templates);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
  });
});

describe('loadTemplates', () => {
  it('finds the project templates whatever the working directory', async () => {
    const t = await loadTemplates();
    expect(t.layout).toContain('<html lang="en-GB">');
    expect(Object.keys(t.partials)).toEqual(expect.arrayContaining(['section', 'figure', 'data-table', 'tiles']));
    expect(t.css).toContain('@media print');
  });

  it('reports a folder without templates as templatesMissing', async () => {
    const empty = await tempDir('yjpack-templates-');
    const error = await loadTemplates(empty).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(YjpackError);
    expect((error as YjpackError).messageId).toBe('templatesMissing');
  });
});
