/**
 * The relative rate index (RRI) by stage and ethnic group: a dot for each
 * RRI and a line for its 95% interval, on a log scale (a ratio of 2 and one
 * of 0.5 are equally far from parity), with a dashed rule at 1 (the same
 * rate as White children). Groups differ by colour and marker shape; a
 * significant RRI is filled and labelled with its value, one that is not is
 * hollow. Only RRIs with a positive value and both limits can be drawn: the
 * section lists the others with the reason.
 */
import type { TopLevelSpec } from 'vega-lite';
import { BOTTOM_LEGEND, CHART_CONFIG, PALETTE, SECONDARY_TEXT, TEXT } from './palette.js';

export interface RriPoint {
  stage: string;
  group: string;
  value: number;
  lower: number;
  upper: number;
  significant: boolean;
  /** Drawn beside a significant RRI ("2.46"). */
  label: string;
}

const GROUP_COLOURS = [PALETTE.darkBlue, PALETTE.turquoise, PALETTE.darkPink, PALETTE.orange, PALETTE.darkGrey, PALETTE.lightPurple];
const GROUP_SHAPES = ['circle', 'square', 'diamond', 'triangle-up', 'triangle-down', 'cross'];
/** Axis values; the domain also ends on one, so the reader can place every interval against a labelled value. */
const TICKS = [0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10, 20, 30, 50, 100];
/** Room beyond the widest interval (a factor on the log scale), for the end markers and the value labels. */
const ROOM = 1.15;

export function rriChartSpec(points: readonly RriPoint[], options: { stages: readonly string[]; groups: readonly string[] }): TopLevelSpec {
  const [min, max] = logDomain(points);
  const stagesDrawn = options.stages.filter((s) => points.some((p) => p.stage === s));
  const groupsDrawn = options.groups.filter((g) => points.some((p) => p.group === g));
  const pick = <T>(list: readonly T[]) => groupsDrawn.map((g) => list[options.groups.indexOf(g) % list.length] as T);
  const group = { field: 'group', type: 'nominal' as const, title: 'Ethnic group', sort: groupsDrawn };
  const colour = { ...group, scale: { domain: groupsDrawn, range: pick(GROUP_COLOURS) } };
  const shape = { ...group, scale: { domain: groupsDrawn, range: pick(GROUP_SHAPES) } };
  const x = {
    field: 'value', type: 'quantitative' as const, title: 'Relative rate index (log scale; 1 = same rate as White children)',
    scale: { type: 'log' as const, domain: [min, max], nice: false },
    axis: { values: TICKS.filter((t) => t >= min && t <= max), format: '~g', grid: true },
  };
  const yOffset = { field: 'group', type: 'nominal' as const, sort: groupsDrawn, scale: { domain: groupsDrawn, paddingInner: 0.2 } };
  const y = { field: 'stage', type: 'nominal' as const, title: null, sort: stagesDrawn, scale: { domain: stagesDrawn, paddingInner: 0.25 },
    axis: { labelLimit: 220, labelFontSize: 12, labelExpr: "split(datum.label, '|')" } };
  return {
    // Vega, measuring text without a canvas, reserves more room for the stage labels and legend than they take:
    // with that room the SVG is about 700px, so it prints at nearly full size in the A4 column (680px).
    width: 420,
    // Compact rows, so the chart shares a printed page with the section's opening text.
    height: { step: 11 } as unknown as number,
    config: { ...CHART_CONFIG, legend: BOTTOM_LEGEND },
    data: { values: points.map((p) => ({ ...p })) },
    encoding: { y, yOffset },
    layer: [
      { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { ...x, field: 'lower' }, x2: { field: 'upper' }, color: colour } },
      {
        transform: [{ filter: 'datum.significant' }],
        mark: { type: 'point', filled: true, size: 70, opacity: 1 },
        encoding: { x, color: colour, shape },
      },
      {
        transform: [{ filter: '!datum.significant' }],
        mark: { type: 'point', filled: true, fill: '#FFFFFF', strokeWidth: 2, size: 70, opacity: 1 },
        encoding: { x, stroke: colour, shape, color: colour },
      },
      {
        transform: [{ filter: 'datum.significant' }],
        mark: { type: 'text', align: 'left', dx: 5, fontSize: 11, fontWeight: 'bold', color: TEXT },
        encoding: { x: { ...x, field: 'upper' }, text: { field: 'label' } },
      },
      {
        data: { values: [{ parity: 1 }] },
        mark: { type: 'rule', color: SECONDARY_TEXT, strokeDash: [5, 3], strokeWidth: 1.5 },
        encoding: { x: { ...x, field: 'parity' }, y: null, yOffset: null },
      },
    ],
  } as TopLevelSpec;
}

/**
 * A log domain covering every interval and 1, widened a little so end
 * markers and labels are not cut, then out to the next axis value on each
 * side (beyond the listed values, the widened figure itself).
 */
export function logDomain(points: readonly RriPoint[]): [number, number] {
  const lows = points.map((p) => p.lower).filter((v) => v > 0);
  const highs = points.map((p) => p.upper);
  const low = Math.min(1, ...lows) / ROOM;
  const high = Math.max(1, ...highs) * ROOM;
  return [[...TICKS].reverse().find((t) => t <= low) ?? low, TICKS.find((t) => t >= high) ?? high];
}
