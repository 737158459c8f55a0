/**
 * Output safety, on one whole job run from folders whose paths hold spaces,
 * quotes and non-ASCII (data, store, config and output): markup in the
 * service name, comparator areas and codes never reaches the HTML as markup;
 * CSV cells never start a formula; and no child id, date of birth or name
 * reaches any output (HTML, PDF text, JSON, CSV, manifest).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordsToCsv } from '../../pipeline/output/records.js';
import { openStore } from '../../pipeline/store/db.js';
import { CLEAN, edit, readExtract, replaceFile, type ExtractFiles } from './corpus.js';
import { readPdf } from '../support/pdf.js';
import { cli, tempDir, writeExtract } from './cli.js';

/** The text files of a pack, by their path in the period folder. */
const PACK_FILES = ['board/board-pack.html', 'board/indicators.json', 'board/indicators.csv', 'public/indicators.csv', 'manifest.json'] as const;
const PERIOD = '2024-25-Q2';

/** What the hostile config and extract put where markup or a formula could do harm. */
const HOSTILE = {
  service: `<script>alert('svc')</script> & "Co" </title><img src=x onerror=alert(1)>`,
  area: `<script>alert('area')</script>`,
  formulaArea: '=HYPERLINK("http://example.invalid","click")',
  breakout: '</script><svg onload=alert(2)>',
  source: '<b onmouseover=alert(3)>YJB</b>',
  // An open code (ETE provision) that passes validation with a warning, kept upper-cased.
  provision: `=CMD|' /C calc'!A0`,
};

/** Identifying details that must never leave the store: ids, dates of birth (in every form a pack might print) and names. */
const IDENTIFYING = {
  ids: /ZQX(KID|OFF|INT|REM|ARR)\d{4}/,
  dobs: ['2008-05-01', '01/05/2008', '1 May 2008', '2009-03-10', '10/03/2009', '10 March 2009',
    '2007-11-30', '30/11/2007', '30 November 2007', '2008-01-15', '15/01/2008', '15 January 2008'],
  names: ['Zebedee', 'Quillfeather', 'Ottoline', 'Marchbanks'],
};

/** The clean fixture with distinctive ids, name columns, and hostile comparators and provision. */
function hostileExtract(clean: ExtractFiles): ExtractFiles {
  const ids: ExtractFiles = {};
  for (const [name, bytes] of Object.entries(clean)) {
    ids[name] = Buffer.from(bytes.toString('utf8')
      .replace(/\bC(\d)\b/g, 'ZQXKID000$1').replace(/\bO(\d)\b/g, 'ZQXOFF000$1').replace(/\bI(\d)\b/g, 'ZQXINT000$1')
      .replace(/\bR(\d)\b/g, 'ZQXREM000$1').replace(/\bA(\d)\b/g, 'ZQXARR000$1'));
  }
  const children = ids['children.csv']!.toString().split('\n').map((line, i) => {
    if (line === '') return line;
    if (i === 0) return `${line},forename,surname`;
    return `${line},${IDENTIFYING.names[(i - 1) % 2]},${IDENTIFYING.names[2 + ((i - 1) % 2)]}`;
  }).join('\n');
  const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
  const comparators = ['indicator,period,area,value,source', 'fte.rate,2024-25-Q2,England and Wales,150.5,YJB',
    `fte.rate,2024-25-Q2,${quote(HOSTILE.area)},120,${quote(HOSTILE.source)}`,
    `fte.rate,2024-25-Q2,${quote(HOSTILE.formulaArea)},130,=1+1`,
    `fte.rate,2024-25-Q1,${quote(HOSTILE.breakout)},140,@SUM(A1)`, ''].join('\n');
  let files = replaceFile(ids, 'children.csv', children);
  files = replaceFile(files, 'comparators.csv', comparators);
  return edit(files, 'ete.csv', ',PRU,', `,${quote(HOSTILE.provision)},`);
}

/** Every <script> must be inert JSON with no < or > inside; no event handler or injected element may appear. */
function expectNoInjection(html: string): void {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect((html.match(/<script\b/gi) ?? []).length).toBe(scripts.length);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/type="application\/(ld\+)?json"/);
    expect(body).not.toMatch(/[<>]/);
    expect(() => JSON.parse(body!)).not.toThrow();
  }
  expect(html).not.toMatch(/<img\b[^>]*\bonerror\s*=/i);
  expect(html).not.toMatch(/<svg\b[^>]*\bonload\s*=/i);
  expect(html).not.toMatch(/<b\b[^>]*\bonmouseover\s*=/i);
  for (const raw of [HOSTILE.service, HOSTILE.area, HOSTILE.breakout, HOSTILE.source, '<script>alert']) {
    expect(html).not.toContain(raw);
  }
}

/** Cells a spreadsheet would run as a formula: a leading = + @ tab or CR, or a leading - that is not a number. */
function formulaCells(csv: string): string[] {
  const rows = parse(csv, { bom: true, relaxColumnCount: true }) as string[][];
  return rows.flat().filter((c) => /^[=+@\t\r]/.test(c) || (c.startsWith('-') && !Number.isFinite(Number(c))));
}

function expectNothingIdentifying(text: string, what: string): void {
  expect(text, what).not.toMatch(IDENTIFYING.ids);
  for (const s of [...IDENTIFYING.dobs, ...IDENTIFYING.names]) expect(text, `${what}: ${s}`).not.toContain(s);
}

let base: string;
let out: string;
let pack: Record<string, string>;
let pdfText = '';

