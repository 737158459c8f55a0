/**
 * The board pack as data: what assemble produces and render turns into HTML.
 * Every string in it is display-ready (rounded, labelled, with denominators),
 * so templates only lay things out. A later section is just another Section
 * built from the same blocks.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ComputeNote } from '../compute/context.js';
import type { IndicatorRecord } from '../compute/record.js';
import type { Period } from '../period.js';

export type Audience = 'board' | 'public';

export interface DataQualityInput {
  files: { file: string; rows: number; refusedRows: number; sha256: string }[];
  warnings: string[];
  extractFrom: string | null;
  extractTo: string | null;
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
  /** The population estimate used for the year to P; null when there is none. */
  population: { year: number; fallback: boolean } | null;
  /** Public packs: counts from 1 to this are shown [c] (indicators.md; default 5). */
  suppressionThreshold?: number;
}

export interface PackModel {
  /** Document title (browser tab, PDF metadata). */
  title: string;
  cover: Cover;
  /** Table of contents: one entry per section. */
  contents: { id: string; heading: string }[];
  sections: Section[];
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
