/**
 * The board pack as data: what assemble produces and render turns into HTML.
 * Every string in it is display-ready (rounded, labelled, with denominators),
 * so templates only lay things out. A later section is just another Section
 * built from the same blocks.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Comparison } from '../compute/comparators.js';
import type { ComputeNote } from '../compute/context.js';
import type { ProfileTable, YdaRemandYear } from '../compute/profile.js';
import type { IndicatorRecord } from '../compute/record.js';
import type { PopulationUsed } from '../compute/population.js';
import type { Period } from '../period.js';

export type Audience = 'board' | 'public';

export interface DataQualityInput {
  files: {
    file: string; rows: number; refusedRows: number; sha256: string;
    /** Rows with at least one warning (loaded as written); `warningRowsAtLeast` when the load listed only the first ones. */
    warningRows?: number; warningRowsAtLeast?: boolean;
  }[];
  /** Warnings in plain words that carry no count (compute notes are written by assemble from PackInput.notes). */
  warnings?: string[];
  extractFrom: string | null;
  extractTo: string | null;
  /** Load warnings by file and column, without the values (they could identify a child). */
  loadWarnings?: LoadWarning[];
  /** Offences with a not-proven outcome (NFA, not guilty, withdrawn): counted here, in no indicator. */
  notProven?: { yearToPeriod: number; toPeriodEnd: number } | null;
}

export interface LoadWarning {
  file: string;
  column: string | null;
  /** Rows with this warning (file-level warnings: 0). */
  rows: number;
  /** What was expected, as the validator says it. */
  expected: string;
}

/** The run's settings that change figures, for the methods section. */
export interface PackSettings {
  includeNonSubstantive: boolean;
  poolStages: readonly string[];
  comparatorAreas: readonly string[];
}

/** An image file's bytes, inlined into the pack as a data: URI. */
export interface LogoImage {
  mediaType: string;
  bytes: Uint8Array;
}

export interface PackInput {
  records: IndicatorRecord[];
  notes: ComputeNote[];
  period: Period;
  /** ISO timestamp of the run: the only time the pack shows. */
  producedAt: string;
  audience: Audience;
  serviceName: string;
  dataQuality: DataQualityInput;
  /** The population estimate used for the year to P (and for each quarter, when known); null when there is none. */
  population: PackPopulation | null;
  /** Public packs: counts from 1 to this are shown [c] (indicators.md; default 5). */
  suppressionThreshold?: number;
  /** Config `headline_min_count`: a headline rests only on a group with at least this many children at the stage (default 10). */
  headlineMinCount?: number;
  /** Config `logo:`, shown on the cover. */
  logo?: LogoImage | null;
  /** Config `accent_colour:` (checked for contrast by config.ts); headings and borders. */
  accentColour?: string | null;
  settings?: PackSettings;
  // Sections (summary status, comparators, remands, profile): optional, each section says when it has none.
  /** The service's targets by indicator id (config `targets`): status in the summary. */
  targets?: Partial<Record<string, Target>>;
  /** The records compared with published comparators (compute/comparators.ts comparatorsFor). */
  comparisons?: readonly Comparison[];
  /** The cohort profile of children with outcomes in the year to P (compute/profile.ts computeProfile). */
  profile?: readonly ProfileTable[];
  /** Remands to youth detention accommodation in the year to each quarter (compute/profile.ts computeYdaRemands). */
  remands?: readonly YdaRemandYear[];
}

/** The estimate for the year to P; `estimates` names the one used for each quarter with a rate. */
export type PackPopulation = Pick<PopulationUsed, 'year' | 'fallback'> & Partial<Pick<PopulationUsed, 'estimates'>>;

/** A target from config (`targets:`): the value, and whether a higher figure is better. */
export interface Target {
  value: number;
  better: 'higher' | 'lower';
}

export interface PackModel {
  /** Document title (browser tab, PDF metadata). */
  title: string;
  cover: Cover;
  /** Table of contents: one entry per section. */
  contents: { id: string; heading: string }[];
  sections: Section[];
  /** "#RRGGBB" for headings and borders (at least 4.5:1 on white). */
  accent: string;
}

export interface Cover {
  title: string;
  serviceName: string;
  periodLabel: string;
  /** `2024-25-Q3`, for the reader who files packs by code. */
  periodCode: string;
  producedAt: string;
  producedAtIso: string;
  audience: Audience;
  marking: string;
  /** The service's logo as a data: URI for an <img>, and its text alternative. */
  logo: { src: string; alt: string } | null;
}

export interface Section {
  /** Fragment id, stable across runs (`fte`, `data-quality`). */
  id: string;
  heading: string;
  blocks: Block[];
}

export type Block =
  | { kind: 'paragraphs'; paragraphs: string[] }
  | { kind: 'notice'; text: string }
  | { kind: 'tiles'; tiles: Tile[] }
  | { kind: 'figure'; chart: ChartModel }
  /** Small multiples: one small chart per measure, side by side where the column allows, each with its own table. */
  | { kind: 'multiples'; heading: string; paragraphs: string[]; charts: ChartModel[] }
  | { kind: 'table'; table: TableModel }
  | { kind: 'list'; heading: string | null; items: string[] }
  | { kind: 'facts'; heading: string | null; items: { term: string; detail: string }[] }
  | { kind: 'subsection'; heading: string; paragraphs: string[] };

export type ChangeWord = 'higher' | 'lower' | 'similar' | 'not available';

export interface Change {
  /** "On the previous quarter". */
  against: string;
  word: ChangeWord;
  /** Shape that says the same as the word, so colour is never alone. */
  symbol: string;
  /** "year to September 2024: 230.0". */
  detail: string;
}

/** A figure against its target or a comparator: symbol, word and tone (the colour) say the same thing. */
export interface Status {
  /** "Target", "West Midlands". */
  against: string;
  /** "met", "not met", "similar", "better", "worse", "not available". */
  word: string;
  symbol: string;
  tone: 'good' | 'bad' | 'neutral';
  /** "200.0 or lower", "141.0 in the year to December 2024". */
  detail: string;
}

export interface Tile {
  heading: string;
  value: string;
  unit: string;
  /** "34 first time entrants among 13,861 children aged 10–17". */
  basis: string;
  interval: string;
  label: string;
  period: string;
  changes: Change[];
  /** Against the target and each comparator; empty when there are none. */
  statuses: Status[];
  sentence: string;
}

export interface ChartModel {
  id: string;
  /** Headline: what the chart shows. */
  title: string;
  /** The statistic and period. */
  subtitle: string;
  /** Text alternative, put on the SVG as its aria-label. */
  description: string;
  spec: TopLevelSpec;
  /** The chart's figures as a table, under it. */
  table: TableModel;
}

export interface Cell {
  text: string;
  numeric: boolean;
  /** A short label read as one unit ("● Complete", "Yes: higher"): kept on one line, so narrow columns do not break it. */
  nowrap?: boolean;
  /**
   * What a figure is built on, in brackets: "(12 of 27)", "(19 reoffences by 11)". Shown on its own
   * line under the figure, never split, so a table of figures with their counts and bases stays
   * narrow enough for a laptop's column (docs/layout.md). Read as one with the figure: see cellReading.
   */
  basis?: string;
}

export interface TableModel {
  id: string;
  caption: string;
  head: Cell[];
  /** The first cell of each row is its header (th scope="row"). */
  rows: Cell[][];
  /** Under the table: the symbols used, explained (GSS guidance), and sources. */
  notes: string[];
}
