/**
 * Fills mid-years that have no estimate by holding the nearest real one: a
 * later year repeats the latest estimate, an earlier year the earliest. Used
 * where a history runs past the estimates shipped with yjpack (the sample);
 * the notes say which years are held, so nobody mistakes them for estimates.
 */
import type { BuiltPopulation, PopulationRow } from './types.js';

export function holdPopulationYears(built: BuiltPopulation, firstYear: number, lastYear: number): BuiltPopulation {
  const real = [...new Set(built.rows.map((r) => r.year))].sort((a, b) => a - b);
  if (real.length === 0) return built;
  const byYear = new Map<number, PopulationRow[]>();
  for (const r of built.rows) {
    if (!byYear.has(r.year)) byYear.set(r.year, []);
    byYear.get(r.year)!.push(r);
  }
  const held = new Map<number, number[]>(); // source year → years copied from it
  for (let y = firstYear; y <= lastYear; y++) {
    if (byYear.has(y)) continue;
    const source = [...real].reverse().find((r) => r < y) ?? real[0]!;
    byYear.set(y, byYear.get(source)!.map((r) => ({ ...r, year: y })));
    held.set(source, [...(held.get(source) ?? []), y]);
  }
  const notes = [...built.notes];
  for (const [source, years] of held) {
    notes.push(`${yearRange(years)} ${years.length > 1 ? 'hold' : 'holds'} the mid-${source} figures: no estimate for ${years.length > 1 ? 'those years' : 'that year'} is shipped with yjpack.`);
  }
  const rows = [...byYear.keys()].sort((a, b) => a - b).flatMap((y) => byYear.get(y)!);
  return { rows, notes };
}

function yearRange(years: readonly number[]): string {
  const first = years[0]!;
  const last = years[years.length - 1]!;
  return years.length === 1 ? `Mid-${first}` : `Mid-${first} to mid-${last}`;
}
