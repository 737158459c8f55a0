/**
 * The notes disproportionality leaves for the pack: unknown ethnicity per
 * stage, undefined ratios, population gaps, pooling. Texts live in
 * messages.ts; this file only decides when each applies. Pure.
 */
import { ETHNIC_GROUPS, type EthnicGroup } from '../../../contract/codes.js';
import { messages } from '../../../messages.js';
import type { ComputeNote } from '../../context.js';
import type { PopulationEstimate } from '../../population.js';
import type { StageFigures } from './figures.js';
import type { UndefinedRatio } from './records.js';
import type { StageDefinition } from './stages.js';

export const NOTE_INDICATOR = 'dispro';
/** Unknown ethnicity above this share of a stage is a warning: the comparison may be biased. */
export const UNKNOWN_WARNING_PERCENT = 10;

function note(severity: ComputeNote['severity'], text: string): ComputeNote {
  return { indicator: NOTE_INDICATOR, severity, text };
}

export function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Share of the stage's children with ethnicity not known; none when all are known. */
export function unknownEthnicityNote(def: StageDefinition, fig: StageFigures, window: string): ComputeNote[] {
  const { count, total } = fig.unknown;
  if (count === 0 || total === 0) return [];
  const percent = count / total * 100;
  const params = { unknown: count, total, counted: def.counted, window, percent: percent.toFixed(1), stage: def.name };
  return percent > UNKNOWN_WARNING_PERCENT
    ? [note('warning', messages.noteDisproUnknownEthnicityHigh.text(params))]
    : [note('info', messages.noteDisproUnknownEthnicity.text(params))];
}

/** One note per reason, naming the groups it applies to. */
export function undefinedRatioNotes(def: StageDefinition, undefinedRatios: readonly UndefinedRatio[], window: string): ComputeNote[] {
  const byReason = new Map<string, string[]>();
  for (const u of undefinedRatios) byReason.set(u.reason, [...(byReason.get(u.reason) ?? []), u.group]);
  return [...byReason].map(([reason, groups]) =>
    note('info', messages.noteDisproRatioUndefined.text({ stage: capitalised(def.name), window, groups: listOf(groups), reason })));
}

export function populationNotes(
  populations: Readonly<Record<EthnicGroup, PopulationEstimate | null>>, period: string, wantedYear: number,
): ComputeNote[] {
  const notes: ComputeNote[] = [];
  const missing = ETHNIC_GROUPS.filter((g) => populations[g] === null);
  if (missing.length > 0) notes.push(note('warning', messages.noteDisproNoPopulation.text({ groups: listOf(missing), period })));
  const fallbackYears = [...new Set(ETHNIC_GROUPS.map((g) => populations[g]).filter((p) => p?.fallback).map((p) => p?.year))];
  for (const year of fallbackYears) {
    notes.push(note('info', messages.noteDisproPopulationFallback.text({ wanted: wantedYear, year, period })));
  }
  return notes;
}

/** arrests.csv stops before P (issue 9: no stage on a year the file does not cover). */
export function arrestsEndNote(period: string, last: string): ComputeNote {
  return note('warning', messages.noteDisproArrestsEndBefore.text({ period, last }));
}

export function arrestsNote(): ComputeNote {
  return note('info', messages.noteDisproArrestsNotChildren.text({}));
}

export function pooledNote(def: StageDefinition, params: {
  period: string; from: string; to: string; pooledStage: string; periods: readonly string[];
}): ComputeNote {
  return note('info', messages.noteDisproPooled.text({
    stage: def.name, stageKey: def.stage, period: params.period, from: params.from, to: params.to,
    pooledStage: params.pooledStage, periods: listOf(params.periods),
  }));
}

export function reoffendingCohortsNote(period: string, cohorts: readonly string[]): ComputeNote {
  return note('info', messages.noteDisproReoffendingCohorts.text({ period, count: cohorts.length, cohorts: listOf(cohorts) }));
}

export function noReoffendingCohortNote(period: string): ComputeNote {
  return note('info', messages.noteDisproNoReoffendingCohort.text({ period }));
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
