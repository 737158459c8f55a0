import { describe, expect, it } from 'vitest';
import { messages } from '../../../pipeline/messages.js';
import { inYearTo, partialYearNotes, populationNotes, reportedQuarters } from '../../../pipeline/compute/indicators/rolling-year.js';
import { formatPeriod, parsePeriod } from '../../../pipeline/period.js';
import { noteText } from '../../../pipeline/assemble/notes.js';

const P = parsePeriod('2024-25-Q2');

describe('rolling-year quarters', () => {
  it('reports quarters whose whole year lies in the history, plus P', () => {
    // Earliest outcome 5 May 2022 (2022-23-Q1) → first full year is the year to 2022-23-Q4 (April 2022 – March 2023).
    expect(reportedQuarters(P, '2022-05-05').map(formatPeriod)).toEqual([
      '2022-23-Q4', '2023-24-Q1', '2023-24-Q2', '2023-24-Q3', '2023-24-Q4', '2024-25-Q1', '2024-25-Q2',
    ]);
    // History from February 2024: no full year by P → P alone; no history → P alone.
    expect(reportedQuarters(P, '2024-02-15').map(formatPeriod)).toEqual(['2024-25-Q2']);
    expect(reportedQuarters(P, null).map(formatPeriod)).toEqual(['2024-25-Q2']);
  });

  it('places a day in the year to a quarter, both ends included', () => {
    // Year to 2024-25-Q2: 1 October 2023 – 30 September 2024.
    expect(inYearTo(P, '2023-09-30')).toBe(false);
    expect(inYearTo(P, '2023-10-01')).toBe(true);
    expect(inYearTo(P, '2024-09-30')).toBe(true);
    expect(inYearTo(P, '2024-10-01')).toBe(false);
  });

  it('notes a period whose year starts before the history', () => {
    expect(partialYearNotes('fte', P, '2023-10-01')).toEqual([]);
    expect(partialYearNotes('fte', P, '2023-10-02')).toHaveLength(1);
  });

  it('gathers quarters without a population into one note, and fallbacks by the years involved', () => {
    const notes = populationNotes('fte.rate', new Map([
      ['2023-24-Q4', null],
      ['2024-25-Q1', null],
      // Year to 2024-25-Q2 wants mid-2024; the estimate used is mid-2023.
      ['2024-25-Q2', { year: 2023, population: 100, fallback: true }],
    ]));
    expect(notes.map((n) => n.severity)).toEqual(['warning', 'info']);
    expect(notes[0]).toMatchObject({ message: 'noteNoPopulation', params: { periods: { kind: 'periods', codes: ['2023-24-Q4', '2024-25-Q1'], as: 'years' } } });
    expect(noteText(notes[0]!, null)).toContain('for the years to March 2024 and June 2024,');
    expect(notes[1]).toMatchObject({ message: 'notePopulationFallback', params: { wanted: 'mid-2024', year: 2023 } });
    expect(noteText(notes[1]!, null)).toBe('population.csv has no estimate for mid-2024, so the first time entrant rate for the year to September 2024 uses the mid-2023 estimate, the latest before them.');
  });

  it('gives one fallback note per run of consecutive quarters using the same estimate, naming the years they need', () => {
    const mid2021 = { year: 2021, population: 100, fallback: true };
    const notes = populationNotes('fte.rate', new Map([
      ['2023-24-Q3', mid2021], // year to Dec 2023: needs mid-2023
      ['2023-24-Q4', mid2021], // year to Mar 2024: needs mid-2023
      ['2024-25-Q1', mid2021], // year to Jun 2024: needs mid-2024
      ['2024-25-Q2', { year: 2024, population: 100, fallback: false }],
      ['2024-25-Q3', { year: 2022, population: 100, fallback: true }], // needs mid-2024 (hypothetical: 2023 unusable)
    ]));
    expect(notes.map((n) => noteText(n, null))).toEqual([
      'population.csv has no estimate for mid-2023 to mid-2024, so the first time entrant rate for the years to each quarter from December 2023 to June 2024 uses the mid-2021 estimate, the latest before them.',
      'population.csv has no estimate for mid-2024, so the first time entrant rate for the year to December 2024 uses the mid-2022 estimate, the latest before them.',
    ]);
  });
});
