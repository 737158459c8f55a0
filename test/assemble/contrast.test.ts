import { describe, expect, it } from 'vitest';
import { contrastRatio, darkenToContrast, formatRatio, relativeLuminance, WHITE } from '../../pipeline/assemble/contrast.js';

describe('contrast (WCAG 2.2)', () => {
  it('gives 21:1 for black on white and 1:1 for a colour on itself', () => {
    // (1 + 0.05) / (0 + 0.05) = 21.
    expect(contrastRatio('#000000', WHITE)).toBeCloseTo(21, 10);
    expect(contrastRatio('#12436D', '#12436D')).toBe(1);
  });

  it('puts the Analysis Function dark blue at about 10.2:1', () => {
    // Channels 0x12, 0x43, 0x6D → linear 0.00605, 0.05614, 0.15294 (((c/255 + 0.055) / 1.055) ^ 2.4);
    // L = 0.2126 × 0.00605 + 0.7152 × 0.05614 + 0.0722 × 0.15294 = 0.05248; 1.05 / 0.10248 = 10.25.
    expect(relativeLuminance('#12436D')).toBeCloseTo(0.05248, 4);
    expect(contrastRatio('#12436D', WHITE)).toBeCloseTo(10.25, 1);
  });

  it('passes #767676 (4.54:1) and fails #777777 (4.48:1), the greys either side of 4.5', () => {
    // 0x76 = 118: ((118/255 + 0.055) / 1.055) ^ 2.4 = 0.18116; 1.05 / 0.23116 = 4.542.
    // 0x77 = 119: 0.18448; 1.05 / 0.23448 = 4.478.
    expect(contrastRatio('#767676', WHITE)).toBeCloseTo(4.542, 2);
    expect(contrastRatio('#777777', WHITE)).toBeCloseTo(4.478, 2);
    expect(formatRatio(contrastRatio('#777777', WHITE))).toBe('4.47:1');
  });

  it('suggests the lightest shade of the same hue that passes', () => {
    // Each grey channel can only drop to a whole number: 119 → 118 is the first that passes.
    expect(darkenToContrast('#777777')).toBe('#767676');
    expect(darkenToContrast('#12436d')).toBe('#12436D');
    const orange = darkenToContrast('#F46A25');
    expect(contrastRatio(orange, WHITE)).toBeGreaterThanOrEqual(4.5);
    // Same hue: every channel scaled by one factor (0xF4 : 0x6A = 244 : 106).
    const [r, g] = [parseInt(orange.slice(1, 3), 16), parseInt(orange.slice(3, 5), 16)];
    expect(r / g).toBeCloseTo(244 / 106, 1);
  });
});
