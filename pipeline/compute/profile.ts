/**
 * The cohort profile (the pack's profile section): children with any proven
 * outcome in the year to P by sex, age, ethnic group, offence type and
 * outcome tier, as counts; and remands to youth detention accommodation by
 * rolling year (shown with use of custody). Pure functions of
 * the store; counts only, no child ids leave the SQL (profile.sql.ts).
 *
 * Choices where the spec is silent (each child counts once per table, so
 * every table adds up to the same number of children):
 * - "children with outcomes": any proven outcome, community resolutions and
 *   other non-substantive outcomes included (not proven excluded);
 * - age: at the offence date of the child's first outcome in the year, as
 *   for first time entrants;
 * - offence type: the category of the child's most serious offence dealt
 *   with in the year (highest YJB gravity score);
 * - outcome tier: the most severe tier of the child's outcomes in the year.
 */
import { ETHNIC_GROUPS, NOT_KNOWN, OFFENCE_CATEGORIES, SEX } from '../contract/codes.js';
import { formatPeriod, periodEnd, rollingYearStart, trendWindow } from '../period.js';
import type { Store } from '../store/db.js';
import type { ComputeContext } from './context.js';
import { HAS_REMANDS_SQL, PROFILE_COUNTS_SQL, TIER_SEVERITY, YDA_REMANDS_SQL } from './profile.sql.js';

export type ProfileDimension = 'sex' | 'age' | 'ethnic_group' | 'offence_type' | 'outcome_tier';

export interface ProfileRow {
  /** Stable key: a code (`M`, `VIOLENCE_AGAINST_THE_PERSON`), an age (`15`) or a tier (`custody`). */
  category: string;
  /** What the pack prints. */
  label: string;
  children: number;
}

export interface ProfileTable {
  dimension: ProfileDimension;
  /** The report period: the table describes the year to it. */
  period: string;
  /** Children with a proven outcome in the year (the same in every table). */
  total: number;
  rows: ProfileRow[];
}

export interface YdaRemandYear {
  /** The quarter whose rolling year this is. */
  period: string;
  /** Remand decisions to youth detention accommodation in the year. */
  decisions: number;
  /** Distinct children remanded to youth detention accommodation. */
  children: number;
  /** Distinct children with any remand decision (bail or remand). */
  childrenWithDecision: number;
}

const TIER_LABELS: Record<(typeof TIER_SEVERITY)[number], string> = {
  pre_court_non_substantive: 'Community resolution or diversion',
  pre_court_substantive: 'Youth or conditional caution',
  first_tier: 'First-tier court sentence',
  community: 'Community sentence',
  custody: 'Custodial sentence',
};

const AGES = ['10', '11', '12', '13', '14', '15', '16', '17'];

export async function computeProfile(store: Store, ctx: ComputeContext): Promise<ProfileTable[]> {
  const rows = await store.query<{ dimension: ProfileDimension; category: string; children: number }>(PROFILE_COUNTS_SQL, {
    year_start: rollingYearStart(ctx.period), period_end: periodEnd(ctx.period),
  });
  const counts = (d: ProfileDimension): Map<string, number> =>
    new Map(rows.filter((r) => r.dimension === d).map((r) => [r.category, r.children]));
  const total = [...counts('sex').values()].reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  const period = formatPeriod(ctx.period);
  return [
    { dimension: 'sex', period, total, rows: fixedRows(counts('sex'), Object.entries(SEX)) },
    { dimension: 'age', period, total, rows: ageRows(counts('age')) },
    { dimension: 'ethnic_group', period, total, rows: fixedRows(counts('ethnic_group'), [...ETHNIC_GROUPS, NOT_KNOWN].map((g) => [g, g])) },
    { dimension: 'offence_type', period, total, rows: offenceRows(counts('offence_type')) },
    { dimension: 'outcome_tier', period, total, rows: tierRows(counts('outcome_tier')) },
  ];
}

/** Every category of a fixed list, zeros included (a true zero is information), then any the list lacks. */
function fixedRows(counts: ReadonlyMap<string, number>, categories: readonly (readonly [string, string])[]): ProfileRow[] {
  const known = categories.map(([category, label]) => ({ category, label, children: counts.get(category) ?? 0 }));
  const others = [...counts].filter(([c]) => !categories.some(([k]) => k === c))
    .map(([category, children]) => ({ category, label: category, children }));
  return [...known, ...others];
}

/** Ages 10 to 17 in order, then any ages outside (recorded dates of birth can be wrong), grouped. */
function ageRows(counts: ReadonlyMap<string, number>): ProfileRow[] {
  const rows = AGES.map((a) => ({ category: a, label: a, children: counts.get(a) ?? 0 }));
  const outside = (test: (age: number) => boolean): number =>
    [...counts].filter(([a]) => test(Number(a))).reduce((n, [, c]) => n + c, 0);
  const under = outside((a) => a < 10);
  const over = outside((a) => a > 17);
  if (under > 0) rows.unshift({ category: 'under_10', label: 'Under 10', children: under });
  if (over > 0) rows.push({ category: '18_or_over', label: '18 or over', children: over });
  return rows;
}

/** The categories that occur, most children first (a list of 19 mostly empty rows helps no one). */
function offenceRows(counts: ReadonlyMap<string, number>): ProfileRow[] {
  return [...counts]
    .map(([category, children]) => ({ category, label: offenceLabel(category), children }))
    .sort((a, b) => b.children - a.children || a.label.localeCompare(b.label, 'en-GB'));
}

function offenceLabel(category: string): string {
  if (category === 'NOT_KNOWN') return NOT_KNOWN;
  const label = OFFENCE_CATEGORIES[category];
  if (label) return label.charAt(0) + label.slice(1).toLowerCase();
  return category;
}

/** Tiers from least to most severe (the SQL gives each child's most severe tier as its rank, 1 to 5). */
function tierRows(counts: ReadonlyMap<string, number>): ProfileRow[] {
  return TIER_SEVERITY.map((tier, i) => ({ category: tier, label: TIER_LABELS[tier], children: counts.get(String(i + 1)) ?? 0 }));
}

/** Remands to youth detention in the year to each quarter of the trend window; empty when remands.csv has none. */
export async function computeYdaRemands(store: Store, ctx: ComputeContext): Promise<YdaRemandYear[]> {
  const [has] = await store.query<{ n: number }>(HAS_REMANDS_SQL, { period_end: periodEnd(ctx.period) });
  if (!has || has.n === 0) return [];
  const out: YdaRemandYear[] = [];
  for (const q of trendWindow(ctx.period)) {
    const [row] = await store.query<{ decisions: number; children: number; children_with_decision: number }>(YDA_REMANDS_SQL, {
      year_start: rollingYearStart(q), period_end: periodEnd(q),
    });
    out.push({
      period: formatPeriod(q),
      decisions: row?.decisions ?? 0,
      children: row?.children ?? 0,
      childrenWithDecision: row?.children_with_decision ?? 0,
    });
  }
  return out;
}
