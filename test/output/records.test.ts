import { describe, expect, it } from 'vitest';
import { recordsToCsv, recordsToJson } from '../../pipeline/output/records.js';
import { csvCell } from '../../pipeline/output/csv.js';
import type { IndicatorRecord } from '../../pipeline/compute/record.js';

const rec: IndicatorRecord = {
  suppressed: false, unit: '%', upper: 33.514, lower: 8.349, value: 17.647, denominator: 34, numerator: 6,
  breakdown: { index_type: 'court', cohort: '2023-24-Q1' }, period: '2024-25-Q3', id: 'reoffending.binary', status: 'complete',
};

describe('record output', () => {
  it('writes JSON keys in the order of indicators.md whatever order the record was built in', () => {
    const json = recordsToJson([rec]);
    expect(json.indexOf('"id"')).toBeLessThan(json.indexOf('"period"'));
    expect(json.indexOf('"cohort"')).toBeLessThan(json.indexOf('"index_type"'));
    expect(json.indexOf('"unit"')).toBeLessThan(json.indexOf('"status"'));
    expect(JSON.parse(json)).toEqual([rec]);
  });

  it('flattens breakdowns into columns in CSV', () => {
    const [header, row] = recordsToCsv([rec]).split('\r\n');
    const cols = header!.split(',');
    const cells = row!.split(',');
    expect(cells[cols.indexOf('cohort')]).toBe('2023-24-Q1');
    expect(cells[cols.indexOf('index_type')]).toBe('court');
    expect(cells[cols.indexOf('value')]).toBe('17.647');
    expect(cells[cols.indexOf('group')]).toBe('');
  });

  it('neutralises cells Excel would run as formulas, but keeps negative numbers numeric', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell(null)).toBe('');
  });

  it('writes [c] in the value cells of a hidden record for a public file, and keeps a base that is shown', () => {
    const hidden = { ...rec, numerator: null, value: null, lower: null, upper: null, suppressed: true };
    const [header, row, shownRow] = recordsToCsv([hidden, rec], { confidential: true }).split('\r\n');
    const cols = header!.split(',');
    const cells = row!.split(',');
    expect(['numerator', 'denominator', 'value', 'lower', 'upper'].map((c) => cells[cols.indexOf(c)])).toEqual(['[c]', '34', '[c]', '[c]', '[c]']);
    // Columns that are not figures stay as they are; a shown record has no [c]; the board's file has none at all.
    expect(cells[cols.indexOf('group')]).toBe('');
    expect(shownRow).not.toContain('[c]');
    expect(recordsToCsv([hidden])).not.toContain('[c]');
  });
});
