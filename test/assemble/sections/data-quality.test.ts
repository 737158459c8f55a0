import { describe, expect, it } from 'vitest';
import { discloseRecords } from '../../../pipeline/assemble/disclosure.js';
import type { Block, DataQualityInput, Section } from '../../../pipeline/assemble/model.js';
import { dataQualitySection, monthsOfHistory, type DataQualityContext } from '../../../pipeline/assemble/sections/data-quality.js';
import type { ComputeNote } from '../../../pipeline/compute/context.js';
import type { IndicatorRecord } from '../../../pipeline/compute/record.js';
import { messages } from '../../../pipeline/messages.js';
import { parsePeriod } from '../../../pipeline/period.js';

const P = parsePeriod('2024-25-Q3');
const share = (stage: string, unknown: number, total: number): IndicatorRecord => ({
  id: 'dispro.share', period: '2024-25-Q3', breakdown: { stage, group: 'Not known' }, numerator: unknown, denominator: total,
  value: unknown / total * 100, lower: null, upper: null, unit: '%', suppressed: false,
});
// Out of stage order on purpose: the table follows the chain (arrest, first time entrants, …, custody).
const RECORDS = [share('custody', 2, 11), share('arrest', 23, 954), share('fte', 30, 110)];
const WINDOW = { kind: 'window', years: 1, code: '2024-25-Q3' } as const;
/** Custody: 2 of 11 with no recorded ethnicity (18.2%), a warning (the table above shows the same). */
const unknownNote: ComputeNote = {
  indicator: 'dispro', severity: 'warning', message: 'noteDisproUnknownEthnicityHigh', params: {
    unknown: { kind: 'count', value: 2, of: 11 }, total: { kind: 'count', value: 11 }, percent: { kind: 'percent', numerator: 2, denominator: 11 },
    counted: 'children sentenced at court', window: WINDOW, stage: 'custody',
  },
};
const NOTES: ComputeNote[] = [
  unknownNote,
  { indicator: 'fte', severity: 'warning', message: 'noteShortHistory', params: {
    first: { kind: 'date', iso: '2022-07-01' }, period: { kind: 'periods', codes: ['2024-25-Q3'], as: 'quarters' },
  } },
  // Info notes are for the sections, not the warnings.
  { indicator: 'dispro', severity: 'info', message: 'noteDisproArrestsNotChildren', params: {} },
];

const DQ: DataQualityInput = {
  files: [
    { file: 'children.csv', rows: 1520, refusedRows: 0, sha256: 'a1b2c3d4e5f60718', warningRows: 0, warningRowsAtLeast: false },
    { file: 'offences.csv', rows: 4210, refusedRows: 0, sha256: '0f1e2d3c4b5a6978', warningRows: 12, warningRowsAtLeast: true },
  ],
  warnings: ['A warning in plain words.'],
  extractFrom: '2022-07-01',
  extractTo: '2024-12-31',
  loadWarnings: [{ file: 'offences.csv', column: 'offence_category', rows: 12, expected: 'expected one of ARSON, OTHER (or its label); loaded as written, upper-cased' }],
  notProven: { yearToPeriod: 4, toPeriodEnd: 37 },
};
const ctx = (over: Partial<DataQualityContext> = {}): DataQualityContext =>
  ({ dq: DQ, period: P, population: { year: 2024, fallback: false }, records: RECORDS, threshold: null, notes: NOTES, ...over });

function blocks<K extends Block['kind']>(s: Section, kind: K): Extract<Block, { kind: K }>[] {
  return s.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
}
const facts = (s: Section) => Object.fromEntries(blocks(s, 'facts')[0]!.items.map((i) => [i.term, i.detail]));
const tableById = (s: Section, id: string) => blocks(s, 'table').map((b) => b.table).find((t) => t.id === id)!;
const texts = (rows: { text: string }[][]) => rows.map((r) => r.map((c) => c.text));

