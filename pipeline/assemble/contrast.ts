/**
 * Colour contrast (WCAG 2.2, 1.4.3): the accent colour of a pack is used for
 * headings, links and borders on white, so it must reach 4.5:1 against white,
 * as GOV.UK text colours do. Pure arithmetic on "#RRGGBB" strings.
 */

/** WCAG 2.2 AA minimum for normal-size text. */
export const MIN_TEXT_CONTRAST = 4.5;

export const WHITE = '#FFFFFF';

/** Relative luminance of an sRGB colour (WCAG definition). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** (lighter + 0.05) / (darker + 0.05): 1 for the same colour, 21 for black on white. */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * The same hue darkened (each channel scaled down by one factor) just enough
 * to reach `target` against white: a suggestion a user can paste into the
 * config. Returns the colour itself when it already passes.
 */
export function darkenToContrast(hex: string, target: number = MIN_TEXT_CONTRAST): string {
  if (contrastRatio(hex, WHITE) >= target) return normaliseHex(hex);
  const rgb = channels(hex);
  // Contrast only grows as the factor falls, so halve the interval until the step is below one channel unit.
  let lo = 0;
  let hi = 1;
  while (hi - lo > 1 / 1024) {
    const mid = (lo + hi) / 2;
    if (contrastRatio(toHex(rgb.map((c) => Math.floor(c * mid))), WHITE) >= target) lo = mid; else hi = mid;
  }
  return toHex(rgb.map((c) => Math.floor(c * lo)));
}

/** "2.93:1", rounded down so a colour is never shown as passing when it does not. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

export function normaliseHex(hex: string): string {
  return `#${hex.replace(/^#/, '').toUpperCase()}`;
}

function channels(hex: string): [number, number, number] {
  const m = /^#?([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$/.exec(hex);
  if (!m) throw new RangeError(`not a #RRGGBB colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}
