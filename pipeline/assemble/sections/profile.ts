/**
 * Section 8, Cohort profile: the children with a proven outcome in the year
 * to P by sex, age, ethnic group, offence type and outcome tier
 * (compute/profile.ts), one bar chart each with its table of counts and
 * percentages. Counts pass through the same disclosure rules as the records
 * (assemble/count-disclosure.ts) before anything is drawn or written.
 */
import type { ProfileDimension, ProfileTable } from '../../compute/profile.js';
import { formatPeriod as formatPeriodCode, parsePeriod, type Period } from '../../period.js';
import type { Comparison } from '../../compute/comparators.js';
import { unitMultiplier } from '../../compute/catalogue.js';
import { isSmallCount } from '../../compute/statistics.js';
import { profileChartSpec, type ProfileBar } from '../charts/profile-chart.js';
import { numberCell, table, textCell } from '../cells.js';
import { SYMBOL, formatCount, formatValue, placesForEstimate, plural, yearToLabel } from '../format.js';
import type { Block, ChartModel, Section } from '../model.js';
import { shownProfileCounts } from '../count-disclosure.js';

export const PROFILE_SECTION_ID = 'profile';

const NAMES: Record<ProfileDimension, { noun: string; column: string }> = {
  sex: { noun: 'sex', column: 'Sex' },
  age: { noun: 'age', column: 'Age at the offence' },
  ethnic_group: { noun: 'ethnic group', column: 'Ethnic group' },
  offence_type: { noun: 'offence type', column: 'Most serious offence' },
  outcome_tier: { noun: 'most severe outcome', column: 'Most severe outcome' },
};

interface ShownRow { label: string; children: number | null; percent: number | null }

export function profileSection(profile: readonly ProfileTable[], period: Period, threshold: number | null,
  comparisons: readonly Comparison[] = []): Section {
  const blocks: Block[] = [
    { kind: 'paragraphs', paragraphs: [
      `The children who received any proven outcome (a community resolution or other out-of-court outcome, a caution or a court sentence) in the ${yearToLabel(period)}, each counted once in each table.`,
      'Age is at the date of the offence dealt with at the child\'s first outcome in the year. The offence type is the YJB category of the child\'s most serious offence dealt with in the year (by the YJB gravity score), and the outcome the most severe they received.',
      ...cautionedOrSentenced(comparisons, period, threshold),
    ] },
  ];
  if (profile.length === 0) {
    blocks.push({ kind: 'notice', text: `No child received a proven outcome in the ${yearToLabel(period)}, so there is no profile to show.` });
  } else {
    for (const t of profile) blocks.push({ kind: 'figure', chart: profileChart(t, threshold) });
  }
  return { id: PROFILE_SECTION_ID, heading: 'Cohort profile', blocks };
}

/**
 * The service's children cautioned or sentenced per 1,000 against the YJB's
 * published figure for a comparator area (when config names one and a
 * published year is close enough). Withheld in a public pack when it rests on
 * a small count.
 */
function cautionedOrSentenced(comparisons: readonly Comparison[], period: Period, threshold: number | null): string[] {
  const here = formatPeriodCode(period);
  return comparisons
    .filter((c) => c.comparator === 'outcome.children_rate' && c.period === here)
    .filter((c) => threshold === null || !isSmallCount(c.numerator ?? null, threshold))
    .flatMap((c) => {
      if (c.value === null || c.lower === null || c.upper === null) return [];
      const verdict = c.significant ? `${c.direction} than` : 'similar to';
      const places = placesForEstimate(c, 'per 1,000');
      const rate = (v: number) => formatValue(v, 'per 1,000', places);
      return [`Children cautioned or sentenced: ${rate(c.value)} per 1,000 children aged 10 to 17 in the ${yearToLabel(period)} (95% confidence interval ${rate(c.lower)} to ${rate(c.upper)}), ${verdict} the ${rate(c.comparatorValue)} per 1,000 the YJB published for ${c.area} in the ${yearToLabel(parsePeriod(c.comparatorPeriod))}${c.significant ? '' : ' (the published figure lies inside the interval)'}.`];
    });
}

