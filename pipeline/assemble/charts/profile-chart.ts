/**
 * One characteristic of the children with outcomes (sex, age, offence type…):
 * a horizontal bar per category, the percentage written at its end. A hidden
 * category has no bar and shows its symbol ([c]) in place of the figure.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHART_CONFIG, PALETTE, TEXT } from './palette.js';

export interface ProfileBar {
  category: string;
  /** Percentage of the children; null when hidden. */
  percent: number | null;
  /** Written at the end of the bar ("45.0%", "[c]"). */
  text: string;
}

export function profileChartSpec(bars: readonly ProfileBar[], options: { xTitle: string }): TopLevelSpec {
  const domain = bars.map((b) => b.category);
  const max = Math.max(10, ...bars.map((b) => b.percent ?? 0));
  // Room for the label beyond the longest bar.
  const top = Math.min(100, Math.ceil((max * 1.18) / 10) * 10);
  return {
    // Bars 240px long: with the category labels the chart of a short characteristic (sex, age, ethnic group)
    // fits a 390px phone at full size, so its text stays 11px or more with nothing to scroll.
    width: 240,
    height: { step: 18 } as unknown as number,
    config: CHART_CONFIG,
    data: { values: bars.map((b) => ({ ...b, position: b.percent ?? 0 })) },
    encoding: {
      y: { field: 'category', type: 'nominal', sort: domain, scale: { domain }, title: null, axis: { labelLimit: 360, labelFontSize: 12 } },
    },
    layer: [
      {
        mark: { type: 'bar', color: PALETTE.darkBlue },
        encoding: { x: { field: 'percent', type: 'quantitative', title: options.xTitle, scale: { domain: [0, top] }, axis: { format: 'd', tickMinStep: 1, tickCount: 6 } } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: TEXT },
        encoding: { x: { field: 'position', type: 'quantitative', scale: { domain: [0, top] } }, text: { field: 'text' } },
      },
    ],
  } as TopLevelSpec;
}