describe('dataQualitySection: board', () => {
  const section = dataQualitySection(ctx());

  it('lists each file with rows read, refused and with warnings, saying that nothing was refused', () => {
    const files = tableById(section, 'table-files');
    expect(texts(files.rows)).toEqual([
      ['children.csv', '1,520', '0', '0', 'a1b2c3d4e5f6'],
      ['offences.csv', '4,210', '0', 'at least 12', '0f1e2d3c4b5a'],
    ]);
    expect(files.notes[0]).toMatch(/^No row was refused/);
  });

  it('states the history before the period, flagging less than 3 years', () => {
    // 1 July 2022 to 1 October 2024: 2 years and 3 months (27 months < 36).
    expect(monthsOfHistory('2022-07-01', P)).toBe(27);
    expect(facts(section)['History before this period'])
      .toBe('2 years and 3 months of records before October to December 2024: less than the 3 years first time entrants need, so they may be overstated (see the warnings below).');
  });

  it('counts not-proven outcomes, which no indicator uses', () => {
    expect(facts(section)['Outcomes not proven']).toBe(
      '4 offences in the year to December 2024 and 37 in the whole extract up to then ended with no further action, not guilty or withdrawn. They are loaded and counted here, and excluded from every indicator.');
  });

  it('tables unknown ethnicity by stage in the order of the chain, flagging above 10%', () => {
    // 23 / 954 = 2.41%; 30 / 110 = 27.27% (> 10%); 2 / 11 = 18.18% (> 10%).
    expect(texts(tableById(section, 'table-unknown-ethnicity').rows)).toEqual([
      ['Arrests', '23', '954', '2.4%', 'No'],
      ['First time entrants', '30', '110', '27.3%', 'Yes: warning'],
      ['Children sentenced at court', '2', '11', '18.2%', 'Yes: warning'],
    ]);
  });

  it('lists load warnings and compute warnings, leaving out the unknown-ethnicity notes the table replaces', () => {
    expect(blocks(section, 'list')[0]?.items).toEqual([
      'offences.csv, column offence_category: 12 rows: expected one of ARSON, OTHER (or its label); loaded as written, upper-cased.',
      'A warning in plain words.',
      messages.noteShortHistory.text({ first: '1 July 2022', period: 'October to December 2024' }),
    ]);
  });
});

describe('dataQualitySection: public', () => {
  const records = discloseRecords(RECORDS, 5).records;
  const section = dataQualitySection(ctx({ records, threshold: 5 }));

  it('hides small counts of unknown ethnicity, with the key under the table', () => {
    const table = tableById(section, 'table-unknown-ethnicity');
    // Custody: 2 unknown of 11 → [c], and the percentage built on it; the 11 at the stage stay. Arrest and FTE stay.
    expect(texts(table.rows)[2]).toEqual(['Children sentenced at court', '[c]', '11', '[c]', '[c]']);
    expect(texts(table.rows)[0]).toEqual(['Arrests', '23', '954', '2.4%', 'No']);
    expect(table.notes[0]).toMatch(/^\[c\] confidential: a count from 1 to 5/);
  });

  it('withholds small not-proven counts and small counts in warnings', () => {
    expect(facts(section)['Outcomes not proven']).toMatch(/^\[c\] offences in the year to December 2024 and 37 in the whole extract/);
    // Without the unknown-ethnicity table the note is listed, written after disclosure: 2 is withheld, and so is 2 of 11 as a percentage.
    const withoutTable = dataQualitySection(ctx({ records: [], threshold: 5 }));
    expect(blocks(withoutTable, 'list')[0]?.items).toContain(messages.noteDisproUnknownEthnicityHigh.text({
      unknown: '[c]', total: '11', counted: 'children sentenced at court', window: 'year to December 2024', percent: '[c]', stage: 'custody',
    }));
    expect(blocks(dataQualitySection(ctx({ records: [] })), 'list')[0]?.items.join(' ')).toContain('2 of 11 children sentenced at court in the year to December 2024 (18.2%)');
  });
});

