/**
 * The output record of indicators.md ("Output record"). Values are
 * unrounded; rounding is for display only.
 */

export const INDICATOR_IDS = [
  'fte.count', 'fte.offences', 'fte.rate',
  'custody.count', 'custody.children', 'custody.rate',
  'reoffending.binary', 'reoffending.per_reoffender', 'reoffending.per_offender',
  'ete.school_age', 'ete.over_school_age', 'ete.overall', 'ete.suitable_end',
  'dispro.rate', 'dispro.rri', 'dispro.share',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type BreakdownKey = 'cohort' | 'index_type' | 'sex' | 'age_band' | 'ethnic_group' | 'stage' | 'group';
/** Key order is fixed (BREAKDOWN_KEYS) so JSON and CSV output are deterministic. */
export const BREAKDOWN_KEYS: readonly BreakdownKey[] = ['cohort', 'index_type', 'sex', 'age_band', 'ethnic_group', 'stage', 'group'];
export type Breakdown = Partial<Record<BreakdownKey, string>>;

export type Unit = 'count' | '%' | 'per 100,000' | 'per 1,000' | 'ratio' | 'per child';

export type CohortStatus = 'complete' | 'provisional' | 'in_progress';

export interface IndicatorRecord {
  id: IndicatorId;
  /** The quarter the record describes (`2024-25-Q3`); reoffending records carry the run's period. */
  period: string;
  breakdown: Breakdown;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  lower: number | null;
  upper: number | null;
  unit: Unit;
  /** Reoffending cohorts only. */
  status?: CohortStatus;
  /** Reoffending cohorts in progress: whole months of follow-up elapsed by the period end. */
  months_elapsed?: number;
  /** Comparisons only (dispro.rri, or against a comparator). */
  significant?: boolean;
  direction?: 'higher' | 'lower' | null;
  suppressed: boolean;
}

/** A record with the fields every indicator fills the same way. */
export function record(fields: Omit<IndicatorRecord, 'suppressed' | 'lower' | 'upper'> &
  Partial<Pick<IndicatorRecord, 'lower' | 'upper'>>): IndicatorRecord {
  return { lower: null, upper: null, ...fields, suppressed: false };
}
