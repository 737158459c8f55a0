/**
 * Government Analysis Function palette, in order,
 * and the GOV.UK text colours the charts share with the page.
 */
import type { Config } from 'vega-lite';

type LegendConfig = NonNullable<Config['legend']>;

export const PALETTE = {
  darkBlue: '#12436D',
  turquoise: '#28A197',
  darkPink: '#801650',
  orange: '#F46A25',
  darkGrey: '#3D3D3D',
  lightPurple: '#A285D1',
} as const;

export const TEXT = '#0B0C0C';
export const SECONDARY_TEXT = '#505A5F';
export const GRID = '#E5E5E5';
export const FONT = 'Arial, Helvetica, sans-serif';

/**
 * A legend under the chart, its title on the same line as its entries
 * ("Ethnic group  ● Asian  ■ Black…"): one line, not two, of the printed page.
 */
export const BOTTOM_LEGEND = {
  orient: 'bottom' as const, direction: 'horizontal' as const, titleOrient: 'left' as const, titlePadding: 8,
  labelFontSize: 12, titleFontSize: 12, labelColor: TEXT, titleColor: TEXT,
  // Two legends (comparators, SPC signals) go one under the other, not side by side beyond the chart's width.
  // Vega's legend layout: Vega-Lite passes it on to Vega, but its config type leaves it out, hence the cast.
  layout: { bottom: { anchor: 'start', direction: 'vertical', margin: 4 } },
} as unknown as LegendConfig;

/** Chart style common to every chart: readable sizes, no per-mark ARIA (the SVG is one image with a table under it). */
export const CHART_CONFIG = {
  aria: false,
  font: FONT,
  background: '#FFFFFF',
  view: { stroke: null },
  axis: {
    labelColor: TEXT, titleColor: TEXT, labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'bold' as const,
    gridColor: GRID, domainColor: SECONDARY_TEXT, tickColor: SECONDARY_TEXT,
  },
};
