/**
 * Several percentages over the same quarters (the ETE measures of KPI 2):
 * one line per measure, each with its own colour, dash and marker shape,
 * named in the legend, on a 0–100% scale.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, PALETTE, TEXT } from './palette.js';

export interface KpiPoint {
  /** Axis label, unique per quarter ("Sep 2024"). */
  quarter: string;
  measure: string;
  value: number | null;
}

const COLOURS = [PALETTE.darkBlue, PALETTE.turquoise, PALETTE.darkPink, PALETTE.orange, PALETTE.darkGrey, PALETTE.lightPurple];
const DASHES = [[1, 0], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3]];
const SHAPES = ['circle', 'square', 'diamond', 'triangle-up', 'triangle-down', 'cross'];

export function kpiChartSpec(points: readonly KpiPoint[], options: { quarters: readonly string[]; measures: readonly string[]; yTitle: string; xTitle: string }): TopLevelSpec {
  const pick = <T>(list: readonly T[]) => options.measures.map((_, i) => list[i % list.length] as T);
  const series = { field: 'measure', type: 'nominal' as const, title: null, sort: [...options.measures] };
  const y = { field: 'value', type: 'quantitative' as const, title: options.yTitle, scale: { domain: [0, 100] } };
  return {
    // 52px a quarter, so two-line labels ("Oct–Dec" over "2024") at 11px do not run into each other; with
    // the axis, about the width of a printed A4 column (680px), so the chart prints at full size.
    width: 620,
    height: 190,
    config: { ...CHART_CONFIG, legend: { orient: 'bottom', direction: 'horizontal', columns: 2, labelFontSize: 12, labelColor: TEXT, labelLimit: 420 } },
    data: { values: points.map((p) => ({ ...p })) },
    encoding: {
      x: {
        field: 'quarter', type: 'ordinal', sort: [...options.quarters], scale: { domain: [...options.quarters] }, title: options.xTitle,
        axis: { labelAngle: 0, labelExpr: "split(datum.label, ' ')", labelPadding: 4, labelFontSize: 11 },
      },
      y,
      color: { ...series, scale: { domain: [...options.measures], range: pick(COLOURS) } },
    },
    layer: [
      { mark: { type: 'line', strokeWidth: 2 }, encoding: { strokeDash: { ...series, scale: { domain: [...options.measures], range: pick(DASHES) } } } },
      { mark: { type: 'point', filled: true, size: 50, opacity: 1 }, encoding: { shape: { ...series, scale: { domain: [...options.measures], range: pick(SHAPES) } } } },
    ],
  };
}
