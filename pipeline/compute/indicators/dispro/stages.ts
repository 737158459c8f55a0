/**
 * The decision points of the disproportionality chain (indicators.md, the
 * OJJDP method): each stage's base is the stage that feeds it, so disparity
 * already present at an earlier point is not counted again.
 */
/** The stages in chain order: the names config's `pooling:` accepts. */
export const DISPRO_STAGES = ['arrest', 'fte', 'outcome', 'diversion', 'remand_yda', 'custody', 'reoffending'] as const;

export type DisproStage = (typeof DISPRO_STAGES)[number];

/** Population bases give a rate per 1,000 aged 10–17; proportion bases a percentage of the children fed in. */
export type BaseKind = 'population' | 'proportion';

export interface StageDefinition {
  stage: DisproStage;
  base: BaseKind;
  /** The stage's name in a sentence ("the custody stage"). */
  name: string;
  /** What is counted at the decision point, in words (the base, or the events where the base is the population). */
  counted: string;
}

export const STAGES: readonly StageDefinition[] = [
  { stage: 'arrest', base: 'population', name: 'arrest', counted: 'arrests' },
  { stage: 'fte', base: 'population', name: 'first time entrant', counted: 'first time entrants' },
  { stage: 'outcome', base: 'population', name: 'outcome', counted: 'children with a substantive outcome' },
  { stage: 'diversion', base: 'proportion', name: 'diversion', counted: 'children with a proven outcome' },
  { stage: 'remand_yda', base: 'proportion', name: 'remand to youth detention', counted: 'children with a remand decision' },
  { stage: 'custody', base: 'proportion', name: 'custody', counted: 'children sentenced at court' },
  { stage: 'reoffending', base: 'proportion', name: 'reoffending', counted: 'children in the reoffending cohorts' },
];

/** Pooled figures carry this suffix on their stage (`custody_pooled`), so they never collide with the single year. */
export const POOLED_SUFFIX = '_pooled';

export function pooledStage(stage: DisproStage): string {
  return `${stage}${POOLED_SUFFIX}`;
}

export function isPooledStage(stage: string): boolean {
  return stage.endsWith(POOLED_SUFFIX);
}

/** Years pooled, each the year to a quarter 4 apart (P, P−4, P−8). */
export const POOLED_YEARS = 3;
