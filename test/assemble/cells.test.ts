/**
 * A figure with what it is built on: the count and base travel beside the
 * figure as their own part of the cell (shown on a line of their own under
 * it, docs/layout.md), and read with it as one ("44.4% (12 of 27)").
 */
import { describe, expect, it } from 'vitest';
import { cellReading, countOfBase, figureWithBasisCell, valueWithCountsCell } from '../../pipeline/assemble/cells.js';
import { record } from '../../pipeline/compute/record.js';

// 12 of 27 = 44.44…%: one decimal reads its interval ends apart.
const ete = record({ id: 'ete.overall', period: '2024-25-Q2', breakdown: {}, numerator: 12, denominator: 27, value: 44.444, lower: 27.6, upper: 62.7, unit: '%' });

describe('a figure with its count and base', () => {
  it('keeps the figure as the cell text and the count and base, thousands separated, as its basis', () => {
    const rate = record({ id: 'dispro.rate', period: '2024-25-Q2', breakdown: {}, numerator: 161, denominator: 6553, value: 24.569, lower: 20.9, upper: 28.7, unit: 'per 1,000' });
    expect(valueWithCountsCell(ete)).toEqual({ text: '44.4%', numeric: true, basis: '(12 of 27)' });
    // 161 / 6,553 × 1,000 = 24.57, to one decimal.
    expect(valueWithCountsCell(rate)).toEqual({ text: '24.6', numeric: true, basis: '(161 of 6,553)' });
    expect(cellReading(valueWithCountsCell(ete))).toBe('44.4% (12 of 27)');
  });

  it('has no basis when the record lacks its count or base, and only the symbol when it is hidden', () => {
    const noBase = { ...ete, denominator: null };
    expect(countOfBase(noBase)).toBeNull();
    expect(valueWithCountsCell(noBase)).toEqual({ text: '44.4%', numeric: true });
    expect(cellReading(valueWithCountsCell({ ...ete, suppressed: true }))).toBe('[c]');
    expect(figureWithBasisCell('1.73', null)).toEqual({ text: '1.73', numeric: true });
    expect(cellReading(figureWithBasisCell('1.73', '(19 reoffences by 11)'))).toBe('1.73 (19 reoffences by 11)');
  });
});
