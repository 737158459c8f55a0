import { describe, expect, it } from 'vitest';
import type { Block, ChartModel } from '../../../pipeline/assemble/model.js';
import { discloseRecords } from '../../../pipeline/assemble/disclosure.js';
import { profileSection } from '../../../pipeline/assemble/sections/profile.js';
import type { ProfileTable } from '../../../pipeline/compute/profile.js';
import type { Comparison } from '../../../pipeline/compute/comparators.js';
import { parsePeriod } from '../../../pipeline/period.js';

const P = '2024-25-Q3';
const period = parsePeriod(P);
const t = (dimension: ProfileTable['dimension'], rows: [string, number][]): ProfileTable => ({
  dimension, period: P, total: rows.reduce((n, [, c]) => n + c, 0), rows: rows.map(([label, children]) => ({ category: label, label, children })),
});
// 20 children with a proven outcome in the year to December 2024.
const profile: ProfileTable[] = [
  t('sex', [['Male', 14], ['Female', 4], ['Unknown', 2]]),
  t('age', [['14', 0], ['15', 8], ['16', 9], ['17', 3]]),
  t('offence_type', [['Violence against the person', 10], ['Theft and handling', 6], ['Robbery', 4]]),
];
const charts = (threshold: number | null, p: ProfileTable[] = profile): ChartModel[] =>
  profileSection(p, period, threshold).blocks.filter((b): b is Extract<Block, { kind: 'figure' }> => b.kind === 'figure').map((b) => b.chart);
const rows = (c: ChartModel | undefined) => c?.table.rows.map((r) => r.map((x) => x.text));

describe('profileSection: a chart and a table per characteristic', () => {
  it('gives counts and percentages of the children, with the total, and the largest group in the title', () => {
    const [sex, age] = charts(null);
    // 14 / 20 = 70.0%, 4 / 20 = 20.0%, 2 / 20 = 10.0%.
    expect(rows(sex)).toEqual([
      ['Male', '14', '70.0%'], ['Female', '4', '20.0%'], ['Unknown', '2', '10.0%'], ['All children with an outcome', '20', '100.0%'],
    ]);
    expect(sex?.title).toBe('Most children with a proven outcome were male: 14 of 20 children (70.0%)');
    // 9 / 20 = 45.0%: the largest, but not most.
    expect(age?.title).toBe('The largest group of children with a proven outcome were aged 16: 9 of 20 children (45.0%)');
    expect(sex?.subtitle).toBe('Percentage of the 20 children with a proven outcome in the year to December 2024, by sex.');
  });

  it('draws a bar per category at its percentage', () => {
    const spec = charts(null)[0]?.spec as unknown as { data: { values: { category: string; percent: number | null; text: string }[] } };
    expect(spec.data.values.map((v) => [v.category, v.percent, v.text])).toEqual([['Male', 70, '70.0%'], ['Female', 20, '20.0%'], ['Unknown', 10, '10.0%']]);
  });
});