beforeAll(async () => {
  base = await tempDir(`yj safety 'q" ü€ 漢 `);
  const data = join(base, `extract "Q3" – Ysgol ü`);
  await mkdir(data);
  await writeExtract(hostileExtract(await readExtract(CLEAN)), data);
  const config = join(base, `yjpack 'settings' ü.yaml`);
  await writeFile(config, [
    `service_name: ${JSON.stringify(HOSTILE.service)}`,
    `comparators: [${[HOSTILE.area, HOSTILE.formulaArea, HOSTILE.breakout].map((a) => JSON.stringify(a)).join(', ')}]`, ''].join('\n'));
  const db = join(base, `store "main" ü.duckdb`);
  out = join(base, `reports 'board' ü`);

  const validate = await cli('validate', '--data', data, '--problems', join(base, 'problems ü.csv'));
  expect(validate.code, validate.err).toBe(0);
  const load = await cli('load', '--data', data, '--db', db);
  expect(load.code, load.err).toBe(0);
  const run = await cli('run', '--db', db, '--config', config, '--out', out, '--period', PERIOD);
  expect(run.code, run.err).toBe(0);
  const dir = join(out, PERIOD);
  pack = {};
  for (const f of PACK_FILES) pack[f] = await readFile(join(dir, ...f.split('/')), 'utf8');
  pdfText = (await readPdf(await readFile(join(dir, 'public', 'scrutiny-pack.pdf')))).text;
}, 120_000);

describe('paths with spaces, quotes and non-ASCII', () => {
  it('work for the extract, store, config and output of the whole job', async () => {
    expect(Object.keys(pack).sort()).toEqual([...PACK_FILES].sort());
    // The --data path runs too, with the problems file next to it.
    const direct = await cli('run', '--data', join(base, `extract "Q3" – Ysgol ü`), '--out', join(base, `second "out" ü`), '--no-pdf');
    expect(direct.code, direct.err).toBe(0);
    const html = await readFile(join(base, `second "out" ü`, PERIOD, 'board', 'board-pack.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  });
});

describe('markup from the config and the data is escaped', () => {
  it('the board pack holds no markup, script or handler from any data value', () => {
    expectNoInjection(pack['board/board-pack.html']!);
  });

  it('the service name is there, as text', () => {
    // Handlebars escapes < > " ' ` = and &.
    expect(pack['board/board-pack.html']).toContain('&lt;script&gt;alert(&#x27;svc&#x27;)&lt;/script&gt; &amp; &quot;Co&quot;');
  });

  it('values that reach the store by other means than a validated extract are escaped too', async () => {
    // Defence in depth: the render must not trust the store. Put markup straight into it.
    const db = join(base, 'tampered.duckdb');
    expect((await cli('load', '--data', CLEAN, '--db', db)).code).toBe(0);
    const store = await openStore(db);
    await store.run(`UPDATE ete SET provision = '<script>alert(4)</script>'`);
    await store.run(`INSERT INTO comparators SELECT indicator, period, '<img src=x onerror=alert(5)>', value, numerator, denominator,
      '<script>alert(6)</script>', load_id FROM comparators`);
    store.close();
    const run = await cli('run', '--db', db, '--out', join(base, 'tampered'), '--no-pdf', '--period', PERIOD);
    expect(run.code, run.err).toBe(0);
    const html = await readFile(join(base, 'tampered', PERIOD, 'board', 'board-pack.html'), 'utf8');
    expectNoInjection(html);
    expect(html).not.toContain('<img src=x onerror=alert(5)>');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(5)&gt;');
  }, 60_000);
});

describe('CSV outputs neutralise formula injection', () => {
  it.each(['board/indicators.csv', 'public/indicators.csv'])('%s has no cell a spreadsheet would run', (file) => {
    expect(formulaCells(pack[file]!)).toEqual([]);
  });

  it('a text cell starting with = + - @ is written as text, a negative number stays a number', () => {
    const csv = recordsToCsv([{
      id: 'fte.rate', period: '=1+1', breakdown: { group: '@SUM(A1)', stage: '+cmd', ethnic_group: '-2+3' },
      numerator: -3, denominator: 10, value: -0.5, lower: null, upper: null, unit: 'count', suppressed: false,
    }]);
    const cells = (parse(csv) as string[][])[1]!;
    expect(cells).toContain(`'=1+1`);
    expect(cells).toContain(`'@SUM(A1)`);
    expect(cells).toContain(`'+cmd`);
    expect(cells).toContain(`'-2+3`);
    expect(cells).toContain('-3');
    expect(cells).toContain('-0.5');
    expect(formulaCells(csv)).toEqual([]);
  });

  it('the problems file writes a refused formula value as text', async () => {
    const clean = await readExtract(CLEAN);
    const dir = await writeExtract(edit(clean, 'children.csv', 'C2,2009-03-10', 'C2,=HYPERLINK("http://example.invalid")'));
    const problems = join(dir, 'problems.csv');
    expect((await cli('validate', '--data', dir, '--problems', problems)).code).toBe(65);
    const csv = await readFile(problems, 'utf8');
    expect(csv).toContain(`'=HYPERLINK`);
    expect(formulaCells(csv)).toEqual([]);
  });
});

describe('no child id, date of birth or name in any output', () => {
  it.each([...PACK_FILES])('%s', (file) => {
    expectNothingIdentifying(pack[file]!, file);
  });

  it('scrutiny-pack.pdf (its text)', () => {
    expect(pdfText).toContain('Summary');
    expectNothingIdentifying(pdfText, 'scrutiny-pack.pdf');
  });

  it('the extract really had them, so the checks above could fail', async () => {
    const children = (await readFile(join(base, `extract "Q3" – Ysgol ü`, 'children.csv'), 'utf8'));
    expect(children).toMatch(IDENTIFYING.ids);
    expect(children).toContain('2008-05-01');
    expect(children).toContain('Zebedee');
  });
});
