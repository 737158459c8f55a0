/**
 * CSV cells that are safe to open in Excel. Values can come from the user's
 * own files, so text Excel would run as a formula (leading = + - @, tab or
 * CR) is prefixed with a quote mark; numbers stay numbers, so negative values
 * remain numeric.
 */

export function formulaSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = formulaSafe(String(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
