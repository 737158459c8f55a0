/**
 * Vega-Lite spec → SVG markup, in Node, with no canvas (no native module to build). Vega
 * drops the top-level description, so the SVG is made one image here:
 * role="img" and the chart's text alternative as its aria-label (on the
 * <svg>, not the <figure>: axe flags a figure with role img, and Chromium
 * uses the SVG's label as the PDF figure's alt text).
 */
import Handlebars from 'handlebars';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { YjpackError } from '../errors.js';

export async function chartSvg(id: string, spec: TopLevelSpec, description: string): Promise<string> {
  let svg: string;
  try {
    const view = new View(parse(compile(spec).spec), { renderer: 'none' });
    svg = await view.toSVG();
    view.finalize();
  } catch (e) {
    throw new YjpackError('chartFailed', { chart: id, detail: (e as Error).message }, { cause: e });
  }
  return labelSvg(svg, description);
}

/**
 * Replaces the opening <svg> tag with one that keeps only the geometry and
 * adds the role and label. The namespace declarations go too: inline SVG in
 * HTML needs none, and the pack then holds no URL at all.
 */
export function labelSvg(svg: string, description: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new YjpackError('chartFailed', { chart: description.slice(0, 40), detail: 'Vega returned no <svg> element' });
  const keep = ['width', 'height', 'viewBox']
    .map((name) => new RegExp(`\\s${name}="([^"]*)"`).exec(open[0]))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[0])
    .join('');
  const label = Handlebars.escapeExpression(description);
  return `<svg class="chart"${keep} role="img" aria-label="${label}" focusable="false">${presentational(svg.slice(open[0].length))}`;
}

/**
 * Vega gives mark groups roles (graphics-symbol) even with ARIA off; inside
 * one labelled image they are unlabelled parts that axe flags (svg-img-alt).
 * The chart's figures are in the table under it, so the parts lose their roles.
 */
function presentational(svgBody: string): string {
  return svgBody.replace(/\s(?:role|aria-roledescription|aria-label)="[^"]*"/g, '');
}
