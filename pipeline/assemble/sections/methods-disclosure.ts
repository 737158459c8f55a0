/**
 * The "Small numbers" part of the methods section: disclosure control as
 * the pack applies it (assemble/disclosure.ts and disclosure-cells.ts,
 * compute/statistics/cell-suppression.ts and disclosure-audit.ts), in plain words. Both
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
    `The rest of a base: a count shown beside its base also tells how many of the base it does not count ("20 of 25" tells that 5 were not). Where that rest is from 1 to ${threshold}, the count is hidden too, and the base stays ("[c] of 25").`,
    'Totals and figures shown twice: a hidden figure must not be the total less the figures shown beside it, nor be printed in another table. So one or more other figures are hidden as well, the fewest that protect it, preferring the smallest, and never a headline figure where another will do; a count printed in several tables (a group\'s children behind its rate, its relative rate index and its share) is hidden in all of them. A check then works out, from what this version shows alone, the least and the most each hidden figure could be; no hidden figure can be worked out exactly.',
    'Shares: each group\'s share of a disproportionality stage is a share of the stage\'s known total. Where that total would give a hidden count away it is hidden, and the shares built on it with it; otherwise the shares of groups whose counts are shown stay.',
    'Bases: a hidden figure keeps its base where showing the base gives nothing away, so a table still says whom the figure is about ("[c] of 30").',
    'Charts leave hidden figures out, and sentences say that a figure is withheld.',
    'Board attendance (KPI 8) counts the five statutory partner organisations, not children, so it is always shown.',
  ];
}
