import { describe, expect, it } from 'vitest';
import { discloseRecords } from '../../../pipeline/assemble/disclosure.js';
import { hiddenReasons } from '../../../pipeline/assemble/hidden-reasons.js';
import type { Tile } from '../../../pipeline/assemble/model.js';
import { summarySection, type SummaryInput } from '../../../pipeline/assemble/sections/summary.js';
import { indexHeadlines } from '../../../pipeline/assemble/series.js';
import { FTE_TOPIC } from '../../../pipeline/assemble/topics.js';
import type { Comparison } from '../../../pipeline/compute/comparators.js';
import type { CohortStatus, IndicatorRecord } from '../../../pipeline/compute/record.js';
import { CATALOGUE, TOPICS } from '../../../pipeline/compute/catalogue.js';
import { PERIOD, fteRecords } from '../pack-fixture.js';

// Report period 2024-25-Q3 (October to December 2024), as in pack-fixture.ts.
const P = '2024-25-Q3';

const cohort = (c: string, status: CohortStatus, n: number, d: number, lower: number, upper: number): IndicatorRecord => ({
  id: 'reoffending.binary', period: P, breakdown: { cohort: c }, numerator: n, denominator: d, value: (n / d) * 100, lower, upper,
  unit: '%', status, suppressed: false,
});
const ete = (period: string, n: number, d: number, lower: number, upper: number): IndicatorRecord => ({
  id: 'ete.overall', period, breakdown: {}, numerator: n, denominator: d, value: (n / d) * 100, lower, upper, unit: '%', suppressed: false,
});
const rri = (group: string, value: number, lower: number, upper: number, significant: boolean, a: number): IndicatorRecord => ({
  id: 'dispro.rri', period: P, breakdown: { stage: 'fte', group }, numerator: a, denominator: 45, value, lower, upper, unit: 'ratio',
  significant, direction: significant ? (value > 1 ? 'higher' : 'lower') : null, suppressed: false,
});
const rate = (group: string, value: number, events: number, population: number): IndicatorRecord => ({
  id: 'dispro.rate', period: P, breakdown: { stage: 'fte', group }, numerator: events, denominator: population, value, lower: null, upper: null,
  unit: 'per 1,000', suppressed: false,
});

const records: IndicatorRecord[] = [
  ...fteRecords(),
  // Latest complete cohort: April to June 2023, 12 of 36 (33.3%).
  cohort('2022-23-Q1', 'complete', 24, 40, 45.6, 73.0),
  cohort('2022-23-Q4', 'complete', 10, 40, 14.2, 40.2),
  cohort('2023-24-Q1', 'complete', 12, 36, 20.2, 49.7),
  cohort('2023-24-Q2', 'provisional', 5, 30, 7.3, 33.6),
  ete('2024-25-Q2', 30, 56, 40.7, 66.0),
  ete('2024-25-Q3', 45, 50, 78.6, 95.7),
  rri('Asian', 0.8, 0.43, 1.43, false, 17),
  rri('Black', 2.4, 1.42, 3.97, true, 26),
  rri('Mixed', 0.3, 0.12, 0.75, true, 6),
  rate('Mixed', 0.96, 6, 6_250),
  rate('Black', 7.78, 26, 3_344),
  rate('White', 3.24, 45, 13_877),
];
/** The records with Mixed first time entrants set to n (the RRI's group count; its other figures unchanged). */
const withMixedCount = (n: number) => records.map((r) => (r.breakdown.group === 'Mixed' ? { ...r, numerator: n } : r));
const input = (over: Partial<SummaryInput> = {}): SummaryInput => ({
  index: indexHeadlines(records), records, period: PERIOD, rateTopics: [FTE_TOPIC],
  targets: { 'reoffending.binary': { value: 30, better: 'lower' }, 'ete.overall': { value: 75, better: 'higher' } },
  comparisons: [], ...over,
});
const tiles = (i: SummaryInput): Tile[] => {
  const block = summarySection(i).blocks.find((b) => b.kind === 'tiles');
  if (block?.kind !== 'tiles') throw new Error('no tiles');
  return block.tiles;
};
const tile = (i: SummaryInput, heading: string): Tile => {
  const t = tiles(i).find((x) => x.heading === heading);
  if (!t) throw new Error(`no tile ${heading}`);
  return t;
};

