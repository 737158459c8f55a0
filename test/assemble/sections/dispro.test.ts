import { describe, expect, it } from 'vitest';
import type { Block, ChartModel, Section, TableModel } from '../../../pipeline/assemble/model.js';
import { hiddenReasons } from '../../../pipeline/assemble/hidden-reasons.js';
import { disproSection, hasDispro } from '../../../pipeline/assemble/sections/dispro.js';
import type { ComputeNote } from '../../../pipeline/compute/context.js';
import type { IndicatorRecord } from '../../../pipeline/compute/record.js';
import { RATE_RATIO_UNDEFINED } from '../../../pipeline/compute/statistics.js';
import { messages } from '../../../pipeline/messages.js';
import { parsePeriod } from '../../../pipeline/period.js';
import { cellReading } from '../../../pipeline/assemble/cells.js';

const P = '2024-25-Q3';
const period = parsePeriod(P);
const base = { period: P, suppressed: false } as const;
const rri = (stage: string, group: string, value: number | null, lower: number | null, upper: number | null, significant: boolean, a: number, c: number): IndicatorRecord => ({
  ...base, id: 'dispro.rri', breakdown: { stage, group }, numerator: a, denominator: c, value, lower, upper, unit: 'ratio',
  significant, direction: significant ? (value !== null && value > 1 ? 'higher' : 'lower') : null,
});
const rate = (stage: string, group: string, value: number, unit: '%' | 'per 1,000', n = 10, d = 100): IndicatorRecord => ({
  ...base, id: 'dispro.rate', breakdown: { stage, group }, numerator: n, denominator: d, value, lower: null, upper: null, unit,
});
const share = (stage: string, group: string, value: number): IndicatorRecord => ({
  ...base, id: 'dispro.share', breakdown: { stage, group }, numerator: 10, denominator: 100, value, lower: null, upper: null, unit: '%',
});

