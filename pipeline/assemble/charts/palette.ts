/**
 * Government Analysis Function palette (board-pack.md, Charts), in order,
 * and the GOV.UK text colours the charts share with the page.
 */
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
