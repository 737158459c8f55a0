/**
 * Proven reoffending by cohort quarter: each cohort's rate with its 95%
 * interval. Complete, provisional and still-tracked cohorts are told apart
 * four ways, so colour never carries it: marker shape and fill (filled
 * circle, hollow diamond, hollow triangle, in the legend); a line joining
 * complete cohorts only (a provisional or tracked figure can still rise, so a
 * line on to it would read as a fall); a shaded zone behind the cohorts
 * still being tracked, headed in words; and the months of follow-up written
 * under each cohort still in its 12 months. A cohort with no rate yet (0
 * months of follow-up) has its place on the axis and no point.
 */
import type { TopLevelSpec } from 'vega-lite';
import { BOTTOM_LEGEND, CHART_CONFIG, GRID, PALETTE, SECONDARY_TEXT, TEXT } from './palette.js';

export type CohortStatusLabel = 'Complete' | 'Provisional' | 'Still being tracked';

export interface CohortPoint {
  /** "Oct–Dec 2023". */
  cohort: string;
  /** A third axis line under the cohort ("9 months"); empty for none. */
  axisNote: string;
  status: CohortStatusLabel;
  value: number | null;
  lower: number | null;
  upper: number | null;
}

export const COHORT_STATUSES: readonly CohortStatusLabel[] = ['Complete', 'Provisional', 'Still being tracked'];
const SHAPES: Record<CohortStatusLabel, string> = { Complete: 'circle', Provisional: 'diamond', 'Still being tracked': 'triangle-up' };
const FILLS: Record<CohortStatusLabel, string> = { Complete: PALETTE.darkBlue, Provisional: '#FFFFFF', 'Still being tracked': '#FFFFFF' };
const ZONE_FILL: Record<CohortStatusLabel, string | null> = { Complete: null, Provisional: '#F3F2F1', 'Still being tracked': GRID };

export function cohortChartSpec(points: readonly CohortPoint[], options: { yTitle: string }): TopLevelSpec {
  // One axis value per cohort: months and year, then the note, each on its own line.
  const axisValue = (p: CohortPoint) => [p.cohort, p.axisNote].filter(Boolean).join(' ');
  const domain = points.map(axisValue);
  const rows = points.map((p) => ({ ...p, x: axisValue(p) }));
  const lineRows = rows.filter((r) => r.status === 'Complete');
  const statuses = COHORT_STATUSES.filter((s) => points.some((p) => p.status === s));
  const top = Math.max(10, Math.ceil(Math.max(0, ...points.map((p) => p.upper ?? p.value ?? 0)) / 10) * 10 + 10);
  const zones = zonesOf(points, top);
  const x = {
    field: 'x', type: 'ordinal' as const, sort: domain, scale: { domain, paddingInner: 0, paddingOuter: 0 },
    title: 'Cohort quarter (children cautioned, sentenced or released in it)',
    axis: { labelAngle: 0, labelExpr: "split(datum.label, ' ')", labelPadding: 4, ticks: false, labelFontSize: 11 },
  };
  const y = { field: 'value', type: 'quantitative' as const, title: options.yTitle, scale: { domain: [0, top] } };
  const legend = { title: 'Cohort status' };
  return {
    // With the axis, about the width of a printed A4 column (680px), so the chart prints at full size.
    width: 620,
    height: 200,
    config: { ...CHART_CONFIG, legend: { ...BOTTOM_LEGEND, labelLimit: 300 } },
    layer: [
      {
        data: { values: zones },
        mark: { type: 'bar', opacity: 1 },
        encoding: {
          x, y: { field: 'top', type: 'quantitative', scale: { domain: [0, top] } }, y2: { datum: 0 },
          color: { field: 'fill', type: 'nominal', scale: null, legend: null },
        },
      },
      {
        data: { values: zones.filter((z) => z.heading !== '') },
        mark: { type: 'text', baseline: 'top', dy: 4, fontSize: 11, fontWeight: 'bold', color: SECONDARY_TEXT },
        encoding: { x, y: { field: 'top', type: 'quantitative', scale: { domain: [0, top] } }, text: { field: 'heading' } },
      },
      {
        data: { values: rows },
        mark: { type: 'rule', color: PALETTE.darkBlue, strokeWidth: 1.5, opacity: 0.6 },
        encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
      },
      {
        data: { values: lineRows },
        mark: { type: 'line', color: PALETTE.darkBlue, strokeWidth: 2 },
        encoding: { x, y },
      },
      {
        data: { values: rows },
        mark: { type: 'point', size: 80, opacity: 1, strokeWidth: 2, color: PALETTE.darkBlue },
        encoding: {
          x, y,
          shape: { field: 'status', type: 'nominal', ...legend, scale: { domain: statuses, range: statuses.map((s) => SHAPES[s]) } },
          fill: { field: 'status', type: 'nominal', ...legend, scale: { domain: statuses, range: statuses.map((s) => FILLS[s]) } },
        },
      },
    ],
  } as TopLevelSpec;
}

/**
 * One shaded bar per cohort not yet complete (bars touch, so a status reads
 * as one zone), and the zone's heading on its middle cohort.
 */
function zonesOf(points: readonly CohortPoint[], top: number) {
  const axisValue = (p: CohortPoint) => [p.cohort, p.axisNote].filter(Boolean).join(' ');
  return points.flatMap((p, i) => {
    const fill = ZONE_FILL[p.status];
    if (fill === null) return [];
    const members = points.map((q, j) => ({ q, j })).filter(({ q }) => q.status === p.status).map(({ j }) => j);
    const middle = members[Math.floor((members.length - 1) / 2)];
    return [{ x: axisValue(p), top, fill, heading: i === middle ? p.status : '' }];
  });
}
