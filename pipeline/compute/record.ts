/**
 * The output record of indicators.md ("Output record"). Values are
 * unrounded; rounding is for display only. What each id is (label, unit,
 * topic…) is in catalogue.ts.
 */
import { unitOf } from './catalogue.js';

export const INDICATOR_IDS = [
  'fte.count', 'fte.offences', 'fte.rate',
  'custody.count', 'custody.children', 'custody.rate',
  'reoffending.binary', 'reoffending.per_reoffender', 'reoffending.per_offender',
  'ete.school_age', 'ete.over_school_age', 'ete.overall', 'ete.suitable_end',
  'dispro.rate', 'dispro.rri', 'dispro.share',
  // ETE (KPI 2) at the start of the order, and the children with no ETE record at each end.
  'ete.school_age_start', 'ete.over_school_age_start', 'ete.overall_start', 'ete.suitable_start',
  'ete.not_recorded', 'ete.not_recorded_start',
  // The YJB key performance indicators (docs/indicators.md, KPIs).
  'kpi.accommodation.end', 'kpi.accommodation.start', 'kpi.accommodation.not_recorded', 'kpi.accommodation.not_recorded_start',
  'kpi.send.plan',
  'kpi.mental_health.need', 'kpi.mental_health.offered', 'kpi.mental_health.attended',
  'kpi.substance_misuse.need', 'kpi.substance_misuse.offered', 'kpi.substance_misuse.attended',
  'kpi.oocd.completed',
  'kpi.wider_services.any', 'kpi.wider_services.lac', 'kpi.wider_services.cpp', 'kpi.wider_services.cin',
  'kpi.wider_services.early_help',
  'kpi.board_attendance.sectors', 'kpi.board_attendance.data_shared',
  'kpi.serious_violence.offences', 'kpi.serious_violence.children', 'kpi.serious_violence.rate',
  'kpi.victims.engaged_rj', 'kpi.victims.contacted', 'kpi.victims.views_considered',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export type BreakdownKey = 'cohort' | 'index_type' | 'order_type' | 'sex' | 'age_band' | 'ethnic_group' | 'stage' | 'group' | 'sector';
/** Key order is fixed (BREAKDOWN_KEYS) so JSON and CSV output are deterministic. */
export const BREAKDOWN_KEYS: readonly BreakdownKey[] = [
  'cohort', 'index_type', 'order_type', 'sex', 'age_band', 'ethnic_group', 'stage', 'group', 'sector',
];
export type Breakdown = Partial<Record<BreakdownKey, string>>;

export type Unit = 'count' | '%' | 'per 100,000' | 'per 10,000' | 'per 1,000' | 'ratio' | 'per child' | 'of 5';

export type CohortStatus = 'complete' | 'provisional' | 'in_progress';
/** A figure whose data is absent ([x]): values null, `reason` says what is missing. Never shown as 0. */
export type RecordStatus = CohortStatus | 'not_available';

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
  /** Reoffending cohorts; 'not_available' for a KPI whose data is absent. */
  status?: RecordStatus;
  /** Why a not_available record has no figure (catalogue text). */
  reason?: string;
  /** Reoffending cohorts in progress: whole months of follow-up elapsed by the period end. */
  months_elapsed?: number;
  /** Comparisons only (dispro.rri, or against a comparator). */
  significant?: boolean;
  direction?: 'higher' | 'lower' | null;
  suppressed: boolean;
}

/** A record with the fields every indicator fills the same way; the unit is the catalogue's unless given. */
export function record(fields: Omit<IndicatorRecord, 'suppressed' | 'lower' | 'upper' | 'unit'> &
  Partial<Pick<IndicatorRecord, 'lower' | 'upper' | 'unit'>>): IndicatorRecord {
  return { lower: null, upper: null, ...fields, unit: fields.unit ?? unitOf(fields.id), suppressed: false };
}

/** A figure with its interval, as a statistics function gives it (a fraction) or as a record holds it (scaled). */
export interface Estimate { value: number | null; lower: number | null; upper: number | null }

/** A fraction and its interval in a unit: each × the unit's multiplier (catalogue.ts), null kept null. */
export function scaled(e: Estimate, multiplier: number): Estimate {
  const times = (v: number | null): number | null => (v === null ? null : v * multiplier);
  return { value: times(e.value), lower: times(e.lower), upper: times(e.upper) };
}