const records: IndicatorRecord[] = [
  // First time entrants (population base).
  rri('fte', 'Asian', 0.8, 0.43, 1.43, false, 17, 45),
  rri('fte', 'Black', 2.4, 1.42, 3.97, true, 26, 45),
  rri('fte', 'Mixed', 1.94, 1.07, 3.38, true, 19, 45),
  // No Other child was a first time entrant: the index is 0, which a log scale cannot show.
  rri('fte', 'Other', 0, 0, 1.01, false, 0, 45),
  rate('fte', 'Black', 7.8, 'per 1,000', 26, 3344), rate('fte', 'Mixed', 6.3, 'per 1,000', 19, 3026), rate('fte', 'White', 3.2, 'per 1,000', 45, 13877),
  // Remand: no White child remanded, so no index for anyone.
  rri('remand_yda', 'Asian', null, null, null, false, 1, 0),
  // Custody: the single year and the pooled three years; the pooled figure is shown in its place.
  rri('custody', 'Mixed', 5, 0.5, 50, false, 1, 1),
  // Significant, but only 6 Mixed children were given custody: listed as based on few children, never the headline.
  rri('custody_pooled', 'Mixed', 3.1, 1.2, 8.01, true, 6, 9),
  rate('custody_pooled', 'Mixed', 19.4, '%', 6, 31), rate('custody_pooled', 'White', 6.2, '%', 9, 145),
  rri('custody_pooled', 'Black', 0.9, 0.3, 2.7, false, 4, 9),
  // Shares, with the population (the Lammy view) and ethnicity not known.
  share('population', 'Asian', 23.4), share('population', 'Black', 12.0), share('population', 'Mixed', 10.8),
  share('population', 'Other', 4.2), share('population', 'White', 49.6),
  share('fte', 'Black', 24.3), share('fte', 'Not known', 2.7), share('custody_pooled', 'Not known', 4.5),
  // Another period's record (a single pooled year) must not be used.
  { ...rri('fte', 'Black', 9, 5, 12, true, 30, 10), period: '2023-24-Q3' },
];
const notes: ComputeNote[] = [
  { indicator: 'dispro', severity: 'info', message: 'noteDisproArrestsNotChildren', params: {} },
  { indicator: 'dispro', severity: 'info', message: 'noteDisproReoffendingCohorts', params: {
    period: { kind: 'periods', codes: [P], as: 'quarters' }, count: 2, cohorts: { kind: 'periods', codes: ['2022-23-Q4', '2023-24-Q1'], as: 'quarters' },
  } },
  { indicator: 'dispro', severity: 'info', message: 'noteDisproRatioUndefined', params: {
    stage: 'Remand', window: { kind: 'window', years: 1, code: P }, groups: 'Asian', reason: RATE_RATIO_UNDEFINED.noReferenceEvents,
  } },
  { indicator: 'dispro', severity: 'warning', message: 'noteDisproUnknownEthnicity', params: {
    unknown: { kind: 'count', value: 3, of: 110 }, total: { kind: 'count', value: 110 }, percent: { kind: 'percent', numerator: 3, denominator: 110 },
    counted: 'first time entrants', window: { kind: 'window', years: 1, code: P }, stage: 'first time entrant',
  } },
  { indicator: 'fte', severity: 'info', message: 'noteNoInterventions', params: { period: { kind: 'periods', codes: [P], as: 'quarters' } } },
];
const section: Section = disproSection(records, period, null, notes);
const lists = section.blocks.filter((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list');
const chart: ChartModel = (section.blocks.find((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure') as Extract<Block, { kind: 'figure' }>).chart;
const texts = (t: TableModel) => t.rows.map((r) => r.map(cellReading));

describe('disproSection: the significant stages in sentences', () => {
  it('names each significant RRI resting on 10 or more children with its interval and counts, as co-occurrence', () => {
    expect(lists[0]?.heading).toBe('Where rates differed significantly from White children\'s');
    expect(lists[0]?.items).toEqual([
      'In the year to December 2024, Black children were 2.40 times as likely as White children to become first time entrants (95% confidence interval 1.42 to 3.97; 26 first time entrants among 3,344 Black children, against 45 among 13,877 White children).',
      'In the year to December 2024, children from the Mixed ethnic group were 1.94 times as likely as White children to become first time entrants (95% confidence interval 1.07 to 3.38; 19 first time entrants among 3,026 children from the Mixed ethnic group, against 45 among 13,877 White children).',
    ]);
  });

  it('lists a significant RRI of fewer than 10 children apart, with its counts, as based on few children (the pooled years where pooled)', () => {
    expect(lists[1]?.heading).toBe('Significant, but based on few children (fewer than 10 in the group at the stage)');
    expect(lists[1]?.items).toEqual([
      'In the three years to December 2024, children from the Mixed ethnic group were 3.10 times as likely as White children to receive a custodial sentence, among children sentenced at court (95% confidence interval 1.20 to 8.01; 6 of 31 children from the Mixed ethnic group, against 9 of 145 White children).',
    ]);
  });

  it('says how many comparisons were made, how many differ, and that some are expected by chance', () => {
    const prose = section.blocks.flatMap((b) => (b.kind === 'paragraphs' ? b.paragraphs : []));
    // 7 comparisons (4 FTE, 1 remand, 2 pooled custody); 7 × 0.05 = 0.35 → "about 0.4".
    expect(prose).toContain('3 of the 7 comparisons with White children differ significantly. '
      + 'With 7 comparisons, about 0.4 would be expected to look significant by chance alone even if no group\'s rate differed from White children\'s (1 in 20 at the 95% level), so a single significant result is weak evidence on its own. '
      + '1 significant result rests on fewer than 10 children in the group at the stage, so it is based on few children and not used as a headline.');
  });

  it('says where differences occur, never that they are caused', () => {
    const prose = section.blocks.flatMap((b) => (b.kind === 'paragraphs' ? b.paragraphs : b.kind === 'list' ? b.items : [])).join(' ');
    expect(prose).toContain('These figures show where differences occur, not why.');
    expect(prose).not.toMatch(/\b(caused|causes|due to|leads? to|results? in)\b/i);
  });
});

describe('disproSection: the RRI chart', () => {
  type Spec = { data: { values: { stage: string; group: string; value: number }[] }; encoding: { y: { scale: { domain: string[] } } }; layer: { mark: { type: string }; data?: { values: unknown[] }; encoding: { x?: { field: string; scale?: { type?: string } } } }[] };
  const spec = chart.spec as unknown as Spec;

  it('plots on a log scale with a parity rule at 1', () => {
    const scales = spec.layer.map((l) => l.encoding.x?.scale?.type).filter(Boolean);
    expect(new Set(scales)).toEqual(new Set(['log']));
    const parity = spec.layer.find((l) => l.mark.type === 'rule' && l.data);
    expect(parity?.data?.values).toEqual([{ parity: 1 }]);
    expect(parity?.encoding.x?.field).toBe('parity');
  });

  it('plots the pooled custody figure in place of the single year, and leaves out RRIs it cannot draw', () => {
    expect(spec.data.values.map((v) => [v.stage, v.group, v.value])).toEqual([
      ['First time entrant', 'Asian', 0.8], ['First time entrant', 'Black', 2.4], ['First time entrant', 'Mixed', 1.94],
      ['Custodial sentence|(3 years pooled)', 'Black', 0.9], ['Custodial sentence|(3 years pooled)', 'Mixed', 3.1],
    ]);
    // Stages on the axis in the order of the chain; remand has nothing to draw.
    expect(spec.encoding.y.scale.domain).toEqual(['First time entrant', 'Custodial sentence|(3 years pooled)']);
  });

  it('states the finding in the title and gives every RRI, drawn or not, in its table', () => {
    // Mixed children's custody (3.10) is further from parity but rests on 6 children: the title takes Black FTE (26).
    expect(chart.title).toBe('3 of the 7 comparisons with White children differ significantly; the furthest from parity: Black children, first time entrant, 2.40 times the White rate (26 first time entrants in the group)');
    const rows = texts(chart.table);
    expect(rows[1]).toEqual(['First time entrant', 'Black', '7.8 (26 of 3,344)', '3.2 (45 of 13,877)', '2.40', '1.42 to 3.97', 'Yes: higher', '']);
    expect(rows[3]).toEqual(['First time entrant', 'Other', '[x]', '3.2 (45 of 13,877)', '0.00', '0.00 to 1.01', 'No', 'Index is 0']);
    expect(rows[4]).toEqual(['Remand to youth detention', 'Asian', '[x]', '[x]', '[x]', '[x]', '[x]', 'No White children']);
    expect(rows[5]?.[0]).toBe('Custodial sentence (pooled)');
  });

  it('lists the RRIs not drawn, one item per reason, naming the stages and groups in chart order', () => {
    expect(lists.find((l) => l.heading === 'Not drawn on the chart')?.items).toEqual([
      'No child of the group reached the stage, so the index is 0, which a log scale cannot show: first time entrant, Other.',
      'No White child reached the stage, so there is no rate to compare with and the index is undefined: remand to youth detention, Asian.',
    ]);
  });

  it('gathers the hidden RRIs of a public pack by their true reason, "every group" where all four are hidden', () => {
    const hide = (r: IndicatorRecord): IndicatorRecord => ({ ...r, numerator: null, denominator: null, value: null, lower: null, upper: null, suppressed: true });
    const hidden = [
      ...['Asian', 'Black', 'Mixed', 'Other'].map((g) => hide(rri('custody_pooled', g, 1, 0.5, 2, false, 1, 9))),
      hide(rri('fte', 'Asian', 0.8, 0.43, 1.43, false, 3, 45)), hide(rri('fte', 'Mixed', 0.8, 0.43, 1.43, false, 3, 45)),
      rri('fte', 'Black', 2.4, 1.42, 3.97, true, 26, 45),
    ];
    // The disclosure log: pooled custody hidden for small counts; FTE Asian (3) small, FTE Mixed hidden to protect it.
    const log = [
      ...['Asian', 'Black', 'Mixed', 'Other'].map((g) => ({ id: 'dispro.rate', period: P, breakdown: { stage: 'custody_pooled', group: g }, reason: 'primary' as const })),
      { id: 'dispro.rate', period: P, breakdown: { stage: 'fte', group: 'Asian' }, reason: 'primary' as const },
      { id: 'dispro.rate', period: P, breakdown: { stage: 'fte', group: 'Mixed' }, reason: 'secondary' as const },
      // The RRI goes with the rate it is built on (the same children).
      { id: 'dispro.rri', period: P, breakdown: { stage: 'fte', group: 'Mixed' }, reason: 'linked' as const },
    ];
    const publicSection = disproSection(hidden, period, 5, [], { hiddenReason: hiddenReasons(log) });
    const items = publicSection.blocks
      .find((b): b is Extract<Block, { kind: 'list' }> => b.kind === 'list' && b.heading === 'Not drawn on the chart')?.items;
    expect(items).toEqual([
      'Hidden to protect children\'s identities, because each is built on a small count: first time entrant, Asian; custodial sentence (3 years pooled), every group.',
      'Hidden to protect children\'s identities, so that another hidden figure cannot be worked out from them (they are not small themselves): first time entrant, Mixed.',
    ]);
    // The count of significant comparisons is of those shown (1: FTE Black), and the hidden 6 are explained.
    const prose = publicSection.blocks.flatMap((b) => (b.kind === 'paragraphs' ? b.paragraphs : []));
    expect(prose.find((p) => p.startsWith('The 1 comparison'))).toMatch(/^The 1 comparison with White children that can be shown differs significantly\. 6 comparisons are hidden to protect children's identities: 5 are built on a small count, and 1 is hidden so that another hidden figure cannot be worked out from it\./);
    expect(texts((publicSection.blocks.find((b) => b.kind === 'figure') as Extract<Block, { kind: 'figure' }>).chart.table)
      .map((r) => r[7])).toEqual(['Hidden [c]: small count', '', 'Hidden [c]: protects another', ...Array(4).fill('Hidden [c]: small count')]);
  });
});

describe('disproSection: shares and notes', () => {
  it('sets each group\'s share of a stage beside its share of the population, with ethnicity not known', () => {
    const table = section.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table').map((b) => b.table)[0];
    expect(table?.head.map((c) => c.text)).toEqual([
      'Ethnic group', 'Population aged 10–17', 'First time entrant', 'Remand to youth detention', 'Custodial sentence (3 years pooled)',
    ]);
    const rows = table ? texts(table) : [];
    // Each share with its count and base ("10 of 100" in the fixture).
    expect(rows[1]).toEqual(['Black', '12.0% (10 of 100)', '24.3% (10 of 100)', '[x]', '[x]']);
    expect(rows[5]).toEqual(['Ethnicity not known', '[z]', '2.7% (10 of 100)', '[x]', '4.5% (10 of 100)']);
  });

  it('keeps the context notes, quarters in words, and leaves out those the section says itself (or that could carry a small count)', () => {
    expect(lists.find((l) => l.heading === 'About these figures')?.items).toEqual([
      messages.noteDisproArrestsNotChildren.text({}),
      // 2024-25-Q3 is October to December 2024; 2022-23-Q4 January to March 2023; 2023-24-Q1 April to June 2023.
      'The reoffending stage pools the 2 latest complete reoffending cohorts at October to December 2024 (January to March 2023 and April to June 2023): reoffenders of the children in those cohorts.',
    ]);
  });

  it('says pooled stages cover three years', () => {
    const prose = section.blocks.flatMap((b) => (b.kind === 'paragraphs' ? b.paragraphs : []));
    expect(prose).toContain('Stages marked "3 years pooled" add together the three years to December 2024, because a single year has too few children to compare groups (the service pools these stages). The other stages are for the year to December 2024.');
  });

  it('is left out of the pack without records for the period', () => {
    expect(hasDispro(records, period)).toBe(true);
    expect(hasDispro(records, parsePeriod('2024-25-Q2'))).toBe(false);
  });

  it('gives the RRI table without a chart when no index can be drawn (a log scale has no domain then)', () => {
    // Only undefined or zero indexes: no White child remanded (undefined), no Other first time entrant (0).
    const nothingToDraw = [rri('remand_yda', 'Asian', null, null, null, false, 1, 0), rri('fte', 'Other', 0, 0, 1.01, false, 0, 45)];
    const bare = disproSection(nothingToDraw, period, null, []);
    expect(bare.blocks.some((b) => b.kind === 'figure')).toBe(false);
    const tables = bare.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    expect(tables.some((t) => t.table.rows.some((r) => r.some((c) => c.text === 'Other')))).toBe(true);
  });
});

