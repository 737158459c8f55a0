/**
 * A rolling-year rate over the trend window: the 95% interval as a shaded
 * band, the rate as a line with points. Quarters without a figure (hidden or
 * missing) stay on the axis and break the line, so a gap is never drawn over.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, PALETTE } from './palette.js';

export interface TrendPoint {
  /** Axis label, unique per quarter ("Dec 2024": the year ending then). */
  quarter: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export function trendChartSpec(points: readonly TrendPoint[], options: { yTitle: string; xTitle: string }): TopLevelSpec {
  const domain = points.map((p) => p.quarter);
  const y = (field: 'value' | 'lower') => ({
    field, type: 'quantitative' as const, title: options.yTitle, scale: { zero: true },
  });
  return {
    width: 600,
    height: 200,
    config: CHART_CONFIG,
    data: { values: points.map((p) => ({ ...p })) },
    encoding: {
      x: {
        field: 'quarter', type: 'ordinal', sort: domain, scale: { domain }, title: options.xTitle,
        // Two-line labels ("Dec" over "2024") so twelve quarters fit without slanting.
        axis: { labelAngle: 0, labelExpr: "split(datum.label, ' ')", labelPadding: 4 },
      },
    },
    layer: [
      { mark: { type: 'area', color: PALETTE.darkBlue, opacity: 0.18 }, encoding: { y: y('lower'), y2: { field: 'upper' } } },
      { mark: { type: 'line', color: PALETTE.darkBlue, strokeWidth: 2 }, encoding: { y: y('value') } },
      { mark: { type: 'point', color: PALETTE.darkBlue, filled: true, opacity: 1, size: 45 }, encoding: { y: y('value') } },
    ],
  };
}
