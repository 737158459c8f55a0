/**
 * The notes disproportionality leaves for the pack: unknown ethnicity per
 * stage, undefined ratios, population gaps, pooling. Texts live in
 * messages.ts; this file only decides when each applies. Pure.
 */
import { ETHNIC_GROUPS, type EthnicGroup } from '../../../contract/codes.js';
import type { ComputeNote, NoteMessageId, NoteParam } from '../../context.js';
import type { PopulationEstimate } from '../../population.js';
import type { StageFigures } from './figures.js';
import type { UndefinedRatio } from './records.js';
import type { StageDefinition } from './stages.js';
import { multiplierOf } from '../../catalogue.js';
import { capitalise, listOf } from '../../../words.js';

export const NOTE_INDICATOR = 'dispro';
/** Unknown ethnicity above this share of a stage is a warning: the comparison may be biased. */
export const UNKNOWN_WARNING_PERCENT = 10;

/** The year (or three pooled years) to the report quarter, as a note parameter. */
export type NoteWindow = Extract<NoteParam, { kind: 'window' }>;

function note(severity: ComputeNote['severity'], message: NoteMessageId, params: Record<string, NoteParam> = {}): ComputeNote {
  return { indicator: NOTE_INDICATOR, severity, message, params };
}

/** Share of the stage's children with ethnicity not known; none when all are known. */
export function unknownEthnicityNote(def: StageDefinition, fig: StageFigures, window: NoteWindow): ComputeNote[] {
  const { count, total } = fig.unknown;
  if (count === 0 || total === 0) return [];
  const params: Record<string, NoteParam> = {
    unknown: { kind: 'count', value: count, of: total }, total: { kind: 'count', value: total },
    percent: { kind: 'percent', numerator: count, denominator: total }, counted: def.counted, window, stage: def.name,
  };
  // The share is the stage's dispro.share record for "Not known", in its unit (per cent).
  return count / total * multiplierOf('dispro.share') > UNKNOWN_WARNING_PERCENT
    ? [note('warning', 'noteDisproUnknownEthnicityHigh', params)]
    : [note('info', 'noteDisproUnknownEthnicity', params)];
}

/** One note per reason, naming the groups it applies to. */
export function undefinedRatioNotes(def: StageDefinition, undefinedRatios: readonly UndefinedRatio[], window: NoteWindow): ComputeNote[] {
  const byReason = new Map<string, string[]>();
  for (const u of undefinedRatios) byReason.set(u.reason, [...(byReason.get(u.reason) ?? []), u.group]);
  return [...byReason].map(([reason, groups]) =>
    note('info', 'noteDisproRatioUndefined', { stage: capitalise(def.name), window, groups: listOf(groups), reason }));
}

export function populationNotes(
  populations: Readonly<Record<EthnicGroup, PopulationEstimate | null>>, period: string, wantedYear: number,
): ComputeNote[] {
  const notes: ComputeNote[] = [];
  const window: NoteWindow = { kind: 'window', years: 1, code: period };
  const missing = ETHNIC_GROUPS.filter((g) => populations[g] === null);
  if (missing.length > 0) notes.push(note('warning', 'noteDisproNoPopulation', { groups: listOf(missing), window }));
  const fallbackYears = [...new Set(ETHNIC_GROUPS.map((g) => populations[g]).filter((p) => p?.fallback).map((p) => p?.year))];
  for (const year of fallbackYears) {
    notes.push(note('info', 'noteDisproPopulationFallback', { wanted: wantedYear, year: year ?? '', window }));
  }
  return notes;
}

/** arrests.csv stops before P (issue 9: no stage on a year the file does not cover). */
export function arrestsEndNote(period: string, last: string): ComputeNote {
  return note('warning', 'noteDisproArrestsEndBefore', { period, last: { kind: 'date', iso: last } });
}

export function arrestsNote(): ComputeNote {
  return note('info', 'noteDisproArrestsNotChildren');
}

export function pooledNote(def: StageDefinition, params: {
  period: string; from: string; to: string; pooledStage: string; periods: readonly string[];
}): ComputeNote {
  return note('info', 'noteDisproPooled', {
    stage: def.name, stageKey: def.stage, window: { kind: 'window', years: 3, code: params.period }, from: params.from, to: params.to,
    pooledStage: params.pooledStage, periods: { kind: 'periods', codes: params.periods, as: 'years' },
  });
}

export function reoffendingCohortsNote(period: string, cohorts: readonly string[]): ComputeNote {
  return note('info', 'noteDisproReoffendingCohorts', {
    period: { kind: 'periods', codes: [period], as: 'quarters' }, count: cohorts.length, cohorts: { kind: 'periods', codes: cohorts, as: 'quarters' },
  });
}

export function noReoffendingCohortNote(period: string): ComputeNote {
  return note('info', 'noteDisproNoReoffendingCohort', { period: { kind: 'periods', codes: [period], as: 'quarters' } });
}