describe('summarySection: the headline tiles', () => {
  it('has a tile per headline indicator in the order of the pack', () => {
    expect(tiles(input()).map((t) => t.heading)).toEqual([
      'First time entrants', 'Reoffending', 'Education, training and employment', 'Disproportionality',
    ]);
  });

  it('gives the latest complete reoffending cohort with its denominator, changes against earlier cohorts and its target', () => {
    const t = tile(input(), 'Reoffending');
    // 12 / 36 = 33.33% → 33.3%.
    expect(t).toMatchObject({
      value: '33.3%', period: 'Cohort of April to June 2023', interval: '95% confidence interval 20.2% to 49.7%',
      basis: '12 of 36 children in the cohort committed a proven reoffence.', label: 'Latest complete cohort',
    });
    // Cohort before (January to March 2023, 25.0% [14.2, 40.2]): d = 8.33, L = 8.33 − √(13.13² + 15.2²) = −11.8 < 0 < U: similar.
    // A year earlier (April to June 2022, 60.0% [45.6, 73.0]): d = −26.67, U = −26.67 + √(16.37² + 14.4²) = −4.87 < 0: lower.
    expect(t.changes.map((c) => [c.word, c.detail])).toEqual([
      ['similar', 'January to March 2023 cohort: 25.0%'],
      ['lower', 'April to June 2022 cohort: 60.0%'],
    ]);
    // Target 30 (lower is better) lies inside [20.2, 49.7]: similar.
    expect(t.statuses.map((s) => [s.against, s.word, s.symbol])).toEqual([['Target', 'similar', '●']]);
    expect(t.sentence).toBe('The reoffending rate of the April to June 2023 cohort was similar to the January to March 2023 cohort and lower than the April to June 2022 cohort. It was similar to the target of 30.0% or lower.');
  });

  it('gives ETE for all children in the quarter, with a target met', () => {
    const t = tile(input(), 'Education, training and employment');
    // 45 / 50 = 90.0%; against 30 / 56 = 53.6% [40.7, 66.0]: L = 36.4 − √(11.4² + 12.4²) = 19.6 > 0: higher.
    expect(t.value).toBe('90.0%');
    expect(t.basis).toBe('45 of 50 children whose intervention ended were offered the expected hours.');
    expect(t.changes.map((c) => c.word)).toEqual(['higher', 'not available']);
    // Target 75 (higher is better) is below the lower limit 78.6: met.
    expect(t.statuses[0]).toMatchObject({ word: 'met', symbol: '✓', tone: 'good' });
    expect(t.sentence).toBe('The share of children offered the expected hours in October to December 2024 was higher than July to September 2024 and not comparable with October to December 2023. It met the target of 75.0% or higher.');
  });

  it('names the significant RRI furthest from parity among groups of 10 or more children, with both groups\' rates and counts', () => {
    const t = tile(input(), 'Disproportionality');
    // |ln 0.3| = 1.20 is further from parity than |ln 2.4| = 0.88, but Mixed rests on 6 children: Black (26) is named.
    expect(t).toMatchObject({
      value: '2.40', unit: 'times the rate of White children', interval: '95% confidence interval 1.42 to 3.97',
      basis: 'First time entrant: 7.8 per 1,000 for Black children against 3.2 per 1,000 for White children (26 first time entrants among 3,344 Black children, against 45 among 13,877 White children).',
      changes: [], statuses: [],
    });
    expect(t.sentence).toBe('In the year to December 2024, Black children were 2.40 times as likely as White children to become first time entrants. '
      + '2 of the 3 comparisons with White children differ significantly. '
      + '1 significant result rests on fewer than 10 children in the group at the stage, so it is based on few children and not used as a headline. '
      + 'Of 3 comparisons, about 0.2 would look significant by chance alone. '
      + 'Differences show where to ask questions, not their cause.');
  });

  it('lets a group of exactly headline_min_count children be the headline, and not one fewer', () => {
    const nine = withMixedCount(9);
    expect(tile(input({ records: nine, index: indexHeadlines(nine) }), 'Disproportionality').value).toBe('2.40');
    const ten = withMixedCount(10);
    expect(tile(input({ records: ten, index: indexHeadlines(ten) }), 'Disproportionality')).toMatchObject({
      value: '0.30', basis: 'First time entrant: 1.0 per 1,000 for children from the Mixed ethnic group against 3.2 per 1,000 for White children (10 first time entrants among 6,250 children from the Mixed ethnic group, against 45 among 13,877 White children).',
    });
    // The setting moves the line: at 27, Black's 26 children are too few as well, so no difference is a headline.
    const none = tile(input({ dispro: { headlineMinCount: 27 } }), 'Disproportionality');
    expect(none).toMatchObject({ value: '0', unit: 'significant differences from White children in groups of 27 or more children', basis: '', interval: '' });
    expect(none.sentence).toContain('2 significant results rest on fewer than 27 children in the group at the stage, so they are based on few children and not used as a headline.');
  });

  it('says "0 significant differences", never "None significant differences", when nothing differs', () => {
    const flat = records.map((r) => (r.id === 'dispro.rri' ? { ...r, significant: false, direction: null } : r));
    const t = tile(input({ records: flat, index: indexHeadlines(flat) }), 'Disproportionality');
    expect(t).toMatchObject({ value: '0', unit: 'significant differences from White children', label: '3 comparisons of a group with White children' });
    expect(t.sentence).toMatch(/^None of the 3 comparisons with White children differs significantly\. /);
  });

  it('shows each comparator as symbol, word and tone, from the comparator against the interval', () => {
    const england: Comparison = {
      id: 'fte.rate', period: P, breakdown: {}, value: 150, lower: 101.184, upper: 214.143, unit: 'per 100,000', comparator: 'fte.rate',
      comparatorPeriod: P, area: 'England', comparatorValue: 300, source: null, origin: 'user', significant: true, direction: 'lower',
    };
    const t = tile(input({ comparisons: [england] }), 'First time entrants');
    // 300 lies above the upper limit 214.143: lower, and lower is better for first time entrants.
    expect(t.statuses).toEqual([{ against: 'England', word: 'lower (better)', symbol: '▼', tone: 'good', detail: '300.0 in the year to December 2024' }]);
  });

  it('leaves out tiles without records and says when there is nothing at all', () => {
    expect(tiles(input({ records: fteRecords(), index: indexHeadlines(fteRecords()) })).map((t) => t.heading)).toEqual(['First time entrants']);
    const none = summarySection(input({ records: [], index: indexHeadlines([]) }));
    expect(none.blocks.find((b) => b.kind === 'notice')).toEqual({ kind: 'notice', text: 'There are no headline figures for this period.' });
  });

  it('makes no claim about a hidden figure in the public version', () => {
    // The provisional cohort is not the tile's; hide the latest complete one (12 reoffenders is not small, so make it 4 of 36).
    const small = records.map((r) => (r.breakdown.cohort === '2023-24-Q1' ? cohort('2023-24-Q1', 'complete', 4, 36, 4.4, 25.3) : r));
    const { records: pub, log } = discloseRecords(small, 5);
    const t = tile(input({ records: pub, index: indexHeadlines(pub), dispro: { hiddenReason: hiddenReasons(log) } }), 'Reoffending');
    expect(t.value).toBe('[c]');
    // The disclosure log says why: 4 reoffenders is a small count.
    expect(t.basis).toBe('Hidden to protect children\'s identities: the count is small.');
    // Without the log the tile claims no reason.
    expect(tile(input({ records: pub, index: indexHeadlines(pub) }), 'Reoffending').basis).toBe('Hidden to protect children\'s identities.');
    expect(t.changes.map((c) => c.word)).toEqual(['not available', 'not available']);
    expect(t.statuses[0]?.word).toBe('not available');
    expect(t.sentence).toBe('The reoffending rate of the April to June 2023 cohort cannot be shown or compared. It cannot be compared with the target of 30.0% or lower.');
  });
});

