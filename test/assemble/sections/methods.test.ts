import { describe, expect, it } from 'vitest';
import type { Block, Section } from '../../../pipeline/assemble/model.js';
import { CHANGE_METHOD_TEXT } from '../../../pipeline/assemble/compare.js';
import { methodsSection, OGL_ATTRIBUTION, PRISM_ATTRIBUTION, topicsOf, type MethodsOptions } from '../../../pipeline/assemble/sections/methods.js';
import type { IndicatorId, IndicatorRecord, Unit } from '../../../pipeline/compute/record.js';
import { parsePeriod } from '../../../pipeline/period.js';

const r = (id: IndicatorId, unit: Unit): IndicatorRecord => ({
  id, period: '2024-25-Q3', breakdown: {}, numerator: 10, denominator: 100, value: 10, lower: 5, upper: 15, unit, suppressed: false,
});
const FTE = [r('fte.count', 'count'), r('fte.rate', 'per 100,000')];
const DISPRO = [r('dispro.rate', 'per 1,000'), r('dispro.rri', 'ratio')];
const options = (over: Partial<MethodsOptions> = {}): MethodsOptions => ({
  audience: 'board', threshold: 5, records: FTE, period: parsePeriod('2024-25-Q3'), population: { year: 2024, fallback: false }, ...over,
});

const staged = (id: IndicatorId, unit: Unit, stage: string): IndicatorRecord => ({ ...r(id, unit), breakdown: { stage, group: 'Black' } });
const subsections = (s: Section) => s.blocks.filter((b): b is Extract<Block, { kind: 'subsection' }> => b.kind === 'subsection');
const headings = (s: Section) => subsections(s).map((b) => b.heading);
const text = (s: Section) => subsections(s).flatMap((b) => b.paragraphs).join('\n');
const settings = (s: Section) => Object.fromEntries(
  s.blocks.flatMap((b) => (b.kind === 'facts' ? b.items : [])).map((i) => [i.term, i.detail]));
const factTerms = (s: Section, heading: string) => s.blocks.flatMap((b) => (b.kind === 'facts' && b.heading === heading ? b.items.map((i) => i.term) : []));
const paragraphsOf = (s: Section, heading: string) => subsections(s).find((b) => b.heading === heading)?.paragraphs ?? [];

