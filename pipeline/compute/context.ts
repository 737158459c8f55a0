/**
 * What every indicator is computed from besides the store: the report period
 * and the settings. Passed in explicitly (never read from the clock or env).
 */
import type { Period } from '../period.js';

export interface ComputeSettings {
  /** Adds CR and Outcome 22 as reoffending index events (the local live-tracker view). Default off. */
  includeNonSubstantive: boolean;
  /** Disproportionality stages pooled over the last three years (small services). */
  poolStages: readonly string[];
}

export const DEFAULT_SETTINGS: ComputeSettings = {
  includeNonSubstantive: false,
  poolStages: [],
};

export interface ComputeContext {
  period: Period;
  settings: ComputeSettings;
}

/** A note an indicator leaves for the data-quality and methods sections of the pack. */
export interface ComputeNote {
  indicator: string;
  severity: 'info' | 'warning';
  text: string;
}
