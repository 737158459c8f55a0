/**
 * The counts one stage's records are built from, by ethnic group, and how
 * single years add up to a pooled figure. Pure: no store.
 */
import { ETHNIC_GROUPS, NOT_KNOWN, type EthnicGroup } from '../../../contract/codes.js';
import type { BaseKind } from './stages.js';

export type GroupKey = EthnicGroup | typeof NOT_KNOWN;
export const GROUP_KEYS: readonly GroupKey[] = [...ETHNIC_GROUPS, NOT_KNOWN];
/** The reference group of every relative rate index. */
export const REFERENCE_GROUP: EthnicGroup = 'White';

/** Events at a stage and the children at its decision point (the base, for proportion stages). */
export interface Tally { events: number; base: number }
export type StageTally = Record<GroupKey, Tally>;

export interface TallyRow {
  ethnic_group: string;
  events: number;
  base: number;
}

export function emptyTally(): StageTally {
  return Object.fromEntries(GROUP_KEYS.map((g) => [g, { events: 0, base: 0 }])) as StageTally;
}

/** A tally from per-group rows; a group with no row has no children. */
export function tallyFromRows(rows: readonly TallyRow[]): StageTally {
  const tally = emptyTally();
  for (const row of rows) {
    const key = (GROUP_KEYS as readonly string[]).includes(row.ethnic_group) ? row.ethnic_group as GroupKey : NOT_KNOWN;
    tally[key] = { events: tally[key].events + row.events, base: tally[key].base + row.base };
  }
  return tally;
}

export interface GroupFigures {
  events: number;
  /** Population aged 10–17 or children at the decision point; null when the population is missing. */
  base: number | null;
}

export interface StageFigures {
  /** breakdown.stage: the stage, or `<stage>_pooled`. */
  stage: string;
  base: BaseKind;
  /** The quarter the figures describe (the last of the year, or of the pooled years). */
  period: string;
  groups: Record<EthnicGroup, GroupFigures>;
  /**
   * Data quality: children (arrests) at the decision point with ethnicity
   * not known, of all of them. The decision point is the base for
   * proportion stages and the events for population stages (the population
   * has no "not known").
   */
  unknown: { count: number; total: number };
}

/** Figures of one stage in one year: the tally with the population as base where the base is the population. */
export function stageFigures(
  stage: string, base: BaseKind, period: string, tally: StageTally,
  populations: Readonly<Record<EthnicGroup, number | null>>,
): StageFigures {
  const groups = Object.fromEntries(ETHNIC_GROUPS.map((g) => [g, {
    events: tally[g].events,
    base: base === 'population' ? populations[g] : tally[g].base,
  }])) as Record<EthnicGroup, GroupFigures>;
  const atDecision = (t: Tally): number => (base === 'population' ? t.events : t.base);
  const total = GROUP_KEYS.reduce((n, g) => n + atDecision(tally[g]), 0);
  return { stage, base, period, groups, unknown: { count: atDecision(tally[NOT_KNOWN]), total } };
}

/**
 * Single years added up: events and bases are summed (a child counted in
 * two years counts twice, as the population counts children-years), so the
 * pooled rate is events per child-year. A base missing in any year leaves
 * the pooled base missing.
 */
export function poolFigures(years: readonly StageFigures[], stage: string, period: string): StageFigures {
  const first = years[0];
  if (!first) throw new Error('poolFigures: no years to pool');
  const sum = (values: readonly (number | null)[]): number | null =>
    values.some((v) => v === null) ? null : values.reduce<number>((n, v) => n + (v as number), 0);
  const groups = Object.fromEntries(ETHNIC_GROUPS.map((g) => [g, {
    events: years.reduce((n, y) => n + y.groups[g].events, 0),
    base: sum(years.map((y) => y.groups[g].base)),
  }])) as Record<EthnicGroup, GroupFigures>;
  return {
    stage, base: first.base, period, groups,
    unknown: {
      count: years.reduce((n, y) => n + y.unknown.count, 0),
      total: years.reduce((n, y) => n + y.unknown.total, 0),
    },
  };
}
