import { describe, expect, it } from 'vitest';
import { cover, logoDataUri } from '../../../pipeline/assemble/sections/cover.js';
import { parsePeriod } from '../../../pipeline/period.js';

describe('cover', () => {
  it('inlines the logo as a data: URI with a text alternative', () => {
    // "abc" in base64 is "YWJj".
    const logo = { mediaType: 'image/svg+xml', bytes: new TextEncoder().encode('abc') };
    expect(logoDataUri(logo)).toBe('data:image/svg+xml;base64,YWJj');
    const c = cover('Wolverhampton YJS', parsePeriod('2024-25-Q3'), '2025-01-14T09:30:00.000Z', 'public', logo);
    expect(c.logo).toEqual({ src: 'data:image/svg+xml;base64,YWJj', alt: 'Wolverhampton YJS logo' });
  });

  it('encodes only the logo\'s own bytes when they sit inside a larger buffer', () => {
    const buffer = new TextEncoder().encode('xxabcxx');
    expect(logoDataUri({ mediaType: 'image/png', bytes: buffer.subarray(2, 5) })).toBe('data:image/png;base64,YWJj');
  });

  it('has no logo when none is configured', () => {
    expect(cover('YJS', parsePeriod('2024-25-Q3'), '2025-01-14T09:30:00.000Z', 'board').logo).toBeNull();
  });
});
