/**
 * Whether the parts of a population file add up to its totals. population.csv
 * may give one year several ways (a 10–17 total, single ages, boys and girls,
 * the five ethnic groups); rates take the total and disproportionality takes
 * the groups, so parts that disagree with their total would make the pack
 * contradict itself. Each way of making up 10–17 is compared with the others:
 * - the widest rows against the single ages (10–17 against 10, 11, … 17),
 * - persons against boys plus girls,
 * - all children against the five groups added up (when all five are given).
 * A difference within 1% of the total is a warning (published totals and
 * splits are rounded separately); more is an error.
 */
import { ETHNIC_GROUPS } from '../contract/codes.js';
import { expected } from '../messages.js';
import type { Store } from '../store/db.js';
import type { CheckResult, Finding } from './run-checks.js';

interface PopulationPart {
  rn: number;
  year: number;
  ageFrom: number;
  ageTo: number;
  sex: string | null;
  group: string | null;
  population: number;
  value: string;
}

/** A way of making up 10–17: its sum and the row that stands for it (its first). */
interface Cover { sum: number; first: PopulationPart }

const YOUNGEST = 10;
const OLDEST = 17;
/** Share of the total by which parts may differ as rounding (a warning), beyond which they are an error. */
export const ROUNDING_SHARE = 0.01;

export async function populationTotals(store: Store, table: string): Promise<CheckResult> {
  // Only rows whose every key value was read: a bad sex or group is its own error, not a difference in sums.
  const rows = await store.query<{
    rn: number; year: number; age_from: number; age_to: number; sex: string | null; grp: string | null; population: number; value: string;
  }>(`SELECT rowid AS rn, year, age_from, age_to, sex, ethnic_group AS grp, population, r_population AS value FROM ${table}
      WHERE year IS NOT NULL AND age_from IS NOT NULL AND age_to IS NOT NULL AND population IS NOT NULL
        AND age_from >= ${YOUNGEST} AND age_to <= ${OLDEST} AND age_from <= age_to
        AND (r_sex IS NULL OR sex IN ('M', 'F')) AND (r_ethnic_group IS NULL OR ethnic_group IS NOT NULL)
      ORDER BY rowid`);
  const parts = rows.map((r): PopulationPart => ({
    rn: r.rn, year: r.year, ageFrom: r.age_from, ageTo: r.age_to, sex: r.sex, group: r.grp, population: r.population, value: r.value,
  }));
  const findings: Finding[] = [];
  for (const year of [...new Set(parts.map((p) => p.year))]) findings.push(...yearFindings(parts.filter((p) => p.year === year)));
  findings.sort((a, b) => a.rn - b.rn);
  const errors = findings.filter((f) => f.severity === 'error');
  return {
    findings, unlisted: [], errorCount: errors.length, warningCount: findings.length - errors.length,
    refusedRows: new Set(errors.map((f) => f.rn)).size,
  };
}

/** Every disagreement of one year's rows, each reported once on the total's row. */
export function yearFindings(rows: readonly PopulationPart[]): Finding[] {
  const findings = new Map<number, Finding>();
  const note = (total: Cover | null, parts: number | null, what: string) => {
    if (total === null || parts === null || findings.has(total.first.rn)) return;
    const finding = compare(total, parts, what);
    if (finding) findings.set(total.first.rn, finding);
  };
  const scopes: (string | null)[] = [null, ...ETHNIC_GROUPS.filter((g) => rows.some((r) => r.group === g))];
  for (const group of scopes) {
    const inScope = rows.filter((r) => r.group === group);
    for (const sex of [null, 'M', 'F']) {
      const same = inScope.filter((r) => r.sex === sex);
      const single = cover(same, 'narrowest');
      note(cover(same, 'widest'), single?.sum ?? null, 'single ages');
    }
    const persons = cover(inScope.filter((r) => r.sex === null), 'widest');
    const boys = cover(inScope.filter((r) => r.sex === 'M'), 'widest');
    const girls = cover(inScope.filter((r) => r.sex === 'F'), 'widest');
    note(persons, boys && girls ? boys.sum + girls.sum : null, 'boys and girls');
  }
  const all = scopeTotal(rows.filter((r) => r.group === null));
  const groups = ETHNIC_GROUPS.map((g) => scopeTotal(rows.filter((r) => r.group === g)));
  if (groups.every((g) => g !== null)) note(all, groups.reduce((n, g) => n + g!.sum, 0), 'five ethnic groups');
  return [...findings.values()];
}

function compare(total: Cover, parts: number, what: string): Finding | null {
  const difference = Math.abs(total.sum - parts);
  // Populations are whole children, but a file may hold estimates with decimals: a hair's difference is none.
  if (difference < 1e-6 * Math.max(1, total.sum)) return null;
  const severity = difference <= ROUNDING_SHARE * total.sum ? 'warning' : 'error';
  const sum = formatCount(parts);
  const totalText = formatCount(total.sum);
  return {
    rn: total.first.rn, column: 'population', value: total.first.value, severity,
    expected: () => (severity === 'warning' ? expected.partsRounded() : expected.partsDiffer(what, totalText, sum)),
  };
}

/** Persons, else boys plus girls, as the rates take them (compute/population.ts). */
function scopeTotal(rows: readonly PopulationPart[]): Cover | null {
  const persons = cover(rows.filter((r) => r.sex === null), 'widest');
  if (persons) return persons;
  const boys = cover(rows.filter((r) => r.sex === 'M'), 'widest');
  const girls = cover(rows.filter((r) => r.sex === 'F'), 'widest');
  return boys && girls ? { sum: boys.sum + girls.sum, first: boys.first } : null;
}

/** Rows whose ages tile 10–17 exactly, trying the widest (or narrowest) range at each age first. */
function cover(rows: readonly PopulationPart[], prefer: 'widest' | 'narrowest'): Cover | null {
  const startingAt = (age: number) => rows
    .filter((r) => r.ageFrom === age)
    .sort((a, b) => (prefer === 'widest' ? b.ageTo - a.ageTo : a.ageTo - b.ageTo) || a.rn - b.rn);
  // Remembered per age, so a file with many rows at one age cannot make the search explode.
  const known = new Map<number, number | null>();
  const from = (age: number): number | null => {
    if (age > OLDEST) return 0;
    if (known.has(age)) return known.get(age)!;
    let found: number | null = null;
    for (const row of startingAt(age)) {
      const rest = from(row.ageTo + 1);
      if (rest !== null) { found = row.population + rest; break; }
    }
    known.set(age, found);
    return found;
  };
  const sum = from(YOUNGEST);
  const first = startingAt(YOUNGEST).find((r) => from(r.ageTo + 1) !== null);
  return sum === null || first === undefined ? null : { sum, first };
}

function formatCount(n: number): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}