function profileChart(t: ProfileTable, threshold: number | null): ChartModel {
  const { rows: shown, total } = shownProfileCounts(t, threshold);
  const rows: ShownRow[] = orderForAudience(t, shown).map(({ label, children }) => ({
    label, children, percent: children === null || t.total === 0 ? null : (children / t.total) * unitMultiplier('%'),
  }));
  const names = NAMES[t.dimension];
  const when = yearToLabel(parsePeriod(t.period));
  const bars: ProfileBar[] = rows.map((r) => ({
    category: r.label, percent: r.percent, text: r.percent === null ? SYMBOL.confidential : formatValue(r.percent, '%'),
  }));
  const totalText = total === null ? SYMBOL.confidential : formatCount(total);
  return {
    id: `chart-profile-${t.dimension.replace('_', '-')}`,
    title: headlineTitle(t.dimension, rows, total),
    subtitle: `Percentage of the ${totalText} children with a proven outcome in the ${when}, by ${names.noun}.`,
    description: describe(names.noun, rows, totalText),
    spec: profileChartSpec(bars, { xTitle: 'Per cent of children' }),
    table: table({
      id: `table-profile-${t.dimension.replace('_', '-')}`,
      caption: `Children with a proven outcome in the ${when} by ${names.noun}`,
      head: [textCell(names.column), numberCell('Children'), numberCell('Per cent')],
      rows: [
        ...rows.map((r) => [
          textCell(r.label),
          numberCell(r.children === null ? SYMBOL.confidential : formatCount(r.children)),
          numberCell(r.percent === null ? SYMBOL.confidential : formatValue(r.percent, '%')),
        ]),
        [textCell('All children with an outcome'), numberCell(totalText), numberCell(total === null ? SYMBOL.confidential : '100.0%')],
      ],
      notes: [],
    }, threshold),
  };
}

/**
 * Offence types come most children first. With cells hidden that order
 * would bound a hidden count by its neighbours, so the hidden ones go last,
 * alphabetically.
 */
function orderForAudience(t: ProfileTable, shown: readonly (number | null)[]): { label: string; children: number | null }[] {
  const rows = t.rows.map((r, i) => ({ label: r.label, children: shown[i] ?? null }));
  if (t.dimension !== 'offence_type') return rows;
  const visible = rows.filter((r) => r.children !== null);
  const hidden = rows.filter((r) => r.children === null).sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  return [...visible, ...hidden];
}

/** The largest category shown, with its denominator. */
function headlineTitle(dimension: ProfileDimension, rows: readonly ShownRow[], total: number | null): string {
  const top = rows.filter((r) => r.children !== null && r.children > 0)
    .reduce<ShownRow | null>((best, r) => (best === null || (r.children ?? 0) > (best.children ?? 0) ? r : best), null);
  if (top === null || top.children === null || total === null || top.percent === null) {
    return `Children with a proven outcome by ${NAMES[dimension].noun}`;
  }
  const share = `${formatCount(top.children)} of ${plural(total, 'child', 'children')} (${formatValue(top.percent, '%')})`;
  const most = top.percent > 50;
  switch (dimension) {
    case 'offence_type':
      return `The most common most serious offence was ${lowerFirst(top.label)}: ${share}`;
    case 'outcome_tier':
      return `The most severe outcome was most often ${aOrAn(lowerFirst(top.label))}: ${share}`;
    default:
      return `${most ? 'Most' : 'The largest group of'} children with a proven outcome were ${describeCategory(dimension, top.label)}: ${share}`;
  }
}

function describeCategory(dimension: ProfileDimension, label: string): string {
  if (dimension === 'age') return /^\d+$/.test(label) ? `aged ${label}` : lowerFirst(label);
  if (dimension === 'sex') return label === 'Unknown' ? 'of unrecorded sex' : label.toLowerCase();
  if (label === 'Not known') return 'of unrecorded ethnicity';
  return label === 'Mixed' || label === 'Other' ? `from the ${label} ethnic group` : label;
}

function aOrAn(phrase: string): string {
  return `${/^[aeiou]/i.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function describe(noun: string, rows: readonly ShownRow[], totalText: string): string {
  const parts = rows.map((r) => `${r.label} ${r.percent === null ? 'hidden' : formatValue(r.percent, '%')}`);
  return `Bar chart of the ${totalText} children with a proven outcome by ${noun}: ${parts.join('; ')}. The counts are in the table below the chart.`;
}

