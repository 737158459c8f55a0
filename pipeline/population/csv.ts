/**
 * population.csv as text, and the file with its provenance beside it. The
 * CSV stays plain data (the loader reads it like any extract file); the notes
 * (areas, years, sources, attribution) go to a sidecar text file next to it,
 * `population.csv.README.txt`, which the loader does not read.
 */
import { writeFilesAtomically } from '../output/atomic.js';
import type { PopulationRow } from './types.js';

export const POPULATION_HEADER = ['year', 'age', 'sex', 'ethnic_group', 'population'] as const;

export function populationToCsv(rows: readonly PopulationRow[]): string {
  const lines = rows.map((r) => `${r.year},${r.age},${r.sex},${r.ethnic_group},${r.population}`);
  return `${POPULATION_HEADER.join(',')}\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
}

/** Path of the notes file written beside a population CSV. */
export function notesPathFor(csvPath: string): string {
  return `${csvPath}.README.txt`;
}

export function populationNotesText(notes: readonly string[]): string {
  return `How this population.csv was made (yjpack)\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
}

/** Writes the CSV and its notes together (both or neither). */
export async function writePopulationCsv(path: string, rows: readonly PopulationRow[], notes: readonly string[]): Promise<void> {
  await writeFilesAtomically([
    { path, data: populationToCsv(rows) },
    { path: notesPathFor(path), data: populationNotesText(notes) },
  ]);
}
