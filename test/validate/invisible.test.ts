import { describe, expect, it } from 'vitest';
import { mayHoldInvisible, trimInvisible } from '../../pipeline/validate/invisible.js';

describe('trimInvisible', () => {
  it.each([
    ['\tC1\t', 'C1'], ['\u00a0C1', 'C1'], ['C1\u200b', 'C1'], ['\ufeffC1\u2060', 'C1'], ['\u3000C1\u202f', 'C1'],
    [' C 1 ', 'C 1'], ['C\u200b1', 'C\u200b1'], ['\u200b\u00a0\t', ''],
  ])('%j → %j', (raw, trimmed) => {
    expect(trimInvisible(raw)).toBe(trimmed);
  });
});

describe('mayHoldInvisible', () => {
  it('is false for plain ASCII text without tabs or form feeds', () => {
    expect(mayHoldInvisible(Buffer.from('a,b\n1,2\r\n'), 0)).toBe(false);
  });

  it.each([['a tab', 'a\tb'], ['a vertical tab', 'a\u000bb'], ['a no-break space', 'a\u00a0b'], ['a zero-width space', 'a\u200bb']])(
    'is true with %s', (_name, text) => {
      expect(mayHoldInvisible(Buffer.from(text), 0)).toBe(true);
    });

  it('looks past the leading byte order mark only', () => {
    expect(mayHoldInvisible(Buffer.from('\ufeffa,b\n'), 3)).toBe(false);
    expect(mayHoldInvisible(Buffer.from('\ufeffa,\ufeffb\n'), 3)).toBe(true);
  });
});
