/**
 * The "Small numbers" part of the methods section: disclosure control as
 * the pack applies it (assemble/disclosure.ts, compute/statistics/
 * suppression.ts, sections/count-disclosure.ts), in plain words. Both
 * versions describe the rules: the public one because its reader meets the
 * [c]s, the board one so that members know what the published version hides.
 */
import type { Audience, Block } from '../model.js';

export function disclosureMethod(audience: Audience, threshold: number): Block {
  const intro = audience === 'public'
    ? [`This version is for publication, so it applies disclosure control, with these rules (threshold ${threshold}).`]
    : [
      'This board version shows every count, however small, so that the board sees the whole picture. It is not for publication.',
      `The public version (normally the scrutiny PDF, published with the meeting papers) applies disclosure control, with these rules (threshold ${threshold}).`,
    ];
  const symbols = audience === 'public'
    ? 'Symbols (Government Statistical Service guidance): [c] confidential; [x] not available; [z] not applicable. Each table explains the symbols it uses. Every hidden figure, and the rule that hid it, is listed in manifest.json.'
    : 'Symbols in this version (Government Statistical Service guidance): [x] not available; [z] not applicable. Each table explains the symbols it uses.';
  return { kind: 'subsection', heading: 'Small numbers', paragraphs: [...intro, ...rules(threshold), symbols] };
}

function rules(threshold: number): string[] {
  return [
    `Small counts: counts from 1 to ${threshold} are shown as [c] (confidential), so that no child can be identified, and so is every rate, percentage, ratio and interval built on such a count or on a base (the number it is out of) from 1 to ${threshold}. True zeros are shown as 0.`,
    'Rows: where exactly one figure in a row of a table is hidden (one sex, age band, ethnic group or type of outcome, say), the next smallest figure above zero in that row is hidden too, so the hidden one cannot be worked out by taking the others from a total shown elsewhere.',
    'Linked figures: the same children often stand behind several figures. A group\'s count at a disproportionality stage is behind its rate, its relative rate index and its share of the stage; a cohort\'s reoffenders are behind both its reoffending rate and its reoffences per reoffender. Where one of these is hidden, every figure on the same children for the same period is hidden with it, and the row rule is applied again until nothing more needs hiding.',
    'Shares: each group\'s share of a disproportionality stage is a share of the stage\'s total, so shares shown beside counts would let a reader work out the hidden ones. Where any group\'s share of a stage is hidden, all the shares of that stage are hidden.',
    'Bases: a hidden figure keeps its base where that base is published anyway and gives nothing away, so a table still says whom the figure is about ("[c] of 30"): the population behind a rate, and the children in a cohort or measured for a headline percentage. A base that is itself small, or that would give a hidden count away, is hidden too.',
    'Charts leave hidden figures out, and sentences say that a figure is withheld.',
  ];
}
