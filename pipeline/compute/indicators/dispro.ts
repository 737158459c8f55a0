/**
 * Ethnic disproportionality: the relative rate index (RRI) by stage
 * (indicators.md, "Ethnic disproportionality"; method in words for the
 * board in docs/disproportionality.md).
 *
 * Records (every one has breakdown { stage, group }; group is one of the
 * five broad groups unless said otherwise):
 * - dispro.rate  per stage and group: events / base, per 1,000 aged 10–17
 *   (arrest, fte, outcome) or % of the children fed in (the other stages).
 * - dispro.rri   per stage and non-White group: rate / White rate, with
 *   significant and direction. numerator = the group's events, denominator
 *   = the White group's events (the counts the ratio rests on). value null
 *   where undefined (no White events, an empty base, no population), with a
 *   note saying why; a limit null where it is undefined (Katz with no
 *   events in the group), with a note.
 * - dispro.share per stage and group: the group's % of the stage's events
 *   of known ethnicity. Group 'Not known': the % of all children at the
 *   decision point (the base; the events for population stages) whose
 *   ethnicity is not known, the data-quality figure, also given as a note
 *   ('warning' above 10%). Stage 'population': each group's % of the
 *   population aged 10–17 (the Lammy-review comparison), no interval.
 * Headline records carry period = P and describe the year to P.
 *
 * Pooling (setting `pooling`, ctx.settings.poolStages): for a pooled stage
 * S the single year to P stays under stage S, the three single years are
 * also given under stage S with period = each year's last quarter (P−8,
 * P−4, P), and the pooled figure (their sums: events and bases of the three
 * years added, so a rate per child-year) is under stage `S_pooled` with
 * period P. A note names the years. So a stage's meaning never depends on
 * the settings, and the chart can show `S_pooled` in place of S.
 *
 * Choices where the spec is silent:
 * - arrest: arrests.csv has no child id, so arrests are counted, not
 *   children (a note says so); the stage runs only when arrests.csv has an
 *   arrest dated in P (a file stopping earlier would make a partial year
 *   look like fewer arrests; a warning says so), remand_yda when
 *   remands.csv has rows dated up to P's end (remands are rare).
 * - fte uses fte.ts's entrant rule itself, so the groups add up to
 *   fte.count; the other stages set no age rule, as custody.ts.
 * - reoffending: the latest 4 complete cohort quarters at P (their members
 *   from reoffending.ts), pooled; pooled over three years, the latest 4 of
 *   runs for P, P−4 and P−8 (12 cohort quarters). Not shown when those
 *   cohorts have no children.
 * - Population for a group: populationFor with the group (Census ethnic
 *   split); the population share is of the five groups' total.
 * - Records are for P only (no trend window): disproportionality is a
 *   year-on-population comparison, and the pack shows it for P.
 */
import { ETHNIC_GROUPS, type EthnicGroup } from '../../contract/codes.js';
import { addQuarters, formatPeriod, midYearFor, rollingYearLabel, type Period } from '../../period.js';
import type { Store } from '../../store/db.js';
import type { ComputeContext, ComputeNote } from '../context.js';
import { populationFor, type PopulationEstimate } from '../population.js';
import type { IndicatorRecord } from '../record.js';
import { poolFigures, stageFigures, type StageFigures } from './dispro/figures.js';
import {
  arrestsEndNote, arrestsNote, noReoffendingCohortNote, type NoteWindow, pooledNote, populationNotes, reoffendingCohortsNote, undefinedRatioNotes,
  unknownEthnicityNote,
} from './dispro/notes.js';
import { populationShareRecords, stageRecords } from './dispro/records.js';
import { POOLED_YEARS, STAGES, pooledStage, type StageDefinition } from './dispro/stages.js';
import { availableStages, countStage } from './dispro/tally.js';
import type { IndicatorResult } from './result.js';

type GroupPopulations = Record<EthnicGroup, PopulationEstimate | null>;

