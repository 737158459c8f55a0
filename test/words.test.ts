import { describe, expect, it } from 'vitest';
import { capitalise, listOf } from '../pipeline/words.js';

describe('listOf', () => {
  it('joins none, one, two and three items with commas and a final "and"', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['Asian'])).toBe('Asian');
    expect(listOf(['Asian', 'Black'])).toBe('Asian and Black');
    expect(listOf(['Asian', 'Black', 'Mixed'])).toBe('Asian, Black and Mixed');
  });
});

describe('capitalise', () => {
  it('upper-cases the first letter only, and leaves an empty string alone', () => {
    expect(capitalise('first time entrants')).toBe('First time entrants');
    expect(capitalise('')).toBe('');
  });
});
