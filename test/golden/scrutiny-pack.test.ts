/**
 * The published pack of the sample extract: the scrutiny PDF as Chromium
 * printed it (read back with pdfjs-dist, test/support/pdf.ts), and the public
 * pack model behind it. It must reveal no child: no id, no date of birth in
 * any output, small counts shown [c], and no hidden figure drawn in a chart
 * or written in a sentence.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordsFor } from '../../pipeline/assemble/disclosure.js';
import { formatDate, formatValue, placesFor, placesForEstimate } from '../../pipeline/assemble/format.js';
import { assemblePack } from '../../pipeline/assemble/index.js';
import type { PackInput, PackModel } from '../../pipeline/assemble/model.js';
import type { IndicatorRecord } from '../../pipeline/compute/record.js';
import { loadTemplates } from '../../pipeline/load/templates.js';
import { parsePeriod, periodLabel } from '../../pipeline/period.js';
import { renderBoardPack } from '../../pipeline/render/index.js';
import { readPdf, type PdfContents } from '../support/pdf.js';
import { PERIOD_CODE, PERIOD_LABEL, runSample, SAMPLE_DIR, type SampleRun } from './sample-run.js';
import { SPC_WORDS } from '../../pipeline/assemble/sections/spc.js';

let run: SampleRun;
let records: IndicatorRecord[];
let pdf: PdfContents;
let pdfText = '';

beforeAll(async () => {
  run = await runSample({ pdf: true });
  if (run.result.pdfError) throw run.result.pdfError;
  records = JSON.parse(await run.text('board/indicators.json')) as IndicatorRecord[];
  pdf = await readPdf(await readFile(join(run.dir, 'public', 'scrutiny-pack.pdf')));
  pdfText = pdf.text;
  await writeFile(join(run.dir, 'scrutiny-pack.txt'), pdfText);
}, 180_000);

/** Child ids and dates of birth of the sample, in every form the pack could write a date. */
function childIdentifiers(): { ids: Set<string>; dates: Set<string> } {
  const rows = readFileSync(join(SAMPLE_DIR, 'children.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
  const ids = new Set(rows.map((r) => r[0]!));
  const dates = new Set<string>();
  for (const dob of rows.map((r) => r[1]!)) {
    const [y, m, d] = dob.split('-');
    dates.add(dob).add(`${d}/${m}/${y}`).add(formatDate(dob));
  }
  return { ids, dates };
}

const DATE_FORMS = /\d{4}-\d{2}-\d{2}|\d{2}\/\d{2}\/\d{4}|\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/g;

/** Ids and dates of birth found in a text: each candidate in it looked up in the sets. */
function identifiersIn(text: string, known: { ids: Set<string>; dates: Set<string> }): string[] {
  const ids = (text.match(/C\d{6}/g) ?? []).filter((x) => known.ids.has(x));
  const dates = (text.match(DATE_FORMS) ?? []).filter((x) => known.dates.has(x));
  return [...new Set([...ids, ...dates])];
}

describe('the scrutiny PDF', () => {
  it('is a tagged A4 PDF', () => {
    expect(pdf.tagged).toBe(true);
    // A4 is 595.28 × 841.89 pt; Chromium rounds its page box up to whole pixels.
    expect(pdf.pageSizes.every((s) => s.width >= 595 && s.width < 596 && s.height >= 841.8 && s.height < 843)).toBe(true);
  });

  it('has "Page n of N", the period and OFFICIAL in the footer of every page', () => {
    const pages = pdf.pages;
    expect(pages).toBeGreaterThan(1);
    expect(pdfText).toContain(`Page 1 of ${pages} · ${PERIOD_LABEL} · OFFICIAL`);
    const footers = pdfText.match(new RegExp(`Page \\d+ of ${pages} · ${PERIOD_LABEL} · OFFICIAL`, 'g')) ?? [];
    expect(footers).toHaveLength(pages);
    pdf.pageTexts.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${pages} · ${PERIOD_LABEL} · OFFICIAL`));
  });

  it('is the public version', () => {
    expect(pdfText).toContain('Public: published with disclosure control');
  });

  it('shows [c] on the row of a cohort whose reoffenders number from 1 to 5', () => {
    // From the records: a cohort quarter with 1–5 reoffenders; its row of the reoffending table must read [c].
    // The report quarter's own cohort (0 months of follow-up) reads [z] whatever its count, so it is not one of them.
    const small = records.filter((r) => r.id === 'reoffending.binary' && Object.keys(r.breakdown).length === 1
      && r.breakdown.cohort !== PERIOD_CODE && r.numerator !== null && r.numerator >= 1 && r.numerator <= 5);
    expect(small.length).toBeGreaterThan(0);
    for (const r of small) {
      const label = periodLabel(parsePeriod(r.breakdown.cohort!));
      const lines = pdfText.split('\n').filter((l) => l.trimStart().startsWith(label) && l.includes('[c]'));
      expect(lines.length, `no [c] on a line for the ${label} cohort (${r.numerator} reoffenders)`).toBeGreaterThan(0);
    }
    expect(pdfText).toContain('[c] confidential');
  });

  it('writes no small count of children in a sentence ("3 of 40 children")', () => {
    expect(pdfText.match(/(?:^|[^\d,.])[1-5] of [\d,]+ (?:children|child|first time entrants|offences|arrests)/gm) ?? []).toEqual([]);
  });
});

describe('no child can be identified from any output', () => {
  const known = childIdentifiers();

  it('would notice an id or a date of birth (the check itself)', () => {
    const [id] = [...known.ids];
    const dob = readFileSync(join(SAMPLE_DIR, 'children.csv'), 'utf8').split(/\r?\n/)[1]!.split(',')[1]!;
    expect(identifiersIn(`child ${id} born ${formatDate(dob)}`, known)).toEqual([id, formatDate(dob)]);
  });

  it.each(['board/board-pack.html', 'board/indicators.json', 'board/indicators.csv', 'public/indicators.csv', 'manifest.json'])('%s holds no child id or date of birth', async (file) => {
    expect(identifiersIn(await run.text(file), known)).toEqual([]);
  });

  it('the PDF text holds no child id or date of birth', () => {
    expect(pdfText.length).toBeGreaterThan(1000);
    expect(identifiersIn(pdfText, known)).toEqual([]);
  });
});

describe('the public pack hides what disclosure control hides, everywhere', () => {
  let board: PackModel;
  let pub: PackModel;
  let publicHtml: string;
  let hidden: IndicatorRecord[];
  let publicRecords: IndicatorRecord[];

  beforeAll(async () => {
    const manifest = JSON.parse(await run.text('manifest.json')) as { settings: { suppressionThreshold: number } };
    const threshold = manifest.settings.suppressionThreshold;
    const input = (audience: 'board' | 'public'): PackInput => ({
      records, notes: [], period: parsePeriod(PERIOD_CODE), producedAt: '2026-11-23T09:30:00.000Z', audience,
      serviceName: 'Example Youth Justice Service', suppressionThreshold: threshold, population: null,
      dataQuality: { files: [], warnings: [], extractFrom: null, extractTo: null },
    });
    board = assemblePack(input('board'));
    pub = assemblePack(input('public'));
    publicHtml = await renderBoardPack(pub, await loadTemplates());
    publicRecords = recordsFor('public', records, threshold);
    hidden = records.filter((r, i) => publicRecords[i]!.suppressed && !r.suppressed && r.value !== null);
  });

  /** Every number in the data of a pack's charts (inline `data.values` and `datasets`, at any layer; not styling). */
  function plotted(model: PackModel): Set<number> {
    const numbers = new Set<number>();
    const collect = (x: unknown): void => {
      if (typeof x === 'number') numbers.add(x);
      else if (Array.isArray(x)) x.forEach(collect);
      else if (x && typeof x === 'object') Object.values(x).forEach(collect);
    };
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        for (const [key, v] of Object.entries(x)) {
          if (key === 'datasets') collect(v);
          else if (key === 'data' && v && typeof v === 'object') collect((v as { values?: unknown }).values);
          else walk(v);
        }
      }
    };
    for (const s of model.sections) {
      for (const b of s.blocks) {
        if (b.kind === 'figure') walk(b.chart.spec);
        if (b.kind === 'multiples') b.charts.forEach((c) => walk(c.spec));
      }
    }
    return numbers;
  }

  it('draws no hidden figure in a chart', () => {
    const shownValues = new Set(publicRecords.flatMap((r) => (r.suppressed ? [] : [r.value, r.lower, r.upper])));
    // A hidden figure the board's charts draw, and no shown figure happens to equal.
    const drawnForBoard = plotted(board);
    const sensitive = hidden.flatMap((r) => [r.value, r.lower, r.upper])
      .filter((v): v is number => v !== null && v !== 0 && drawnForBoard.has(v) && !shownValues.has(v));
    expect(sensitive.length, 'the board charts draw no figure the public pack hides: this check would prove nothing').toBeGreaterThan(0);
    const publicPlotted = plotted(pub);
    expect(sensitive.filter((v) => publicPlotted.has(v))).toEqual([]);
  });

  it('judges SPC only on a trend with 6 or more quarters shown to the public: no average line or "None" on fewer', () => {
    type Spec = { data: { values: { value: number | null }[] }; layer: { mark: { type: string } }[] };
    const charts = pub.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'figure' ? [b.chart] : b.kind === 'multiples' ? b.charts : [])))
      .filter((c) => c.table.head.some((h) => h.text === 'SPC signal'));
    const short = charts.filter((c) => (c.spec as unknown as Spec).data.values.filter((v) => v.value !== null).length < 6);
    expect(short.length, 'the sample\'s public pack has trends of fewer than 6 quarters shown: this check would prove nothing').toBeGreaterThan(0);
    for (const c of charts) {
      const spec = c.spec as unknown as Spec;
      const shown = spec.data.values.filter((v) => v.value !== null).length;
      const spc = c.table.rows.map((r) => r[r.length - 1]!.text).filter((t) => t !== '[c]' && t !== '[x]');
      expect(spc, c.id).toHaveLength(shown);
      if (shown < 6) {
        expect(spec.layer.some((l) => l.mark.type === 'rule'), c.id).toBe(false);
        expect(spc, c.id).toEqual(Array(shown).fill(SPC_WORDS.tooFewCell));
        expect(c.subtitle, c.id).toContain(`${shown} ${shown === 1 ? 'quarter' : 'quarters'} shown, too few to judge variation (SPC needs at least 6).`);
      } else {
        expect(spec.layer.some((l) => l.mark.type === 'rule'), c.id).toBe(true);
        expect(spc.some((t) => t.startsWith('Too few')), c.id).toBe(false);
      }
    }
  });

  it('counts significant comparisons among those it shows, and says how many are hidden and why', () => {
    // The comparisons the pack shows: each stage's RRIs for the year to P, the pooled ones in place of a pooled stage's single year.
    const ofP = publicRecords.filter((r) => r.id === 'dispro.rri' && r.period === PERIOD_CODE);
    const stages = new Set(ofP.map((r) => r.breakdown.stage));
    const rris = ofP.filter((r) => !stages.has(`${r.breakdown.stage}_pooled`));
    const shown = rris.filter((r) => !r.suppressed);
    const significant = shown.filter((r) => r.significant === true && r.value !== null && r.value > 0).length;
    const hiddenCount = rris.length - shown.length;
    expect(hiddenCount, 'the sample hides some comparisons publicly: this check would prove nothing').toBeGreaterThan(0);
    const tile = pub.sections.find((s) => s.id === 'summary')!.blocks.flatMap((b) => (b.kind === 'tiles' ? b.tiles : []))
      .find((t) => t.heading === 'Disproportionality')!;
    expect(tile.sentence).toContain(`${significant} of the ${shown.length} comparisons with White children that can be shown differ significantly.`);
    expect(tile.sentence).toMatch(new RegExp(`${hiddenCount} comparisons are hidden to protect children's identities: \\d+ (is|are) built on a small count, and \\d+ (is|are) hidden so that another hidden figure cannot be worked out`));
  });

  it('writes no hidden rate, percentage or ratio in its text', () => {
    // Each figure as the pack may write it: at its unit's places, or at the places that tell it from its interval ends.
    const writings = (r: IndicatorRecord, v: number) => [placesFor(r.unit), placesForEstimate(r, r.unit)].map((p) => formatValue(v, r.unit, p));
    const shownText = new Set(publicRecords.filter((r) => !r.suppressed && r.value !== null)
      .flatMap((r) => [r.value, r.lower, r.upper].filter((v): v is number => v !== null).flatMap((v) => writings(r, v))));
    const hiddenText = [...new Set(hidden.filter((r) => r.unit !== 'count')
      .flatMap((r) => writings(r, r.value!))
      .filter((t) => !shownText.has(t) && /\d\.\d/.test(t)))];
    expect(hiddenText.length).toBeGreaterThan(0);
    // Text outside the charts (chart SVGs draw only shown figures, checked above).
    const words = publicHtml.replace(/<svg[\s\S]*?<\/svg>/g, '');
    const leaked = hiddenText.filter((t) => new RegExp(`(^|[^\\d.,])${t.replace(/[.%]/g, '\\$&')}(?![\\d])`).test(words));
    expect(leaked).toEqual([]);
  });
});