describe('dataQualitySection: other runs', () => {
  it('says when no files were read (a store loaded earlier), and when there are no warnings', () => {
    const section = dataQualitySection(ctx({ dq: { ...DQ, files: [], warnings: [], loadWarnings: [] }, records: [], notes: [] }));
    expect(blocks(section, 'paragraphs').flatMap((b) => b.paragraphs)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^No extract files were read in this run/),
      'There are no data-quality warnings for this period.',
    ]));
    expect(blocks(section, 'table')).toEqual([]);
  });
});

describe('dataQualitySection: file notes', () => {
  it('says when no row had a warning', () => {
    const files = DQ.files.map((f) => ({ ...f, warningRows: 0, warningRowsAtLeast: false }));
    const section = dataQualitySection(ctx({ dq: { ...DQ, files } }));
    expect(tableById(section, 'table-files').notes).toContain('No row had a warning.');
    expect(tableById(dataQualitySection(ctx()), 'table-files').notes).not.toContain('No row had a warning.');
  });
});

describe('dataQualitySection: population estimates (issue 9)', () => {
  // P = 2024-25-Q3 (year to December 2024) needs mid-2024; population.csv holds up to mid-2021.
  const estimates = [
    { period: '2023-24-Q4', wanted: 2023, year: 2021 },
    { period: '2024-25-Q1', wanted: 2024, year: 2021 },
    { period: '2024-25-Q2', wanted: 2024, year: 2021 },
    { period: '2024-25-Q3', wanted: 2024, year: 2021 },
  ];
  const stale = ctx({ population: { year: 2021, fallback: true, estimates } });

  it('names the estimate used for the year to P, how much older it is, and the estimate of each run of quarters', () => {
    expect(facts(dataQualitySection(stale))['Population aged 10–17']).toBe(
      'ONS mid-2021 population estimate for the year to this period, the latest in population.csv: that year needs mid-2024.'
      + ' It is 3 years older than that, so the rates may be off: see the warnings below.');
    const mixed = ctx({ population: { year: 2024, fallback: false, estimates: [
      { period: '2023-24-Q3', wanted: 2023, year: 2023 }, { period: '2023-24-Q4', wanted: 2023, year: 2023 },
      { period: '2024-25-Q1', wanted: 2024, year: 2024 },
    ] } });
    expect(facts(dataQualitySection(mixed))['Population aged 10–17']).toBe('ONS mid-2024 population estimate for the year to this period.'
      + ' By quarter: mid-2023 for the years to each quarter from 2023-24-Q3 to 2023-24-Q4; mid-2024 for the year to 2024-25-Q1.');
  });

  it('warns when a quarter uses an estimate more than 2 years older than it needs, for the board and the public', () => {
    // 2023-24-Q4 needs mid-2023: 2 years, no warning. The three quarters needing mid-2024: 3 years.
    const warning = messages.warnPopulationEstimateOld.text({
      periods: 'the years to each quarter from 2024-25-Q1 to 2024-25-Q3', year: 2021, age: '3 years',
      wanted: 'the mid-2024 estimate', need: 'those years need', threshold: 2,
    });
    for (const threshold of [null, 5]) {
      const list = blocks(dataQualitySection({ ...stale, threshold }), 'list')[0]!;
      expect(list.heading).toBe('Warnings');
      expect(list.items).toContain(warning);
    }
  });

  it('does not warn about an estimate up to 2 years old, nor say there are warnings when there are none', () => {
    const recent = ctx({ dq: { ...DQ, warnings: [], loadWarnings: [] }, notes: [], population: { year: 2022, fallback: true, estimates: [
      { period: '2024-25-Q3', wanted: 2024, year: 2022 },
    ] } });
    expect(blocks(dataQualitySection(recent), 'paragraphs').flatMap((b) => b.paragraphs))
      .toContain('There are no data-quality warnings for this period.');
  });
});
