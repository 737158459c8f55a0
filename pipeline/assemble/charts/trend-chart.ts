/**
 * A rolling-year rate over the trend window: the 95% interval as a shaded
 * band, the rate as a line with points. Quarters without a figure (hidden or
 * missing) stay on the axis and break the line, so a gap is never drawn over.
 *
 * Optional layers: the SPC centre line (the average of the quarters, dashed
 * grey); SPC signals, drawn as triangles (up for high, down for low) in a
 * second colour and labelled in words where a run of signals starts, so
 * neither colour nor shape carries the meaning alone; and comparator areas
 * as lines of their own colour and dash, named in the legend.
 */
import type { TopLevelSpec } from 'vega-lite';
import { BOTTOM_LEGEND, CHART_CONFIG, PALETTE, SECONDARY_TEXT } from './palette.js';

export interface TrendPoint {
  /** Axis label, unique per quarter ("Dec 2024": the year ending then). */
  quarter: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  /** An SPC signal at this point and its direction. */
  signal?: 'high' | 'low' | null;
  /** Words drawn beside the point ("Falling trend"), where a run of signals starts. */
  signalLabel?: string | null;
}

export interface ComparatorPoint {
  /** One of the points' axis labels. */
  quarter: string;
  area: string;
  value: number;
}

export interface TrendOptions {
  yTitle: string;
  xTitle: string;
  /** The SPC centre line (mean of the quarters), drawn dashed. */
  mean?: number | null;
  comparators?: readonly ComparatorPoint[];
  /** Drawing size (default 600 × 170); a small multiple is smaller. */
  width?: number;
  height?: number;
  /** The highest value the measure can take (100 for a percentage, 5 for "of 5"): the axis stops there. */
  yMax?: number;
  /** Where quarters are too close for every label, let Vega drop every other one (a small multiple). */
  thinLabels?: boolean;
}

/** Legend entries under the title "SPC signal": its direction only (the signal itself is named beside the point, by spc.ts SIGNAL_NAMES), short so the legend stays one line. */
export const SIGNAL_KINDS = { none: 'None', high: 'High', low: 'Low' } as const;
/** Colours of comparator lines: the palette after the service's dark blue (dark pink is kept for signals). */
const COMPARATOR_COLOURS = [PALETTE.turquoise, PALETTE.orange, PALETTE.darkGrey, PALETTE.lightPurple];
const COMPARATOR_DASHES = [[6, 3], [2, 2], [8, 3, 2, 3], [4, 4]];

