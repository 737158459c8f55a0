import { describe, expect, it } from 'vitest';
import { assemblePack, assembleQuarter } from '../../pipeline/assemble/index.js';
import { DEFAULT_CONFIG } from '../../pipeline/config.js';
import { FILES, quarterComputed } from './quarter-fixture.js';
import type { Block, ChartModel, PackModel, Section, TableModel, Tile } from '../../pipeline/assemble/model.js';
import type { ComputeNote } from '../../pipeline/compute/context.js';
import type { IndicatorRecord } from '../../pipeline/compute/record.js';
import { messages } from '../../pipeline/messages.js';
import { FTE_ROWS, fteRecords, packInput } from './pack-fixture.js';

function section(model: PackModel, id: string): Section {
  const s = model.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}: ${model.sections.map((x) => x.id).join(', ')}`);
  return s;
}
function blocksOf<K extends Block['kind']>(s: Section, kind: K): Extract<Block, { kind: K }>[] {
  return s.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
}
function fteTile(model: PackModel): Tile {
  const [tiles] = blocksOf(section(model, 'summary'), 'tiles');
  const tile = tiles?.tiles[0];
  if (!tile) throw new Error('no tile');
  return tile;
}
function fteChart(model: PackModel): ChartModel {
  const [figure] = blocksOf(section(model, 'first-time-entrants'), 'figure');
  if (!figure) throw new Error('no figure');
  return figure.chart;
}
const texts = (t: TableModel) => t.rows.map((r) => r.map((c) => c.text));

describe('assemblePack: cover and structure', () => {
  it('marks the board and public versions for their audiences', () => {
    const board = assemblePack(packInput({ audience: 'board' }));
    const pub = assemblePack(packInput({ audience: 'public' }));
    expect(board.cover.marking).toBe('Board: OFFICIAL – not for publication');
    expect(pub.cover.marking).toBe('Public: published with disclosure control');
    expect(board.cover).toMatchObject({
      serviceName: 'Wolverhampton Youth Justice Service',
      periodLabel: 'October to December 2024',
      periodCode: '2024-25-Q3',
      producedAt: '14 January 2025 at 09:30 (UK time)',
    });
  });

  it('has the first slice of sections in the order of the pack, each in the contents', () => {
    const model = assemblePack(packInput());
    expect(model.sections.map((s) => s.id)).toEqual(['summary', 'first-time-entrants', 'data-quality', 'methods']);
    expect(model.contents.map((c) => c.heading)).toEqual(['Summary', 'First time entrants', 'Data quality', 'Methods and sources']);
  });

  it('numbers tables in reading order', () => {
    const model = assemblePack(packInput());
    expect(fteChart(model).table.caption).toMatch(/^Table 1: /);
    const [files] = blocksOf(section(model, 'data-quality'), 'table');
    expect(files?.table.caption).toMatch(/^Table 2: /);
  });

  it('gives the same model for the same input', () => {
    expect(assemblePack(packInput())).toEqual(assemblePack(packInput()));
  });
});

describe('assemblePack: summary tile for the FTE rate', () => {
  it('shows the rate to 1 dp with its interval, denominator and the local-count label', () => {
    const tile = fteTile(assemblePack(packInput()));
    // 30 / 20,000 × 100,000 = 150 → "150.0"; interval [101.184, 214.143] → 101.2 to 214.1.
    expect(tile.value).toBe('150.0');
    expect(tile.unit).toBe('per 100,000 children aged 10–17');
    expect(tile.interval).toBe('95% confidence interval 101.2 to 214.1');
    expect(tile.basis).toBe('30 of 20,000 children aged 10–17 became first time entrants.');
    expect(tile.label).toBe('Local (case-management) count');
    expect(tile.period).toBe('Year to December 2024');
  });

  it('calls the change on the previous quarter similar and on a year earlier lower, from the intervals', () => {
    const tile = fteTile(assemblePack(packInput()));
    // Previous quarter (2024-25-Q2): 200.0 [142.866, 272.352] overlaps [101.184, 214.143] → similar.
    // Same quarter last year (2023-24-Q3): 300.0 [228.918, 386.168]; 214.143 < 228.918 → lower.
    expect(tile.changes.map((c) => [c.against, c.word, c.detail])).toEqual([
      ['On the previous quarter', 'similar', 'year to September 2024: 200.0'],
      ['On the same quarter last year', 'lower', 'year to December 2023: 300.0'],
    ]);
    expect(tile.sentence).toBe('The first time entrant rate in the year to December 2024 was similar to the year to September 2024 and lower than the year to December 2023.');
  });

  it('calls a rise higher only when the intervals separate', () => {
    // Swap the latest two years' ends: now 60 children → 300.0 [228.918, 386.168]; a year ago 30 → 150.0 [101.184, 214.143].
    const rows = FTE_ROWS.map((r): [string, number, number, number, number] =>
      r[0] === '2024-25-Q3' ? ['2024-25-Q3', 60, 80, 228.918, 386.168]
        : r[0] === '2023-24-Q3' ? ['2023-24-Q3', 30, 41, 101.184, 214.143] : r);
    const tile = fteTile(assemblePack(packInput({ records: fteRecords(rows) })));
    // On the quarter: [228.918, 386.168] vs 2024-25-Q2 [142.866, 272.352] overlap → similar.
    expect(tile.changes.map((c) => c.word)).toEqual(['similar', 'higher']);
  });

  it('says a comparison is not available when the earlier year has no record', () => {
    const records = fteRecords().filter((r) => r.period !== '2023-24-Q3');
    const tile = fteTile(assemblePack(packInput({ records })));
    expect(tile.changes[1]).toMatchObject({ word: 'not available', detail: 'year to December 2023: [x]' });
  });
});

describe('assemblePack: first time entrants section', () => {
  it('tabulates the 12 quarters with counts, offences, population year, rate and interval', () => {
    const table = fteChart(assemblePack(packInput())).table;
    expect(table.head.map((c) => c.text)).toEqual([
      'Year', 'First time entrants', 'Offences', 'Population aged 10–17', 'Rate per 100,000', '95% confidence interval', 'SPC signal',
    ]);
    expect(table.rows).toHaveLength(12);
    // First row, year to March 2022 (April 2021–March 2022, whose 30 June is in 2021): 50 × 5 = 250.0.
    // SPC (XmR) over the 12 rates (children × 5): mean 3,130 / 12 = 260.83; mean moving range 220 / 11 = 20, so limits
    // 260.83 ± 2.66 × 20 = 207.63 to 314.03. 250, 260, 275, 285, 290, 300, 310 rise 7 times in a row: a rising trend.
    expect(texts(table)[0]).toEqual(['Year to March 2022', '50', '71', '20,000 (mid-2021)', '250.0', '185.5 to 329.6', 'Rising trend']);
    // 2024-25-Q2 has 1,234 offences: thousands separator; year to September 2024 → mid-2024.
    // 200 and 150 are below the lower limit 207.63.
    expect(texts(table)[10]).toEqual(['Year to September 2024', '40', '1,234', '20,000 (mid-2024)', '200.0', '142.9 to 272.4', 'Below the lower limit']);
    expect(texts(table)[11]).toEqual(['Year to December 2024', '30', '41', '20,000 (mid-2024)', '150.0', '101.2 to 214.1', 'Below the lower limit']);
    // 275, 285, 290, 300, 310, 300, 275 (years to September 2022 … March 2024): 7 in a row above the mean, named first
    // where a point also has the trend.
    expect(texts(table)[1]?.[6]).toBe('Rising trend');
    expect(texts(table).slice(2, 9).map((r) => r[6])).toEqual(Array(7).fill('Run above the average'));
    expect(texts(table)[9]?.[6]).toBe('None');
    // Counts and rates are numeric (right-aligned); the SPC signal is words.
    expect(table.rows.every((r) => r.slice(1, 6).every((c) => c.numeric) && !r[6]?.numeric)).toBe(true);
  });

  it('names the fallback estimate for the years after it', () => {
    // P's year wants mid-2024; only mid-2023 exists, so the years to Sep and Dec 2024 (wanting 2024) use 2023.
    const table = fteChart(assemblePack(packInput({ population: { year: 2023, fallback: true } }))).table;
    expect(texts(table)[11]?.[3]).toBe('20,000 (mid-2023)');
    expect(texts(table)[8]?.[3]).toBe('20,000 (mid-2023)');
    expect(texts(table)[0]?.[3]).toBe('20,000 (mid-2021)');
    expect(table.notes.join(' ')).toContain('mid-2023 population estimate, the latest in population.csv');
  });

  it('states the finding in the chart title and the statistic in the subtitle', () => {
    const chart = fteChart(assemblePack(packInput()));
    expect(chart.title).toBe('The first time entrant rate was lower in the year to December 2024 than a year earlier');
    expect(chart.subtitle).toContain('Rate per 100,000 children aged 10–17');
    expect(chart.subtitle).toContain('from the year to March 2022 to the year to December 2024');
    expect(chart.subtitle).toContain('95% confidence interval');
  });

  it('describes the chart in words for its text alternative', () => {
    const chart = fteChart(assemblePack(packInput()));
    // First 250.0 (year to March 2022), last 150.0, highest 62 × 5 = 310.0 (year to September 2023).
    expect(chart.description).toContain('It was 250.0 in the year to March 2022 and 150.0 in the year to December 2024');
    expect(chart.description).toContain('the highest was 310.0 in the year to September 2023 and the lowest 150.0 in the year to December 2024');
  });

  it('feeds the chart one point per quarter with the unrounded rate and interval', () => {
    const chart = fteChart(assemblePack(packInput()));
    const values = (chart.spec as { data: { values: { quarter: string; value: number | null; lower: number | null }[] } }).data.values;
    expect(values).toHaveLength(12);
    expect(values[11]).toMatchObject({ quarter: 'Dec 2024', value: 150, lower: 101.184, upper: 214.143 });
  });

  it('says there is no data when the FTE records are absent, and the tile is left out', () => {
    const model = assemblePack(packInput({ records: [] }));
    const fte = section(model, 'first-time-entrants');
    expect(blocksOf(fte, 'figure')).toHaveLength(0);
    expect(blocksOf(fte, 'notice')[0]?.text).toMatch(/^No first time entrant figures/);
    expect(blocksOf(section(model, 'summary'), 'notice')).toHaveLength(1);
  });

  it('lists the compute notes about FTE under the section', () => {
    const notes: ComputeNote[] = [
      { indicator: 'fte', severity: 'warning', message: 'noteShortHistory', params: {
        first: { kind: 'date', iso: '2022-02-15' }, period: { kind: 'periods', codes: ['2024-25-Q3'], as: 'quarters' },
      } },
      { indicator: 'fte.rate', severity: 'info', message: 'notePopulationFallback', params: {
        wanted: 'mid-2024', year: 2023, periods: { kind: 'yearRange', from: '2024-25-Q2', to: '2024-25-Q3' }, indicator: 'first time entrant rate',
      } },
      { indicator: 'custody', severity: 'warning', message: 'noteNoPopulation', params: { periods: { kind: 'periods', codes: ['2024-25-Q3'], as: 'years' }, indicator: 'custody rate' } },
    ];
    const fte = section(assemblePack(packInput({ notes })), 'first-time-entrants');
    expect(blocksOf(fte, 'list')[0]?.items).toEqual([
      messages.noteShortHistory.text({ first: '15 February 2022', period: 'October to December 2024' }),
      'population.csv has no estimate for mid-2024, so the first time entrant rate for the years to each quarter from September 2024 to December 2024 uses the mid-2023 estimate, the latest before them.',
    ]);
  });
});

describe('assemblePack: public version applies disclosure control', () => {
  // The latest quarter has 3 first time entrants (rate 3 × 5 = 15.0): 1..5, so hidden.
  const rows = FTE_ROWS.map((r): [string, number, number, number, number] =>
    r[0] === '2024-25-Q3' ? ['2024-25-Q3', 3, 4, 3.015, 43.827] : r);
  const records: IndicatorRecord[] = fteRecords(rows);

  it('shows [c] for the small count, its offences, rate and interval, and explains the symbol', () => {
    const table = fteChart(assemblePack(packInput({ audience: 'public', records }))).table;
    // The hidden rate has no SPC signal shown either.
    expect(texts(table)[11]).toEqual(['Year to December 2024', '[c]', '[c]', '20,000 (mid-2024)', '[c]', '[c]', '[c]']);
    expect(table.notes[0]).toBe('[c] confidential: a count from 1 to 5, or a figure built on one, is hidden to protect children\'s identities; so is a figure from which a hidden one could be worked out.');
  });

  it('hides the figure in the tile and the chart, and makes no comparison with it', () => {
    const model = assemblePack(packInput({ audience: 'public', records }));
    const tile = fteTile(model);
    expect(tile.value).toBe('[c]');
    expect(tile.interval).toBe('');
    expect(tile.changes.map((c) => c.word)).toEqual(['not available', 'not available']);
    const chart = fteChart(model);
    const values = (chart.spec as { data: { values: { value: number | null }[] } }).data.values;
    expect(values[11]?.value).toBeNull();
    expect(JSON.stringify(chart)).not.toContain('43.8');
    expect(chart.description).toContain('1 of 12 quarters has no figure shown');
  });

  it('shows the same small count to the board', () => {
    const table = fteChart(assemblePack(packInput({ audience: 'board', records }))).table;
    // 15 is far below the lower limit (mean 249.6, mean moving range 355 / 11 = 32.3: lower limit 163.8).
    expect(texts(table)[11]).toEqual(['Year to December 2024', '3', '4', '20,000 (mid-2024)', '15.0', '3.0 to 43.8', 'Below the lower limit']);
  });
});

describe('assemblePack: data quality and methods', () => {
  it('lists files with rows, refused rows and a short SHA-256, the date range and the population used', () => {
    const dq = section(assemblePack(packInput()), 'data-quality');
    const [files] = blocksOf(dq, 'table');
    expect(files && texts(files.table)).toEqual([
      ['children.csv', '1,520', '0', 'a1b2c3d4e5f6'],
      ['offences.csv', '4,210', '3', '0f1e2d3c4b5a'],
    ]);
    const [facts] = blocksOf(dq, 'facts');
    // 1 April 2019 to 1 October 2024 (start of 2024-25-Q3): 5 years and 6 months.
    expect(facts?.items).toEqual([
      { term: 'Dates in the extract', detail: '1 April 2019 to 31 December 2024' },
      { term: 'History before this period', detail: '5 years and 6 months of records before October to December 2024 (first time entrants need at least 3 years).' },
      { term: 'Population aged 10–17', detail: 'ONS mid-2024 population estimate for the year to this period.' },
    ]);
  });

  it('says when the population estimate is a fallback, and lists the warnings', () => {
    const dq = section(assemblePack(packInput({
      population: { year: 2023, fallback: true },
      dataQuality: { ...packInput().dataQuality, warnings: ['Earlier outcomes may be missing.'] },
    })), 'data-quality');
    expect(blocksOf(dq, 'facts')[0]?.items[2]?.detail)
      .toBe('ONS mid-2023 population estimate for the year to this period, the latest in population.csv: that year needs mid-2024.');
    expect(blocksOf(dq, 'list')[0]).toEqual({ kind: 'list', heading: 'Warnings', items: ['Earlier outcomes may be missing.'] });
  });

  it('gives the FTE definition, the local-count caveat and the OGL attribution', () => {
    const methods = section(assemblePack(packInput()), 'methods');
    const text = blocksOf(methods, 'subsection').flatMap((b) => b.paragraphs).join(' ');
    expect(text).toContain('A first time entrant is a child who receives their first substantive outcome');
    expect(text).toContain('Local (case-management) count');
    expect(text).toContain('Contains public sector information licensed under the Open Government Licence v3.0.');
  });
});

describe('assemblePack: later topics join when their records arrive', () => {
  const custody = (period: string, n: number): IndicatorRecord[] => [
    { id: 'custody.count', period, breakdown: {}, numerator: n, denominator: null, value: n, lower: null, upper: null, unit: 'count', suppressed: false },
    { id: 'custody.children', period, breakdown: {}, numerator: n, denominator: null, value: n, lower: null, upper: null, unit: 'count', suppressed: false },
    { id: 'custody.rate', period, breakdown: {}, numerator: n, denominator: 20_000, value: (n / 20_000) * 1000, lower: 0.2, upper: 0.8, unit: 'per 1,000', suppressed: false },
  ];

  it('adds a custody section, tile and definition in the same form as FTE', () => {
    const model = assemblePack(packInput({ records: [...fteRecords(), ...custody('2024-25-Q3', 9)] }));
    expect(model.sections.map((s) => s.id)).toEqual(['summary', 'first-time-entrants', 'use-of-custody', 'data-quality', 'methods']);
    const [tiles] = blocksOf(section(model, 'summary'), 'tiles');
    // 9 / 20,000 × 1,000 = 0.45 per 1,000: below 1, so two decimals give it two significant figures (not 0.5).
    expect(tiles?.tiles[1]).toMatchObject({ heading: 'Use of custody', value: '0.45', unit: 'per 1,000 children aged 10–17', interval: '95% confidence interval 0.20 to 0.80' });
    expect(tiles?.tiles[1]?.basis).toBe('9 custodial sentences among 20,000 children aged 10–17.');
    const [figure] = blocksOf(section(model, 'use-of-custody'), 'figure');
    expect(figure?.chart.table.caption).toBe('Table 2: Use of custody in the year to the end of each quarter, with the rate per 1,000 children aged 10–17');
    const methods = blocksOf(section(model, 'methods'), 'subsection').map((b) => b.heading);
    expect(methods).toContain('Use of custody');
  });
});

describe('assemblePack: every section in the order of the pack', () => {
  const P = '2024-25-Q3';
  const more: IndicatorRecord[] = [
    { id: 'custody.rate', period: P, breakdown: {}, numerator: 9, denominator: 20_000, value: 0.45, lower: 0.2, upper: 0.8, unit: 'per 1,000', suppressed: false },
    { id: 'reoffending.binary', period: P, breakdown: { cohort: '2023-24-Q1' }, numerator: 12, denominator: 36, value: 33.3, lower: 20.2, upper: 49.7, unit: '%', status: 'complete', suppressed: false },
    { id: 'ete.overall', period: P, breakdown: {}, numerator: 45, denominator: 50, value: 90, lower: 78.6, upper: 95.7, unit: '%', suppressed: false },
    { id: 'dispro.rri', period: P, breakdown: { stage: 'fte', group: 'Black' }, numerator: 26, denominator: 45, value: 2.4, lower: 1.42, upper: 3.97, unit: 'ratio', significant: true, direction: 'higher', suppressed: false },
  ];
  const profile = [{ dimension: 'sex' as const, period: P, total: 20, rows: [{ category: 'M', label: 'Male', children: 14 }, { category: 'F', label: 'Female', children: 6 }] }];

  it('adds reoffending, ETE, disproportionality and the profile when their inputs arrive', () => {
    const model = assemblePack(packInput({ records: [...fteRecords(), ...more], profile, remands: [] }));
    expect(model.sections.map((s) => s.id)).toEqual([
      'summary', 'first-time-entrants', 'use-of-custody', 'reoffending', 'ete', 'disproportionality', 'profile', 'data-quality', 'methods',
    ]);
    // The methods section defines the profile only when the pack has one.
    const methodsHeadings = (m: PackModel) => (m.sections.find((s) => s.id === 'methods')?.blocks ?? [])
      .flatMap((b) => (b.kind === 'subsection' ? [b.heading] : []));
    expect(methodsHeadings(model)).toContain('Cohort profile');
    expect(methodsHeadings(assemblePack(packInput({ records: [...fteRecords(), ...more] })))).not.toContain('Cohort profile');
  });

  it('passes the targets to the summary', () => {
    const model = assemblePack(packInput({ targets: { 'fte.rate': { value: 250, better: 'lower' } } }));
    // 150.0 [101.184, 214.143]: the whole interval is below 250.
    expect(fteTile(model).statuses).toEqual([{ against: 'Target', word: 'met', symbol: '✓', tone: 'good', detail: '250.0 or lower' }]);
  });
});

describe('assembleQuarter: the pack input from the compute result, disclosure once', () => {
  const facts = { producedAt: '2025-01-14T09:30:00.000Z', files: FILES, loadWarnings: [], logo: null };
  const config = { ...DEFAULT_CONFIG, serviceName: 'Test YJS' };

  it('discloses the records once: the public pack shows the disclosure the run writes to the public CSV', () => {
    const q = assembleQuarter(quarterComputed(), facts, config, { html: 'board', pdf: 'public' });
    // 3 first-time entrants and their 4 offences are from 1 to the threshold 5: hidden, with the rate built on the 3.
    expect(q.disclosed.records.filter((r) => r.suppressed).map((r) => r.id).sort()).toEqual(['fte.count', 'fte.offences', 'fte.rate']);
    expect(q.disclosed.log.map((e) => e.id).sort()).toEqual(['fte.count', 'fte.offences', 'fte.rate']);
    expect(q.html.cover.audience).toBe('board');
    expect(q.pdf?.cover.audience).toBe('public');
    expect(fteTile(q.html).value).not.toBe(fteTile(q.pdf!).value);
  });

  it('builds no second pack when the run prints none, and takes service name and files from config and load', () => {
    const q = assembleQuarter(quarterComputed(), facts, config, { html: 'board', pdf: null });
    expect(q.pdf).toBeNull();
    expect(q.html.title).toContain('Test YJS');
    // remands.csv was absent: the data-quality table lists children.csv only.
    const dq = section(q.html, 'data-quality');
    const tables = blocksOf(dq, 'table').map((b) => texts(b.table).flat().join(' '));
    expect(tables.some((t) => t.includes('children.csv'))).toBe(true);
    expect(tables.some((t) => t.includes('remands.csv'))).toBe(false);
  });
});
