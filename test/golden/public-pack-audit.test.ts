/**
 * The disclosure audit on the whole public pack of the sample (issue 9):
 * every figure the public sees, read back from the public files (the public
 * indicators.csv and the count tables of the public HTML), set against every
 * relation a reader can use between them (packCells, built from the true
 * figures). No hidden cell may be worked out exactly, no count printed twice
 * may be hidden in one place and shown in another, and no sentence or table
 * cell may give a count, or a base less a count, from 1 to the threshold.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { packCells, publishedCells } from '../../pipeline/assemble/disclosure-cells.js';
import { auditPublished } from '../../pipeline/compute/statistics.js';
import { computeProfile, computeYdaRemands, type ProfileTable, type YdaRemandYear } from '../../pipeline/compute/profile.js';
import { BREAKDOWN_KEYS, type IndicatorRecord } from '../../pipeline/compute/record.js';
import { openSource } from '../../pipeline/run.js';
import { computeContext } from '../../pipeline/compute/context.js';
import { parseConfig } from '../../pipeline/config.js';
import { readFileSync } from 'node:fs';
import type { Effects } from '../../pipeline/effects.js';
import { CONFIG_FILE, FROZEN_NOW, runSample, SAMPLE_DIR, type SampleRun } from './sample-run.js';

const THRESHOLD = 5;
let run: SampleRun;
let truth: IndicatorRecord[];
let publicRecords: IndicatorRecord[];
let html: string;
let profile: ProfileTable[];
let remands: YdaRemandYear[];

const silent: Effects = {
  now: () => FROZEN_NOW, env: process.env,
  progress: { step: () => ({ update: () => undefined, done: () => undefined, fail: () => undefined }), info: () => undefined },
};

beforeAll(async () => {
  run = await runSample({ pdf: false, htmlAudience: 'public' });
  truth = JSON.parse(await run.text('board/indicators.json')) as IndicatorRecord[];
  publicRecords = parseCsvRecords(await run.text('public/indicators.csv'));
  html = await run.text('public/board-pack.html');
  const { store } = await openSource({ kind: 'data', dir: SAMPLE_DIR }, silent);
  try {
    const ctx = computeContext(run.result.period, parseConfig(readFileSync(CONFIG_FILE, 'utf8'), CONFIG_FILE));
    profile = await computeProfile(store, ctx);
    remands = await computeYdaRemands(store, ctx);
  } finally {
    store.close();
  }
}, 180_000);

/** The public CSV back into records: `[c]` and blanks are nulls. */
function parseCsvRecords(csv: string): IndicatorRecord[] {
  const [head, ...lines] = csv.trim().split(/\r\n/).map((l) => l.split(','));
  const col = (name: string) => head!.indexOf(name);
  const num = (v: string | undefined) => (v === undefined || v === '' || v === '[c]' ? null : Number(v));
  return lines.map((cells) => {
    const breakdown: Record<string, string> = {};
    for (const k of BREAKDOWN_KEYS) if (cells[col(k)]) breakdown[k] = cells[col(k)]!;
    return {
      id: cells[col('id')] as IndicatorRecord['id'], period: cells[col('period')]!, breakdown,
      numerator: num(cells[col('numerator')]), denominator: num(cells[col('denominator')]), value: num(cells[col('value')]),
      lower: num(cells[col('lower')]), upper: num(cells[col('upper')]), unit: cells[col('unit')] as IndicatorRecord['unit'],
      suppressed: cells[col('suppressed')] === 'true',
    };
  });
}

/** The body rows of a table of the public HTML, as cell texts (row header first). */
function tableRows(id: string): string[][] {
  const start = html.indexOf(`id="${id}"`);
  const body = html.slice(html.indexOf('<tbody>', start), html.indexOf('</tbody>', start));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()));
}

const count = (text: string): number | null => (text === '[c]' ? null : Number(text.replace(/,/g, '')));

/** The profile and remand counts as the public HTML prints them, matched to their categories by label. */
function shownTables() {
  const shownProfile = profile.map((t) => {
    const rows = tableRows(`table-profile-${t.dimension.replace('_', '-')}`);
    const byLabel = new Map(rows.map((r) => [r[0]!, count(r[1]!)]));
    return {
      period: t.period, dimension: t.dimension,
      rows: t.rows.map((r) => ({ category: r.category, children: byLabel.has(r.label) ? byLabel.get(r.label)! : null })),
      total: count(rows[rows.length - 1]![1]!),
    };
  });
  const remandRows = tableRows('table-remands');
  const shownRemands = remands.map((y, i) => ({
    period: y.period,
    values: { decisions: count(remandRows[i]![1]!), children: count(remandRows[i]![2]!), childrenWithDecision: count(remandRows[i]![3]!) },
  }));
  return { profile: shownProfile, remands: shownRemands };
}