export async function computeDispro(store: Store, ctx: ComputeContext): Promise<IndicatorResult> {
  const p = ctx.period;
  const period = formatPeriod(p);
  const populations = new PopulationCache(store);
  const headlinePopulations = await populations.of(p);
  const { stages: available, arrestsEndBefore } = await availableStages(store, p);

  const records: IndicatorRecord[] = [...populationShareRecords(numbersOf(headlinePopulations), period)];
  const notes: ComputeNote[] = arrestsEndBefore === null ? [] : [arrestsEndNote(period, arrestsEndBefore)];
  let usesPopulation = false;

  for (const def of STAGES.filter((s) => available.has(s.stage))) {
    const single = await yearFigures(store, def, p, ctx, populations);
    if (def.stage === 'reoffending') {
      if (single.figures.unknown.total === 0) {
        notes.push(noReoffendingCohortNote(period));
        continue;
      }
      notes.push(reoffendingCohortsNote(period, single.cohorts ?? []));
    }
    if (def.stage === 'arrest') notes.push(arrestsNote());
    usesPopulation ||= def.base === 'population';
    emit(def, single.figures, { kind: 'window', years: 1, code: period }, records, notes);

    if (ctx.settings.poolStages.includes(def.stage)) {
      const years = [single.figures];
      const cohorts = [...(single.cohorts ?? [])];
      for (let k = 1; k < POOLED_YEARS; k++) {
        const earlier = await yearFigures(store, def, addQuarters(p, -4 * k), ctx, populations);
        years.unshift(earlier.figures);
        cohorts.unshift(...(earlier.cohorts ?? []));
      }
      const pooled = poolFigures(years, pooledStage(def.stage), period);
      emit(def, pooled, { kind: 'window', years: 3, code: period }, records, notes);
      // The earlier single years, records only: their notes would repeat the pooled ones.
      for (const year of years.slice(0, -1)) records.push(...stageRecords(year).records);
      // Reoffending pools cohorts, not dates: name the cohort quarters instead.
      notes.push(pooledNote(def, {
        period,
        from: cohorts.length > 0 ? `cohorts ${cohorts[0]}` : rollingYearLabel(addQuarters(p, -4 * (POOLED_YEARS - 1))).split(' to ')[0] as string,
        to: cohorts.length > 0 ? cohorts[cohorts.length - 1] as string : rollingYearLabel(p).split(' to ')[1] as string,
        pooledStage: pooled.stage,
        periods: years.map((y) => y.period),
      }));
    }
  }
  if (usesPopulation) notes.push(...populationNotes(headlinePopulations, period, midYearFor(p)));
  return { records, notes };
}

function emit(def: StageDefinition, figures: StageFigures, window: NoteWindow, records: IndicatorRecord[], notes: ComputeNote[]): void {
  const result = stageRecords(figures);
  records.push(...result.records);
  notes.push(...unknownEthnicityNote(def, figures, window), ...undefinedRatioNotes(def, result.undefinedRatios, window));
}

async function yearFigures(
  store: Store, def: StageDefinition, q: Period, ctx: ComputeContext, populations: PopulationCache,
): Promise<{ figures: StageFigures; cohorts?: string[] }> {
  const counted = await countStage(store, def.stage, q, ctx.settings);
  const bases = def.base === 'population' ? numbersOf(await populations.of(q)) : noPopulation();
  return { figures: stageFigures(def.stage, def.base, formatPeriod(q), counted.tally, bases), cohorts: counted.cohorts };
}

/** Each group's population for the year to a quarter, looked up once per quarter. */
class PopulationCache {
  private readonly byQuarter = new Map<string, Promise<GroupPopulations>>();
  constructor(private readonly store: Store) {}

  of(q: Period): Promise<GroupPopulations> {
    const key = formatPeriod(q);
    let found = this.byQuarter.get(key);
    if (!found) {
      found = lookUp(this.store, q);
      this.byQuarter.set(key, found);
    }
    return found;
  }
}

async function lookUp(store: Store, q: Period): Promise<GroupPopulations> {
  const out = {} as GroupPopulations;
  for (const group of ETHNIC_GROUPS) out[group] = await populationFor(store, q, { ethnic_group: group });
  return out;
}

function numbersOf(populations: GroupPopulations): Record<EthnicGroup, number | null> {
  return Object.fromEntries(ETHNIC_GROUPS.map((g) => [g, populations[g]?.population ?? null])) as Record<EthnicGroup, number | null>;
}

function noPopulation(): Record<EthnicGroup, number | null> {
  return Object.fromEntries(ETHNIC_GROUPS.map((g) => [g, null])) as Record<EthnicGroup, number | null>;
}
