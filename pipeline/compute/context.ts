/**
 * What every indicator is computed from besides the store: the report period
 * and the settings. Passed in explicitly (never read from the clock or env).
 */
import type { Config } from '../config.js';
import type { MessageId } from '../messages.js';
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

/** The context of a run: its period and the config settings that change figures. */
export function computeContext(period: Period, config: Config): ComputeContext {
  return {
    period,
    settings: { includeNonSubstantive: config.includeNonSubstantive, poolStages: config.poolStages },
  };
}

/** The catalogue messages a compute note may be written from (pipeline/messages.ts, the `note…` entries). */
export type NoteMessageId = Extract<MessageId, `note${string}`>;

/**
 * A parameter of a note. Plain strings and numbers are words or settings,
 * never counts of children; anything a public pack may have to withhold, or
 * that the pack writes in its own words, says what it is, so assemble can
 * write the text after disclosure control (assemble/notes.ts) and a reworded
 * message cannot carry a small count into a public pack.
 */
export type NoteParam =
  | string
  | number
  /** Children (or arrests) counted: withheld when from 1 to the threshold, or when `of` less it is. */
  | { kind: 'count'; value: number; of?: number }
  /** numerator of denominator as a percentage: withheld when either count, or their difference, is small. */
  | { kind: 'percent'; numerator: number; denominator: number }
  /** Quarters by code (`2024-25-Q3`), written in words: "July to September 2024" or "year to September 2024". */
  | { kind: 'periods'; codes: readonly string[]; as: 'quarters' | 'years' }
  /** A run of consecutive quarters' years: "year to June 2024", or "years to each quarter from June 2024 to March 2025". */
  | { kind: 'yearRange'; from: string; to: string }
  /** The year (or three years) to a quarter. */
  | { kind: 'window'; years: 1 | 3; code: string }
  /** An ISO day. */
  | { kind: 'date'; iso: string };

/**
 * A note an indicator leaves for the pack (data-quality section, the notes
 * under a topic): which catalogue message, and its parameters. No text: the
 * pack writes it after disclosure control.
 */
export interface ComputeNote {
  indicator: string;
  severity: 'info' | 'warning';
  message: NoteMessageId;
  params: Readonly<Record<string, NoteParam>>;
}
