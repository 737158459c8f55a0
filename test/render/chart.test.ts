import { describe, expect, it } from 'vitest';
import { chartSvg, labelSvg } from '../../pipeline/render/chart.js';
import { trendChartSpec } from '../../pipeline/assemble/charts/trend-chart.js';

describe('labelSvg', () => {
  it('makes the SVG one labelled image, keeping its geometry and dropping namespace URLs', () => {
    const raw = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" width="616" height="319" viewBox="0 0 616 319"><rect/></svg>';
    expect(labelSvg(raw, 'A chart')).toBe(
      '<svg class="chart" width="616" height="319" viewBox="0 0 616 319" role="img" aria-label="A chart" focusable="false"><rect/></svg>');
  });

  it('escapes the label for an attribute', () => {
    expect(labelSvg('<svg width="1"></svg>', 'Rate "high" <b> & low')).toContain('aria-label="Rate &quot;high&quot; &lt;b&gt; &amp; low"');
  });
});

describe('chartSvg', () => {
  it('renders a Vega-Lite trend in Node to the same SVG every time, with a gap where a quarter has no figure', async () => {
    const spec = trendChartSpec([
      { quarter: 'Sep 2024', value: 200, lower: 142.9, upper: 272.4 },
      { quarter: 'Dec 2024', value: null, lower: null, upper: null },
    ], { yTitle: 'Rate per 100,000', xTitle: 'Year ending' });
    const a = await chartSvg('t', spec, 'Two quarters');
    const b = await chartSvg('t', spec, 'Two quarters');
    expect(a).toBe(b);
    expect(a).toMatch(/^<svg class="chart" width="\d+" height="\d+" viewBox="[\d .]+" role="img" aria-label="Two quarters"/);
    // Both quarters stay on the axis (each label is split over two lines: month, year).
    expect(a).toContain('>Sep<');
    expect(a).toContain('>Dec<');
    // The palette's dark blue draws the series.
    expect(a).toContain('#12436D');
  });
});

describe('labelSvg: the parts of the image', () => {
  it('strips the roles and labels Vega puts on mark groups, keeping the image\'s own', () => {
    const raw = '<svg width="1"><g class="mark-line" role="graphics-symbol" aria-roledescription="line mark container"><path aria-label="x: 1"/></g></svg>';
    expect(labelSvg(raw, 'Chart')).toBe(
      '<svg class="chart" width="1" role="img" aria-label="Chart" focusable="false"><g class="mark-line"><path/></g></svg>');
  });
});
