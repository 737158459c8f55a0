/**
 * The render phase: PackModel → one self-contained HTML file. Handlebars lays
 * the model out (every data value goes through {{ }} and so is escaped);
 * charts are drawn to SVG here, in Node. The output depends on nothing but
 * the model and the templates: no ids, clock or environment, so the same
 * input gives byte-identical HTML.
 */
import Handlebars from 'handlebars';
import type { Block, PackModel } from '../assemble/model.js';
import { chartSvg } from './chart.js';
import { CONTENT_SECURITY_POLICY } from './csp.js';
import type { Templates } from './templates.js';

export type { Templates } from './templates.js';

export async function renderBoardPack(model: PackModel, templates: Templates): Promise<string> {
  const hb = Handlebars.create();
  for (const [name, source] of Object.entries(templates.partials)) hb.registerPartial(name, source);
  // Strict: a template naming a field the model lacks is a bug to fail on, not a blank to print.
  const layout = hb.compile(templates.layout, { strict: true, preventIndent: true });

  const sections = [];
  for (const section of model.sections) {
    const blocks = [];
    for (const block of section.blocks) blocks.push(await withSvg(block));
    sections.push({ ...section, blocks });
  }
  return layout({ ...model, sections, css: templates.css, csp: CONTENT_SECURITY_POLICY });
}

/** A figure block gains its drawn chart, and each chart of small multiples its own; other blocks pass through. */
async function withSvg(block: Block): Promise<Block & { svg?: string }> {
  if (block.kind === 'multiples') {
    const charts = [];
    for (const chart of block.charts) charts.push({ ...chart, svg: await chartSvg(chart.id, chart.spec, chart.description) });
    return { ...block, charts };
  }
  if (block.kind !== 'figure') return block;
  return { ...block, svg: await chartSvg(block.chart.id, block.chart.spec, block.chart.description) };
}