describe('the public pack of the sample against the disclosure audit', () => {
  it('reads the same records from the public CSV as the board file, with the hidden figures [c]', () => {
    expect(publicRecords).toHaveLength(truth.length);
    expect(publicRecords.some((r) => r.suppressed)).toBe(true);
    // Every figure the public file shows is the true one.
    publicRecords.forEach((r, i) => {
      if (r.numerator !== null) expect(r.numerator).toBe(truth[i]!.numerator);
      if (r.denominator !== null) expect(r.denominator).toBe(truth[i]!.denominator);
    });
  });

  it('leaves no hidden cell a reader can work out, and no small complement', () => {
    const model = packCells(truth, { profile, remands });
    const published = publishedCells(publicRecords, shownTables());
    expect(published.shownAndHidden).toEqual([]);
    const cells = model.cells.map((c) => ({
      key: c.key, value: published.shown.get(c.key) ?? null, suppressed: published.confidential.has(c.key),
    }));
    // Every cell the public files print is one the model knows (nothing published outside the audit).
    const known = new Set(model.cells.map((c) => c.key));
    expect([...published.shown.keys()].filter((k) => !known.has(k))).toEqual([]);
    const { leaks, ranges } = auditPublished(cells, model.relations, THRESHOLD);
    expect(leaks).toEqual([]);
    // The audit did look: every [c] cell has a range, and the sample has several.
    expect(ranges.filter((r) => r.suppressed).length).toBe(published.confidential.size);
    expect(published.confidential.size).toBeGreaterThan(50);
  });

  it('finds the leaks of a pack with primary suppression only (the audit can fail)', () => {
    const model = packCells(truth, { profile, remands });
    const small = (v: number) => v >= 1 && v <= THRESHOLD;
    const cells = model.cells.map((c) => ({
      key: c.key, value: c.printed && !small(c.value) ? c.value : null, suppressed: c.printed && small(c.value),
    }));
    const { leaks } = auditPublished(cells, model.relations, THRESHOLD);
    // Among them, the issue's own: 19 of 22 above school age offered their hours in April to June 2026 (3 not).
    expect(leaks.map((l) => [l.key, l.lower])).toContainEqual(['ete|2026-27-Q1|ete.over_school_age|met~not of ete|2026-27-Q1|ete.over_school_age|measured', 3]);
    expect(leaks.length).toBeGreaterThan(10);
  });

  it('prints no "n of d" in a sentence or table with n, or d − n, from 1 to the threshold', () => {
    // Every section but the methods, whose worked examples ("20 of 25 tells that 5 were not") are not data.
    const data = html.slice(0, html.indexOf('<section class="section" id="methods"'));
    expect(data.length).toBeGreaterThan(html.length / 2);
    // Board attendance counts the five partner organisations, not children, and is always shown (methods, Small numbers).
    // Its row of the KPI table, and the table of its quarters (captioned with its name).
    const partnerRows = /<tr>(?:(?!<\/tr>)[\s\S])*?statutory partners(?:(?!<\/tr>)[\s\S])*<\/tr>/g;
    const partnerTables = /<table[^>]*>\s*<caption[^>]*>[^<]*statutory partners[\s\S]*?<\/table>/g;
    expect(data.match(partnerRows)?.length).toBeGreaterThan(0);
    expect(data.match(partnerTables)?.length).toBeGreaterThan(0);
    const text = data.replace(/<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>/g, '').replace(partnerTables, '').replace(partnerRows, '')
      .replace(/<[^>]+>/g, ' ');
    // Not counts of children: the SPC rule ("2 of 3 near a limit", "2 of 3 beyond …") and the number of comparisons made.
    const pairs = [...text.matchAll(/\b(\d[\d,]*) of (\d[\d,]*)\b(?! near| points| beyond| comparisons)/g)]
      .map((m) => [Number(m[1]!.replace(/,/g, '')), Number(m[2]!.replace(/,/g, ''))] as const);
    const small = (n: number) => n >= 1 && n <= THRESHOLD;
    const counts = pairs.filter(([n, d]) => n <= d);
    expect(counts.length).toBeGreaterThan(20);
    expect(counts.filter(([n, d]) => small(n) || small(d - n))).toEqual([]);
  });
});