describe('methodsSection', () => {
  it('defines only the topics with records, in the order of the pack', () => {
    expect(topicsOf([...DISPRO, r('ete.overall', '%'), ...FTE])).toEqual(['fte', 'ete', 'dispro']);
    expect(headings(methodsSection(options()))).toEqual([
      'First time entrants', 'Confidence intervals, trends and comparisons', 'Small numbers', 'Sources',
    ]);
  });

  it('defines the YJB KPIs, after ETE and before disproportionality, when the pack has KPI records', () => {
    expect(topicsOf([...DISPRO, r('kpi.send.plan', '%'), r('ete.overall', '%'), ...FTE])).toEqual(['fte', 'ete', 'kpi', 'dispro']);
    const section = methodsSection(options({ records: [...FTE, r('kpi.send.plan', '%')] }));
    expect(headings(section)).toContain('YJB key performance indicators');
    expect(paragraphsOf(section, 'YJB key performance indicators').join(' ')).toContain('[x]');
    expect(paragraphsOf(section, 'YJB key performance indicators').join(' ')).toContain('Board attendance counts all five partners rather than a sample, so it has no interval');
  });

  it('explains the SPC signals when the only trends are the KPI section\'s small multiples', () => {
    expect(text(methodsSection(options({ records: [r('kpi.send.plan', '%')] })))).toContain('XmR');
    expect(text(methodsSection(options({ records: [r('ete.overall', '%')] })))).not.toContain('XmR');
  });

  it('says a trend of fewer than 6 quarters shown gets no average line, limits or signals', () => {
    expect(text(methodsSection(options()))).toContain('With fewer than 6 points (only quarters with a figure shown count) a chart has no average line, limits or signals and says there are too few quarters to judge variation');
  });

  it('describes the statistics the figures use: Poisson/Byar and XmR for FTE; Wilson and the RRI intervals when present', () => {
    const fteOnly = text(methodsSection(options()));
    expect(fteOnly).toContain('Byar');
    expect(fteOnly).toContain('XmR');
    expect(fteOnly).not.toContain('Wilson');
    expect(fteOnly).not.toContain('exact conditional');
    const all = text(methodsSection(options({ records: [...FTE, ...DISPRO, r('ete.overall', '%')] })));
    expect(all).toContain('Wilson score interval');
    expect(all).toContain('exact conditional interval');
    expect(all).toContain('Katz');
  });

  it('states the settings in force, the threshold by audience and the population estimate', () => {
    const board = settings(methodsSection(options({
      settings: { includeNonSubstantive: true, poolStages: ['custody', 'remand_yda'], comparatorAreas: ['West Midlands', 'England'] },
      population: { year: 2021, fallback: true },
    })));
    expect(board['Reoffending index events']).toBe('Community resolutions and Outcome 22 count as well as cautions, court sentences and releases from custody (the local live-tracker view), so reoffending rates are not comparable with official statistics, which leave them out.');
    expect(board['Disproportionality pooling']).toMatch(/^Custody and remand to youth detention stages: pooled over three years/);
    expect(board['Small-number threshold']).toBe('Not applied in this board version; the published version hides counts from 1 to 5, with every figure built on them.');
    expect(board.Comparators).toBe('West Midlands and England');
    // Mid-2021 for a year that needs mid-2024: 3 years older, more than the 2 the pack accepts without a warning.
    expect(board['Population estimate']).toBe('ONS mid-2021, the latest in population.csv: the year to this period wants mid-2024, and every year after mid-2021 uses mid-2021 too. That is 3 years older than this period needs: see the warnings under Data quality.');
    const recent = settings(methodsSection(options({ population: { year: 2022, fallback: true } })));
    expect(recent['Population estimate']).toBe('ONS mid-2022, the latest in population.csv: the year to this period wants mid-2024, and every year after mid-2022 uses mid-2022 too.');
    const pub = settings(methodsSection(options({ audience: 'public', threshold: 3 })));
    expect(pub['Small-number threshold']).toBe('Counts from 1 to 3 are hidden in this version, with every figure built on them.');
    expect(pub['Reoffending index events']).toBe('Cautions, court sentences and releases from custody only, as in official statistics.');
    // Settings are said by what they mean, never by their names in the config file.
    for (const s of [board, pub]) expect(JSON.stringify(s)).not.toMatch(/include_non_substantive|suppression_threshold|headline_min_count|pooling:/);
  });

  it('describes disclosure control as applied (small counts, the rest of a base, totals and figures shown twice, shares, bases) in both versions', () => {
    const pub = paragraphsOf(methodsSection(options({ audience: 'public', threshold: 3 })), 'Small numbers');
    const board = paragraphsOf(methodsSection(options()), 'Small numbers');
    for (const rule of ['Small counts: counts from 1 to', 'The rest of a base:', 'Totals and figures shown twice:', 'Shares:', 'Bases:']) {
      expect(pub.some((p) => p.startsWith(rule)), rule).toBe(true);
      expect(board.some((p) => p.startsWith(rule)), rule).toBe(true);
    }
    expect(pub.join('\n')).toContain('counts from 1 to 3 are shown as [c]');
    expect(pub.join('\n')).toContain('Where that rest is from 1 to 3, the count is hidden too');
    expect(pub.join('\n')).toContain('listed in manifest.json');
    // The board version says the rules are the public version's, and that it uses no [c] itself.
    expect(board[0]).toContain('shows every count');
    expect(board[1]).toMatch(/^The public version .* applies disclosure control/);
    expect(board.at(-1)).toBe('Symbols in this version (Government Statistical Service guidance): [x] not available; [z] not applicable. Each table explains the symbols it uses.');
  });

  it('judges changes by the MOVER interval of the difference, and targets and comparators by the figure\'s interval', () => {
    const stats = paragraphsOf(methodsSection(options()), 'Confidence intervals, trends and comparisons').join('\n');
    expect(stats).toContain(CHANGE_METHOD_TEXT);
    expect(stats).not.toContain('do not overlap');
    expect(stats).toContain('met or not met it only when the target lies outside the figure\'s 95% interval');
  });

  it('defines disproportionality: RRI, significance, pooling, unknown ethnicity, and only the stages the run has, in chain order', () => {
    const records = [...FTE, staged('dispro.rri', 'ratio', 'custody_pooled'), staged('dispro.rate', 'per 1,000', 'fte'), staged('dispro.share', '%', 'diversion')];
    const section = methodsSection(options({ records }));
    const dispro = paragraphsOf(section, 'Ethnic disproportionality');
    for (const start of ['Significant:', 'Pooling:', 'Ethnicity not known:']) expect(dispro.some((p) => p.startsWith(start)), start).toBe(true);
    expect(dispro[0]).toContain('relative rate index (RRI)');
    // custody_pooled is the custody stage; arrest, outcome, remand and reoffending have no records.
    expect(factTerms(section, 'Disproportionality stages: who is counted, and out of whom')).toEqual(['First time entrant', 'Diversion', 'Custodial sentence']);
  });

  it('defines the cohort profile only when the pack has one', () => {
    expect(headings(methodsSection(options()))).not.toContain('Cohort profile');
    const profile = paragraphsOf(methodsSection(options({ profile: true })), 'Cohort profile').join('\n');
    expect(profile).toContain('any proven outcome');
    expect(profile).toContain('first outcome in the year');
    expect(profile).toContain('highest YJB gravity score');
    expect(profile).toContain('most severe of the child\'s outcomes');
  });

  it('carries the OGL line always, and the PRISM-R line when the Census ethnic split is used', () => {
    expect(text(methodsSection(options()))).toContain(OGL_ATTRIBUTION);
    expect(text(methodsSection(options()))).not.toContain('PRISM-R');
    expect(text(methodsSection(options({ records: [...FTE, ...DISPRO] })))).toContain(PRISM_ATTRIBUTION);
  });
});
