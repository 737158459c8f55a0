import { describe, expect, it } from 'vitest';
import { niceTop, trendChartSpec } from '../../../pipeline/assemble/charts/trend-chart.js';
import { logDomain } from '../../../pipeline/assemble/charts/rri-chart.js';
import { chartSvg } from '../../../pipeline/render/chart.js';

describe('niceTop: a round top for the axis', () => {
  it('rounds up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten', () => {
    // 576.3 → 600; 0.92 → 1; 1,001 → 1,200; 250 stays.
    expect([576.3, 0.92, 1001, 250, 0].map(niceTop)).toEqual([600, 1, 1200, 250, 1]);
  });
});

describe('trendChartSpec', () => {
  it('leaves headroom above the highest limit, where signal labels go, and puts two close labels on two rows', () => {
    const spec = trendChartSpec([
      { quarter: 'Mar 2024', value: 100, lower: 80, upper: 130, signal: 'high', signalLabel: 'Above the upper limit' },
      { quarter: 'Jun 2024', value: 90, lower: 70, upper: 120, signal: 'high', signalLabel: 'Run above the average' },
      { quarter: 'Sep 2024', value: 80, lower: 60, upper: 110 },
    ], { yTitle: 'Rate', xTitle: 'Year ending' }) as unknown as { data: { values: { top: number; labelRow: number; align: string }[] } };
    // 130 × 1.15 = 149.5 → 150.
    expect(spec.data.values.map((v) => v.top)).toEqual([150, 150, 150]);
    expect(spec.data.values.map((v) => v.labelRow)).toEqual([0, 1, 0]);
    // Labels near the ends of the axis run inwards.
    expect(spec.data.values.map((v) => v.align)).toEqual(['left', 'left', 'right']);
  });
});

describe('trendChartSpec: the SPC average line', () => {
  const points = ['Mar 2024', 'Jun 2024', 'Sep 2024', 'Dec 2024'].map((quarter, i) => ({ quarter, value: 10 + i, lower: 8 + i, upper: 12 + i }));
  const dashedLines = (svg: string) => svg.match(/stroke-dasharray="4,3"/g)?.length ?? 0;

  it('is drawn once, not once per quarter', async () => {
    const svg = await chartSvg('t', trendChartSpec(points, { yTitle: 'Rate', xTitle: 'Quarter', mean: 11.5 }), 'A test chart');
    expect(dashedLines(svg)).toBe(1);
  });

  it('is not drawn without an average', async () => {
    const svg = await chartSvg('t', trendChartSpec(points, { yTitle: 'Rate', xTitle: 'Quarter', mean: null }), 'A test chart');
    expect(dashedLines(svg)).toBe(0);
  });
});

describe('logDomain (RRI chart)', () => {
  it('covers every interval and 1, widened by 15% on each side, out to the next axis value', () => {
    const p = (lower: number, upper: number) => ({ stage: 's', group: 'g', value: 1, lower, upper, significant: false, label: '' });
    // min(1, 0.5) / 1.15 = 0.435 → the axis value below it, 0.3; max(1, 4) × 1.15 = 4.6 → the value above it, 5.
    expect(logDomain([p(0.5, 2), p(1.5, 4)])).toEqual([0.3, 5]);
    // Parity is always inside: min(1, 2) / 1.15 = 0.870 → 0.5; 3 × 1.15 = 3.45 → 5.
    expect(logDomain([p(2, 3)])).toEqual([0.5, 5]);
    // Beyond the axis values (0.01 to 100) the widened figure itself: 0.004 / 1.15 and 150 × 1.15 = 172.5.
    const [min, max] = logDomain([p(0.004, 150)]);
    expect(min).toBeCloseTo(0.0034783, 6);
    expect(max).toBeCloseTo(172.5, 9);
  });
});