describe('summarySection: the KPIs a board most often asks about', () => {
  const pct = (id: IndicatorRecord['id'], period: string, n: number, d: number, lower: number, upper: number): IndicatorRecord => ({
    id, period, breakdown: {}, numerator: n, denominator: d, value: (n / d) * 100, lower, upper, unit: '%', suppressed: false,
  });
  const absent = (id: IndicatorRecord['id'], period: string): IndicatorRecord => ({
    id, period, breakdown: {}, numerator: null, denominator: null, value: null, lower: null, upper: null, unit: '%', suppressed: false,
    status: 'not_available', reason: 'needs.csv is not in the extract.',
  });
  const kpis = [
    // Accommodation 36 of 40 = 90.0% (Wilson [77.0, 96.0]); the quarter before 20 of 40 = 50.0% [35.2, 64.8]:
    // d = 40.0, L = 40.0 − √(13.0² + 14.8²) = 20.3 > 0, higher. A year before 35 of 40 = 87.5% [73.9, 94.5]:
    // d = 2.5, L = 2.5 − √(13.0² + 7.0²) < 0 < U = 2.5 + √(6.0² + 13.6²): similar.
    pct('kpi.accommodation.end', '2024-25-Q3', 36, 40, 77.0, 96.0),
    pct('kpi.accommodation.end', '2024-25-Q2', 20, 40, 35.2, 64.8),
    pct('kpi.accommodation.end', '2023-24-Q3', 35, 40, 73.9, 94.5),
    // SEND: 1 of 1 is a child, and the earlier quarters have no record.
    pct('kpi.send.plan', '2024-25-Q3', 1, 1, 20.7, 100),
    // Mental health: needs.csv absent in every quarter, so no tile (the KPI table says why).
    absent('kpi.mental_health.offered', '2024-25-Q3'), absent('kpi.mental_health.offered', '2024-25-Q2'),
  ];
  const all = [...records, ...kpis];
  const withKpis = input({ index: indexHeadlines(all), records: all });

  it('adds accommodation and SEND after ETE, and no tile for a KPI with no data in any quarter', () => {
    expect(tiles(withKpis).map((t) => t.heading)).toEqual([
      'First time entrants', 'Reoffending', 'Education, training and employment', 'Suitable accommodation',
      'Special educational needs (SEND)', 'Disproportionality',
    ]);
  });

  it('gives the count and base, and a direction only where the change is significant', () => {
    const t = tile(withKpis, 'Suitable accommodation');
    expect(t).toMatchObject({
      value: '90.0%', period: 'Orders ending in October to December 2024', label: 'YJB key performance indicator 1',
      basis: '36 of 40 children whose order ended were in suitable accommodation.',
      interval: '95% confidence interval 77.0% to 96.0%',
    });
    expect(t.changes.map((c) => `${c.symbol} ${c.word} (${c.detail})`)).toEqual([
      '▲ higher (July to September 2024: 50.0%)', '● similar (October to December 2023: 87.5%)',
    ]);
    expect(t.sentence).toBe('The share of children in suitable accommodation at the end of their order in October to December 2024 was higher than July to September 2024 and similar to October to December 2023.');
    const send = tile(withKpis, 'Special educational needs (SEND)');
    expect(send.basis).toBe('1 of 1 child with an identified SEND need had a formal plan (an EHCP, or an IDP in Wales).');
    expect(send.changes.map((c) => c.word)).toEqual(['not available', 'not available']);
  });

  it('names each KPI tile by the KPI the catalogue says it measures, and the ETE and reoffending tiles by their topic headings', () => {
    const label = (heading: string) => tiles(withKpis).find((t) => t.heading === heading)?.label;
    // kpis.md: accommodation is KPI 1, ETE KPI 2, SEND KPI 3.
    expect([label('Suitable accommodation'), label(TOPICS.ete.heading), label('Special educational needs (SEND)')]).toEqual([
      'YJB key performance indicator 1', 'YJB key performance indicator 2', 'YJB key performance indicator 3',
    ]);
    expect([CATALOGUE['kpi.accommodation.end'].kpi?.number, CATALOGUE['ete.overall'].kpi?.number, CATALOGUE['kpi.send.plan'].kpi?.number]).toEqual([1, 2, 3]);
    expect(label(TOPICS.reoffending.heading)).toBe('Latest complete cohort');
  });

  it('hides a small count in the public pack, and says why', () => {
    const disclosed = discloseRecords(all, 5);
    const t = tile(input({ index: indexHeadlines(disclosed.records), records: disclosed.records,
      dispro: { hiddenReason: hiddenReasons(disclosed.log) } }), 'Special educational needs (SEND)');
    expect(t.value).toBe('[c]');
    expect(t.basis).toBe('Hidden to protect children\'s identities: the count is small.');
  });
});

describe('summarySection: a tile with no figure for the period', () => {
  it('states its target in the indicator\'s own unit, not as a percentage', () => {
    // The first time entrant rate has figures for earlier quarters only: the tile shows [x], and its target of
    // 250 per 100,000 reads "250.0", never "250.0%".
    const earlier = fteRecords().filter((r) => r.period !== P);
    const t = tile(input({ index: indexHeadlines(earlier), records: earlier, targets: { 'fte.rate': { value: 250, better: 'lower' } } }), 'First time entrants');
    expect(t.value).toBe('[x]');
    expect(t.statuses[0]).toMatchObject({ against: 'Target', word: 'not available', detail: '250.0 or lower' });
    expect(t.sentence).toContain('the target of 250.0 or lower');
  });
});