export function trendChartSpec(points: readonly TrendPoint[], options: TrendOptions): TopLevelSpec {
  const domain = points.map((p) => p.quarter);
  // A fixed domain with headroom above the data, where the signal labels go.
  const top = Math.min(options.yMax ?? Infinity,
    niceTop(Math.max(0, ...points.map((p) => p.upper ?? p.value ?? 0), ...(options.comparators ?? []).map((c) => c.value), options.mean ?? 0) * 1.15));
  const y = (field: 'value' | 'lower') => ({
    field, type: 'quantitative' as const, title: options.yTitle, scale: { domain: [0, top] },
  });
  const x = {
    field: 'quarter', type: 'ordinal' as const, sort: domain, scale: { domain }, title: options.xTitle,
    // Two-line labels ("Dec" over "2024") so twelve quarters fit without slanting.
    axis: { labelAngle: 0, labelExpr: "split(datum.label, ' ')", labelPadding: 4, ...(options.thinLabels ? { labelOverlap: 'parity' as const } : {}) },
  };
  const rows = labelRows(points);
  const values = points.map((p, i) => ({
    quarter: p.quarter, value: p.value, lower: p.lower, upper: p.upper,
    kind: p.signal ? SIGNAL_KINDS[p.signal] : SIGNAL_KINDS.none,
    label: p.value === null ? null : p.signalLabel ?? null,
    // Labels near an end of the axis run inwards, so they stay inside the chart.
    align: i < 2 ? 'left' : i >= points.length - 2 ? 'right' : 'center',
    top, labelRow: rows[i] ?? 0,
  }));
  const kinds = [SIGNAL_KINDS.none, SIGNAL_KINDS.high, SIGNAL_KINDS.low]
    .filter((k) => k === SIGNAL_KINDS.none || values.some((v) => v.kind === k && v.value !== null));
  const kindShape = { [SIGNAL_KINDS.none]: 'circle', [SIGNAL_KINDS.high]: 'triangle-up', [SIGNAL_KINDS.low]: 'triangle-down' };
  const kindColour = { [SIGNAL_KINDS.none]: PALETTE.darkBlue, [SIGNAL_KINDS.high]: PALETTE.darkPink, [SIGNAL_KINDS.low]: PALETTE.darkPink };
  const hasSignals = kinds.length > 1;

  const layers: NonNullable<Extract<TopLevelSpec, { layer: unknown }>['layer']> = [
    { mark: { type: 'area', color: PALETTE.darkBlue, opacity: 0.18 }, encoding: { x, y: y('lower'), y2: { field: 'upper' } } },
  ];
  if (options.mean !== undefined && options.mean !== null) {
    layers.push({
      // One row of its own: on the chart's data the line would be drawn once per quarter, one over another.
      data: { values: [{}] },
      mark: { type: 'rule', color: SECONDARY_TEXT, strokeDash: [4, 3], strokeWidth: 1 },
      encoding: { y: { datum: options.mean, type: 'quantitative' } },
    });
  }
  const comparators = options.comparators ?? [];
  if (comparators.length > 0) {
    const areas = [...new Set(comparators.map((c) => c.area))];
    const colour = {
      field: 'area', type: 'nominal' as const, title: 'Comparator',
      scale: { domain: areas, range: areas.map((_, i) => COMPARATOR_COLOURS[i % COMPARATOR_COLOURS.length] as string) },
    };
    layers.push({
      data: { values: comparators.map((c) => ({ ...c })) },
      layer: [
        {
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            x, y: y('value'), color: colour,
            strokeDash: { field: 'area', type: 'nominal', legend: null,
              scale: { domain: areas, range: areas.map((_, i) => COMPARATOR_DASHES[i % COMPARATOR_DASHES.length] as number[]) } },
          },
        },
        { mark: { type: 'point', shape: 'square', filled: true, size: 40, opacity: 1 }, encoding: { x, y: y('value'), color: colour } },
      ],
    });
  }
  layers.push({ mark: { type: 'line', color: PALETTE.darkBlue, strokeWidth: 2 }, encoding: { x, y: y('value') } });
  layers.push({
    mark: { type: 'point', filled: true, opacity: 1, size: hasSignals ? 70 : 45 },
    encoding: {
      x,
      y: y('value'),
      shape: { field: 'kind', type: 'nominal', title: 'SPC signal', scale: { domain: kinds, range: kinds.map((k) => kindShape[k]) },
        legend: hasSignals ? {} : null },
      color: { field: 'kind', type: 'nominal', title: 'SPC signal', scale: { domain: kinds, range: kinds.map((k) => kindColour[k]) },
        legend: hasSignals ? {} : null },
    },
  });
  // Signal labels along the top of the chart, above their points, in two rows where neighbours would collide.
  for (const align of ['left', 'center', 'right'] as const) {
    for (const row of [0, 1]) {
      if (!values.some((v) => v.label !== null && v.align === align && v.labelRow === row)) continue;
      layers.push({
        transform: [{ filter: `datum.label !== null && datum.align === '${align}' && datum.labelRow === ${row}` }],
        mark: { type: 'text', color: PALETTE.darkPink, fontSize: 11, fontWeight: 'bold', baseline: 'top', dy: 2 + row * 14, align },
        encoding: { x, y: { field: 'top', type: 'quantitative', scale: { domain: [0, top] } }, text: { field: 'label' } },
      });
    }
  }
  return {
    width: options.width ?? 600,
    // Low enough for the chart and its table to share a printed page.
    height: options.height ?? 170,
    config: { ...CHART_CONFIG, legend: BOTTOM_LEGEND },
    data: { values },
    // The comparators' colours and the signals' colours are separate keys.
    resolve: { scale: { color: 'independent', shape: 'independent' } },
    layer: layers,
  };
}

/** A round number at or above the value (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), for the top of the axis. */
export function niceTop(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value * (1 - 1e-12)) ?? 10;
  return Number((step * power).toPrecision(12));
}

/** 0 or 1 per point: a label goes to the second row when the previous label is within three quarters of it. */
function labelRows(points: readonly TrendPoint[]): number[] {
  const rows = points.map(() => 0);
  let last: { index: number; row: number } | null = null;
  points.forEach((p, i) => {
    if (!p.signalLabel || p.value === null) return;
    const row = last !== null && i - last.index <= 3 ? 1 - last.row : 0;
    rows[i] = row;
    last = { index: i, row };
  });
  return rows;
}