describe('profileSection: disclosure control in the public version', () => {
  it('hides counts from 1 to the threshold and their percentages, in the table and the chart', () => {
    const [sex] = charts(5);
    // Female 4 and Unknown 2 are small; two cells are hidden, so neither can be worked out from the total.
    expect(rows(sex)).toEqual([
      ['Male', '14', '70.0%'], ['Female', '[c]', '[c]'], ['Unknown', '[c]', '[c]'], ['All children with an outcome', '20', '100.0%'],
    ]);
    const spec = sex?.spec as unknown as { data: { values: { percent: number | null; text: string }[] } };
    expect(spec.data.values.map((v) => [v.percent, v.text])).toEqual([[70, '70.0%'], [null, '[c]'], [null, '[c]']]);
    expect(JSON.stringify(sex)).not.toContain('20.0%');
  });

  it('hides a second cell where one hidden cell would be the total minus the rest (secondary suppression)', () => {
    const [, age] = charts(5);
    // 17 (3) is small; alone it would be 20 − 0 − 8 − 9, so the smallest other non-zero cell, 15 (8), is hidden too. Zeros stay.
    expect(rows(age)).toEqual([
      ['14', '0', '0.0%'], ['15', '[c]', '[c]'], ['16', '9', '45.0%'], ['17', '[c]', '[c]'], ['All children with an outcome', '20', '100.0%'],
    ]);
  });

  it('puts hidden offence types last, alphabetically, so their place in the order gives nothing away', () => {
    const [, , offences] = charts(5);
    // Robbery (4) is small; theft (6) is hidden with it.
    expect(rows(offences)).toEqual([
      ['Violence against the person', '10', '50.0%'], ['Robbery', '[c]', '[c]'], ['Theft and handling', '[c]', '[c]'],
      ['All children with an outcome', '20', '100.0%'],
    ]);
  });

  it('hides the whole table when the total itself is small', () => {
    const tiny = [t('sex', [['Male', 3], ['Female', 1], ['Unknown', 0]])];
    const [sex] = charts(5, tiny);
    expect(rows(sex)).toEqual([
      ['Male', '[c]', '[c]'], ['Female', '[c]', '[c]'], ['Unknown', '0', '0.0%'], ['All children with an outcome', '[c]', '[c]'],
    ]);
    expect(sex?.title).toBe('Children with a proven outcome by sex');
  });

  it('logs every hidden count for the manifest', () => {
    expect(discloseRecords([], 5, { profile: profile.slice(1, 2), remands: [{ period: P, decisions: 4, children: 0, childrenWithDecision: 19 }] }).countLog).toEqual([
      { table: 'profile.age', period: P, category: '15', reason: 'secondary' },
      { table: 'profile.age', period: P, category: '17', reason: 'primary' },
      { table: 'remands.yda', period: P, category: 'decisions', reason: 'primary' },
    ]);
  });

  it('says when no child had an outcome', () => {
    const section = profileSection([], period, null);
    expect(section.blocks.find((b) => b.kind === 'notice')).toEqual({ kind: 'notice', text: 'No child received a proven outcome in the year to December 2024, so there is no profile to show.' });
  });
});

describe('profileSection: children cautioned or sentenced against the YJB published figure', () => {
  const comparison = (numerator: number, significant: boolean): Comparison => ({
    id: 'dispro.rate', period: P, breakdown: { stage: 'outcome' }, numerator, value: 2.0, lower: 1.5, upper: 2.6, unit: 'per 1,000',
    comparator: 'outcome.children_rate', comparatorPeriod: '2024-25-Q3', area: 'West Midlands', comparatorValue: significant ? 3.2 : 2.4,
    source: 'YJB', origin: 'shipped', significant, direction: significant ? 'lower' : null,
  });
  const prose = (threshold: number | null, c: Comparison) => profileSection(profile, period, threshold, [c]).blocks
    .flatMap((b) => (b.kind === 'paragraphs' ? b.paragraphs : [])).filter((p) => p.startsWith('Children cautioned or sentenced'));

  it('says lower only when the published figure lies outside the interval (3.2 > 2.6), similar otherwise (2.4 inside 1.5–2.6)', () => {
    expect(prose(null, comparison(60, true))[0]).toContain('2.0 per 1,000 children aged 10 to 17 in the year to December 2024 (95% confidence interval 1.5 to 2.6), lower than the 3.2 per 1,000 the YJB published for West Midlands in the year to December 2024.');
    expect(prose(null, comparison(60, false))[0]).toContain('similar to the 2.4 per 1,000 the YJB published for West Midlands in the year to December 2024 (the published figure lies inside the interval).');
  });

  it('is withheld from a public pack when it rests on a small count', () => {
    expect(prose(5, comparison(4, true))).toEqual([]);
    expect(prose(5, comparison(60, true))).toHaveLength(1);
  });
});
